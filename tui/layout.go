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

// rects places the panes: each where it is, or would be, drawn, and shown
// when it is on screen. A hidden pane has the size of the place it takes
// when shown, so that tab, which swaps the left pane, resizes nothing.
func (m *Model) rects() [paneCount]rect {
	var r [paneCount]rect
	top, h, w := m.bodyTop(), m.bodyHeight(), m.width
	kind := m.layoutKind()
	left, upper := w/2, h/2
	if kind == layoutThree {
		left = w * wideSplitPc / 100
	}
	for i := range r {
		p := paneID(i)
		switch {
		case kind == layoutTiny:
			r[i] = rect{0, top, max(0, w/2), h, false}
		case kind == layoutTabs:
			r[i] = rect{0, top, w, h, p == m.focus}
		case deskPane(p):
			r[i] = rect{0, top, left, h, p == m.desk}
		case kind == layoutTwo:
			r[i] = rect{left, top, w - left, h, p == m.live}
		case p == paneLedger:
			r[i] = rect{left, top, w - left, upper, true}
		default:
			r[i] = rect{left, top + upper, w - left, h - upper, true}
		}
	}
	return r
}

// deskPane reports whether a pane takes the left place (the desk: what is
// prepared) rather than the right (the live ledger and notes).
func deskPane(p paneID) bool {
	switch p {
	case paneAgenda, paneFollowUp, paneCalc, paneDeal:
		return true
	}
	return false
}

// layout gives every pane its size; a hidden pane the size it is shown at,
// so that it is ready. A pane whose size changed is drawn again; one that
// kept its size keeps its drawing (tab moves the left pane, and resizes
// none).
func (m *Model) layout() {
	m.paneOnly = false
	for i, r := range m.rects() {
		if m.drawn[i].w != r.w || m.drawn[i].h != r.h {
			m.drawn[i] = drawnPane{w: r.w, h: r.h}
		}
		m.panes[i].SetSize(max(0, r.w-4), max(0, r.h-2)) // inside the frame and its padding
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
