package spar

import (
	"math"
	"testing"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// dealScript is a trainee who trades down to the zone of agreement over
// two meetings (six rounds) against a conceding buyer, and whose sixth
// offer the buyer takes.
var dealScript = []string{
	"1 24.50, 2 45, 3 1.5, 5 0.60",
	"2 60, 6 6, 7 24, 8 97",
	"1 24.20, 3 2.5, 5 0.90",
	"1 24.00, 4 185000, 8 98",
	"1 23.80, 3 3.0",
	"1 23.70, 7 18",
}

// TestDemoSessionReachesADeal plays dealScript on the demo and checks the
// debrief by hand. The deal is the sixth offer: 1 23.70, 2 60, 3 3.0,
// 4 185000, 5 0.90, 6 6, 7 18, 8 98.0.
//
// Contribution, through the waterfall (DESIGN 5.2) on the demo's basis
// (standing 4 % on invoice and 37,000 a year lump sum; cost of goods
// 15.60, to serve 1.35, capital 8 %; last year's turnover 3,998,400):
//
//	invoice 23.70 × 0.96 = 22.752; turnover × 185,000 = 4,209,120
//	growth rebate 3 % of (4,209,120 − 3,998,400) = 6,321.60 → 0.0341708 a unit
//	allowance 0.90; lump sum 37,000 / 185,000 = 0.20 → net-net 21.6178292
//	payment 22.752 × 8 % × 60 / 365 = 0.2992044
//	service 98.0 is 1 point past 97: 12,000 / 185,000 = 0.0648649
//	SKUs 6 against last year's 4: −2 × 38,000 / 185,000 = −0.4108108
//	pocket 21.6178292 − 0.2992044 − 0.0648649 + 0.4108108 = 21.6645708
//	margin − 15.60 − 1.35 = 4.7145708 × 185,000 = 872,195.59
//
// Our score, 100·Σ w·u / Σ w with u = (x − walk)/(target − walk):
// price 0.10/0.60 × 90 = 15; days 0 × 40; rebate 0 × 70; volume 1 × 60;
// allowance 0.10/0.30 × 50 = 16.667; SKUs 1 × 55; contract 6/12 × 45 =
// 22.5; service 0.5/1.5 × 30 = 10: 179.167 / 440 = 40.72.
//
// The buyer's utility, Σ value·v / Σ value with v = (their walk − x)/(their
// walk − their opening): price 0.30/1.10 × 80 = 21.818; days 0; rebate
// 0.5/1.5 × 85 = 28.333; volume (no estimate: our opening 200,000 stands in)
// 15,000/50,000 × 30 = 9; allowance 0; SKUs 0; contract (our 36 stands in)
// 18/24 × 35 = 26.25; service (our 95 stands in) 3/4.5 × 80 = 53.333:
// 138.735 / 495 = 28.03. Joint gain 40.720 + 28.027 = 68.75.
//
// Flags: in round 3 the rebate moves 1.0 (1.5 → 2.5) after 0.5, and the
// allowance 0.30 after 0.20: increasing concessions; the price's 0.30
// after 0.30 is not. Nothing passes our walk-aways.
func TestDemoSessionReachesADeal(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 7, Tactic: Conceder, Meetings: 2})
	play(t, s, dealScript...)
	if s.Outcome != Agreed || s.Round() != 6 {
		t.Fatalf("outcome %s after round %d, want a deal in round 6", s.Outcome, s.Round())
	}
	last := s.Rows[len(s.Rows)-1]
	if last.By != model.Them || !last.Accepted {
		t.Fatalf("last row = %s, want the buyer accepting", s.Describe(last))
	}
	rec := s.Record().Debrief
	wantValues := "1 23.70, 2 60, 3 3.0, 4 185000, 5 0.90, 6 6, 7 18, 8 98.0"
	if got := c.FormatValues(s.Deal); got != wantValues {
		t.Errorf("deal = %s, want %s", got, wantValues)
	}
	if rec.Contribution == nil || *rec.Contribution != "872195.59" {
		t.Errorf("contribution = %v, want 872195.59", rec.Contribution)
	}
	if rec.Verdict != "acceptable" {
		t.Errorf("verdict = %q", rec.Verdict)
	}
	for name, got := range map[string]*float64{"our score": rec.OurScore, "buyer utility": rec.BuyerUtility, "joint gain": rec.JointGain} {
		want := map[string]float64{"our score": 40.72, "buyer utility": 28.03, "joint gain": 68.75}[name]
		if got == nil || math.Abs(*got-want) > 1e-9 {
			t.Errorf("%s = %v, want %.2f", name, got, want)
		}
	}
	if len(rec.Flags) != 2 || rec.Flags[0].Round != 3 || rec.Flags[0].Item != 3 || rec.Flags[1].Round != 3 || rec.Flags[1].Item != 5 ||
		rec.Flags[0].Flags[0] != "increasing concession" || rec.Flags[1].Flags[0] != "increasing concession" {
		t.Errorf("flags = %+v, want increasing concessions on items 3 and 5 in round 3", rec.Flags)
	}
	// The better trade is on the frontier, at least as good for both, and as far as it says.
	db := s.Debrief()
	if !db.HasBetterTrade || db.BetterTrade.Ours < db.Judged.Score || db.BetterTrade.Buyer < db.BuyerUtility {
		t.Fatalf("better trade %+v is not better for both than %.2f/%.2f", db.BetterTrade, db.Judged.Score, db.BuyerUtility)
	}
	if d := math.Hypot(db.BetterTrade.Ours-db.Judged.Score, db.BetterTrade.Buyer-db.BuyerUtility); math.Abs(d-db.ParetoDistance) > 1e-9 || d == 0 {
		t.Errorf("pareto distance %.4f, the better trade is %.4f away", db.ParetoDistance, d)
	}
	if u, _ := c.OurScore(db.BetterTrade.Values); math.Abs(u-db.BetterTrade.Ours) > 1e-9 {
		t.Errorf("the better trade's score %.4f is not its package's %.4f", db.BetterTrade.Ours, u)
	}
	// Both curves fall: each side concedes in its own utility.
	for _, curve := range [][]CurvePoint{db.OurCurve, db.TheirCurve} {
		for k := 1; k < len(curve); k++ {
			if curve[k].Utility > curve[k-1].Utility+1e-9 {
				t.Errorf("curve rises at round %d: %+v", curve[k].Round, curve)
			}
		}
	}
}

// TestDemoSessionWithoutADeal: a trainee who asks for 3.5 % rebate, past
// our walk-away of 3.0, and otherwise holds, meets a Boulware buyer that
// walks away at the end of the one meeting (round 3). The debrief has no
// deal figures (null, with the note), flags the rebate move as past
// walk-away, and offers the Nash point as the trade both would have taken:
// 1 24.00, 2 60, 3 3.0, 4 185000, 5 1.00, 6 6, 7 24, 8 98.5, by hand
//
//	ours: price 0.40/0.60 × 90 = 60, volume 60, SKUs 55, contract 45, the
//	      rest at our walk-aways 0: 220 / 440 = 50
//	theirs: rebate 0.5/1.5 × 85 = 28.333, volume 0.3 × 30 = 9, allowance
//	      0.10/0.60 × 75 = 12.5, contract 12/24 × 35 = 17.5, service 3.5/4.5
//	      × 80 = 62.222: 129.556 / 495 = 26.17
func TestDemoSessionWithoutADeal(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 7, Tactic: Boulware, Meetings: 1})
	play(t, s, "1 24.60", "we 3 3.5", "1 24.60")
	if s.Outcome != Walked || s.Round() != 3 {
		t.Fatalf("outcome %s after round %d, want the buyer walking in round 3", s.Outcome, s.Round())
	}
	rec := s.Record().Debrief
	if rec.Deal || rec.OurScore != nil || rec.Contribution != nil || rec.BuyerUtility != nil || rec.JointGain != nil ||
		rec.ParetoDistance != nil || rec.NashDistance != nil || rec.Note == "" {
		t.Errorf("a session without a deal reports deal figures: %+v", rec)
	}
	past := false
	for _, f := range rec.Flags {
		if f.Round == 2 && f.Item == 3 && f.Flags[len(f.Flags)-1] == "past walk-away" {
			past = true
		}
	}
	if !past {
		t.Errorf("flags = %+v, want the rebate at 3.5 in round 2 past walk-away", rec.Flags)
	}
	bt := rec.BetterTrade
	want := map[string]string{"1": "24.00", "2": "60", "3": "3.0", "4": "185000", "5": "1.00", "6": "6", "7": "24", "8": "98.5"}
	if bt == nil || bt.OurScore != 50 || bt.BuyerUtility != 26.17 {
		t.Fatalf("better trade = %+v, want the Nash point at 50/26.17", bt)
	}
	for k, v := range want {
		if bt.Values[k] != v {
			t.Errorf("better trade item %s = %s, want %s", k, bt.Values[k], v)
		}
	}
}

// TestFlagsByHand: the flag rules on a transcript written by hand on the
// two-item case (A up, walk-away 6; B down, walk-away 4).
//
//	round 1: we A 10 → 9 (1): the buyer's opening counts as its move: no flag
//	round 1: they hold
//	round 2: we A 9 → 7 (2): unreciprocated (they held) and increasing (2 > 1)
//	round 2: they B 6 → 5
//	round 3: we A 7 → 5 (2): past walk-away 6; not increasing (2 = 2); B 0 → 1, first move there
func TestFlagsByHand(t *testing.T) {
	c := twoItems(t)
	s := NewSession(c, Config{Seed: 1, Tactic: Linear})
	v := func(line string) model.Values { return values(t, c, line) }
	s.Rows = []Row{
		{Round: 0, By: model.Them, Values: v("1 2, 2 6")},
		{Round: 1, By: model.Us, Values: v("1 9, 2 0")},
		{Round: 1, By: model.Them, Values: v("1 2, 2 6")},
		{Round: 2, By: model.Us, Values: v("1 7, 2 0")},
		{Round: 2, By: model.Them, Values: v("1 2, 2 5")},
		{Round: 3, By: model.Us, Values: v("1 5, 2 1")},
	}
	got := s.flags()
	want := []FlagNote{
		{Round: 2, Number: 1, Flags: model.Unreciprocated | model.Increasing},
		{Round: 3, Number: 1, Flags: model.PastWalkAway},
	}
	if len(got) != len(want) {
		t.Fatalf("flags = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("flag %d = %+v (%s), want %+v (%s)", i, got[i], got[i].Flags, want[i], want[i].Flags)
		}
	}
}

// TestAcceptTakesTheCounter: "accept" makes the buyer's standing counter the
// deal, as the trainee's row.
func TestAcceptTakesTheCounter(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 2, Tactic: Linear})
	play(t, s, "1 24.40, 2 50")
	counter := s.Counter()
	play(t, s, "accept")
	if s.Outcome != Agreed || c.FormatValues(s.Deal) != c.FormatValues(counter) {
		t.Fatalf("accept: %s, deal %s; want the counter %s", s.Outcome, c.FormatValues(s.Deal), c.FormatValues(counter))
	}
	if r := s.Rows[len(s.Rows)-1]; r.By != model.Us || !r.Accepted {
		t.Errorf("last row = %+v, want ours accepting", r)
	}
}

// TestGapClosed: on the two-item case (weights 60 and 40; gaps 8 and 6 at
// the openings), our A 10 → 8 against their A 2 closes 2 of 8 there, and
// their B 6 → 3 against our B 0 closes 3 of 6:
// (60 × 0.25 + 40 × 0.5) / 100 = 0.35.
func TestGapClosed(t *testing.T) {
	c := twoItems(t)
	s := NewSession(c, Config{Seed: 1, Tactic: Linear})
	if g := s.GapClosed(); g != 0 {
		t.Fatalf("gap closed at the openings = %v, want 0", g)
	}
	s.ours = values(t, c, "1 8, 2 0")
	s.counter = values(t, c, "1 2, 2 3")
	if g := s.GapClosed(); math.Abs(g-0.35) > 1e-12 {
		t.Errorf("gap closed = %v, want 0.35", g)
	}
	if !s.Gap(0).Equal(num("6")) || !s.Gap(1).Equal(num("3")) {
		t.Errorf("gaps = %s, %s; want 6 and 3", s.Gap(0), s.Gap(1))
	}
}

// TestLineIsKeptClean: what the trainee typed is kept in the transcript
// without control characters.
func TestLineIsKeptClean(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 1, Tactic: Linear})
	play(t, s, "1 24.50,\a 2 45\u202e ")
	if got := s.Rows[1].Line; got != "1 24.50, 2 45" {
		t.Errorf("kept line %q, want 1 24.50, 2 45", got)
	}
}

// TestUnscoredAgendaHasNoOurCurve: without a target and walk-away on any
// item our score cannot be computed: the debrief leaves our curve and
// score out instead of showing 0.
func TestUnscoredAgendaHasNoOurCurve(t *testing.T) {
	c := twoItems(t)
	for i := range c.Dossier.Items {
		c.Dossier.Items[i].OurTarget, c.Dossier.Items[i].OurWalkAway = decimal.NullDecimal{}, decimal.NullDecimal{}
	}
	s := NewSession(c, Config{Seed: 1, Tactic: Linear})
	play(t, s, "1 9")
	rec := s.Record().Debrief
	if len(rec.OurCurve) != 0 || rec.OurScore != nil {
		t.Errorf("our curve %v, score %v: want none", rec.OurCurve, rec.OurScore)
	}
}
