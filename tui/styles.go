package tui

import (
	"os"

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
type Styles struct {
	Header      lipgloss.Style
	HeaderDim   lipgloss.Style
	Private     lipgloss.Style
	Border      lipgloss.Style
	BorderFocus lipgloss.Style
	Title       lipgloss.Style
	TitleFocus  lipgloss.Style
	Selected    lipgloss.Style
	Dim         lipgloss.Style
	Bold        lipgloss.Style
	Good        lipgloss.Style
	Bad         lipgloss.Style
	Warn        lipgloss.Style
	Accent      lipgloss.Style
	Error       lipgloss.Style
	BarFull     lipgloss.Style
	BarEmpty    lipgloss.Style
	Key         lipgloss.Style
	Tab         lipgloss.Style
	TabActive   lipgloss.Style
	Box         lipgloss.Style
	Field       lipgloss.Style
	FieldFocus  lipgloss.Style
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
	return &Styles{
		Header:      s().Bold(true).Foreground(fg),
		HeaderDim:   s().Foreground(dim),
		Private:     s().Bold(true).Foreground(warn).Reverse(true),
		Border:      s().Foreground(border),
		BorderFocus: s().Foreground(accent),
		Title:       s().Foreground(dim),
		TitleFocus:  s().Bold(true).Foreground(accent),
		Selected:    s().Background(selBg).Foreground(fg).Bold(true),
		Dim:         s().Foreground(dim),
		Bold:        s().Bold(true),
		Good:        s().Foreground(good),
		Bad:         s().Foreground(bad),
		Warn:        s().Foreground(warn),
		Accent:      s().Foreground(accent),
		Error:       s().Foreground(bad).Bold(true),
		BarFull:     s().Foreground(good),
		BarEmpty:    s().Foreground(border),
		Key:         s().Bold(true).Foreground(accent),
		Tab:         s().Foreground(dim).Padding(0, 1),
		TabActive:   s().Bold(true).Foreground(accent).Underline(true).Padding(0, 1),
		Box:         s().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Field:       s().Foreground(fg),
		FieldFocus:  s().Foreground(accent).Bold(true),
	}
}
