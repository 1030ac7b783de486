package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fit makes s exactly w cells wide: cut with an ellipsis when longer, padded
// with spaces when shorter. Styled text is measured without its escapes.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-n)
}

// fitRight is fit with the text pushed to the right edge, for numbers.
func fitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		return ansi.Truncate(s, w, "…")
	}
	return strings.Repeat(" ", w-n) + s
}

// cut shortens s to at most w cells, without padding.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// block makes lines exactly h lines of exactly w cells.
func block(lines []string, w, h int) []string {
	h = max(0, h)
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(0, w))
		}
	}
	return out
}

// frame draws a rounded border with a title around content (w−4 by h−2:
// a space pads each side) and returns h lines of w cells. Below 2×2 there is no room for a
// frame and the content alone is cut to size.
func frame(title string, content []string, w, h int, focused bool, st *Styles) []string {
	if w < 2 || h < 2 {
		return block(content, w, h)
	}
	bs, ts := st.Border, st.Title
	if focused {
		bs, ts = st.BorderFocus, st.TitleFocus
	}
	inner := w - 2
	t := ""
	if title != "" {
		t = cut(" "+title+" ", max(0, inner-1))
	}
	top := bs.Render("╭─") + ts.Render(t) + bs.Render(strings.Repeat("─", max(0, inner-1-ansi.StringWidth(t)))+"╮")
	if inner < 1 {
		top = bs.Render("╭╮")
	}
	out := make([]string, 0, h)
	out = append(out, top)
	side := bs.Render("│")
	pad := " "
	if inner < 3 {
		pad = ""
	}
	for _, l := range block(content, inner-2*len(pad), h-2) {
		out = append(out, side+pad+l+pad+side)
	}
	out = append(out, bs.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return out
}

// joinColumns puts blocks of lines side by side (each block already h lines
// of its own width).
func joinColumns(cols ...[]string) []string {
	h := 0
	for _, c := range cols {
		h = max(h, len(c))
	}
	out := make([]string, h)
	for i := range out {
		var b strings.Builder
		for _, c := range cols {
			if i < len(c) {
				b.WriteString(c[i])
			}
		}
		out[i] = b.String()
	}
	return out
}

// bar draws a share of 0–1 as a bar of w cells.
func bar(share float64, w int, st *Styles) string {
	w = max(0, w)
	full := int(min(1, max(0, share)) * float64(w))
	return st.BarFull.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", w-full))
}
