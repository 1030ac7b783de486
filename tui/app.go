package tui

import (
	"errors"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// paneID names the five panes in key order.
type paneID int

const (
	paneAgenda paneID = iota
	paneLedger
	paneNotes
	paneFollowUp
	paneCalc
	paneCount
)

// pane is one of the five panes. A pane owns its rows and ui.Selection; it gets
// the shared snapshot when the data changes and keys when it has focus.
type pane interface {
	Title() string
	SetSize(w, h int)
	SetData(s *snapshot)
	Update(msg tea.KeyMsg) tea.Cmd
	View(focused bool) []string // exactly the size set, line by line
	Keys() []key.Binding
	Typing() bool // a text field of the pane (its filter) has the keys
}

// snapshot is the negotiation as the panes see it, with the numbers derived
// from it computed once per change.
type snapshot struct {
	d       *model.Dossier
	r       *model.Replay
	private bool
	st      *ui.Styles
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

	snap    *snapshot // nil until a negotiation is open
	private bool

	panes [paneCount]pane
	focus paneID
	desk  paneID // the pane shown on the left: agenda, follow-up or calculator
	live  paneID // the pane shown on the right: ledger or notes

	capture *captureLine
	form    *form
	confirm *confirmDialog
	picker  *picker
	stage   *stageDialog
	help    bool
	welcome *welcome

	status statusLine
	clock  bool // a clock tick is scheduled

	// drawn keeps each pane's framed lines from the last ui.Frame. A key that
	// only the focused pane handled redraws that pane alone; anything else
	// (another message, a modal, a global key) redraws them all.
	drawn    [paneCount]drawnPane
	paneOnly bool // the key being handled went to the focused pane only

	formDrafts map[string]string // form text kept in the file, by draft key
	draftsRead bool              // formDrafts was filled from the file at start
}

// drawnPane is a pane's last drawing and whether it still holds.
type drawnPane struct {
	ok      bool
	focused bool
	lines   []string
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
	m := &Model{store: s, opts: opts, st: ui.NewStyles(opts.Renderer), keys: newGlobalKeys(),
		now: opts.Now(), private: opts.Private, desk: paneAgenda, live: paneLedger}
	m.panes = [paneCount]pane{
		paneAgenda:   newAgendaPane(m),
		paneLedger:   newLedgerPane(m),
		paneNotes:    newNotesPane(m),
		paneFollowUp: newFollowUpPane(m),
		paneCalc:     newCalcPane(m),
	}
	m.capture = newCaptureLine(m)
	m.formDrafts = map[string]string{}
	return m
}

// Run runs the workbench on the terminal until the user quits.
func Run(s Store, opts Options) error {
	m := New(s, opts)
	progOpts := []tea.ProgramOption{tea.WithAltScreen()}
	if opts.Mouse {
		progOpts = append(progOpts, tea.WithMouseCellMotion())
	}
	_, err := tea.NewProgram(m, progOpts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) {
		return nil
	}
	return err
}

// Init reads the negotiation opened last.
func (m *Model) Init() tea.Cmd { return loadCmd(m.store, 0) }

// Update routes one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, isKey := msg.(tea.KeyMsg); !isKey {
		m.redrawAll()
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(0, msg.Width), max(0, msg.Height)
		m.layout()
		return m, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			return m, m.typed(msg)
		}
		m.paneOnly = false
		cmd := m.handleKey(msg)
		if m.paneOnly {
			m.drawn[m.focus].ok = false
		} else {
			m.redrawAll()
		}
		return m, cmd
	case tea.MouseMsg:
		return m, m.handleMouse(msg)
	case loadedMsg:
		return m, m.takeLoaded(msg)
	case changedMsg:
		return m, m.changed(msg)
	case clockMsg:
		m.clock = false
		m.now = time.Time(msg)
		return m, m.tick()
	case formDraftTickMsg:
		return m, m.keepFormDraft(msg)
	case draftMsg, draftTickMsg, captureSavedMsg:
		return m, m.capture.handle(msg)
	case pickerDataMsg:
		if m.picker != nil {
			m.picker.setData(msg)
		}
		return m, nil
	case accountSavedMsg, negotiationSavedMsg, pickerChangedMsg:
		return m, m.pickerAnswer(msg)
	case briefWrittenMsg:
		return m, m.briefWritten(msg)
	case errMsg:
		m.setError(msg.err)
		return m, nil
	case infoMsg:
		m.setStatus(msg.text)
		return m, nil
	}
	return m, nil
}

// typed takes keys that reached the terminal in one read (fast typing, or
// tmux send-keys): Bubble Tea hands them over as one message, and they are
// taken one by one, as typed, so that "n" opens the capture line before the
// next letters go into it.
func (m *Model) typed(msg tea.KeyMsg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	for _, r := range msg.Runes {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// handleKey gives a key to the layer that owns the keyboard now.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	switch {
	case m.confirm != nil:
		cmd, done := m.confirm.update(msg)
		if done {
			m.confirm = nil
		}
		return cmd
	case m.form != nil:
		before := fmt.Sprint(m.form.values())
		cmd, done := m.form.update(msg)
		if done {
			m.setStatus("Cancelled: nothing changed")
			return tea.Batch(cmd, m.closeForm())
		}
		if m.form != nil && fmt.Sprint(m.form.values()) != before {
			return tea.Batch(cmd, m.formEdited())
		}
		return cmd
	case m.picker != nil:
		return m.picker.update(msg)
	case m.stage != nil:
		return m.stage.update(msg)
	case m.help:
		m.help = false
		return nil
	case m.capture.open:
		return m.capture.update(msg)
	case m.snap == nil:
		if m.welcome != nil {
			return m.welcome.update(msg)
		}
		if key.Matches(msg, m.keys.Quit) {
			return m.quit()
		}
		return nil
	case m.panes[m.focus].Typing():
		m.paneOnly = true
		return m.panes[m.focus].Update(msg)
	}
	return m.globalKey(msg)
}

// globalKey handles the workbench's own keys and passes the rest to the focused pane.
func (m *Model) globalKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Next):
		m.setFocus((m.focus + 1) % paneCount)
	case key.Matches(msg, k.Prev):
		m.setFocus((m.focus + paneCount - 1) % paneCount)
	case key.Matches(msg, k.Help):
		m.help = true
	case key.Matches(msg, k.Capture):
		return m.capture.show()
	case key.Matches(msg, k.Concession):
		m.openConcessionForm(model.Concession{})
	case key.Matches(msg, k.Meeting):
		m.toggleMeeting()
	case key.Matches(msg, k.Privacy):
		m.private = !m.private
		m.refresh()
		if m.private {
			m.setStatus("Privacy on: targets, walk-aways, weights, scores and money are hidden")
		} else {
			m.setStatus("Privacy off")
		}
	case key.Matches(msg, k.Stage):
		m.stage = newStageDialog(m)
	case key.Matches(msg, k.Open):
		return m.openPicker()
	case key.Matches(msg, k.Brief):
		return m.writeBrief()
	default:
		for i, b := range k.Panes {
			if key.Matches(msg, b) {
				m.setFocus(paneID(i))
				return nil
			}
		}
		m.paneOnly = true
		return m.panes[m.focus].Update(msg)
	}
	return nil
}

func (m *Model) quit() tea.Cmd {
	// A capture line still being typed is kept as a draft before leaving.
	return tea.Sequence(m.capture.flush(), tea.Quit)
}

// setFocus focuses a pane and brings it on screen.
func (m *Model) setFocus(p paneID) {
	m.paneOnly = false
	m.focus = p
	switch p {
	case paneAgenda, paneFollowUp, paneCalc:
		if m.desk != p {
			m.desk = p
			m.layout()
		}
	default:
		if m.live != p {
			m.live = p
			m.layout()
		}
	}
}
