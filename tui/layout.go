package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parley-app/parley/tui/ui"
)

// Terminal sizes that change the layout.
const (
	minWidth    = 30  // below this (or minHeight) only a message fits
	minHeight   = 8   //
	twoPaneW    = 80  // from here two panes side by side
	threePaneW  = 120 // from here the agenda beside ledger and notes
	wideSplitPc = 52  // the share of a wide terminal the left pane gets
)

// rect is where a pane sits on screen.
type rect struct {
	x, y, w, h int
	shown      bool
}

// layoutKind is how the body is split.
type layoutKind int

const (
	layoutTiny layoutKind = iota
	layoutTabs
	layoutTwo
	layoutThree
)

func (m *Model) layoutKind() layoutKind {
	switch {
	case m.width < minWidth || m.height < minHeight:
		return layoutTiny
	case m.width < twoPaneW:
		return layoutTabs
	case m.width < threePaneW:
		return layoutTwo
	}
	return layoutThree
}

// bodyTop and bodyHeight are the rows left for the panes between the header
// (and tabs), the capture line and the footer.
func (m *Model) bodyTop() int {
	if m.showTabs() {
		return 2
	}
	return 1
}

// showTabs reports whether the row of pane names is drawn: on a narrow
// terminal, once there are panes to name.
func (m *Model) showTabs() bool { return m.layoutKind() == layoutTabs && m.snap != nil }

func (m *Model) bodyHeight() int {
	h := m.height - m.bodyTop() - 1
	if m.capture.IsOpen() {
		h -= 2
	}
	return max(0, h)
}

// rects places the visible panes.
func (m *Model) rects() [paneCount]rect {
	var r [paneCount]rect
	top, h, w := m.bodyTop(), m.bodyHeight(), m.width
	switch m.layoutKind() {
	case layoutTabs:
		r[m.focus] = rect{0, top, w, h, true}
	case layoutTwo:
		left := w / 2
		r[m.desk] = rect{0, top, left, h, true}
		r[m.live] = rect{left, top, w - left, h, true}
	case layoutThree:
		left := w * wideSplitPc / 100
		upper := h / 2
		r[m.desk] = rect{0, top, left, h, true}
		r[paneLedger] = rect{left, top, w - left, upper, true}
		r[paneNotes] = rect{left, top + upper, w - left, h - upper, true}
	}
	return r
}

// layout gives every pane its size; hidden panes keep a sensible one so that
// they are ready when shown. A pane whose size changed is drawn again; one
// that kept its size keeps its drawing (tab moves the left pane, not the
// ledger or the notes).
func (m *Model) layout() {
	m.paneOnly = false
	r := m.rects()
	for i, p := range m.panes {
		w, h := r[i].w, r[i].h
		if !r[i].shown {
			w, h = max(0, m.width/2), m.bodyHeight()
		}
		if m.drawn[i].w != w || m.drawn[i].h != h {
			m.drawn[i] = drawnPane{w: w, h: h}
		}
		p.SetSize(max(0, w-4), max(0, h-2)) // inside the frame and its padding
	}
}

// paneAt finds the pane under a screen cell.
func (m *Model) paneAt(x, y int) (paneID, bool) {
	for i, r := range m.rects() {
		if r.shown && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h {
			return paneID(i), true
		}
	}
	return 0, false
}

// View draws the whole screen, exactly the terminal's size.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	kind := m.layoutKind()
	if kind == layoutTiny {
		lines := ui.Block(tooSmall(m.width, m.height, m.capture.IsOpen()), m.width, m.height)
		return strings.Join(lines, "\n")
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.header())
	if m.showTabs() {
		lines = append(lines, ui.Fit(m.tabsView(), m.width))
	}
	lines = append(lines, m.bodyView()...) // exactly the body's size already
	if m.capture.IsOpen() {
		lines = append(lines, ui.Block(m.capture.View(m.width), m.width, 2)...)
	}
	lines = append(lines, ui.Fit(m.footerView(), m.width))
	return strings.Join(lines, "\n")
}

// bodyView draws the panes, and the top of the modal stack over them: a
// question about a move leaves the moves in sight around it.
func (m *Model) bodyView() []string {
	w, h := m.width, m.bodyHeight()
	if top := m.top(); top != nil {
		if m.snap == nil {
			return ui.Place(top.View(w, h), w, h) // nothing open behind it
		}
		return ui.Overlay(m.panesView(w, h), top.View(w, h), w, h)
	}
	return m.panesView(w, h)
}

// panesView draws the panes in the body's w×h.
func (m *Model) panesView(w, h int) []string {
	if m.snap == nil {
		return ui.Block([]string{m.st.Dim.Render("Opening …")}, w, h)
	}
	r := m.rects()
	fresh := false // a pane was drawn again
	draw := func(p paneID) []string {
		d := &m.drawn[p]
		if !d.ok || d.focused != (p == m.focus) {
			d.lines = ui.Frame(m.paneTitle(p), m.panes[p].View(p == m.focus), r[p].w, r[p].h, p == m.focus, m.st)
			d.ok, d.focused, fresh = true, p == m.focus, true
		}
		return d.lines
	}
	kind := m.layoutKind()
	if kind == layoutTabs {
		return draw(m.focus)
	}
	var left, right []string
	if left = draw(m.desk); kind == layoutTwo {
		right = draw(m.live)
	} else {
		right = append(slices.Clip(draw(paneLedger)), draw(paneNotes)...)
	}
	// The panes side by side, joined again only when one was drawn again
	// or they moved: a key typed on the capture line draws no pane.
	key := bodyKey{kind: kind, w: w, h: h, desk: m.desk, live: m.live}
	if fresh || !m.drawnBody.ok || m.drawnBody.key != key {
		m.drawnBody = drawnBody{key: key, lines: ui.JoinColumns(left, right), ok: true}
	}
	return m.drawnBody.lines
}

// drawnBody is the panes as joined last, and where.
type drawnBody struct {
	key   bodyKey
	lines []string
	ok    bool
}

type bodyKey struct {
	kind       layoutKind
	w, h       int
	desk, live paneID
}

// paneTitle is the pane's name with its key.
func (m *Model) paneTitle(p paneID) string {
	return string(rune('1'+p)) + " " + m.panes[p].Title()
}

// tabsView is the row of pane names on a narrow terminal.
func (m *Model) tabsView() string {
	var b strings.Builder
	for i := range m.panes {
		st := m.st.Tab
		if paneID(i) == m.focus {
			st = m.st.TabActive
		}
		b.WriteString(st.Render(m.paneTitle(paneID(i))))
	}
	return ui.Cut(b.String(), m.width)
}

// tooSmall is the message of a terminal below minWidth×minHeight: the
// longest wording that fits whole, wrapped at spaces, so that it names the
// minimum size at any width (down to the size alone, broken over lines).
func tooSmall(w, h int, capturing bool) []string {
	size := fmt.Sprintf("%d×%d", minWidth, minHeight)
	wordings := []string{
		"Parley needs a terminal of at least " + size,
		"Parley needs at least " + size,
		"Needs " + size,
		size,
	}
	if capturing {
		wordings = append([]string{
			"Terminal too small (at least " + size + "); your capture line is kept",
			"Needs " + size + "; capture line kept",
		}, wordings...)
	}
	for _, text := range wordings {
		lines := ui.WrapWords(text, w, "")
		fits := len(lines) <= h
		for _, l := range lines {
			fits = fits && !strings.Contains(l, "…") && ui.TextWidth(l) <= w
		}
		if fits {
			return lines
		}
	}
	var lines []string // the size alone, a few cells a line
	for rest := []rune(size); len(rest) > 0; {
		n := min(len(rest), max(1, w))
		lines, rest = append(lines, string(rest[:n])), rest[n:]
	}
	return lines
}
