package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// draftDelay is how long after the last keystroke the capture line's text is
// kept as a draft.
const draftDelay = time.Second

// draftTickMsg fires draftDelay after a keystroke; seq says which one.
type draftTickMsg struct {
	seq   int
	negID uint64
}

// captureSavedMsg answers a saved capture line.
type captureSavedMsg struct {
	token  int
	text   string
	status string
	apply  func(d *model.Dossier)
	err    error
}

// captureLine is the one-line capture of DESIGN section 3. It stays open
// after Enter for the next line; a refused line stays with the reason under
// it; what is typed is kept as a draft within a second of the last keystroke.
type captureLine struct {
	m        *Model
	open     bool
	input    textinput.Model
	err      error  // why the last Enter was refused or failed
	info     string // what the last Enter saved
	seq      int    // keystrokes that changed the text
	drafted  string // the text last kept as a draft
	inflight map[int]string
	token    int
	keys     struct{ Save, Close key.Binding }
}

func newCaptureLine(m *Model) *captureLine {
	c := &captureLine{m: m, inflight: map[int]string{}}
	c.input = textinput.New()
	c.input.Prompt = "› "
	c.input.Placeholder = model.CaptureHelp
	c.input.CharLimit = 2000
	c.input.Cursor.SetMode(cursor.CursorStatic)
	c.keys.Save = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save, keep typing"))
	c.keys.Close = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close (text kept)"))
	return c
}

// reset empties the line for another negotiation.
func (c *captureLine) reset() {
	c.input.SetValue("")
	c.err, c.info, c.drafted = nil, "", ""
}

func (c *captureLine) draftKey() string { return fmt.Sprintf("capture/%d", c.m.negID()) }

// loadDraft asks for the draft kept for the open negotiation.
func (c *captureLine) loadDraft() tea.Cmd {
	return draftCmd(c.m.store, c.m.negID(), c.draftKey())
}

func (c *captureLine) show() tea.Cmd {
	if c.m.snap == nil {
		return nil
	}
	c.open = true
	c.m.layout()
	return c.input.Focus()
}

func (c *captureLine) shortHelp() []key.Binding { return []key.Binding{c.keys.Save, c.keys.Close} }

// handle takes the capture line's own messages.
func (c *captureLine) handle(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case draftMsg:
		if msg.err != nil {
			c.m.setError(fmt.Errorf("draft not read: %w", msg.err))
			return nil
		}
		if msg.negID == c.m.negID() && msg.text != "" && c.input.Value() == "" {
			c.input.SetValue(msg.text)
			c.drafted = msg.text
			c.info = "Restored the line you were typing"
			return c.show()
		}
	case draftTickMsg:
		if msg.seq == c.seq && msg.negID == c.m.negID() {
			return c.keepDraft()
		}
	case captureSavedMsg:
		return c.saved(msg)
	}
	return nil
}

// keepDraft writes the text as the draft when it changed.
func (c *captureLine) keepDraft() tea.Cmd {
	text := c.input.Value()
	if text == c.drafted || c.m.snap == nil {
		return nil
	}
	c.drafted = text
	return saveDraftCmd(c.m.store, c.draftKey(), text)
}

// flush keeps the draft at once (before quitting).
func (c *captureLine) flush() tea.Cmd { return c.keepDraft() }

func (c *captureLine) update(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, c.keys.Close):
		c.open = false
		c.input.Blur()
		c.m.layout()
		return c.keepDraft()
	case key.Matches(msg, c.keys.Save):
		return c.submit(false)
	}
	before := c.input.Value()
	var cmd tea.Cmd
	c.input, cmd = c.input.Update(msg)
	if c.input.Value() == before {
		return cmd
	}
	c.err, c.info = nil, ""
	c.seq++
	seq, negID := c.seq, c.m.negID()
	return tea.Batch(cmd, c.m.opts.Tick(draftDelay, func(time.Time) tea.Msg { return draftTickMsg{seq: seq, negID: negID} }))
}

// submit parses the line and saves it; a refused line stays as typed.
func (c *captureLine) submit(confirmed bool) tea.Cmd {
	m := c.m
	d := m.snap.d
	text := strings.TrimSpace(c.input.Value())
	capture, err := model.ParseCapture(text, d.Items)
	if err != nil {
		c.err = err
		return nil
	}
	now := m.opts.Now()
	var meetingID uint64
	if mt, ok := d.RunningMeeting(); ok {
		meetingID = mt.ID
	}
	status := "Saved " + map[model.CaptureKind]string{model.CaptureNote: "note", model.CaptureAction: "action",
		model.CaptureQuestion: "question"}[capture.Kind]
	if capture.Kind == model.CaptureConcession {
		con := capture.Concession(now, meetingID)
		if err := d.CheckConcession(con); err != nil {
			c.err = err
			return nil
		}
		effect := concessionEffect(d, m.snap.r, con)
		if effect.flags.Has(model.PastWalkAway) && !confirmed {
			m.askConfirm("This takes us past our walk-away. Log it anyway?", effect.summary(m.private),
				func() tea.Cmd { return c.submit(true) })
			return nil
		}
		status = "Saved: " + effect.summary(m.private)
	}
	c.token++
	token, negID, draftKey := c.token, m.negID(), c.draftKey()
	c.inflight[token] = text
	c.input.SetValue("")
	c.err, c.info = nil, "saving…"
	s := m.store
	return func() tea.Msg {
		id, err := s.Capture(negID, capture, now, meetingID, draftKey)
		msg := captureSavedMsg{token: token, text: text, status: status, err: err}
		if err != nil {
			return msg
		}
		if capture.Kind == model.CaptureConcession {
			con := capture.Concession(now, meetingID)
			con.ID = id
			msg.apply = func(d *model.Dossier) {
				d.Ledger = upsert(d.Ledger, con, func(c model.Concession) uint64 { return c.ID })
			}
		} else {
			note := capture.Note(now, meetingID)
			note.ID = id
			msg.apply = func(d *model.Dossier) {
				d.Notes = upsert(d.Notes, note, func(n model.Note) uint64 { return n.ID })
			}
		}
		return msg
	}
}

// saved takes the answer of a save: on failure the text comes back into the line.
func (c *captureLine) saved(msg captureSavedMsg) tea.Cmd {
	delete(c.inflight, msg.token)
	m := c.m
	if msg.err != nil {
		rest := c.input.Value()
		c.input.SetValue(strings.TrimSpace(msg.text + " " + rest))
		c.err = fmt.Errorf("not saved: %w", msg.err)
		c.info = ""
		return nil
	}
	c.info = msg.status + " ✓"
	m.setStatus(msg.status)
	c.drafted = ""
	if m.snap != nil && msg.apply != nil {
		msg.apply(m.snap.d)
		m.snap.d.Sort()
		m.refresh()
	}
	var cmds []tea.Cmd
	if c.input.Value() != "" {
		// Typed on while the save ran: keep that as the draft now.
		cmds = append(cmds, c.keepDraft())
	}
	cmds = append(cmds, m.tick())
	return tea.Batch(cmds...)
}

// view is the line and, under it, the reason it was refused, what was
// saved, or a preview of what Enter will do.
func (c *captureLine) view(w int) []string {
	st := c.m.st
	ui.SetInputWidth(&c.input, max(1, w-3))
	line := ui.Cut(c.input.View(), w)
	var under string
	switch {
	case c.err != nil:
		under = st.Error.Render("✗ " + c.err.Error())
	case c.info != "":
		under = st.Good.Render(c.info)
	case c.input.Value() != "":
		under = st.Dim.Render(c.preview())
	default:
		under = st.Dim.Render(model.CaptureHelp)
	}
	return []string{line, ui.Cut(under, w)}
}

// preview says what Enter would save, as the line is typed.
func (c *captureLine) preview() string {
	d := c.m.snap.d
	capture, err := model.ParseCapture(c.input.Value(), d.Items)
	if err != nil {
		return "enter: " + model.CaptureHelp
	}
	tag := ""
	if it, ok := d.Item(capture.ItemID); ok {
		tag = " on " + it.Title
	}
	switch capture.Kind {
	case model.CaptureConcession:
		con := capture.Concession(c.m.opts.Now(), 0)
		if err := d.CheckConcession(con); err != nil {
			return "enter would refuse: " + err.Error()
		}
		return "enter: " + concessionEffect(d, c.m.snap.r, con).summary(c.m.private)
	case model.CaptureAction:
		return "enter: action" + tag
	case model.CaptureQuestion:
		return "enter: question" + tag
	}
	return "enter: note" + tag
}
