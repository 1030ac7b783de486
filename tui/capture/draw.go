package capture

import (
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// drawnLine is the text input as drawn last, kept while nothing it shows
// changed: a team server draws every session's frame again at each note
// another person saves, and the text input's drawing (a lipgloss render
// per part) was the dearest part of that frame.
type drawnLine struct {
	input string // the text input's drawing, "" once the input changed
	value string // the text drawn (textinput's Value makes a string each time)
	w     int
}

// changed is called after anything that may change the text input's
// drawing (its text, cursor, focus or scroll).
func (c *Line) changed() { c.drawn.input = "" }

// View is the line and, under it, the reason it was refused, what was
// saved, or a preview of what Enter will do.
func (c *Line) View(w int) []string {
	st := c.st
	if c.drawn.input == "" || c.drawn.w != w {
		ui.SetInputWidth(&c.input, max(1, w-3))
		c.drawn.input, c.drawn.value, c.drawn.w = ui.Cut(c.input.View(), w), c.input.Value(), w
	}
	v := c.drawn.value
	var under string
	switch {
	case c.err != nil:
		under = st.Error.Render("✗ " + c.err.Error())
	case c.info != "":
		under = st.Good.Render(c.info)
	case v != "":
		under = st.Dim.Render(c.preview)
	default:
		under = st.Dim.Render(model.CaptureHelp)
	}
	if v != "" && v == c.kept {
		under = st.Dim.Render("✎ kept · ") + under
	}
	return []string{c.drawn.input, ui.Cut(under, w)}
}
