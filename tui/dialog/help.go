package dialog

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/ui"
)

// HelpGroup is a titled list of key bindings.
type HelpGroup struct {
	Title string
	Keys  []key.Binding
}

// Help lists every key of the workbench and of the focused pane, built from
// their bindings; any key closes it.
type Help struct {
	groups []HelpGroup
	done   bool
	st     *ui.Styles
}

// NewHelp shows the groups side by side when the screen is too short to stack them.
func NewHelp(st *ui.Styles, groups ...HelpGroup) *Help { return &Help{groups: groups, st: st} }

// Update closes the help on any key.
func (h *Help) Update(tea.KeyMsg) tea.Cmd {
	h.done = true
	return nil
}

// Done reports whether the help was closed.
func (h *Help) Done() bool { return h.done }

// ShortHelp is empty: the help is all keys.
func (h *Help) ShortHelp() []key.Binding { return nil }

// View draws the keys in a box.
func (h *Help) View(w, ht int) []string {
	st := h.st
	var cols [][]string
	for _, g := range h.groups {
		col := []string{st.Accent.Render(g.Title)}
		for _, b := range g.Keys {
			if !b.Enabled() || b.Help().Key == "" {
				continue
			}
			col = append(col, st.Key.Render(ui.Fit(b.Help().Key, 18))+" "+b.Help().Desc)
		}
		cols = append(cols, col)
	}
	lines := []string{st.Bold.Render("Keys"), ""}
	stacked := 4
	for _, c := range cols {
		stacked += len(c) + 1
	}
	if len(cols) == 2 && stacked > ht-2 && w >= 80 {
		colW := (w - 10) / 2
		left, right := ui.Block(cols[0], colW, max(len(cols[0]), len(cols[1]))), cols[1]
		for i, l := range left {
			if i < len(right) {
				l += "  " + ui.Cut(right[i], colW)
			}
			lines = append(lines, l)
		}
	} else {
		for i, c := range cols {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, c...)
		}
	}
	lines = append(lines, "", st.Dim.Render("While a text field has focus, letters go to the field. Any key closes this help."))
	return ui.Boxed(lines, w, ht, st)
}
