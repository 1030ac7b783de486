package model

import (
	"strings"
	"testing"
	"time"
)

// Budgets, owed trade-backs and value suggestions (DESIGN 5.6–5.7), worked
// by hand on the demo: meetings 1 and 2 have ended, so anything set now
// counts toward meeting 3.

func TestCaptureBudget(t *testing.T) {
	items := Demo(demoNow).Items
	tests := []struct {
		line  string
		kind  CaptureKind
		value string
		err   string
	}{
		{"budget 1 23.90", CaptureBudget, "23.90", ""},
		{"Budget price €23.90", CaptureBudget, "23.90", ""},
		{"budget payment 55", CaptureBudget, "55", ""},
		{"Budget review with Dana on Friday", CaptureNote, "", ""},
		{"budget 1 tomorrow", CaptureNote, "", ""},
		{"budget 1 12.4x", 0, "", "start the line with"},
		{"budget 42 1", 0, "", "there is no item 42"},
	}
	for _, tc := range tests {
		c, err := ParseCapture(tc.line, items)
		assertErr(t, err, tc.err)
		if err != nil || tc.err != "" {
			continue
		}
		if c.Kind != tc.kind {
			t.Errorf("%q: kind %v, want %v", tc.line, c.Kind, tc.kind)
			continue
		}
		if tc.kind == CaptureBudget {
			assertDec(t, tc.line, c.Value, tc.value)
			again, err := ParseCapture(c.Format(items), items)
			if err != nil || again.Kind != c.Kind || again.ItemID != c.ItemID || !again.Value.Equal(c.Value) {
				t.Errorf("%q formats as %q, which reads back as %+v (%v)", tc.line, c.Format(items), again, err)
			}
		}
	}
}

// TestCheckBudget: on the list price we stand at 24.50 with our walk-away at 23.60.
func TestCheckBudget(t *testing.T) {
	d := Demo(demoNow)
	tests := []struct {
		item  uint64
		value string
		err   string
	}{
		{1, "23.90", ""},
		{1, "24.50", ""}, // no room today, but a budget
		{1, "23.60", ""},
		{1, "23.50", "beyond our walk-away 23.60"},
		{1, "24.60", "behind our position 24.50"},
		{2, "61", "beyond our walk-away 60"}, // payment days: down is better, we stand at 45
		{2, "44", "behind our position 45"},
		{9, "1", "has no numbers"},
	}
	for _, tc := range tests {
		err := d.CheckBudget(Budget{ItemID: tc.item, Value: dec(tc.value), At: demoNow})
		assertErr(t, err, tc.err)
	}
}

// TestOverBudget: a budget set between meetings holds for meeting 3 and flags
// a move of ours beyond it; once meeting 3 ends it no longer holds.
func TestOverBudget(t *testing.T) {
	d := Demo(demoNow)
	d.Budgets = []Budget{
		{ID: 1, ItemID: 1, MeetingID: 2, Value: dec("24.40"), At: d.Meetings[1].Started.Add(time.Minute)}, // meeting 2's: over
		{ID: 2, ItemID: 1, Value: dec("24.20"), At: demoNow},
	}
	b, ok := d.TodaysBudget(1)
	if !ok || !b.Value.Equal(dec("24.20")) {
		t.Fatalf("today's budget = %v %v, want 24.20", b.Value, ok)
	}
	later := demoNow.Add(time.Hour)
	if f := d.MoveFlags(Concession{ItemID: 1, By: Us, To: dec("24.10"), TradedFor: "x", At: later}); !f.Has(OverBudget) || f.Question() == "" {
		t.Errorf("24.10 beyond a budget of 24.20: flags %q, question %q", f, f.Question())
	}
	if f := d.MoveFlags(Concession{ItemID: 1, By: Us, To: dec("24.20"), TradedFor: "x", At: later}); f.AskFirst() != 0 {
		t.Errorf("24.20 at the budget: flags %q", f)
	}
	// Meeting 3 held and ended: the budget no longer holds, nor flags a move after it.
	m3 := Meeting{ID: 3, Number: 3, Started: later, Ended: later.Add(time.Hour)}
	d.Meetings = append(d.Meetings, m3)
	if _, ok := d.TodaysBudget(1); ok {
		t.Error("the budget still holds after meeting 3 ended")
	}
	if f := d.MoveFlags(Concession{ItemID: 1, By: Us, To: dec("24.10"), TradedFor: "x", At: later.Add(2 * time.Hour)}); f.Has(OverBudget) {
		t.Error("a move after meeting 3 is flagged over a budget that no longer holds")
	}
}

// TestBudgetLeft: our offer at 24.50 a case, 200,000 cases, 4 % on invoice,
// 1.75 % growth rebate, 45 days at 8 %. A budget of 23.90 leaves 0.60 a case:
// invoice falls 0.60 × 0.96 × 200,000 = 115,200; the growth rebate on it
// 1.75 % × 115,200 = 2,016 less; payment cost 115,200 × 8 % × 45/365 =
// 1,136.2191781 less. 115,200 − 2,016 − 1,136.22 = 112,047.78.
func TestBudgetLeft(t *testing.T) {
	d := Demo(demoNow)
	d.Budgets = []Budget{{ID: 1, ItemID: 1, Value: dec("23.90"), At: demoNow}}
	items := d.Replay().BudgetLeft()
	if len(items) != 1 || !items[0].Priced {
		t.Fatalf("budget left: %+v", items)
	}
	assertRounded(t, "item money", items[0].Money, "112047.78")
	assertDec(t, "room", items[0].Room, "0.60")
	if got := BudgetHeadline(items); got != "budget: List price per case 0.60 left" {
		t.Errorf("headline %q", got)
	}
}

// TestBudgetPerItem: budget left is never netted across items (DESIGN
// 5.8; issue 19 found 10,000 over on the allowance hidden behind room on
// price). Price budget 23.90 (0.60 left); allowance budget 0.50 while we
// already stand at 0.60: over by 0.10, 0.10 × 200,000 = 20,000 a year.
func TestBudgetPerItem(t *testing.T) {
	d := Demo(demoNow)
	d.Budgets = []Budget{{ID: 1, ItemID: 1, Value: dec("23.90"), At: demoNow}, {ID: 2, ItemID: 5, Value: dec("0.50"), At: demoNow}}
	items := d.Replay().BudgetLeft()
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	if items[0].Over() || !items[1].Over() {
		t.Errorf("over: price %v allowance %v", items[0].Over(), items[1].Over())
	}
	assertRounded(t, "allowance past its budget", items[1].Money, "-20000")
	if got := BudgetHeadline(items); got != "over budget: Promotional allowance by 0.10" {
		t.Errorf("headline %q", got)
	}
}

// TestOwed: the demo owes one trade-back, our rebate 1.0 → 1.75 (#10),
// traded for nothing. Priced at our offer (24.50 × 0.96 × 200,000 = 4,704,000
// invoiced, 705,600 above last year's 3,998,400): 0.75 % × 705,600 = 5,292.
func TestOwed(t *testing.T) {
	theirMove := func(d *Dossier, tradedFor string, against uint64) {
		d.Ledger = append(d.Ledger, Concession{ID: 13, ItemID: 5, By: Them, To: dec("1.30"), TradedFor: tradedFor,
			TradedAgainst: against, At: demoNow})
	}
	tests := []struct {
		name  string
		edit  func(d *Dossier)
		owing bool
	}{
		{"as the demo is", func(*Dossier) {}, true},
		{"a they move naming the item", func(d *Dossier) { theirMove(d, "the growth rebate we gave", 0) }, false},
		{"a they move naming the ledger number", func(d *Dossier) { theirMove(d, "#10, at last", 0) }, false},
		{"a they move linked to it", func(d *Dossier) { theirMove(d, "", 10) }, false},
		{"cleared by the KAM", func(d *Dossier) { d.Cleared = []OwedClear{{ConcessionID: 10, At: demoNow}} }, false},
		{"a they move for something else", func(d *Dossier) { theirMove(d, "the logistics bonus", 0) }, true},
		{"a they move naming another number", func(d *Dossier) { theirMove(d, "#7", 0) }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Demo(demoNow)
			tc.edit(d)
			owed := d.Replay().Owed()
			if !tc.owing {
				if len(owed) != 0 {
					t.Errorf("still owed: %+v", owed)
				}
				return
			}
			if len(owed) != 1 || owed[0].Number != 10 || owed[0].Err != nil {
				t.Fatalf("owed %+v, want #10", owed)
			}
			assertRounded(t, "owed money", owed[0].Money, "5292.00")
			if got := OwedLine(owed, "EUR"); got != "owed €5,292" {
				t.Errorf("line %q", got)
			}
		})
	}
}

func TestNamesItem(t *testing.T) {
	items := Demo(demoNow).Items
	tests := []struct {
		text string
		item int
		want bool
	}{
		{"the growth rebate", 2, true},
		{"Annual growth rebate", 2, true},
		{"annual plans", 2, false},                  // "annual" is in two titles
		{"keep talking on the allowance", 2, false}, // names the allowance, not the rebate
		{"keep talking on the allowance", 4, true},
		{"on the day", 7, false}, // words under four letters do not name
		{"170,000 cases committed", 0, false},
	}
	for _, tc := range tests {
		if got := NamesItem(tc.text, items[tc.item], items); got != tc.want {
			t.Errorf("%q names %q: %v, want %v", tc.text, items[tc.item].Title, got, tc.want)
		}
	}
}

// TestSuggestedValue: v' = round((v + 100·(1 − c)) / 2).
func TestSuggestedValue(t *testing.T) {
	tests := []struct {
		v    int
		c    float64
		want int
	}{
		{70, 0.5, 60},       // (70 + 50)/2
		{35, 0.5, 43},       // (35 + 50)/2 = 42.5, half away from zero
		{80, 0.5 / 1.9, 77}, // (80 + 73.684)/2 = 76.84
		{85, 1.0 / 3, 76},   // (85 + 66.667)/2 = 75.83
		{0, 1, 0},           // (0 + 0)/2
		{100, 0, 100},       // (100 + 100)/2
		{50, 1.7, 25},       // c clamps at 1: (50 + 0)/2
		{50, -0.5, 75},      // c clamps at 0: (50 + 100)/2
	}
	for _, tc := range tests {
		if got := SuggestedValue(tc.v, tc.c); got != tc.want {
			t.Errorf("v %d c %.4f: %d, want %d", tc.v, tc.c, got, tc.want)
		}
	}
}

// TestSuggestionsDemo: after meeting 2 (two meetings ended), their moves
// for nothing in return are list price 22.90 → 23.40 (0.50 of 1.90: c =
// 0.26316) and payment terms 90 → 75 (15 of 60: c = 0.25); every other move
// of theirs was for something and is left out (DESIGN 5.8). Weighted by our
// weights 90 40 70 60 50 55 45 30 (Σ 440): c̄ = (90·0.26316 + 40·0.25)/440
// = 33.684/440 = 0.076555; 2c̄ = 0.15311. c* = c/(2c̄) clamped to [0, 1]:
//
//	list price  1.72 → 1: (80 + 0)/2 = 40, 40: yes
//	payment     1.63 → 1: (70 + 0)/2 = 35, 35: yes
//	rebate      0: (85 + 100)/2 = 92.5 → 93, 8: no
//	volume      0: (30 + 100)/2 = 65, 35: yes
//	allowance   0: (75 + 100)/2 = 87.5 → 88, 13: yes
//	SKUs        0: (40 + 100)/2 = 70, 30: yes
//	contract    0: (35 + 100)/2 = 67.5 → 68, 33: yes
//	service     0: (80 + 100)/2 = 90, 10: yes
func TestSuggestionsDemo(t *testing.T) {
	d := Demo(demoNow)
	got := d.Replay().Suggestions()
	want := map[string]int{"List price per case": 40, "Payment terms": 35, "Annual volume commitment": 65,
		"Promotional allowance": 88, "SKUs listed, Crunch Oat range": 70, "Contract length": 68,
		"Service level, on time in full": 90}
	if len(got) != len(want) {
		t.Fatalf("%d suggestions, want %d: %+v", len(got), len(want), got)
	}
	for _, s := range got {
		if w, ok := want[s.Item.Title]; !ok || s.Value != w || s.After != 2 {
			t.Errorf("%s: %d after meeting %d, want %d after 2", s.Item.Title, s.Value, s.After, w)
		}
	}
	if text := got[1].Text(); !strings.Contains(text, "70 → 35") || !strings.Contains(text, "25%") {
		t.Errorf("text %q", text)
	}
	// Dismissing one hides it; a decision after an earlier meeting does not.
	d.Decisions = []SuggestionDecision{{ID: 1, ItemID: 2, After: 2, Value: 60, At: demoNow},
		{ID: 2, ItemID: 4, After: 1, Value: 45, At: demoNow}}
	if n := len(d.Replay().Suggestions()); n != 6 {
		t.Errorf("%d suggestions after dismissing one, want 6", n)
	}
	// They moved on one item only: nothing to say yet.
	d = Demo(demoNow)
	d.Ledger = d.Ledger[:2]
	if s := d.Replay().Suggestions(); len(s) != 0 {
		t.Errorf("suggestions after their move on one item: %+v", s)
	}
}

// TestSuggestionsCompareItems: three items of equal weight and value 50,
// opening gaps of 10. They moved 8 on A and 2 on B for nothing, and 2 on C
// for something (left out): c = 0.8, 0.2, 0; c̄ = 1/3; 2c̄ = 2/3.
//
//	A  c* = 1.2 → 1:  (50 + 0)/2 = 25
//	B  c* = 0.3:      (50 + 70)/2 = 60
//	C  c* = 0:        (50 + 100)/2 = 75
//
// DESIGN 5.7's rule alone gave A 35, B 65 and C 65 (the trade read as
// indifference). After one meeting nothing is suggested.
func TestSuggestionsCompareItems(t *testing.T) {
	m1 := Meeting{ID: 1, Number: 1, Started: t0, Ended: t0.Add(time.Hour)}
	m2 := Meeting{ID: 2, Number: 2, Started: t0.AddDate(0, 0, 7), Ended: t0.AddDate(0, 0, 7).Add(time.Hour)}
	d := &Dossier{Meetings: []Meeting{m1, m2}}
	for k, title := range []string{"A", "B", "C"} {
		d.Items = append(d.Items, AgendaItem{ID: uint64(k + 1), Topic: TopicOther, Title: title, Better: Up,
			OurOpening: opt("20"), TheirOpening: opt("10"), Weight: 50, ValueToThem: 50, Status: ItemOpen})
	}
	d.Ledger = []Concession{
		{ID: 1, MeetingID: 1, ItemID: 1, By: Them, To: dec("18"), At: t0.Add(time.Minute)},
		{ID: 2, MeetingID: 2, ItemID: 2, By: Them, To: dec("12"), At: m2.Started.Add(time.Minute)},
		{ID: 3, MeetingID: 2, ItemID: 3, By: Them, To: dec("12"), TradedFor: "a feature week", At: m2.Started.Add(2 * time.Minute)},
	}
	want := map[string]int{"A": 25, "B": 60, "C": 75}
	got := d.Replay().Suggestions()
	if len(got) != 3 {
		t.Fatalf("suggestions %+v", got)
	}
	for _, s := range got {
		if s.Value != want[s.Item.Title] {
			t.Errorf("%s: %d, want %d", s.Item.Title, s.Value, want[s.Item.Title])
		}
	}
	d.Meetings[1].Ended = time.Time{}
	if got := d.Replay().Suggestions(); len(got) != 0 {
		t.Errorf("suggestions after one meeting ended: %+v", got)
	}
}

// An owed move is priced from our offer priced once (its lever's own term
// alone for most levers); that equals pricing both ends of the move through
// the whole waterfall, for every move of ours on every lever of the demo.
func TestOwedMoneyEqualsTwoWholeWaterfalls(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()
	ours := r.Positions(OriginOurs)
	kinds := map[LeverKind]bool{}
	for _, mv := range r.Moves {
		if mv.By != Us {
			continue
		}
		it := d.Items[mv.Item]
		got, err := r.moveCost(mv)
		from, errFrom := d.Waterfall(ours.With(it.ID, mv.From).Values)
		to, errTo := d.Waterfall(ours.With(it.ID, mv.To).Values)
		if it.Lever.Kind == LeverNone {
			if err == nil {
				t.Errorf("%s has no lever and is priced %s", it.Title, got)
			}
			continue
		}
		kinds[it.Lever.Kind] = true
		if (err == nil) != (errFrom == nil && errTo == nil) {
			t.Fatalf("%s %s → %s: %v vs %v/%v", it.Title, mv.From, mv.To, err, errFrom, errTo)
		}
		if want := from.Contribution.Sub(to.Contribution); err == nil && !got.Equal(want) {
			t.Errorf("%s %s → %s: %s, whole waterfalls %s", it.Title, mv.From, mv.To, got, want)
		}
	}
	if len(kinds) < 3 {
		t.Errorf("the demo's moves of ours cover only levers %v", kinds)
	}
}

// Money per unit of movement is an amount a year outside the per-unit sums:
// priced from its own term, a move of ours costs what the whole waterfall
// says, as for the demo's other levers.
func TestOwedMoneyPerUnitEqualsTheWholeWaterfall(t *testing.T) {
	d := Demo(demoNow)
	r0 := d.Replay()
	var moved bool
	for _, mv := range r0.Moves {
		if mv.By == Us && d.Items[mv.Item].Lever.Kind != LeverNone {
			it := &d.Items[mv.Item]
			it.Lever = Lever{Kind: LeverMoneyPerUnit, Amount: opt("3")}
			moved = true
			break
		}
	}
	if !moved {
		t.Fatal("the demo has no move of ours on an item with a lever")
	}
	r := d.Replay()
	ours := r.Positions(OriginOurs)
	priced := 0
	for _, mv := range r.Moves {
		it := d.Items[mv.Item]
		if mv.By != Us || it.Lever.Kind != LeverMoneyPerUnit {
			continue
		}
		got, err := r.moveCost(mv)
		from, errFrom := d.Waterfall(ours.With(it.ID, mv.From).Values)
		to, errTo := d.Waterfall(ours.With(it.ID, mv.To).Values)
		if err != nil || errFrom != nil || errTo != nil {
			t.Fatalf("%s: %v / %v / %v", it.Title, err, errFrom, errTo)
		}
		if want := from.Contribution.Sub(to.Contribution); !got.Equal(want) {
			t.Errorf("%s %s → %s: %s, whole waterfalls %s", it.Title, mv.From, mv.To, got, want)
		}
		priced++
	}
	if priced == 0 {
		t.Fatal("no move on the money-per-unit item")
	}
}
