package capture

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
)

// updatePreview works out what Enter would do with the text as it is now,
// for View to show: on each change of the text or of the negotiation, never
// while drawing. It is the check Enter makes (model.Replay.Preview), which
// costs in proportion to the agenda, not to the ledger.
func (c *Line) updatePreview() {
	text := c.input.Value()
	if c.snap == nil || text == "" {
		c.preview = ""
		return
	}
	d := c.snap.D
	parsed, err := d.ParseCapture(text)
	if err != nil {
		c.preview = "enter: " + model.CaptureHelp
		return
	}
	if err := c.hidden(parsed); err != nil {
		c.preview = "enter would refuse: " + err.Error()
		return
	}
	p, err := c.snap.R.Preview(parsed, c.now(), c.meetingID())
	if err != nil {
		c.preview = "enter would refuse: " + err.Error()
		return
	}
	says := c.says(p)
	switch parsed.Kind {
	case model.CaptureAgree:
		says = strings.ToLower(says[:1]) + says[1:]
	case model.CaptureNote, model.CaptureAction, model.CaptureQuestion:
		if it, ok := d.Item(parsed.ItemID); ok {
			says += " on " + it.Title
		}
	}
	if held := c.held(p); held != "" {
		says = held + " · " + says // first: the line is cut at the terminal's width
	}
	c.preview = "enter: " + says
}

// held says, before Enter, that a move of ours it logs will wait for
// approval (editor.HeldMove).
func (c *Line) held(p model.Preview) string {
	switch p.Capture.Kind {
	case model.CaptureConcession:
		return editor.HeldMove(c.snap, p.Concession)
	case model.CaptureAgree:
		return editor.HeldMove(c.snap, p.Agreement.Moves...)
	}
	return ""
}

// noteWords name the lines that need no check.
var noteWords = map[model.CaptureKind]string{model.CaptureNote: "note", model.CaptureAction: "action", model.CaptureQuestion: "question"}

// says is what a checked line logs, in words, as much as the privacy rule
// shows.
func (c *Line) says(p model.Preview) string {
	d, priv := c.snap.D, c.snap.Privacy()
	switch p.Capture.Kind {
	case model.CaptureBudget:
		return budgetStatus(d, p.Budget, priv)
	case model.CaptureAgree:
		return editor.AgreedStatus(p.Agreement)
	case model.CaptureConcession:
		return editor.Effect{Effect: p.Effect}.Summary(priv)
	}
	return noteWords[p.Capture.Kind]
}

// hidden refuses a line that sets what privacy hides: today's budget is
// internal, and while privacy is on its key (b) does nothing, so the line
// may not set it either.
func (c *Line) hidden(parsed model.Capture) error {
	if parsed.Kind == model.CaptureBudget && !c.snap.Privacy().Part(model.PartBudget) {
		return fmt.Errorf("today's budget is hidden while privacy is on: turn privacy off (p) to set it")
	}
	return nil
}

// budgetStatus says what a budget line sets: today's furthest position on
// the item. It is internal: while privacy is on it names only the item.
func budgetStatus(d *model.Dossier, b model.Budget, priv model.Privacy) string {
	it, _ := d.Item(b.ItemID)
	if !priv.Part(model.PartBudget) {
		return "budget set on " + it.Title
	}
	return fmt.Sprintf("today's budget on %s: %s %s", it.Title, it.Format(b.Value), it.Unit)
}
