package model

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// ReplayAfter takes over from the replay before a change only what the
// change left as it was: after any change to the ledger or the agenda it
// equals a replay from scratch.
func TestReplayAfterAChangeIsTheReplay(t *testing.T) {
	at := time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(7, 11))
	changes := map[string]func(d *Dossier){
		"a move's value": func(d *Dossier) {
			k := rng.IntN(len(d.Ledger))
			d.Ledger[k].To = d.Ledger[k].To.Add(decimal.New(int64(rng.IntN(5)+1), -2))
		},
		"the value of a move followed by another on its item": func(d *Dossier) {
			// The later move now starts from elsewhere: its size changes.
			var firsts []int
			for k, c := range d.Ledger {
				if slices.ContainsFunc(d.Ledger[k+1:], func(l Concession) bool { return l.ItemID == c.ItemID && l.By == c.By }) {
					firsts = append(firsts, k)
				}
			}
			k := firsts[rng.IntN(len(firsts))]
			d.Ledger[k].To = d.Ledger[k].To.Add(decimal.New(int64(rng.IntN(5)+1), -2))
		},
		"a move removed": func(d *Dossier) {
			k := rng.IntN(len(d.Ledger))
			d.Ledger = slices.Delete(d.Ledger, k, k+1)
		},
		"a move added": func(d *Dossier) {
			c := d.Ledger[rng.IntN(len(d.Ledger))]
			c.ID, c.At = 9000+uint64(rng.IntN(1000)), c.At.Add(time.Minute)
			d.Ledger = append(d.Ledger, c)
		},
		"an opening": func(d *Dossier) {
			i := rng.IntN(len(d.Items))
			if d.Items[i].OurOpening.Valid {
				d.Items[i].OurOpening.Decimal = d.Items[i].OurOpening.Decimal.Add(decimal.New(1, -1))
			}
		},
		"an item turned round": func(d *Dossier) {
			i := rng.IntN(len(d.Items))
			d.Items[i].Better = map[Direction]Direction{Up: Down, Down: Up}[d.Items[i].Better]
		},
		"the agenda reordered": func(d *Dossier) {
			i, j := rng.IntN(len(d.Items)), rng.IntN(len(d.Items))
			d.Items[i], d.Items[j] = d.Items[j], d.Items[i]
		},
	}
	for name, change := range changes {
		for range 20 {
			d := Demo(at)
			before := d.Replay()
			next := *d
			next.Items, next.Ledger = slices.Clone(d.Items), slices.Clone(d.Ledger)
			change(&next)
			got, want := next.ReplayAfter(before), next.Replay()
			if msg := replayDiff(got, want); msg != "" {
				t.Fatalf("after %s: %s", name, msg)
			}
		}
	}
}

// replayDiff says where two replays differ ("" when they do not).
func replayDiff(a, b *Replay) string {
	if len(a.Moves) != len(b.Moves) {
		return "not as many moves"
	}
	for k := range a.Moves {
		x, y := a.Moves[k], b.Moves[k]
		if x.ID != y.ID || !x.From.Equal(y.From) || !x.Size.Equal(y.Size) || x.Share != y.Share || x.Flags != y.Flags || x.Number != y.Number || x.Epoch != y.Epoch {
			return "move " + x.Concession.TradedFor + " differs"
		}
	}
	for i := range a.Items {
		x, y := a.Items[i], b.Items[i]
		if !x.Ours.Equal(y.Ours) || !x.Theirs.Equal(y.Theirs) || !x.Gap.Equal(y.Gap) || !x.Gap0.Equal(y.Gap0) || x.Closed != y.Closed {
			return "an item's state differs"
		}
	}
	if a.GapClosed != b.GapClosed || a.Openings != b.Openings {
		return "the gap closed differs"
	}
	return ""
}
