package store

import (
	"cmp"
	"errors"
	"slices"
	"testing"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// fiftyNotes is a closed file holding one negotiation of 50 notes.
func fiftyNotes(t *testing.T) (path string, negID uint64) {
	t.Helper()
	path = tempDB(t)
	s := openStore(t, path)
	defer s.Close()
	size := sample.Size{Items: 5, Meetings: 4, Concessions: 20, Notes: 50, FollowUps: 4}
	negID, err := s.AddDossier(sample.Dossier(size, now))
	if err != nil {
		t.Fatal(err)
	}
	return path, negID
}

// Head brings all of a negotiation but its older notes: the last n notes
// made, and whether they are all.
func TestHeadReadsOnlyTheLatestNotes(t *testing.T) {
	path, id := fiftyNotes(t)
	s := openStore(t, path)
	whole := dossier(t, s, id)
	s.Close()

	s, err := OpenWorkbench(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	head, complete, err := s.Head(id, 20)
	if err != nil || complete {
		t.Fatalf("Head(20 of 50 notes): complete %v, %v", complete, err)
	}
	byID := sortedByID(whole.Notes) // the order they were made
	latest := byID[len(byID)-20:]
	if got := sortedByID(head.Notes); len(got) != 20 || got[0].ID != latest[0].ID || got[19].ID != latest[19].ID {
		t.Fatalf("Head kept notes %d…%d, want the latest 20 (%d…%d)", got[0].ID, got[len(got)-1].ID, latest[0].ID, latest[19].ID)
	}
	if len(head.Ledger) != len(whole.Ledger) || len(head.Items) != len(whole.Items) || len(head.FollowUps) != len(whole.FollowUps) {
		t.Fatal("Head left out more than the older notes")
	}
	all, complete, err := s.Head(id, 100)
	if err != nil || !complete || len(all.Notes) != len(whole.Notes) {
		t.Fatalf("Head(100 of 50 notes): %d notes, complete %v, %v", len(all.Notes), complete, err)
	}
}

// Only what Head reads is checked: a damaged older note is found by the
// whole read after it, not by the first screen.
func TestHeadChecksWhatItReads(t *testing.T) {
	path, id := fiftyNotes(t)
	db := rawBolt(t, path, false)
	if err := db.Update(func(tx *bolt.Tx) error {
		notes := tx.Bucket(bucketNegotiations).Bucket(itob(id)).Bucket(bucketNotes)
		k, _ := notes.Cursor().First()
		return notes.Put(k, []byte("{not a note"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := OpenWorkbench(path)
	if err != nil {
		t.Fatalf("the first screen's open refused a file whose damage is in an older note: %v", err)
	}
	defer s.Close()
	if _, _, err := s.Head(id, 10); err != nil {
		t.Fatalf("Head read the damaged older note: %v", err)
	}
	if _, err := s.Rereader().Dossier(id); !errors.Is(err, ErrDamaged) {
		t.Fatalf("the whole read after it: %v, want ErrDamaged", err)
	}
}

// Head asks the team's rule as every read does.
func TestHeadIsOnlyForThoseWhoMaySee(t *testing.T) {
	tm := newTeam(t)
	if _, _, err := tm.bob.Head(tm.negID, 10); !errors.Is(err, ErrNotYours) {
		t.Fatalf("bob read ann's negotiation's head: %v", err)
	}
	if _, _, err := tm.mia.Head(tm.negID, 10); err != nil {
		t.Fatalf("ann's manager: %v", err)
	}
}

func sortedByID(notes []model.Note) []model.Note {
	return slices.SortedFunc(slices.Values(notes), func(a, b model.Note) int { return cmp.Compare(a.ID, b.ID) })
}
