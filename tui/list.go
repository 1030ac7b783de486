package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// selection is the selected row and scroll position of a list of n rows shown
// height rows at a time. It keeps the selection visible and in range.
type selection struct {
	pos, offset, n, height int
}

// setN changes the number of rows, keeping the selection in range.
func (c *selection) setN(n int) {
	c.n = max(0, n)
	c.clamp()
}

// setHeight changes how many rows are visible.
func (c *selection) setHeight(h int) {
	c.height = max(1, h)
	c.clamp()
}

// moveTo selects row i.
func (c *selection) moveTo(i int) {
	c.pos = i
	c.clamp()
}

func (c *selection) clamp() {
	c.pos = min(max(0, c.pos), max(0, c.n-1))
	h := max(1, c.height)
	if c.pos < c.offset {
		c.offset = c.pos
	}
	if c.pos >= c.offset+h {
		c.offset = c.pos - h + 1
	}
	c.offset = min(max(0, c.offset), max(0, c.n-h))
}

// visible is the range of rows to draw.
func (c *selection) visible() (from, to int) {
	return c.offset, min(c.n, c.offset+max(1, c.height))
}

// update moves the selection for the list keys; it reports whether the key was one.
func (c *selection) update(msg tea.KeyMsg, k listKeys) bool {
	switch {
	case key.Matches(msg, k.Up):
		c.moveTo(c.pos - 1)
	case key.Matches(msg, k.Down):
		c.moveTo(c.pos + 1)
	case key.Matches(msg, k.Top):
		c.moveTo(0)
	case key.Matches(msg, k.Bottom):
		c.moveTo(c.n - 1)
	case key.Matches(msg, k.PageUp):
		c.moveTo(c.pos - max(1, c.height-1))
	case key.Matches(msg, k.PageDown):
		c.moveTo(c.pos + max(1, c.height-1))
	default:
		return false
	}
	return true
}

// rowCache keeps the rendered text of unselected rows between frames, so a
// key that only moves the selection redraws two rows rather than the pane.
// A pane resets it when its rows change and keys it by what else the text
// depends on (the width, the columns).
type rowCache struct {
	key   string
	lines map[int]string
}

// get returns row i as rendered for key, rendering it on a miss.
func (c *rowCache) get(key string, i int, render func() string) string {
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

// reset forgets every row (the rows or their data changed).
func (c *rowCache) reset() { c.lines = nil }
