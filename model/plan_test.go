package model

import (
	"testing"
)

func TestLeverage(t *testing.T) {
	tests := []struct {
		weight, toThem int
		want           float64
	}{
		{60, 30, 0.5},
		{40, 80, 2},
		{0, 50, 50}, // weight 0 counts as 1
		{1, 50, 50},
		{50, 0, 0},
	}
	for _, tt := range tests {
		it := AgendaItem{Weight: tt.weight, ValueToThem: tt.toThem}
		assertFloat(t, "leverage", it.Leverage(), tt.want)
	}
}

func TestTradePlan(t *testing.T) {
	d := &Dossier{Items: []AgendaItem{
		{ID: 1, Title: "Price", Weight: 60, ValueToThem: 30, Status: ItemOpen},        // 0.5: ask for
		{ID: 2, Title: "Days", Weight: 40, ValueToThem: 80, Status: ItemOpen},         // 2: give first
		{ID: 3, Title: "Even", Weight: 50, ValueToThem: 50, Status: ItemOpen},         // 1: trade evenly
		{ID: 4, Title: "Edge give", Weight: 80, ValueToThem: 100, Status: ItemOpen},   // 1.25: give first
		{ID: 5, Title: "Edge ask", Weight: 100, ValueToThem: 80, Status: ItemOpen},    // 0.8: ask for
		{ID: 6, Title: "Parked", Weight: 10, ValueToThem: 90, Status: ItemParked},     // not in the plan
		{ID: 7, Title: "Agreed", Weight: 10, ValueToThem: 90, Status: ItemAgreed},     // not in the plan
		{ID: 8, Title: "Free", Weight: 0, ValueToThem: 20, Status: ItemOpen},          // 20: give first
		{ID: 9, Title: "Same as days", Weight: 20, ValueToThem: 40, Status: ItemOpen}, // 2: tie, after Days
		{ID: 10, Title: "Just under", Weight: 81, ValueToThem: 100, Status: ItemOpen}, // 1.2346: trade evenly
	}}
	want := []struct {
		id     uint64
		index  int
		lev    float64
		advice Advice
	}{
		{8, 7, 20, GiveFirst},
		{2, 1, 2, GiveFirst},
		{9, 8, 2, GiveFirst},
		{4, 3, 1.25, GiveFirst},
		{10, 9, 100.0 / 81, TradeEvenly},
		{3, 2, 1, TradeEvenly},
		{5, 4, 0.8, AskFor},
		{1, 0, 0.5, AskFor},
	}
	plan := d.TradePlan()
	if len(plan) != len(want) {
		t.Fatalf("plan has %d entries, want %d: %+v", len(plan), len(want), plan)
	}
	for k, w := range want {
		e := plan[k]
		if e.Item.ID != w.id || e.Index != w.index || e.Advice != w.advice || !approx(e.Leverage, w.lev) {
			t.Errorf("entry %d = {id %d, index %d, %.4f, %s}, want {id %d, index %d, %.4f, %s}",
				k, e.Item.ID, e.Index, e.Leverage, e.Advice, w.id, w.index, w.lev, w.advice)
		}
	}
	if plan := (&Dossier{}).TradePlan(); len(plan) != 0 {
		t.Errorf("empty agenda plan: %+v", plan)
	}
}

// GapValues prices every gap as GapValue does, one item at a time.
func TestGapValuesEqualsGapValue(t *testing.T) {
	for _, d := range []*Dossier{Demo(demoNow), sampleLike()} {
		r := d.Replay()
		values, errs := r.GapValues()
		for i := range d.Items {
			v, err := r.GapValue(i)
			if (err == nil) != (errs[i] == nil) || (err == nil && !v.Equal(values[i])) {
				t.Errorf("%s: GapValues %s (%v), GapValue %s (%v)", d.Items[i].Title, values[i], errs[i], v, err)
			}
		}
	}
}

// sampleLike is the demo with its deal basis gone: every gap is unpriced.
func sampleLike() *Dossier {
	d := Demo(demoNow)
	d.Negotiation.Deal = DealBasis{}
	return d
}

// contributionChange from one term equals pricing the whole package again,
// for every lever of the demo and values on both sides of the positions.
func TestContributionChangeEqualsTheWholeWaterfall(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()
	for _, origin := range []PackageOrigin{OriginOurs, OriginTheirs, OriginTarget} {
		p := r.Positions(origin)
		base, err := d.Waterfall(p.Values)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range d.Items {
			v, ok := p.Values[it.ID]
			if !ok {
				continue
			}
			for _, delta := range []string{"-3", "-0.25", "0", "0.5", "7"} {
				to := v.Add(dec(delta))
				got, err := d.contributionChange(p.Values, base, it, to)
				full, ferr := d.Waterfall(p.With(it.ID, to).Values)
				if (err == nil) != (ferr == nil) {
					t.Fatalf("%s %s → %s: %v vs %v", origin, it.Title, to, err, ferr)
				}
				if err == nil && !got.Equal(full.Contribution.Sub(base.Contribution)) {
					t.Errorf("%s %s → %s: change %s, whole waterfall %s", origin, it.Title, to, got, full.Contribution.Sub(base.Contribution))
				}
			}
		}
	}
}

// MoveMoney from the side's package priced once equals pricing both ends
// of the move whole, for every item, both sides and moves either way.
func TestMoveMoneyEqualsTwoWholeWaterfalls(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()
	for _, by := range []Party{Us, Them} {
		origin := OriginOurs
		if by == Them {
			origin = OriginTheirs
		}
		side := r.Positions(origin)
		for _, it := range d.Items {
			v, ok := side.Values[it.ID]
			if !ok {
				continue
			}
			for _, pair := range [][2]string{{"0", "1"}, {"-2", "0.5"}, {"3", "-1"}} {
				from, to := v.Add(dec(pair[0])), v.Add(dec(pair[1]))
				got, err := r.MoveMoney(by, it.ID, from, to)
				a, errA := d.Waterfall(side.With(it.ID, from).Values)
				b, errB := d.Waterfall(side.With(it.ID, to).Values)
				if (err == nil) != (errA == nil && errB == nil) {
					t.Fatalf("%s %s %s → %s: %v vs %v/%v", by, it.Title, from, to, err, errA, errB)
				}
				if err == nil && !got.Equal(b.Contribution.Sub(a.Contribution)) {
					t.Errorf("%s %s %s → %s: %s, whole waterfalls %s", by, it.Title, from, to, got, b.Contribution.Sub(a.Contribution))
				}
			}
		}
	}
}
