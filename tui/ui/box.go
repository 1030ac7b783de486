package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/x/ansi"
)

// Boxed draws lines in a rounded box no larger than w×h.
func Boxed(lines []string, w, h int, st *Styles) []string {
	inner := max(0, w-4)
	width := 0
	for _, l := range lines {
		width = max(width, TextWidth(l))
	}
	width = min(width, inner)
	height := min(len(lines), max(0, h-2))
	return Frame("", Block(lines[:height], width, height), width+4, height+2, true, st)
}

// SetInputWidth sizes a text input and, when the size changed, scrolls it
// so that the cursor shows and the text fills the new width. (The input
// scrolls only when its cursor leaves what it shows: a value set before it
// had a width would show its start and hide the cursor at its end, and a
// terminal made wider would go on showing the narrow window it had.)
func SetInputWidth(in *textinput.Model, w int) {
	if in.Width == w {
		return
	}
	in.Width = w
	pos := in.Position()
	in.SetCursor(0) // from the start, as wide as it now is
	in.SetCursor(pos)
}

// Place centres a Block of lines in a w×h area.
func Place(lines []string, w, h int) []string {
	bw := 0
	for _, l := range lines {
		bw = max(bw, TextWidth(l))
	}
	bw = min(bw, w)
	top := max(0, (h-len(lines))/2)
	left := strings.Repeat(" ", max(0, (w-bw)/2))
	out := make([]string, 0, h)
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	for _, l := range lines {
		if len(out) == h {
			break
		}
		out = append(out, left+l)
	}
	return Block(out, w, h)
}

// Overlay draws top centred over base, a Block of w×h: the rows of base
// around and beside top stay as they were.
func Overlay(base, top []string, w, h int) []string {
	base = Block(base, w, h)
	tw := 0
	for _, l := range top {
		tw = max(tw, TextWidth(l))
	}
	tw = min(tw, w)
	th := min(len(top), h)
	y0, x0 := max(0, (h-th)/2), max(0, (w-tw)/2)
	out := make([]string, h)
	copy(out, base)
	for i := 0; i < th; i++ {
		row := base[y0+i]
		left := ansi.Truncate(row, x0, "")
		right := ansi.TruncateLeft(row, x0+tw, "")
		// A wide character cut at either edge leaves a cell short: pad.
		left += strings.Repeat(" ", max(0, x0-TextWidth(left)))
		line := left + "\x1b[m" + Fit(top[i], tw) + "\x1b[m" + right
		out[y0+i] = Fit(line, w)
	}
	return out
}
