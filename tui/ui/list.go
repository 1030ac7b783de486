package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Selection is the selected row and scroll position of a list of n rows shown
// height rows at a time. It keeps the Selection visible and in range.
type Selection struct {
	Pos               int // the selected row
	offset, n, height int
}

// SetN changes the number of rows, keeping the Selection in range.
func (c *Selection) SetN(n int) {
	c.n = max(0, n)
	c.clamp()
}

// SetHeight changes how many rows are visible.
func (c *Selection) SetHeight(h int) {
	c.height = max(1, h)
	c.clamp()
}

// MoveTo selects row i.
func (c *Selection) MoveTo(i int) {
	c.Pos = i
	c.clamp()
}

func (c *Selection) clamp() {
	c.Pos = min(max(0, c.Pos), max(0, c.n-1))
	h := max(1, c.height)
	if c.Pos < c.offset {
		c.offset = c.Pos
	}
	if c.Pos >= c.offset+h {
		c.offset = c.Pos - h + 1
	}
	c.offset = min(max(0, c.offset), max(0, c.n-h))
}

// Visible is the range of rows to draw.
func (c *Selection) Visible() (from, to int) {
	return c.offset, min(c.n, c.offset+max(1, c.height))
}

// Update moves the Selection for the list keys; it reports whether the key was one.
func (c *Selection) Update(msg tea.KeyMsg, k ListKeys) bool {
	switch {
	case key.Matches(msg, k.Up):
		c.MoveTo(c.Pos - 1)
	case key.Matches(msg, k.Down):
		c.MoveTo(c.Pos + 1)
	case key.Matches(msg, k.Top):
		c.MoveTo(0)
	case key.Matches(msg, k.Bottom):
		c.MoveTo(c.n - 1)
	case key.Matches(msg, k.PageUp):
		c.MoveTo(c.Pos - max(1, c.height-1))
	case key.Matches(msg, k.PageDown):
		c.MoveTo(c.Pos + max(1, c.height-1))
	default:
		return false
	}
	return true
}

// RowCache keeps the rendered text of unselected rows between frames, so a
// key that only moves the Selection redraws two rows rather than the pane.
// A pane resets it when its rows change and keys it by what else the text
// depends on (the width, the columns).
type RowCache struct {
	key   string
	lines map[int]string
}

// Get returns row i as rendered for key, rendering it on a miss.
func (c *RowCache) Get(key string, i int, render func() string) string {
	if c.key != key || c.lines == nil || len(c.lines) > 2000 {
		c.key, c.lines = key, make(map[int]string, 64)
	}
	if l, ok := c.lines[i]; ok {
		return l
	}
	l := render()
	c.lines[i] = l
	return l
}

// Reset forgets every row (the rows or their data changed).
func (c *RowCache) Reset() { c.lines = nil }

// SelectedRow draws the selected row of a list in w cells: in the
// selection's colours and with › in its first cell, so that the row shows
// without colour too (NO_COLOR, DESIGN 8). The marker takes a blank cell
// of the row, so that nothing it shows is lost: the first cell when blank,
// else the row moves one cell right into its last blank cell or, failing
// that, into the first run of two blanks (a column's padding); only a row
// without any is cut by one cell.
func SelectedRow(text string, w int, st *Styles) string {
	if w <= 0 {
		return ""
	}
	text = Fit(text, w)
	switch {
	case strings.HasPrefix(text, " "):
		text = text[1:]
	case strings.HasSuffix(text, " "):
		text = text[:len(text)-1]
	case strings.Contains(text, "  "):
		text = strings.Replace(text, "  ", " ", 1)
	}
	return st.Selected.Render(SelectionMark + Fit(text, w-1))
}

// SelectionMark marks the selected row of a list.
const SelectionMark = "›"
