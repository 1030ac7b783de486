package uitest

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/tui/ui"
)

// ColourStyles renders in 256 colours, for the tests of what is coloured
// and what is not.
func ColourStyles() *ui.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	return ui.NewStyles(r)
}
