package dialog_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

var portfolioNow = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func portfolioRows() []model.PortfolioRow {
	return []model.PortfolioRow{
		{Summary: model.Summary{NegotiationID: 1, Title: "2027 annual terms", Stage: model.StageBargain, GapClosed: 0.44,
			Deadline: portfolioNow.AddDate(0, 0, 20), Verdict: "past our walk-away", Owed: 2,
			Landing: decimal.NewNullDecimal(decimal.NewFromInt(100)), Floor: decimal.NewNullDecimal(decimal.NewFromInt(200)), BelowFloor: true},
			Account: "Hollis Foodstores", KAM: "ann", Pending: 1},
		{Summary: model.Summary{NegotiationID: 2, Title: "Spring promotion", Stage: model.StagePrepare, GapClosed: 0.10,
			Deadline: portfolioNow.AddDate(0, 0, 5), LandingWhy: "no offer yet"},
			Account: "Northway Catering", KAM: "bob"},
		{Summary: model.Summary{NegotiationID: 3, Title: "Vending 2027", Stage: model.StageAgree, GapClosed: 0.90},
			Account: "Alder Vending"},
	}
}

func portfolioOf() *dialog.Portfolio {
	p := dialog.NewPortfolio(uitest.Styles(), func() time.Time { return portfolioNow })
	p.SetData(dialog.PortfolioData{Rows: portfolioRows()})
	return p
}

func TestPortfolioShowsEachNegotiationsFigures(t *testing.T) {
	s := box(t, portfolioOf(), 140, 20)
	hollis := uitest.Line(s, "Hollis Foodstores")
	for _, want := range []string{"ann", "bargain", " 20 ", "44%", "past our walk-away", "below floor", "    2    1"} {
		if !strings.Contains(hollis, want) {
			t.Errorf("the Hollis row lacks %q: %q", want, hollis)
		}
	}
	// A figure that cannot be worked out says so, never zero.
	if l := uitest.Line(s, "Northway"); !strings.Contains(l, "? no offer yet") {
		t.Errorf("the Northway row: %q", l)
	}
	if l := uitest.Line(s, "Alder"); !strings.Contains(l, "—") {
		t.Errorf("a negotiation with no deadline or KAM: %q", l)
	}
	// Soonest deadline first; none last.
	if !(strings.Index(s, "Northway") < strings.Index(s, "Hollis") && strings.Index(s, "Hollis") < strings.Index(s, "Alder")) {
		t.Fatalf("not sorted by deadline:\n%s", s)
	}
}

func TestPortfolioSortsFiltersAndOpens(t *testing.T) {
	p := portfolioOf()
	uitest.Press(t, p, "s") // by gap closed: least first
	s := box(t, p, 140, 20)
	if !strings.Contains(s, "sorted by gap closed") || strings.Index(s, "Northway") > strings.Index(s, "Hollis") {
		t.Fatalf("sorted by gap closed:\n%s", s)
	}
	uitest.Press(t, p, "s") // by pending approvals: most first
	if s := box(t, p, 140, 20); !strings.Contains(uitest.Line(s, "›"), "Hollis") {
		t.Fatalf("sorted by pending approvals, the first row:\n%s", s)
	}
	uitest.Press(t, p, "/", "b", "o", "b", "enter")
	s = box(t, p, 140, 20)
	if uitest.Line(s, "Northway") == "" || uitest.Line(s, "Hollis") != "" {
		t.Fatalf("filtered by KAM bob:\n%s", s)
	}
	if open := uitest.As[vocab.OpenMsg](t, p.Update(uitest.Key("enter"))); open.NegID != 2 || !p.Done() {
		t.Fatalf("enter opens %d (done %v), want 2", open.NegID, p.Done())
	}
}

func TestPortfolioSaysWhenNothingIsYours(t *testing.T) {
	p := dialog.NewPortfolio(uitest.Styles(), func() time.Time { return portfolioNow })
	p.SetData(dialog.PortfolioData{})
	if s := box(t, p, 100, 12); uitest.Line(s, "No negotiation of yours matches") == "" {
		t.Fatalf("an empty portfolio:\n%s", s)
	}
}

// BenchmarkPortfolioView is the page's frame over 200 negotiations (only
// the visible rows are drawn).
func BenchmarkPortfolioView(b *testing.B) {
	var rows []model.PortfolioRow
	for i := range 200 {
		r := portfolioRows()[i%3]
		r.NegotiationID, r.Title = uint64(i+1), fmt.Sprintf("Negotiation %d", i)
		rows = append(rows, r)
	}
	p := dialog.NewPortfolio(uitest.Styles(), func() time.Time { return portfolioNow })
	p.SetData(dialog.PortfolioData{Rows: rows})
	b.ResetTimer()
	for range b.N {
		p.View(160, 50)
	}
}
