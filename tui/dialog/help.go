package dialog

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/ui"
)

// HelpGroup is a titled list of key bindings.
type HelpGroup struct {
	Title string
	Keys  []key.Binding
}

// Help lists every key of the workbench and of every pane (the focused
// pane's first), built from their bindings. The groups flow into as many
// columns as the screen holds; when even that is short, j/k and space page
// through them, and any other key closes it.
type Help struct {
	groups []HelpGroup
	page   int
	pages  int // as the last View laid them out
	done   bool
	st     *ui.Styles
	keys   struct{ Next, Prev key.Binding }
}

// NewHelp lists the groups in order.
func NewHelp(st *ui.Styles, groups ...HelpGroup) *Help {
	h := &Help{groups: groups, st: st}
	h.keys.Next = key.NewBinding(key.WithKeys("j", "down", " ", "pgdown"))
	h.keys.Prev = key.NewBinding(key.WithKeys("k", "up", "pgup"))
	return h
}

// Update pages through a long help and closes on any other key.
func (h *Help) Update(msg tea.KeyMsg) tea.Cmd {
	switch {
	case h.pages > 1 && key.Matches(msg, h.keys.Next) && h.page < h.pages-1:
		h.page++
	case h.pages > 1 && key.Matches(msg, h.keys.Prev) && h.page > 0:
		h.page--
	default:
		h.done = true
	}
	return nil
}

// Done reports whether the help was closed.
func (h *Help) Done() bool { return h.done }

// ShortHelp is empty: the help is all keys.
func (h *Help) ShortHelp() []key.Binding { return nil }

// helpKeyW is the width of the keys' column of a group.
const helpKeyW = 14

// View draws the keys in a box: each group a block of lines (its title,
// then its keys), flowed down and across columns of one width.
func (h *Help) View(w, ht int) []string {
	st := h.st
	inner := max(1, w-4)
	colW := min(inner, max(30, min(52, (inner-2)/2)))
	var blocks [][]string
	for _, g := range h.groups {
		block := []string{st.Accent.Render(g.Title)}
		for _, b := range g.Keys {
			if !b.Enabled() || b.Help().Key == "" {
				continue
			}
			block = append(block, ui.Cut(st.Key.Render(ui.Fit(b.Help().Key, helpKeyW))+" "+b.Help().Desc, colW))
		}
		if len(block) > 1 {
			blocks = append(blocks, block)
		}
	}
	foot := "While a text field has focus, letters go to the field. Any key closes this help."
	colH := max(1, ht-2-4) // the box, the title and the foot with their blank lines
	ncols := max(1, (inner+2)/(colW+2))
	// Flow the blocks into columns; a block longer than a column splits.
	var cols [][]string
	cur := []string{}
	for _, b := range blocks {
		if len(cur) > 0 && len(cur)+1+len(b) > colH {
			cols, cur = append(cols, cur), []string{}
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		for _, l := range b {
			if len(cur) == colH {
				cols, cur = append(cols, cur), []string{}
			}
			cur = append(cur, l)
		}
	}
	cols = append(cols, cur)
	h.pages = (len(cols) + ncols - 1) / ncols
	h.page = min(h.page, h.pages-1)
	shown := cols[h.page*ncols : min(len(cols), (h.page+1)*ncols)]
	rows := 0
	for _, c := range shown {
		rows = max(rows, len(c))
	}
	title := "Keys"
	if h.pages > 1 {
		title = fmt.Sprintf("Keys (%d of %d: j/k or space for more)", h.page+1, h.pages)
	}
	lines := []string{st.Bold.Render(title), ""}
	for i := 0; i < rows; i++ {
		var b strings.Builder
		for k, c := range shown {
			if k > 0 {
				b.WriteString("  ")
			}
			l := ""
			if i < len(c) {
				l = c[i]
			}
			if k < len(shown)-1 {
				l = ui.Fit(l, colW)
			}
			b.WriteString(l)
		}
		lines = append(lines, b.String())
	}
	lines = append(lines, "", st.Dim.Render(foot))
	return ui.Boxed(lines, w, ht, st)
}
