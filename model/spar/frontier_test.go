package spar

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/parley-app/parley/model"
)

// twoItems is the two-item case worked by hand below.
//
//	A (up):   ours 10 → target 8 → walk 6; theirs 2 → walk 8; weight 60, value to them 20
//	B (down): ours  0 → target 2 → walk 4; theirs 6 → walk 1; weight 40, value to them 80
func twoItems(t *testing.T) *Case {
	t.Helper()
	d := &model.Dossier{Negotiation: model.Negotiation{ID: 1, Title: "two items"}, Items: []model.AgendaItem{
		{ID: 1, Title: "A", Topic: model.TopicPrice, Better: model.Up, OurOpening: opt("10"), OurTarget: opt("8"), OurWalkAway: opt("6"),
			TheirOpening: opt("2"), TheirWalkAway: opt("8"), Weight: 60, ValueToThem: 20, Status: model.ItemOpen},
		{ID: 2, Title: "B", Topic: model.TopicTerms, Better: model.Down, OurOpening: opt("0"), OurTarget: opt("2"), OurWalkAway: opt("4"),
			TheirOpening: opt("6"), TheirWalkAway: opt("1"), Weight: 40, ValueToThem: 80, Status: model.ItemOpen},
	}}
	c, err := NewCase(d)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFrontierTwoItems works the frontier and the Nash point by hand.
//
// The zone of agreement is A in {6, 7, 8} (our walk-away to theirs) and B in
// {4, 3, 2, 1}. Our score is 60·u_A + 40·u_B with u_A = (x − 6)/2 and u_B =
// clamp((4 − x)/2, 0, 1); the buyer's utility is 20·v_A + 80·v_B with v_A =
// (8 − x)/6 and v_B = (x − 1)/5. Per value:
//
//	A6: ours 0,  buyer 6.667   B4: ours 0,  buyer 48
//	A7: ours 30, buyer 3.333   B3: ours 20, buyer 32
//	A8: ours 60, buyer 0       B2: ours 40, buyer 16    B1: ours 40, buyer 0
//
// Of the twelve packages, five are efficient: (6,4) 0/54.667, (7,4)
// 30/51.333, (8,4) 60/48, (8,3) 80/32, (8,2) 100/16; e.g. (7,3) 50/35.333 is
// beaten by (8,4) on both sides, and (8,1) 100/0 by (8,2). The Nash products
// are 0, 1540, 2880, 2560 and 1600: the Nash point is (8,4), A to us and B
// to them, each side getting what it values more. A deal at (7,3) is
// √(10² + 12.667²) = 16.138 from it, and (8,4) is also the nearest frontier
// point at least as good for both: the better trade.
func TestFrontierTwoItems(t *testing.T) {
	c := twoItems(t)
	f := c.Frontier()
	want := []struct {
		a, b        string
		ours, buyer float64
	}{{"6", "4", 0, 54.667}, {"7", "4", 30, 51.333}, {"8", "4", 60, 48}, {"8", "3", 80, 32}, {"8", "2", 100, 16}}
	if len(f.Points) != len(want) {
		t.Fatalf("frontier has %d points, want %d: %+v", len(f.Points), len(want), f.Points)
	}
	for i, w := range want {
		p := f.Points[i]
		if !p.Values[1].Equal(num(w.a)) || !p.Values[2].Equal(num(w.b)) ||
			math.Abs(p.Ours-w.ours) > 1e-3 || math.Abs(p.Buyer-w.buyer) > 1e-3 {
			t.Errorf("point %d = A %s B %s %.3f/%.3f, want A %s B %s %.3f/%.3f", i, p.Values[1], p.Values[2], p.Ours, p.Buyer, w.a, w.b, w.ours, w.buyer)
		}
	}
	if !f.HasNash || !f.Nash.Values[1].Equal(num("8")) || !f.Nash.Values[2].Equal(num("4")) {
		t.Errorf("Nash point = %+v, want A 8, B 4", f.Nash)
	}
	deal := Point{Values: values(t, c, "1 7, 2 3")}
	deal.Ours, _ = c.OurScore(deal.Values)
	deal.Buyer = 100 * c.BuyerUtility(deal.Values)
	if math.Abs(deal.Ours-50) > 1e-9 || math.Abs(deal.Buyer-35.333) > 1e-3 {
		t.Fatalf("deal (7,3) = %.3f/%.3f, want 50/35.333", deal.Ours, deal.Buyer)
	}
	better, dist, ok := f.BetterTrade(deal)
	if !ok || !better.Values[1].Equal(num("8")) || !better.Values[2].Equal(num("4")) || math.Abs(dist-16.138) > 1e-3 {
		t.Errorf("better trade = %+v at %.3f (%v), want A 8 B 4 at 16.138", better, dist, ok)
	}
	if d := Distance(deal, f.Nash); math.Abs(d-16.138) > 1e-3 {
		t.Errorf("Nash distance = %.3f, want 16.138", d)
	}
	// A point on the frontier has no better trade.
	if _, dist, ok := f.BetterTrade(f.Points[2]); ok || dist != 0 {
		t.Errorf("a frontier point has a better trade at %.3f", dist)
	}
}

// TestFrontierNoZone: walk-aways that leave no agreement on an item give no
// frontier, and say which item.
func TestFrontierNoZone(t *testing.T) {
	c := twoItems(t)
	c.Issues[0].BuyerWalk = num("5") // they pay at most 5, we take no less than 6
	f := c.Frontier()
	if len(f.Points) != 0 || f.HasNash || f.NoZone == "" {
		t.Errorf("frontier = %+v, want none with the reason", f)
	}
}

// TestOurSharesAddUpToTheScore: the frontier's our-score, added issue by
// issue, is the negotiation's package score (model.Dossier.ScoreValues) of
// the whole package, on random packages of the demo.
func TestOurSharesAddUpToTheScore(t *testing.T) {
	_, c := demoCase(t)
	f := c.Frontier()
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		v := model.Values{}
		var ours float64
		_, constant := c.ourShares()
		ours = constant
		for k, axis := range f.Grid {
			j := rng.IntN(len(axis.itemValues))
			v[c.Issues[k].Item.ID] = axis.itemValues[j]
			ours += axis.ours[j]
		}
		want, _ := c.OurScore(v)
		if math.Abs(ours-want) > 1e-9 {
			t.Fatalf("%s: shares add up to %.6f, ScoreValues says %.6f", c.FormatValues(v), ours, want)
		}
	}
}

// TestFrontierBounded: a zone of 1,001 values at the item's step (A from
// our walk-away 6 to a buyer's walk-away of 1,006) is laid out at 10 times
// the step, 101 values (⌈1,000 / 100⌉ = 10), and says so; the demo's
// frontier is worked out whole (never thinned).
func TestFrontierBounded(t *testing.T) {
	c := twoItems(t)
	c.Issues[0].BuyerWalk = num("1006")
	f := c.Frontier()
	if a := f.Grid[0]; !a.Coarsened || !a.Step.Equal(num("10")) || a.Values != 101 {
		t.Errorf("axis A = step %s, %d values, coarsened %v; want step 10, 101 values", a.Step, a.Values, a.Coarsened)
	}
	if a := f.Grid[1]; a.Coarsened || a.Values != 4 {
		t.Errorf("axis B = %d values, coarsened %v; want 4 at its own step", a.Values, a.Coarsened)
	}
	_, demo := demoCase(t)
	df := demo.Frontier()
	for _, a := range df.Grid {
		if a.Values > MaxGridValues+1 { // +1: the far end when the step does not land on it
			t.Errorf("demo item %d has %d grid values", a.Number, a.Values)
		}
	}
	if len(df.Points) == 0 || len(df.Points) > MaxPoints || df.Thinned || !df.HasNash {
		t.Errorf("demo frontier: %d points, Nash %v", len(df.Points), df.HasNash)
	}
}
