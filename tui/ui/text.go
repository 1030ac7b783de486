package ui

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TextWidth is how many cells s takes on screen. Every visible row is
// measured several times per Frame, so this is the hot path of View: colour
// escapes are skipped and single-rune characters counted from a cache of
// their widths; anything else (combining marks, joined emoji, other escapes)
// goes through the full grapheme measure.
func TextWidth(s string) int {
	n, _, ok := scan(s, -1)
	if !ok {
		return ansi.StringWidth(s)
	}
	return n
}

// scan walks s counting cells. With limit ≥ 0 it stops before the first
// character that would take the count past limit and returns the byte
// offset there. ok is false when s holds something scan cannot measure.
func scan(s string, limit int) (cells, cutAt int, ok bool) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			// A colour (SGR/CSI) sequence: ESC [ parameters final-byte.
			if i+1 >= len(s) || s[i+1] != '[' {
				return 0, 0, false
			}
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j + 1
		case c < 0x20 || c == 0x7f:
			return 0, 0, false
		case c < 0x80:
			if limit >= 0 && cells+1 > limit {
				return cells, i, true
			}
			cells++
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); i+size < len(s) && joins(next) {
				return 0, 0, false
			}
			w, ok := runeWidth(r)
			if !ok {
				return 0, 0, false
			}
			if limit >= 0 && cells+w > limit {
				return cells, i, true
			}
			cells += w
			i += size
		}
	}
	return cells, len(s), true
}

// joins reports whether r belongs to the character before it (a combining
// mark, a joiner or a variation selector), so that widths cannot be summed.
func joins(r rune) bool {
	if r < 0x300 || (r >= 0x2010 && r < 0x20d0) || (r >= 0x2100 && r < 0x2c00) {
		return false // Latin, punctuation, arrows, shapes, boxes: no marks there
	}
	return (r >= 0x1f1e6 && r <= 0x1f1ff) || // regional indicators pair into flags
		unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r) ||
		r == 0x200d || (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0x1f3fb && r <= 0x1f3ff)
}

// commonWidths holds the widths of the runes below U+2C00 (Latin,
// punctuation, arrows, box drawing, shapes), filled once on first use;
// runeWidths caches any other rune as the grapheme measure gives it.
var (
	commonWidths     [0x2c00]int8
	commonWidthsOnce sync.Once
	runeWidths       sync.Map
)

func runeWidth(r rune) (int, bool) {
	if joins(r) || r == utf8.RuneError {
		return 0, false
	}
	if r < 0x2c00 {
		commonWidthsOnce.Do(func() {
			for c := rune(0x80); c < 0x2c00; c++ {
				commonWidths[c] = int8(ansi.StringWidth(string(c)))
			}
		})
		return int(commonWidths[r]), true
	}
	if w, ok := runeWidths.Load(r); ok {
		return w.(int), true
	}
	w := ansi.StringWidth(string(r))
	runeWidths.Store(r, w)
	return w, true
}

// Truncate cuts s to w cells ending with an ellipsis. A number is never
// cut: when the cut would fall inside a word that holds a digit (24.50,
// €40,000.00, 150g), the whole word goes, so that no figure on screen is a
// different figure with its end missing.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	_, at, ok := scan(s, w-1)
	if !ok {
		// Marks, joiners or other escapes: the grapheme-aware cut, kept
		// off a number the same way when it is a prefix of s.
		cut := ansi.Truncate(s, w-1, "")
		if whole := wholeWordCut(s, len(cut)); strings.HasPrefix(s, cut) && whole != len(cut) {
			return s[:whole] + "…"
		}
		return ansi.Truncate(s, w, "…")
	}
	// A figure cut off keeps the space before it: "2026-11-09 …" reads as
	// more to come, "2026-11-09…" as a figure cut short.
	out := s[:wholeWordCut(s, at)] + "…"
	if strings.Contains(s, "\x1b") {
		out += "\x1b[m" // close any colour the Cut left open
	}
	return out
}

// wholeWordCut moves a cut at byte at of s back to the start of the word
// it falls in, or ends, when that word holds a digit; colour escapes are
// skipped and count as part of no word.
func wholeWordCut(s string, at int) int {
	if at <= 0 || at >= len(s) {
		return at
	}
	start, digit := 0, false
	for i := 0; i < at; {
		if s[i] == 0x1b {
			i = escapeEnd(s, i)
			continue
		}
		switch {
		case s[i] == ' ':
			start, digit = i+1, false
		case s[i] >= '0' && s[i] <= '9':
			digit = true
		}
		i++
	}
	if s[at] == ' ' {
		// Between words: a figure right before the ellipsis would read as
		// cut ("2026-11-09…"), so it goes too.
		if digit {
			return start
		}
		return at
	}
	for i := at; i < len(s) && !digit; {
		if s[i] == 0x1b {
			i = escapeEnd(s, i)
			continue
		}
		if s[i] == ' ' {
			break
		}
		digit = s[i] >= '0' && s[i] <= '9'
		i++
	}
	if digit {
		return start
	}
	return at
}

// escapeEnd is the byte after the colour escape that starts at i.
func escapeEnd(s string, i int) int {
	j := i + 2
	for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
		j++
	}
	return min(len(s), j+1)
}

// Fit makes s exactly w cells wide: Cut with an ellipsis when longer, padded
// with spaces when shorter. Styled text is measured without its escapes.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := TextWidth(s)
	if n > w {
		s = Truncate(s, w)
		n = TextWidth(s) // a wide character may leave a cell over
	}
	return s + strings.Repeat(" ", w-n)
}

// FitRight is Fit with the text pushed to the right edge, for numbers.
func FitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := TextWidth(s)
	if n > w {
		s = Truncate(s, w)
		n = TextWidth(s)
	}
	return strings.Repeat(" ", w-n) + s
}

// Cut shortens s to at most w cells, without padding.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if TextWidth(s) > w {
		return Truncate(s, w)
	}
	return s
}

// Block makes lines exactly h lines of exactly w cells.
func Block(lines []string, w, h int) []string {
	h = max(0, h)
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = Fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(0, w))
		}
	}
	return out
}

// Frame draws a rounded border with a title around content (w−4 by h−2:
// a space pads each side) and returns h lines of w cells. Below 2×2 there is no room for a
// Frame and the content alone is Cut to size.
func Frame(title string, content []string, w, h int, focused bool, st *Styles) []string {
	if w < 2 || h < 2 {
		return Block(content, w, h)
	}
	bs, ts := st.Border, st.Title
	if focused {
		bs, ts = st.BorderFocus, st.TitleFocus
	}
	inner := w - 2
	t := ""
	if title != "" {
		if focused {
			// Marked without colour too (NO_COLOR): ▸ is focus, as in forms.
			title = "▸ " + title
		}
		t = Cut(" "+title+" ", max(0, inner-1))
	}
	top := bs.Render("╭─") + ts.Render(t) + bs.Render(strings.Repeat("─", max(0, inner-1-TextWidth(t)))+"╮")
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
	// Panes hand over lines already Cut to their width (see pane.View), so
	// they are not measured again here: only missing lines are filled.
	blank := strings.Repeat(" ", max(0, inner-2*len(pad)))
	for i := 0; i < h-2; i++ {
		l := blank
		if i < len(content) {
			l = content[i]
		}
		out = append(out, side+pad+l+pad+side)
	}
	out = append(out, bs.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return out
}

// JoinColumns puts blocks of lines side by side (each Block already h lines
// of its own width).
func JoinColumns(cols ...[]string) []string {
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

// Bar draws a share of 0–1 as a bar of w cells.
func Bar(share float64, w int, st *Styles) string {
	w = max(0, w)
	full := int(min(1, max(0, share)) * float64(w))
	return st.BarFull.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", w-full))
}
