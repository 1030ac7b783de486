package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/capture"
	"github.com/parley-app/parley/tui/pane/agenda"
	"github.com/parley-app/parley/tui/pane/calc"
	"github.com/parley-app/parley/tui/pane/deal"
	"github.com/parley-app/parley/tui/pane/followup"
	"github.com/parley-app/parley/tui/pane/ledger"
	"github.com/parley-app/parley/tui/pane/notes"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// paneID names the six panes in key order.
type paneID int

const (
	paneAgenda paneID = iota
	paneLedger
	paneNotes
	paneFollowUp
	paneCalc
	paneDeal
	paneCount
)

// pane is one of the six panes. A pane owns its rows and selection; it gets
// the shared snapshot when the data changes and keys when it has focus, and
// asks for everything else with ui messages.
type pane interface {
	Title() string
	SetSize(w, h int)
	SetData(s *vocab.Snapshot)
	Update(msg tea.KeyMsg) tea.Cmd
	View(focused bool) []string // exactly the size set, line by line
	Keys() []key.Binding
	Typing() bool // a text field of the pane (its filter) has the keys
}

// Options configure the workbench.
type Options struct {
	Private  bool               // start with privacy on
	Theme    Theme              // colours; ThemeAuto asks the terminal
	Mouse    bool               // click to focus, wheel to scroll
	Now      func() time.Time   // the clock; time.Now when nil
	Renderer *lipgloss.Renderer // for tests; made from Theme when nil
	BriefDir string             // where E writes briefs; the working folder when empty
	// Tick schedules a message after a delay (tea.Tick when nil); tests
	// replace it to fire timers when they choose.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// DraftDelay is how long after the last keystroke typed text is kept
	// as a draft (a second when 0).
	DraftDelay time.Duration
	// Events, when set, tells the workbench of every commit to the file
	// (desk.Session.Events): it looks for changes then, and never polls.
	Events <-chan desk.Event
	// Poll is how often the workbench looks for changes other processes
	// made to the file when it has no Events (a second when 0; never when
	// negative). The look is scheduled with Tick, so tests fire it when
	// they choose.
	Poll time.Duration
	// Portfolio starts on the portfolio page (a manager on the team's server).
	Portfolio bool
}

// Model is the workbench's root model.
type Model struct {
	store  Store
	opts   Options
	st     *ui.Styles
	keys   globalKeys
	now    time.Time // the header clock's time, moved on by ticks while a meeting runs
	width  int
	height int

	snap    *vocab.Snapshot // nil until a negotiation is open
	private bool
	// access is what the person may do with the open negotiation, as the
	// store said when it was read; every snapshot carries it.
	access vocab.Access
	// partial: the open negotiation came without its older notes, which
	// fullCmd is reading (head.go); followed counts the changes followed,
	// so that a whole read made before one of them is made again.
	partial    bool
	partialErr error // why the older notes could not be read
	followed   int
	// replayed is the last replay worked out, for the next one to take
	// over what did not change (model.Dossier.ReplayAfter).
	replayed *model.Replay
	// reading: a change made elsewhere is being read (reload.go); the
	// workbench waits for the next one once it is on screen.
	reading bool
	// early holds the keys typed before the first screen had its data
	// (early.go); shown is set once it has.
	early []tea.KeyMsg
	shown bool
	// toDecide counts the requests for approval waiting for the person's
	// decision (approvals.go), shown in the header.
	toDecide int
	// decidedHere are the requests decided on this workbench's page: their
	// answer is not news to it (answers.go).
	decidedHere map[uint64]bool

	agenda   *agenda.Pane
	followUp *followup.Pane
	calc     *calc.Pane
	deal     *deal.Pane
	panes    [paneCount]pane
	focus    paneID
	desk     paneID // the pane shown on the left: agenda, follow-up, calculator or deal
	live     paneID // the pane shown on the right: ledger or notes

	capture *capture.Line
	stack   []modal // forms and dialogs, the top one has the keys

	status     statusLine
	clock      bool // a clock tick is scheduled
	quitAnyway bool // quit asked once: the next one leaves even without the draft

	// drawn keeps each pane's framed lines from the last frame. A key that
	// only the focused pane handled redraws that pane alone, one typed on
	// the capture line none; anything else (another message, a modal, a
	// global key) redraws them all.
	drawn       [paneCount]drawnPane
	drawnHeader drawnHeader // the header as drawn last (chrome.go)
	drawnBody   drawnBody   // the panes as joined last (layout.go)
	paneOnly    bool        // the key being handled went to the focused pane only
	lineOnly    bool        // the key being handled went to the open capture line only
	focusOnly   bool        // the key being handled moved the focus only

	bases      map[int]any       // by form ID: the stored record each form started from (conflict.go)
	formDrafts map[string]string // form text kept in the file, by draft key
	draftsRead bool              // formDrafts was filled from the file at start

	ahead aheadState // the forecast, budgets, owed and suggestions follow each change (ahead.go)

	// waitEvent makes the command that waits for the next commit to the
	// file (reload.go); tests record the wait instead of blocking on it.
	waitEvent func(<-chan desk.Event) tea.Cmd

	opener  Opener // opens the file behind the first frame (open.go); nil: the store was given
	openErr error  // why the file could not be opened
}

// drawnPane is a pane's last drawing and whether it still holds, and the
// size layout last gave the pane.
type drawnPane struct {
	ok      bool
	focused bool
	lines   []string
	w, h    int
}

// redrawAll forgets every pane's last drawing.
func (m *Model) redrawAll() {
	for i := range m.drawn {
		m.drawn[i].ok = false
	}
}

// statusLine is the message in the footer.
type statusLine struct {
	text  string
	isErr bool
}

// New makes the workbench on a store.
func New(s Store, opts Options) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Renderer == nil {
		opts.Renderer = ui.NewRenderer(opts.Theme)
	}
	if opts.Tick == nil {
		opts.Tick = tea.Tick
	}
	if opts.DraftDelay <= 0 {
		opts.DraftDelay = time.Second
	}
	if opts.Poll == 0 {
		opts.Poll = time.Second
	}
	m := &Model{store: s, opts: opts, st: ui.NewStyles(opts.Renderer), keys: newGlobalKeys(),
		now: opts.Now(), private: opts.Private, desk: paneAgenda, live: paneLedger, waitEvent: waitEvent}
	m.agenda, m.followUp, m.calc, m.deal = agenda.New(opts.Now), followup.New(opts.Now), calc.New(), deal.New(opts.Now)
	m.panes = [paneCount]pane{
		paneAgenda:   m.agenda,
		paneLedger:   ledger.New(opts.Now),
		paneNotes:    notes.New(opts.Now),
		paneFollowUp: m.followUp,
		paneCalc:     m.calc,
		paneDeal:     m.deal,
	}
	m.capture = capture.New(m.st, opts.Now, opts.Tick, opts.DraftDelay)
	m.formDrafts = map[string]string{}
	return m
}

// Init reads the negotiation opened last and starts looking for changes
// made by others; under RunOpening, it opens the file first (open.go).
func (m *Model) Init() tea.Cmd {
	if m.store == nil && m.opener != nil {
		return openCmd(m.opener)
	}
	return m.start()
}

// start reads the negotiation opened last and starts looking for changes
// made by others; a manager starts on the portfolio.
func (m *Model) start() tea.Cmd {
	if m.opts.Portfolio {
		return tea.Batch(loadCmd(m.store, 0), m.poll(), m.openPortfolio(), toDecideCmd(m.store))
	}
	return tea.Batch(loadCmd(m.store, 0), m.poll(), toDecideCmd(m.store))
}

// Update routes one message (route), then, when the message changed the
// open negotiation, starts working out the forecast, budget left, owed and
// suggestions off the UI goroutine (ahead.go): too slow for a refresh.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if msg, ok := msg.(aheadMsg); ok {
		m.takeAhead(msg)
		return m, nil
	}
	_, cmd := m.route(msg)
	if next := m.aheadCmd(); next != nil {
		return m, tea.Batch(cmd, next)
	}
	return m, cmd
}

// route gives a message to whoever owns it: keys by the modal stack, the
// capture line and the focus; answers to whoever asked; requests of the
// components to the root's own handlers.
func (m *Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case tea.KeyMsg: // what a key changed is drawn again below
	case pollMsg, changedMsg:
		// Looking for a change draws nothing: on a team server each commit
		// makes every session look, often twice (its own event, then the
		// file's), and only a read that brought something is drawn again.
	case reloadedMsg:
		// What was read again redraws what it changed (takeReloaded): a
		// note from elsewhere, the notes pane alone.
	case toDecideMsg, vocab.KeepDraftMsg, vocab.DraftKeptMsg:
		// The header's count, and the capture line's draft: no pane. Every
		// session counts again after every commit, and every key typed on
		// the capture line keeps a draft a moment later.
	default:
		if !capture.Quiet(msg) {
			m.redrawAll()
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(0, msg.Width), max(0, msg.Height)
		m.layout()
		return m, nil
	case tea.KeyMsg:
		if m.keepEarly(msg) {
			return m, nil
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			return m, m.typed(msg)
		}
		m.paneOnly, m.lineOnly, m.focusOnly = false, false, false
		cmd := m.handleKey(msg)
		switch {
		case m.lineOnly:
		case m.focusOnly:
			// The panes that gained and lost the focus are drawn again
			// (panesView), and those layout gave another size.
		case m.paneOnly:
			m.drawn[m.focus].ok = false
		default:
			m.redrawAll()
		}
		return m, cmd
	case tea.MouseMsg:
		return m, m.handleMouse(msg)
	case openedMsg:
		return m, m.takeOpened(msg)
	case loadedMsg:
		return m, m.typedEarly(m.lookedAgain(m.takeLoaded(msg)))
	case pollMsg:
		return m, changedCmd(m.store)
	case changedMsg:
		return m, m.takeChanged(msg)
	case reloadedMsg:
		return m, m.lookedAgain(m.takeReloaded(msg))
	case fullMsg:
		return m, m.takeFull(msg)
	case earlyKeysMsg:
		return m, m.takeEarly(msg)
	case answeredMsg:
		m.takeAnswers(msg)
		return m, nil
	case undoneMsg:
		return m, m.takeUndone(msg)
	case clockMsg:
		m.clock = false
		m.now = time.Time(msg)
		return m, m.tick()
	}
	return m, m.request(msg)
}
