package model

import (
	"fmt"
	"testing"
	"time"
)

// Today's budget is the last one set for the meeting, whatever order the
// records come in; a budget set later does not flag a move made before it.
// Both budgets are set between meetings, so they count toward meeting 3.
func TestTodaysBudgetIsTheLastSet(t *testing.T) {
	d := Demo(demoNow)
	d.Budgets = []Budget{
		{ID: 1, ItemID: 1, Value: dec("24.40"), At: demoNow.Add(-2 * time.Hour)},
		{ID: 2, ItemID: 1, Value: dec("24.00"), At: demoNow.Add(-time.Minute)}, // set last
		{ID: 3, ItemID: 1, Value: dec("23.80"), At: demoNow.Add(-3 * time.Hour)},
	}
	b, ok := d.TodaysBudget(1)
	if !ok || b.ID != 2 || !b.Value.Equal(dec("24.00")) {
		t.Errorf("today's budget = #%d %s (%v), want #2 24.00, the last set", b.ID, b.Value, ok)
	}
	// Two set at the same moment: the later record (in order) holds.
	d.Budgets = append(d.Budgets, Budget{ID: 4, ItemID: 1, Value: dec("24.10"), At: demoNow.Add(-time.Minute)})
	if b, _ := d.TodaysBudget(1); b.ID != 4 {
		t.Errorf("of two set at once today's budget is #%d, want #4, the later record", b.ID)
	}
}

// A move of ours to 24.30 made an hour ago, then a budget of 24.40 set
// now: the move was inside what held when it was made (nothing), so the
// replay does not flag it; a move to 24.30 after the budget is flagged.
func TestBudgetSetLaterDoesNotFlagEarlierMoves(t *testing.T) {
	d := Demo(demoNow)
	before := Concession{ID: 100, ItemID: 1, By: Us, To: dec("24.30"), TradedFor: "x", At: demoNow.Add(-time.Hour)}
	d.Ledger = append(d.Ledger, before)
	d.SortLedger()
	d.Budgets = []Budget{{ID: 1, ItemID: 1, Value: dec("24.40"), At: demoNow}}
	for _, mv := range d.Replay().Moves {
		if mv.ID == before.ID && mv.Flags.Has(OverBudget) {
			t.Errorf("a move made before the budget was set is flagged over it")
		}
	}
	if f := d.MoveFlags(Concession{ItemID: 1, By: Us, To: dec("24.20"), TradedFor: "x", At: demoNow.Add(time.Minute)}); !f.Has(OverBudget) {
		t.Errorf("a move after the budget, beyond it: flags %q, want over budget", f)
	}
}

// A `they` move whose "for" text names an item pays back the oldest owed
// move of ours on that item, and only one: the demo owes our rebate move
// (ID 10); we add a later rebate move (ID 20) and an earlier payment-days
// move (ID 22), neither traded for anything. Their move "for the growth
// rebate" pays ID 10; 22 and 20 stay owed, in ledger order.
func TestTheirMoveNamingAnItemPaysItsOldestOwedMove(t *testing.T) {
	d := Demo(demoNow)
	m2 := d.Meetings[1].Started
	d.Ledger = append(d.Ledger,
		Concession{ID: 20, MeetingID: 2, ItemID: 3, By: Us, To: dec("2.0"), At: m2.Add(100 * time.Minute)},
		Concession{ID: 22, MeetingID: 2, ItemID: 2, By: Us, To: dec("50"), At: m2.Add(50 * time.Minute)},
		Concession{ID: 21, ItemID: 5, By: Them, To: dec("1.30"), TradedFor: "for the growth rebate", At: demoNow})
	d.SortLedger()
	var got []uint64
	for _, o := range d.Replay().Owed() {
		got = append(got, o.Move.ID)
	}
	if len(got) != 2 || got[0] != 22 || got[1] != 20 {
		t.Errorf("owed after their move: IDs %v, want [22 20]", got)
	}
}

// Value suggestions are made for open items only: payment terms, suggested
// on the demo, is not once it is agreed, or parked.
func TestNoSuggestionsForAgreedOrParkedItems(t *testing.T) {
	suggested := func(d *Dossier) bool {
		for _, s := range d.Replay().Suggestions() {
			if s.Item.ID == 2 {
				return true
			}
		}
		return false
	}
	if !suggested(Demo(demoNow)) {
		t.Fatal("the demo suggests no new value for payment terms: the case needs one")
	}
	for _, status := range []ItemStatus{ItemAgreed, ItemParked} {
		d := Demo(demoNow)
		d.Items[d.ItemIndex(2)].Status = status
		if suggested(d) {
			t.Errorf("payment terms %s: still suggested", status)
		}
	}
}

// A `they` move linked to one owed move of ours pays that one, even when
// its "for" text also names another (by ledger number or by item): the
// link decides first, then the number, then the item.
func TestTheirMoveLinkedPaysTheLinkedMoveFirst(t *testing.T) {
	base := func() *Dossier {
		d := Demo(demoNow)
		m2 := d.Meetings[1].Started
		d.Ledger = append(d.Ledger, Concession{ID: 22, MeetingID: 2, ItemID: 2, By: Us, To: dec("50"), At: m2.Add(50 * time.Minute)})
		d.SortLedger()
		return d
	}
	number := func(d *Dossier, id uint64) int {
		for k, mv := range d.Replay().Moves {
			if mv.ID == id {
				return k + 1
			}
		}
		t.Fatalf("no move %d", id)
		return 0
	}
	rebate := number(base(), 10)
	for _, tc := range []struct {
		name    string
		move    Concession
		stillOw uint64
	}{
		{"linked to 22, for #rebate", Concession{TradedAgainst: 22, TradedFor: fmt.Sprintf("#%d too", rebate)}, 10},
		{"linked to 22, for the rebate's item", Concession{TradedAgainst: 22, TradedFor: "the growth rebate"}, 10},
		{"for #rebate and payment terms", Concession{TradedFor: fmt.Sprintf("#%d and payment terms", rebate)}, 22},
		{"linked to 10", Concession{TradedAgainst: 10}, 22},
	} {
		d := base()
		c := tc.move
		c.ID, c.ItemID, c.By, c.To, c.At = 21, 5, Them, dec("1.30"), demoNow
		d.Ledger = append(d.Ledger, c)
		d.SortLedger()
		owed := d.Replay().Owed()
		if len(owed) != 1 || owed[0].Move.ID != tc.stillOw {
			var ids []uint64
			for _, o := range owed {
				ids = append(ids, o.Move.ID)
			}
			t.Errorf("%s: still owed %v, want [%d]", tc.name, ids, tc.stillOw)
		}
	}
}

// A decision on a suggestion hides it only after the meeting it was made
// after: dismissing payment terms after meeting 2 hides it, an acceptance
// of the volume's after meeting 1 does not hide the volume now.
func TestSuggestionDecisionsCountForTheirMeetingOnly(t *testing.T) {
	d := Demo(demoNow)
	d.Decisions = []SuggestionDecision{{ID: 1, ItemID: 2, After: 2, Value: 60, At: demoNow},
		{ID: 2, ItemID: 4, After: 1, Value: 45, At: demoNow}}
	shown := map[uint64]bool{}
	for _, s := range d.Replay().Suggestions() {
		shown[s.Item.ID] = true
	}
	if shown[2] || !shown[4] {
		t.Errorf("suggested items %v: want payment terms (2) hidden and the volume (4) shown", shown)
	}
}
