package spar

import (
	"math"
	"testing"
	"time"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
)

// An item out of play (their opening is ours: no gap) counts in our score
// at our opening, as in the negotiation's package score: the demo's
// contract length at 36 months, here short of a target of 40 (walk-away
// 12), scores (36 − 12)/(40 − 12) = 6/7 of its weight 45 of 440.
func TestAnItemOutOfPlayCountsInOurScoreAtOurOpening(t *testing.T) {
	d := model.Demo(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	i := d.ItemIndex(7)
	d.Items[i].TheirOpening, d.Items[i].OurTarget = opt("36"), opt("40")
	c, err := NewCase(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, fixed := c.Fixed[7]; !fixed || len(c.Issues) != 7 {
		t.Fatalf("the contract length is not out of play: %d issues", len(c.Issues))
	}
	_, constant := c.ourShares()
	if want := 100 * 45 * (6.0 / 7) / 440; math.Abs(constant-want) > 1e-9 {
		t.Errorf("the items out of play add %.6f points, want %.6f", constant, want)
	}
	f := c.Frontier()
	v := model.Values{}
	ours := constant
	for k, axis := range f.Grid {
		v[c.Issues[k].Item.ID] = axis.itemValues[len(axis.itemValues)/2]
		ours += axis.ours[len(axis.itemValues)/2]
	}
	if want, _ := c.OurScore(v); math.Abs(ours-want) > 1e-9 {
		t.Errorf("%s: the frontier scores %.6f, the package score is %.6f", c.FormatValues(v), ours, want)
	}
}

// thin keeps n points spread evenly, both ends included.
func TestThinKeepsPointsEvenlyWithBothEnds(t *testing.T) {
	pts := make([]int, 1001)
	for i := range pts {
		pts[i] = i
	}
	got := thin(pts, 11)
	for k, want := range []int{0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000} {
		if k >= len(got) || got[k] != want {
			t.Fatalf("thin(0…1000, 11) = %v, want every hundredth", got)
		}
	}
	if got := thin([]int{0, 1, 2, 3, 4}, 3); len(got) != 3 || got[0] != 0 || got[1] != 2 || got[2] != 4 {
		t.Errorf("thin(0…4, 3) = %v, want [0 2 4]", got)
	}
}

// On the large sample (50 issues) the frontier is thinned while issues are
// added and at the end: it reports MaxPoints points, thinned to the fewest
// kept at any step, and every point's values still give its utilities
// (the thinned levels keep the paths back to each issue's value). With
// every other issue's grid halved, the fewest is still the smallest share
// (MinFrontier), not the share of the coarser issues (and the end needs no
// thinning).
func TestALargeFrontierIsThinnedAndSaysHowFar(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c, err := NewCase(sample.Dossier(sample.LargeSize, now))
	if err != nil {
		t.Fatal(err)
	}
	check := func(f Frontier, atMost bool) {
		t.Helper()
		if !f.Thinned || f.Kept != MinFrontier || len(f.Points) > MaxPoints || !atMost && len(f.Points) != MaxPoints || !f.HasNash {
			t.Fatalf("thinned %v to %d, %d points, Nash %v; want thinned to %d, %d points (at most: %v) and a Nash point",
				f.Thinned, f.Kept, len(f.Points), f.HasNash, MinFrontier, MaxPoints, atMost)
		}
		for i, p := range f.Points {
			ours, _ := c.OurScore(p.Values)
			if math.Abs(ours-p.Ours) > 1e-6 || math.Abs(100*c.BuyerUtility(p.Values)-p.Buyer) > 1e-6 {
				t.Fatalf("point %d: %.6f/%.6f, its values give %.6f/%.6f", i, p.Ours, p.Buyer, ours, 100*c.BuyerUtility(p.Values))
			}
		}
	}
	f := c.Frontier()
	check(f, false)
	coarser := 0
	for k := range c.Issues {
		if k%2 == 1 {
			c.Issues[k].Step = f.Grid[k].Step.Mul(num("2"))
		}
	}
	c.frontier = nil
	f = c.Frontier()
	for k, a := range f.Grid {
		if k%2 == 1 && max(MinFrontier, MaxWork/len(f.Grid)/len(a.itemValues)) > MinFrontier {
			coarser++
		}
	}
	if coarser < len(f.Grid)/4 {
		t.Fatalf("only %d issues keep more than %d points", coarser, MinFrontier)
	}
	check(f, true)
}
