package model

import (
	"slices"
	"testing"
	"time"
)

// On an item where lower is better for us (payment days, walk-away 60), a
// move of ours landing exactly on the walk-away is not past it; a day
// further is.
func TestOurMoveToTheWalkAwayOnADownItemIsNotPastIt(t *testing.T) {
	d := formulaDossier()
	d.Meetings = nil
	d.Ledger = []Concession{
		{ID: 1, ItemID: 2, By: Us, To: dec("60"), TradedFor: "a", At: t0},
		{ID: 2, ItemID: 2, By: Us, To: dec("61"), TradedFor: "b", At: t0.Add(time.Minute)},
	}
	r := d.Replay()
	for k, want := range []Flag{0, PastWalkAway} {
		if got := r.Moves[k].Flags & PastWalkAway; got != want {
			t.Errorf("payment days to %s: flags %q, want %q", r.Moves[k].To, got, want)
		}
	}
}

// Correcting who made a move (we → they) gives the replay from scratch,
// even where the positions had met so that the move starts from the same
// value either way: our 90 → 85 is a move of 5 toward them, their 90 → 85
// one of −5 (back from us), never the old size taken over.
func TestReplayAfterAMoveChangesSidesIsTheReplay(t *testing.T) {
	d := formulaDossier()
	d.Meetings = nil
	d.Ledger = []Concession{
		{ID: 1, ItemID: 1, By: Them, To: dec("90"), At: t0},
		{ID: 2, ItemID: 1, By: Us, To: dec("90"), TradedFor: "a", At: t0.Add(time.Minute)},
		{ID: 3, ItemID: 1, By: Us, To: dec("85"), TradedFor: "b", At: t0.Add(2 * time.Minute)},
	}
	before := d.Replay()
	next := *d
	next.Ledger = slices.Clone(d.Ledger)
	next.Ledger[2].By = Them
	got, want := next.ReplayAfter(before), next.Replay()
	assertDec(t, "their move 90 → 85", want.Moves[2].Size, "-5")
	if msg := replayDiff(got, want); msg != "" {
		t.Errorf("after the move changed sides: %s (size %s, want %s)", msg, got.Moves[2].Size, want.Moves[2].Size)
	}
}
