package termmd

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// base is what a line is, which decides its style before its inline markup.
type base uint8

const (
	baseText base = iota
	baseH1
	baseH2
	baseH3
	baseRule   // rules, table borders, a quote's bar
	baseBullet // a list item's bullet or number
	baseHead   // a table's header row, a table block's title
)

// styles hands out the escape codes of each base and inline style, built
// once each from the renderer's colour profile and background.
type styles struct {
	r     *lipgloss.Renderer
	plain bool // no colour, no escape sequence at all
	inks  map[[2]uint8]ink
}

func newStyles(r *lipgloss.Renderer) *styles {
	return &styles{r: r, plain: r.ColorProfile() == termenv.Ascii, inks: map[[2]uint8]ink{}}
}

// The colours are the workbench's (tui/ui), for light and dark terminals.
var (
	fg     = lipgloss.AdaptiveColor{Light: "#1f2328", Dark: "#e6edf3"}
	dim    = lipgloss.AdaptiveColor{Light: "#6e7781", Dark: "#8b949e"}
	accent = lipgloss.AdaptiveColor{Light: "#0550ae", Dark: "#79c0ff"}
	warn   = lipgloss.AdaptiveColor{Light: "#7d4e00", Dark: "#e3b341"}
	border = lipgloss.AdaptiveColor{Light: "#8c959f", Dark: "#484f58"}
)

// ink is the escape codes of base b with inline style st. With no colour
// it is empty: asking for a colour would make lipgloss ask the terminal its
// background for nothing.
func (s *styles) ink(b base, st style) ink {
	if s.plain {
		return ink{}
	}
	key := [2]uint8{uint8(b), uint8(st)}
	if k, ok := s.inks[key]; ok {
		return k
	}
	ls := s.r.NewStyle()
	switch b {
	case baseH1, baseH2:
		ls = ls.Bold(true).Foreground(accent)
	case baseH3, baseHead:
		ls = ls.Bold(true).Foreground(fg)
	case baseRule:
		ls = ls.Foreground(border)
	case baseBullet:
		ls = ls.Foreground(accent)
	}
	if st&strong != 0 {
		ls = ls.Bold(true)
	}
	if st&emph != 0 {
		ls = ls.Italic(true)
	}
	if st&code != 0 {
		ls = ls.Foreground(warn)
	}
	if st&label != 0 {
		ls = ls.Foreground(dim)
	}
	k := newInk(ls)
	s.inks[key] = k
	return k
}

// line writes a wrapped line's words in base b, a blank between words;
// neighbours in one style share one pair of escape codes.
func (s *styles) line(b base, l []word) string {
	var out, run strings.Builder
	var runStyle style
	add := func(text string, st style) {
		if st != runStyle && run.Len() > 0 {
			out.WriteString(s.ink(b, runStyle).Render(run.String()))
			run.Reset()
		}
		runStyle = st
		run.WriteString(text)
	}
	for k, w := range l {
		if k > 0 {
			add(" ", w.gap)
		}
		for _, sp := range w.spans {
			add(strings.ReplaceAll(sp.text, fieldGlue, " "), sp.st)
		}
	}
	out.WriteString(s.ink(b, runStyle).Render(run.String()))
	return out.String()
}

// ink is a style as the escape codes before and after its text.
type ink struct{ pre, post string }

// newInk reduces a style without widths or borders to its escape codes, by
// rendering a marker once.
func newInk(ls lipgloss.Style) ink {
	r := ls.Render("\x00")
	i := strings.IndexByte(r, 0)
	if i < 0 {
		return ink{}
	}
	return ink{pre: r[:i], post: r[i+1:]}
}

// Render styles one line of text.
func (k ink) Render(text string) string {
	if text == "" || k.pre == "" && k.post == "" {
		return text
	}
	return k.pre + text + k.post
}
