package model

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// TestEffectWorkedExample prices moves on formulaDossier (replay_test.go),
// where the ledger leaves
//
//	A list price    up   ours 91, theirs 88: gap 3 of 20, closed 0.85; our last move 5 (c5)
//	B payment days  down ours 65, theirs 70: gap 5 of 60, closed 55/60
//
// and the gap closed is (60·0.85 + 40·55/60)/100 = 0.876667. Scores on A:
// u(x) = (x − 90)/(95 − 90), clamped: u(88) = 0, u(91) = 0.2, u(93) = 0.6.
//
//	they A → 91          size 3, share 3/20; gap 3 → 0; closed (60 + 36.667)/100 = 0.966667; their score 0 → 0.2
//	we A → 90            size 1 (not more than 5), nothing traded: unreciprocated; gap 2, closed 0.9: 0.906667
//	  with a budget of 90.50 set today: also over budget
//	we A → 89 for z      size 2; 89 is past the walk-away 90; gap 1, closed 0.95: 0.936667
//	we B → 70            days: size 70 − 65 = 5 (not more than 25); past the walk-away 60; gap 0: 0.91
//	edit c5 to 93        from 96, size 3 (c1 was 4: not increasing); ours now 93: gap 5, closed 0.75: 0.816667
//	edit c1 to 98        from 100, size 2; c5 moves us on to 91 later: the gap stays 3
func TestEffectWorkedExample(t *testing.T) {
	later := m2.Ended.AddDate(0, 0, 1) // between meetings 2 and 3: counts toward meeting 3
	closedNow := (60*0.85 + 40*55.0/60) / 100
	tests := []struct {
		name          string
		budget        string // today's budget on A, set at later
		c             Concession
		from, size    string
		share         float64
		flags         Flag
		gap           string // after
		closed        float64
		score         [2]float64
		err           string
		epoch         int
		before, after string // our or their position on the item
	}{
		{name: "theirs up to ours", c: Concession{ItemID: 1, By: Them, To: dec("91"), At: later},
			from: "88", size: "3", share: 0.15, gap: "0", closed: (60 + 40*55.0/60) / 100, score: [2]float64{0, 0.2}, epoch: 3},
		{name: "ours, nothing traded", c: Concession{ItemID: 1, By: Us, To: dec("90"), At: later},
			from: "91", size: "1", flags: Unreciprocated, share: 0.05, gap: "2", closed: (60*0.9 + 40*55.0/60) / 100, score: [2]float64{0.2, 0}, epoch: 3},
		{name: "ours over today's budget", budget: "90.50", c: Concession{ItemID: 1, By: Us, To: dec("90"), At: later},
			from: "91", size: "1", flags: Unreciprocated | OverBudget, share: 0.05, gap: "2", closed: (60*0.9 + 40*55.0/60) / 100, score: [2]float64{0.2, 0}, epoch: 3},
		{name: "ours past the walk-away", c: Concession{ItemID: 1, By: Us, To: dec("89"), TradedFor: "z", At: later},
			from: "91", size: "2", flags: PastWalkAway, share: 0.1, gap: "1", closed: (60*0.95 + 40*55.0/60) / 100, score: [2]float64{0.2, 0}, epoch: 3},
		{name: "days, down is better", c: Concession{ItemID: 2, By: Us, To: dec("70"), At: later},
			from: "65", size: "5", flags: Unreciprocated | PastWalkAway, share: 5.0 / 60, gap: "0", closed: (60*0.85 + 40) / 100, epoch: 3},
		{name: "edit of our last move", c: withTo(formulaDossier().Ledger[4], "93"),
			from: "96", size: "3", share: 0.15, gap: "5", closed: (60*0.75 + 40*55.0/60) / 100, score: [2]float64{0.2, 0.6}, epoch: 2},
		{name: "edit of an early move", c: withTo(formulaDossier().Ledger[0], "98"),
			from: "100", size: "2", share: 0.1, gap: "3", closed: closedNow, score: [2]float64{0.2, 0.2}, epoch: 1},
		{name: "past their position", c: Concession{ItemID: 1, By: Them, To: dec("92"), At: later},
			err: "we ask 91; to settle there type `agree 1`"},
		{name: "away from them", c: Concession{ItemID: 1, By: Us, To: dec("92"), At: later},
			err: "that is no concession"},
		{name: "no such item", c: Concession{ItemID: 9, By: Us, To: dec("92"), At: later},
			err: "no such item"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := formulaDossier()
			if tc.budget != "" {
				d.Budgets = []Budget{{ID: 1, ItemID: 1, Value: dec(tc.budget), At: later.Add(-time.Minute)}}
			}
			r := d.Replay()
			e, err := r.Effect(tc.c)
			assertErr(t, err, tc.err)
			if tc.err != "" {
				return
			}
			assertDec(t, "from", e.Move.From, tc.from)
			assertDec(t, "size", e.Move.Size, tc.size)
			assertFloat(t, "share", e.Move.Share, tc.share)
			if e.Move.Flags != tc.flags {
				t.Errorf("flags %q, want %q", e.Move.Flags, tc.flags)
			}
			if e.Move.Epoch != tc.epoch {
				t.Errorf("epoch %d, want %d", e.Move.Epoch, tc.epoch)
			}
			assertDec(t, "gap after", e.After.Gap, tc.gap)
			assertFloat(t, "gap closed before", e.GapClosed[0], closedNow)
			assertFloat(t, "gap closed after", e.GapClosed[1], tc.closed)
			if tc.c.ItemID == 1 && (!e.Scored || !approx(e.Score[0], tc.score[0]) || !approx(e.Score[1], tc.score[1])) {
				t.Errorf("score %v (known %v), want %v", e.Score, e.Scored, tc.score)
			}
			if e.Priced {
				t.Error("an item without a lever has no money")
			}
		})
	}
}

func withTo(c Concession, to string) Concession {
	c.To = dec(to)
	return c
}

// TestEffectEqualsAFullReplay prices moves of both sides on every item of
// the demo (a quarter, half and all the way to the other side, at and past
// our walk-away, with and without a budget), edits of every logged move
// (half, one and a half and three times as far),
// and a move dated before the last logged one, and compares each with what
// replaying the whole ledger with the move in it gives.
func TestEffectEqualsAFullReplay(t *testing.T) {
	budgeted := Demo(demoNow)
	budgeted.Budgets = []Budget{{ID: 1, ItemID: 1, Value: dec("24.20"), At: demoNow}, {ID: 2, ItemID: 2, Value: dec("50"), At: demoNow}}
	for _, tc := range []struct {
		name  string
		d     *Dossier
		now   time.Time
		flags Flag // raised by some move
	}{
		{"the demo", Demo(demoNow), demoNow, Unreciprocated | Increasing | PastWalkAway},
		{"the demo with budgets", budgeted, demoNow, Unreciprocated | Increasing | PastWalkAway | OverBudget},
		// Two moves of ours on each item: edits are flagged against the one before.
		{"the formula example", formulaDossier(), m2.Ended.AddDate(0, 0, 1), Unreciprocated | Increasing | PastWalkAway},
	} {
		d := tc.d
		r := d.Replay()
		var moves []Concession
		for i, it := range d.Items {
			st := r.Items[i]
			for _, by := range []Party{Us, Them} {
				from, other := st.Ours, st.Theirs
				if by == Them {
					from, other = st.Theirs, st.Ours
				}
				var values []decimal.Decimal
				for _, f := range []string{"0.25", "0.5", "1"} {
					values = append(values, from.Add(other.Sub(from).Mul(dec(f))))
				}
				if it.OurWalkAway.Valid {
					walk := it.OurWalkAway.Decimal
					values = append(values, walk, walk.Sub(it.Better.Sign().Mul(dec("0.01"))))
				}
				for _, v := range values {
					for _, traded := range []string{"", "leaflet"} {
						moves = append(moves, Concession{ItemID: it.ID, By: by, To: v, TradedFor: traded, At: tc.now})
					}
				}
			}
		}
		for _, mv := range r.Moves {
			for _, f := range []string{"0.5", "1.5", "3"} {
				c := mv.Concession
				c.To = mv.From.Add(mv.To.Sub(mv.From).Mul(dec(f)))
				moves = append(moves, c)
			}
		}
		early := Concession{ItemID: 1, By: Them, To: dec("23.45"), At: d.Ledger[len(d.Ledger)-1].At.Add(-time.Minute)}
		moves = append(moves, early)
		priced, seen := 0, Flag(0)
		for _, c := range moves {
			name := fmt.Sprintf("%s: %s item %d → %s (id %d, for %q)", tc.name, c.By, c.ItemID, c.To, c.ID, c.TradedFor)
			e, err := r.Effect(c)
			if want := d.CheckConcession(c); fmt.Sprint(err) != fmt.Sprint(want) {
				t.Errorf("%s: refused with %v, the ledger's check says %v", name, err, want)
			}
			if err != nil {
				continue
			}
			priced, seen = priced+1, seen|e.Move.Flags
			compareWithReplay(t, name, d, r, c, e)
		}
		if priced < 20 || seen != tc.flags {
			t.Errorf("%s: %d moves priced raising %q: the test lost its cases (want %q)", tc.name, priced, seen, tc.flags)
		}
	}
}

// compareWithReplay checks e, the effect of c priced from r, against
// replaying d's whole ledger with c in it.
func compareWithReplay(t *testing.T, name string, d *Dossier, r *Replay, c Concession, e Effect) {
	t.Helper()
	after := *d
	after.Ledger = slices.Clone(d.Ledger)
	id := c.ID
	if id == 0 {
		id = 1 << 40
		c.ID = id
		after.Ledger = append(after.Ledger, c)
	} else {
		after.Ledger[slices.IndexFunc(after.Ledger, func(l Concession) bool { return l.ID == id })] = c
	}
	after.Sort()
	ra := after.Replay()
	mv := ra.Moves[slices.IndexFunc(ra.Moves, func(mv Move) bool { return mv.ID == id })]
	i := mv.Item
	want, got := ra.Items[i], e.After
	if !mv.From.Equal(e.Move.From) || !mv.Size.Equal(e.Move.Size) || mv.Share != e.Move.Share ||
		mv.Flags != e.Move.Flags || mv.Epoch != e.Move.Epoch || mv.Item != e.Move.Item {
		t.Errorf("%s: move from %s size %s share %v flags %q epoch %d; the replay: from %s size %s share %v flags %q epoch %d",
			name, e.Move.From, e.Move.Size, e.Move.Share, e.Move.Flags, e.Move.Epoch, mv.From, mv.Size, mv.Share, mv.Flags, mv.Epoch)
	}
	if !got.Ours.Equal(want.Ours) || !got.Theirs.Equal(want.Theirs) || got.HasOurs != want.HasOurs ||
		got.HasTheirs != want.HasTheirs || !got.Gap0.Equal(want.Gap0) || !got.Gap.Equal(want.Gap) || got.Closed != want.Closed {
		t.Errorf("%s: item after %+v; the replay: %+v", name, got, want)
	}
	if e.GapClosed != [2]float64{r.GapClosed, ra.GapClosed} {
		t.Errorf("%s: gap closed %v; the replays: %v → %v", name, e.GapClosed, r.GapClosed, ra.GapClosed)
	}
	if u, ok := ra.ItemScore(i, c.By); e.Scored && (!ok || u != e.Score[1]) {
		t.Errorf("%s: score after %v; the replay: %v (%v)", name, e.Score[1], u, ok)
	}
	if !e.Priced || c.ID != 1<<40 {
		return // an edit's money is its own move's, from where it started
	}
	origin := OriginOurs
	if c.By == Them {
		origin = OriginTheirs
	}
	before, err1 := d.Waterfall(r.Positions(origin).Values)
	now, err2 := d.Waterfall(ra.Positions(origin).Values)
	if err1 != nil || err2 != nil || e.MoneyErr != nil {
		t.Errorf("%s: money unknown: %v %v %v", name, e.MoneyErr, err1, err2)
		return
	}
	if change := now.Contribution.Sub(before.Contribution); !change.Sub(e.Money).Abs().LessThan(dec("0.000001")) {
		t.Errorf("%s: money %s; the side's package priced after the replay changes by %s", name, e.Money, change)
	}
}
