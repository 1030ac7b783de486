package sample

import (
	"testing"
	"time"
)

func TestGeneratedNegotiationsAreValid(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for _, size := range []Size{SmallSize, LargeSize, LargeSize.Times(10)} {
		d := Dossier(size, now)
		if err := d.Validate(); err != nil {
			t.Fatalf("%+v: %v", size, err)
		}
		if len(d.Items) != size.Items || len(d.Ledger) != size.Concessions || len(d.Notes) != size.Notes ||
			len(d.FollowUps) != size.FollowUps || len(d.Meetings) != size.Meetings {
			t.Fatalf("%+v: got %d items, %d concessions, %d notes, %d follow-ups, %d meetings", size,
				len(d.Items), len(d.Ledger), len(d.Notes), len(d.FollowUps), len(d.Meetings))
		}
		for _, mv := range d.Replay().Moves {
			if !mv.Size.IsPositive() {
				t.Fatalf("%+v: concession %d is no move (size %s)", size, mv.ID, mv.Size)
			}
		}
	}
}
