package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// filterBox is a pane's "/" filter: while it has focus every key goes to it;
// enter keeps the filter, esc clears it.
type filterBox struct {
	input textinput.Model
	on    bool
}

func newFilterBox(placeholder string) filterBox {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = placeholder
	in.CharLimit = 200
	in.Cursor.SetMode(cursor.CursorStatic)
	return filterBox{input: in}
}

func (f *filterBox) start() tea.Cmd {
	f.on = true
	return f.input.Focus()
}

// update takes a key while typing; changed says the filter text changed.
func (f *filterBox) update(msg tea.KeyMsg) (changed bool) {
	switch msg.String() {
	case "enter":
		f.on = false
		f.input.Blur()
		return false
	case "esc":
		f.on = false
		f.input.Blur()
		changed = f.input.Value() != ""
		f.input.SetValue("")
		return changed
	}
	before := f.input.Value()
	f.input, _ = f.input.Update(msg)
	return f.input.Value() != before
}

// query is the filter text, lower-cased.
func (f *filterBox) query() string { return strings.ToLower(strings.TrimSpace(f.input.Value())) }

// shown reports whether the filter line takes a row.
func (f *filterBox) shown() bool { return f.on || f.input.Value() != "" }

func (f *filterBox) view(w int) string {
	setInputWidth(&f.input, max(1, w-3))
	return cut(f.input.View(), w)
}

// matches reports whether any of the texts contains the query.
func (f *filterBox) matches(texts ...string) bool {
	q := f.query()
	if q == "" {
		return true
	}
	for _, t := range texts {
		if strings.Contains(strings.ToLower(t), q) {
			return true
		}
	}
	return false
}
