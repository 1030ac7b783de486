// Package capture is the live capture line of DESIGN section 3: one line
// that logs a concession, an action, a question or a note as fast as people
// talk. It stays open after Enter; a refused line keeps its text with the
// reason under it; what is typed is kept as a draft within a moment of the
// last keystroke.
package capture

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// TickFunc schedules a message after a delay (tea.Tick, or a test's timer).
type TickFunc func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd

// DraftKey is the draft key of a negotiation's capture line.
func DraftKey(negID uint64) string { return fmt.Sprintf("capture/%d", negID) }

// DraftMsg brings the draft kept for a negotiation's line.
type DraftMsg struct {
	NegID uint64
	Text  string
	Err   error
}

// draftTickMsg fires the draft delay after a keystroke; seq says which one.
type draftTickMsg struct {
	seq   int
	negID uint64
}

// Quiet reports whether msg is one of the line's own messages that change
// nothing but the line: the draft's delay running out after a keystroke
// (one for every key typed) draws no pane again.
func Quiet(msg tea.Msg) bool {
	_, ok := msg.(draftTickMsg)
	return ok
}

// confirmedMsg is the yes to going past our walk-away or over today's
// budget: save the line.
type confirmedMsg struct{ text string }

// Line is the capture line.
type Line struct {
	snap     *vocab.Snapshot
	open     bool
	input    textinput.Model
	err      error  // why the last Enter was refused or failed
	info     string // what the last Enter saved
	preview  string // what Enter would do with the text, worked out when the text or the data change
	seq      int    // keystrokes that changed the text
	drafted  string // the text last sent to be kept as a draft
	kept     string // the text the file holds as the draft
	inflight map[int]string
	now      func() time.Time
	tick     TickFunc
	delay    time.Duration
	st       *ui.Styles
	keys     struct{ Save, Close key.Binding }
	drawn    drawnLine
}

// New makes the line; delay is how long after the last keystroke the text
// is kept as a draft.
func New(st *ui.Styles, now func() time.Time, tick TickFunc, delay time.Duration) *Line {
	c := &Line{inflight: map[int]string{}, now: now, tick: tick, delay: delay, st: st}
	c.input = st.NewInput()
	c.input.Prompt = "› "
	c.input.Placeholder = model.CaptureHelp
	c.input.CharLimit = 2000
	c.keys.Save = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save, keep typing"))
	c.keys.Close = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close (text kept)"))
	return c
}

// SetData gives the line the open negotiation. When privacy changes, what
// the last Enter saved goes: it was said under the other rule.
func (c *Line) SetData(s *vocab.Snapshot) {
	if s != nil && c.snap != nil && s.Private != c.snap.Private {
		c.info = ""
	}
	c.snap = s
	c.updatePreview()
}

// Reset empties the line for another negotiation.
func (c *Line) Reset() {
	c.setText("")
	c.err, c.info, c.drafted, c.kept = nil, "", "", ""
}

// setText replaces what is typed.
func (c *Line) setText(text string) {
	defer c.changed()
	c.input.SetValue(model.CleanText(text, false))
	c.updatePreview()
}

// IsOpen reports whether the line is shown and has the keys.
func (c *Line) IsOpen() bool { return c.open }

// Says reports whether the open line shows a message of its own under it
// (what it saved, or why it refused), which the footer then need not repeat.
func (c *Line) Says() bool { return c.open && (c.info != "" || c.err != nil) }

// Text is what is typed.
func (c *Line) Text() string { return c.input.Value() }

func (c *Line) negID() uint64 {
	if c.snap == nil {
		return 0
	}
	return c.snap.D.Negotiation.ID
}

// Open shows the line and gives it the keys.
func (c *Line) Open() tea.Cmd {
	if c.snap == nil {
		return nil
	}
	c.open = true
	defer c.changed()
	return c.input.Focus()
}

// ShortHelp is the line's keys for the footer.
func (c *Line) ShortHelp() []key.Binding { return []key.Binding{c.keys.Save, c.keys.Close} }

// Update takes a key while the line is open, and the line's own messages.
func (c *Line) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return c.key(msg)
	case DraftMsg:
		if msg.Err != nil {
			return vocab.Error(fmt.Errorf("draft not read: %w", msg.Err))
		}
		if msg.NegID == c.negID() && msg.Text != "" && c.input.Value() == "" {
			c.setText(msg.Text)
			c.drafted, c.kept = msg.Text, msg.Text
			c.info = "Restored the line you were typing"
			return c.Open()
		}
	case draftTickMsg:
		if msg.seq == c.seq && msg.negID == c.negID() {
			return c.KeepDraft()
		}
	case vocab.DraftKeptMsg:
		if msg.Key == DraftKey(c.negID()) {
			c.kept = msg.Text
		}
	case confirmedMsg:
		if c.input.Value() == msg.text {
			return c.submit(true)
		}
	}
	return nil
}

// KeepDraft asks to keep the text as the draft when it changed.
func (c *Line) KeepDraft() tea.Cmd {
	text := c.input.Value()
	if text == c.drafted || c.snap == nil {
		return nil
	}
	c.drafted = text
	return vocab.Cmd(vocab.KeepDraftMsg{Key: DraftKey(c.negID()), Text: text})
}

// Drafted reports whether the text on the line is the one sent to the file.
func (c *Line) Drafted() bool { return c.input.Value() != "" && c.input.Value() == c.drafted }

// Kept reports whether the file holds the text on the line as its draft.
func (c *Line) Kept() bool { return c.input.Value() != "" && c.input.Value() == c.kept }

func (c *Line) key(msg tea.KeyMsg) tea.Cmd {
	defer c.changed()
	switch {
	case key.Matches(msg, c.keys.Close):
		c.open = false
		c.input.Blur()
		return c.KeepDraft()
	case key.Matches(msg, c.keys.Save):
		return c.submit(false)
	}
	before := c.input.Value()
	var cmd tea.Cmd
	c.input, cmd = c.input.Update(msg)
	if c.input.Value() == before {
		return cmd
	}
	if v := c.input.Value(); model.CleanText(v, false) != v {
		// A pasted bidi override or escape would reorder or act on the
		// screen while typed: it is removed as it enters, as the store would.
		c.input.SetValue(model.CleanText(v, false))
	}
	c.updatePreview()
	c.err, c.info = nil, ""
	c.seq++
	seq, negID := c.seq, c.negID()
	return tea.Batch(cmd, c.tick(c.delay, func(time.Time) tea.Msg { return draftTickMsg{seq: seq, negID: negID} }))
}

// submit parses the line and asks for it to be saved; a refused line stays
// as typed.
func (c *Line) submit(confirmed bool) tea.Cmd {
	d := c.snap.D
	text := strings.TrimSpace(c.input.Value())
	parsed, err := d.ParseCapture(text)
	if err != nil {
		c.err = err
		return nil
	}
	if err := c.hidden(parsed); err != nil {
		c.err = err
		return nil
	}
	now, meetingID := c.now(), c.meetingID()
	p, err := c.snap.R.Preview(parsed, now, meetingID)
	if err != nil {
		c.err = err
		return nil
	}
	if parsed.Kind == model.CaptureConcession && !confirmed {
		e := editor.Effect{Effect: p.Effect}
		if ask, ok := e.AskFirst(c.snap.Privacy(), confirmedMsg{text: c.input.Value()}); ok {
			return vocab.Cmd(ask)
		}
	}
	status := c.says(p)
	switch parsed.Kind {
	case model.CaptureConcession:
		status = "Saved: " + status
	case model.CaptureNote, model.CaptureAction, model.CaptureQuestion:
		status = "Saved " + noteWords[parsed.Kind]
	}
	origin := vocab.NewOrigin()
	c.inflight[origin] = text
	c.setText("")
	c.err, c.info = nil, "saving…"
	return vocab.Cmd(vocab.SaveMsg{Origin: origin, Status: status, Change: &act.Captured{NegID: d.Negotiation.ID, Capture: parsed,
		At: now, MeetingID: meetingID, DraftKey: DraftKey(d.Negotiation.ID), Text: text, Confirmed: confirmed}})
}

// Saved takes the answer of a save the line asked for (false for anyone
// else's): on failure the text comes back into the line.
func (c *Line) Saved(msg vocab.SavedMsg) (bool, tea.Cmd) {
	text, ok := c.inflight[msg.Origin]
	if !ok {
		return false, nil
	}
	delete(c.inflight, msg.Origin)
	if msg.Err != nil {
		rest := c.input.Value()
		c.setText(strings.TrimSpace(text + " " + rest))
		c.err = fmt.Errorf("not saved: %w", msg.Err)
		c.info = ""
		return true, nil
	}
	c.info = msg.Status + " ✓"
	c.drafted, c.kept = "", ""
	if c.input.Value() != "" {
		// Typed on while the save ran: keep that as the draft now.
		return true, c.KeepDraft()
	}
	return true, nil
}

// meetingID is the meeting a line typed now is logged in, 0 between
// meetings.
func (c *Line) meetingID() uint64 {
	if mt, ok := c.snap.D.RunningMeeting(); ok {
		return mt.ID
	}
	return 0
}
