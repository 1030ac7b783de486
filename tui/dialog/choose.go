package dialog

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Choose shows a list before anything of it is written (the commitments of
// an agreement): every line starts chosen, space toggles the marked one,
// enter writes the chosen ones, esc writes nothing.
type Choose struct {
	q      vocab.ChooseMsg
	shown  []int // indexes of q.Lines on screen
	chosen []bool
	sel    int // into shown
	done   bool
	st     *ui.Styles
	keys   struct{ Up, Down, Toggle, Write, Cancel key.Binding }
}

// NewChoose opens the list of q.
func NewChoose(st *ui.Styles, q vocab.ChooseMsg) *Choose {
	c := &Choose{q: q, st: st, chosen: make([]bool, len(q.Lines))}
	for i := range q.Lines {
		c.chosen[i] = true
		if !slices.Contains(q.Hidden, i) {
			c.shown = append(c.shown, i)
		}
	}
	if c.q.No == nil {
		c.q.No = vocab.StatusMsg{Text: vocab.NothingChanged}
	}
	c.keys.Up = key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up"))
	c.keys.Down = key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down"))
	c.keys.Toggle = key.NewBinding(key.WithKeys(" ", "x"), key.WithHelp("space", "choose / leave out"))
	c.keys.Write = key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter", "write the chosen"))
	c.keys.Cancel = key.NewBinding(key.WithKeys("esc", "n"), key.WithHelp("esc", "write nothing"))
	return c
}

// Update moves, toggles, writes or cancels.
func (c *Choose) Update(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, c.keys.Up):
		c.sel = max(0, c.sel-1)
	case key.Matches(msg, c.keys.Down):
		c.sel = min(max(0, len(c.shown)-1), c.sel+1)
	case key.Matches(msg, c.keys.Toggle):
		if c.sel < len(c.shown) {
			i := c.shown[c.sel]
			c.chosen[i] = !c.chosen[i]
		}
	case key.Matches(msg, c.keys.Write):
		c.done = true
		return vocab.Cmd(c.q.Yes(slices.Clone(c.chosen)))
	case key.Matches(msg, c.keys.Cancel):
		c.done = true
		return vocab.Cmd(c.q.No)
	}
	return nil
}

// Done reports whether the list was written or left.
func (c *Choose) Done() bool { return c.done }

// ShortHelp is empty: the box shows its keys.
func (c *Choose) ShortHelp() []key.Binding { return nil }

// View draws the question, the lines that fit around the marked one with
// their marks, and the keys.
func (c *Choose) View(w, h int) []string {
	st := c.st
	head := []string{st.Bold.Render(c.q.Question)}
	if c.q.Detail != "" {
		head = append(head, st.Dim.Render(c.q.Detail))
	}
	foot := []string{""}
	if n := len(c.q.Hidden); n > 0 {
		foot = []string{st.Dim.Render(fmt.Sprintf("%d internal %s hidden while privacy is on (kept as chosen)", n, ui.Plural(n, "line", "lines"))), ""}
	}
	foot = append(foot, st.Key.Render("space")+" choose / leave out   "+st.Key.Render("enter")+" write the chosen   "+st.Key.Render("esc")+" write nothing")
	room := max(1, h-2-len(head)-len(foot))
	from := min(max(0, c.sel-room/2), max(0, len(c.shown)-room))
	lines := head
	for k := from; k < len(c.shown) && k < from+room; k++ {
		i := c.shown[k]
		box := "[ ] "
		if c.chosen[i] {
			box = "[x] "
		}
		row := "  " + box + c.q.Lines[i]
		if k == c.sel {
			row = ui.SelectionMark + " " + box + c.q.Lines[i]
			row = st.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	return ui.Boxed(append(lines, foot...), w, h, st)
}
