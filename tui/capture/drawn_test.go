package capture

import (
	"errors"
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/vocab"
)

// TestTheKeptDrawingIsWhatWouldBeDrawnAfresh walks the line through what
// changes its drawing (typing, the cursor scrolling a long text, closing
// and opening, a refused and a saved Enter, a failed save, a draft kept,
// privacy, a new width) and, after each step, compares the line as drawn
// with its kept drawing to the line drawn from nothing.
func TestTheKeptDrawingIsWhatWouldBeDrawnAfresh(t *testing.T) {
	c := New(uitest.ColourStyles(), uitest.Clock, func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }, time.Second)
	c.SetData(uitest.DemoSnapshot(false))
	w := 30
	var lastSave vocab.SaveMsg
	keys := func(ks ...string) func() {
		return func() {
			for _, k := range ks {
				if cmd := c.Update(uitest.Key(k)); cmd != nil {
					for _, msg := range uitest.Msgs(cmd) {
						if save, ok := msg.(vocab.SaveMsg); ok {
							lastSave = save
						}
					}
				}
			}
		}
	}
	typed := func(text string) func() {
		return func() {
			for _, k := range uitest.Keys(text) {
				c.Update(k)
			}
		}
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"closed", func() {}},
		{"open", func() { c.Open() }},
		{"type", typed("they 1 23.40 and a long tail to scroll")},
		{"home", keys("home")},
		{"right at the edge", keys("right", "right", "right")},
		{"end", keys("end")},
		{"left to the edge", keys(slices.Repeat([]string{"left"}, 25)...)},
		{"left past the edge", keys(slices.Repeat([]string{"left"}, 5)...)},
		{"right", keys("right")},
		{"backspace", keys("backspace")},
		{"esc", keys("esc")},
		{"open again", func() { c.Open() }},
		{"narrower", func() { w = 16 }},
		{"wider", func() { w = 60 }},
		{"clear", func() { c.setText("") }},
		{"a line that cannot be read", typed("they 1 ??")},
		{"refused", keys("enter")},
		{"typing clears the reason", typed(" x")},
		{"a good line", func() { c.setText(""); typed("! call Marc")() }},
		{"saved", keys("enter")},
		{"the save failed", func() {
			c.Saved(vocab.SavedMsg{Origin: lastSave.Origin, Change: lastSave.Change, Err: errors.New("disk full")})
		}},
		{"kept as the draft", func() { c.Update(vocab.DraftKeptMsg{Key: DraftKey(c.negID()), Text: c.Text()}) }},
		{"privacy", func() { c.SetData(uitest.DemoSnapshot(true)) }},
		{"a draft restored", func() {
			c.setText("")
			c.Update(DraftMsg{NegID: c.negID(), Text: "they 2 22"})
		}},
	}
	for _, step := range steps {
		step.do()
		kept := c.View(w)
		c.drawn = drawnLine{}
		fresh := c.View(w)
		if !slices.Equal(kept, fresh) {
			t.Fatalf("after %s the line shows\n%q\ndrawn afresh it is\n%q", step.name, kept, fresh)
		}
	}
}
