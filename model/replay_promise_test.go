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

// A move logged late for an earlier meeting (after meeting 2's) counts in
// that meeting's gap closed. B's opening gap is 60 (30 against 90); our
// 30 → 40 in meeting 1 closes 10/60 of it, weight 40 of 100: 0.0667.
// Meeting 2 adds A's 100 → 96, 4/20 at weight 60: 0.12 more.
func TestALateMoveCountsInItsOwnMeeting(t *testing.T) {
	d := formulaDossier()
	d.Ledger = []Concession{
		{ID: 1, MeetingID: m2.ID, ItemID: 1, By: Us, To: dec("96"), TradedFor: "x", At: m2.Started.Add(10 * time.Minute)},
		{ID: 2, MeetingID: m1.ID, ItemID: 2, By: Us, To: dec("40"), TradedFor: "y", At: m1.Started.Add(10 * time.Minute)},
	}
	r := d.Replay()
	assertFloat(t, "meeting 1's gap closed", r.Meetings[0].GapClosed, 40.0/100*10/60)
	assertFloat(t, "meeting 2's gap closed", r.Meetings[1].GapClosed, 40.0/100*10/60+60.0/100*4/20)
}

// ReplayAfter takes over the size and share of every move the change left
// as it was, instead of working them out again (a long ledger is mostly
// taken over): a mark put on the replay before shows through on every
// move but the changed last one.
func TestReplayAfterTakesOverTheUnchangedMoves(t *testing.T) {
	d := formulaDossier()
	before := d.Replay()
	const mark = 0.123456 // a share no move of the example has
	for k := range before.Moves {
		before.Moves[k].Share = mark
	}
	next := *d
	next.Ledger = slices.Clone(d.Ledger)
	last := len(next.Ledger) - 1
	next.Ledger[last].To = dec("87")
	r := next.ReplayAfter(before)
	for k, mv := range r.Moves {
		if taken := mv.Share == mark; taken != (k != last) {
			t.Errorf("move %d (%s to %s): taken over %v, want %v", mv.Number, mv.By, mv.To, taken, k != last)
		}
	}
}
