package model

import (
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
