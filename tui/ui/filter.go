package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// FilterBox is a pane's "/" filter: while it has focus every key goes to it;
// enter keeps the filter, esc clears it.
type FilterBox struct {
	input textinput.Model
	On    bool // the filter has the keys
}

// NewFilterBox makes a filter that shows placeholder while empty.
func NewFilterBox(placeholder string) FilterBox {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = placeholder
	in.CharLimit = 200
	in.Cursor.SetMode(cursor.CursorStatic)
	return FilterBox{input: in}
}

// Start gives the filter the keys.
func (f *FilterBox) Start() tea.Cmd {
	f.On = true
	return f.input.Focus()
}

// Update takes a key while typing; changed says the filter text changed.
func (f *FilterBox) Update(msg tea.KeyMsg) (changed bool) {
	switch msg.String() {
	case "enter":
		f.On = false
		f.input.Blur()
		return false
	case "esc":
		f.On = false
		f.input.Blur()
		changed = f.input.Value() != ""
		f.input.SetValue("")
		return changed
	}
	before := f.input.Value()
	f.input, _ = f.input.Update(msg)
	return f.input.Value() != before
}

// Query is the filter text, lower-cased.
func (f *FilterBox) Query() string { return strings.ToLower(strings.TrimSpace(f.input.Value())) }

// Shown reports whether the filter line takes a row.
func (f *FilterBox) Shown() bool { return f.On || f.input.Value() != "" }

// SetStyles gives the filter line the session's styles (StyleInput).
func (f *FilterBox) SetStyles(st *Styles) { st.StyleInput(&f.input) }

// View draws the filter line w cells wide.
func (f *FilterBox) View(w int) string {
	SetInputWidth(&f.input, max(1, w-3))
	return Cut(f.input.View(), w)
}

// Matches reports whether any of the texts contains the query.
func (f *FilterBox) Matches(texts ...string) bool {
	q := f.Query()
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

// Text is the filter as typed, to keep it across a restart.
func (f *FilterBox) Text() string { return f.input.Value() }

// SetText puts back a filter kept across a restart, without the keys.
func (f *FilterBox) SetText(text string) {
	f.input.SetValue(text)
	f.input.CursorEnd()
}
