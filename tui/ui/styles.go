package ui

import (
	"os"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Theme says which colours to use.
type Theme string

// The themes; ThemeAuto asks the terminal.
const (
	ThemeAuto  Theme = ""
	ThemeLight Theme = "light"
	ThemeDark  Theme = "dark"
)

// Styles are every style the workbench uses, built once from one renderer.
// Text styles are reduced to inks (their escape codes), because View styles
// every visible cell and a full lipgloss render per cell would dominate a
// Frame; the tabs keep their padding and stay lipgloss styles.
type Styles struct {
	plain, dim lipgloss.Style // of the session's renderer, for text inputs (input.go)

	Header      ink
	HeaderDim   ink
	Private     ink
	Border      ink
	BorderFocus ink
	Title       ink
	TitleFocus  ink
	Selected    ink
	Dim         ink
	Bold        ink
	Good        ink
	Bad         ink
	Warn        ink
	Accent      ink
	Error       ink
	BarFull     ink
	BarEmpty    ink
	Key         ink
	Field       ink
	FieldFocus  ink
	Tab         lipgloss.Style
	TabActive   lipgloss.Style
}

// ink is a text style as the escape codes before and after the text.
type ink struct{ pre, post string }

// newInk reduces a style without padding, margins, borders or widths to its
// escape codes, by rendering a marker once.
func newInk(s lipgloss.Style) ink {
	r := s.Render("\x00")
	i := strings.IndexByte(r, 0)
	if i < 0 {
		return ink{}
	}
	return ink{pre: r[:i], post: r[i+1:]}
}

// Render styles text, line by line as lipgloss does.
func (k ink) Render(text string) string {
	if k.pre == "" && k.post == "" {
		return text
	}
	if !strings.Contains(text, "\n") {
		return k.pre + text + k.post
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = k.pre + l + k.post
	}
	return strings.Join(lines, "\n")
}

// NewRenderer makes the renderer for the terminal on stdout, honouring
// NO_COLOR and a theme forced with --theme.
func NewRenderer(theme Theme) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(os.Stdout)
	if os.Getenv("NO_COLOR") != "" {
		r.SetColorProfile(termenv.Ascii)
	}
	switch theme {
	case ThemeLight:
		r.SetHasDarkBackground(false)
	case ThemeDark:
		r.SetHasDarkBackground(true)
	default:
		// Ask the terminal now, before the workbench reads the keyboard:
		// asked later, the terminal's answer would arrive as typed keys.
		r.HasDarkBackground()
	}
	return r
}

// NewStyles builds the styles from adaptive colours that read well on light
// and dark terminals.
func NewStyles(r *lipgloss.Renderer) *Styles {
	c := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	var (
		fg     = c("#1f2328", "#e6edf3")
		dim    = c("#6e7781", "#8b949e")
		accent = c("#0550ae", "#79c0ff")
		good   = c("#116329", "#56d364")
		bad    = c("#a40e26", "#ff7b72")
		warn   = c("#7d4e00", "#e3b341")
		selBg  = c("#ddf4ff", "#1f3a5f")
		border = c("#8c959f", "#484f58")
	)
	s := r.NewStyle
	i := func(st lipgloss.Style) ink { return newInk(st) }
	return &Styles{
		plain:       s(),
		dim:         s().Foreground(dim),
		Header:      i(s().Bold(true).Foreground(fg)),
		HeaderDim:   i(s().Foreground(dim)),
		Private:     i(s().Bold(true).Foreground(warn).Reverse(true)),
		Border:      i(s().Foreground(border)),
		BorderFocus: i(s().Foreground(accent)),
		Title:       i(s().Foreground(dim)),
		TitleFocus:  i(s().Bold(true).Foreground(accent)),
		Selected:    i(s().Background(selBg).Foreground(fg).Bold(true)),
		Dim:         i(s().Foreground(dim)),
		Bold:        i(s().Bold(true)),
		Good:        i(s().Foreground(good)),
		Bad:         i(s().Foreground(bad)),
		Warn:        i(s().Foreground(warn)),
		Accent:      i(s().Foreground(accent)),
		Error:       i(s().Foreground(bad).Bold(true)),
		BarFull:     i(s().Foreground(good)),
		BarEmpty:    i(s().Foreground(border)),
		Key:         i(s().Bold(true).Foreground(accent)),
		Field:       i(s().Foreground(fg)),
		FieldFocus:  i(s().Foreground(accent).Bold(true)),
		Tab:         s().Foreground(dim).Padding(0, 1),
		TabActive:   s().Bold(true).Foreground(accent).Underline(true).Padding(0, 1),
	}
}
