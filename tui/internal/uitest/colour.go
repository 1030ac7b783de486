package uitest

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// ColourStyles renders in 256 colours, for the tests of what is coloured
// and what is not.
func ColourStyles() *ui.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	return ui.NewStyles(r)
}

// BadStart is the escape that starts the colour of trouble in st, to look
// for it in a drawn pane.
func BadStart(st *ui.Styles) string {
	bad, _, _ := strings.Cut(st.Bad.Render("\x00"), "\x00")
	return bad
}

// PastWalkAway is the demo drawn in colour with one more move of ours, our
// list price to 23.50, and our walk-away on it at walkAway: past it at
// "23.60", inside it at "23.00". The tests of privacy compare the two.
func PastWalkAway(walkAway string, private bool) *vocab.Snapshot {
	d := Demo()
	d.Ledger = append(d.Ledger, model.Concession{ID: 100, ItemID: 1, By: model.Us,
		To: decimal.RequireFromString("23.50"), At: Now})
	d.Items[0].OurWalkAway = decimal.NewNullDecimal(decimal.RequireFromString(walkAway))
	s := Snapshot(d, private)
	s.St = ColourStyles()
	return s
}
