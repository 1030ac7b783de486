package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// lastEntry reads the newest journal entry: its header, its edits and how
// many bytes the edits take in the file.
func lastEntry(t *testing.T, s *Store) (entry, []edit, int) {
	t.Helper()
	var e entry
	var edits []edit
	var stored int
	err := s.view(func(tx *bolt.Tx) error {
		jb := tx.Bucket(bucketJournal)
		seq := jb.Sequence()
		if err := json.Unmarshal(jb.Get(headKey(seq)), &e); err != nil {
			return err
		}
		body := jb.Get(editsKey(seq))
		stored = len(body)
		return json.Unmarshal(body, &edits)
	})
	if err != nil {
		t.Fatal(err)
	}
	return e, edits, stored
}

// manyNotes is the demo with n short notes more.
func manyNotes(n int) *model.Dossier {
	d := demoDossier()
	for i := range n {
		d.Notes = append(d.Notes, model.Note{ID: uint64(1000 + i), Kind: model.KindNote, Text: fmt.Sprint("n", i), At: now})
	}
	return d
}

// The journal stays small however the change is made up: deleting a
// negotiation of two thousand short notes writes little per note, but
// each edit costs its path and keys in the journal too, and the change is
// kept as a barrier (it cannot be undone, and says so) rather than as an
// entry larger than the cap.
func TestManySmallEditsMakeABarrierNotAHugeEntry(t *testing.T) {
	s := openStore(t, tempDB(t))
	negID, err := s.AddDossier(manyNotes(2000))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteNegotiation(negID); err != nil {
		t.Fatal(err)
	}
	e, _, stored := lastEntry(t, s)
	if !e.TooLarge && stored > maxEntryBytes {
		t.Fatalf("deleting 2000 notes left a journal entry of %d bytes, over the cap of %d", stored, maxEntryBytes)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrTooLargeToUndo) {
		t.Fatalf("Undo of the delete: %v; want ErrTooLargeToUndo", err)
	}
}

// size is what the journal counts of edits against its cap.
func size(edits []edit) int {
	n := 0
	for _, e := range edits {
		n += len(e.Before) + len(e.After) + 64
	}
	return n
}

// A change that comes to the cap exactly is kept whole (every edit, so
// its undo takes all of it back); only one past the cap is a barrier. The
// last follow-up line's action is sized so that the change comes to the
// cap to the byte.
func TestAChangeOfExactlyTheCapIsKeptWhole(t *testing.T) {
	s, negID := demoStore(t)
	s.clock = func() time.Time { return now } // every record is stamped alike, to the byte
	lines := func(last string) []model.FollowUp {
		var out []model.FollowUp
		for i := range 4 {
			out = append(out, model.FollowUp{Side: model.InternalSide, Role: "KAM", Action: fmt.Sprint(i) + strings.Repeat("a", 60000), Order: i + 1})
		}
		return append(out, model.FollowUp{Side: model.InternalSide, Role: "KAM", Action: last, Order: 5})
	}
	if _, err := s.ReplaceFollowUps(negID, lines("x")); err != nil {
		t.Fatal(err)
	}
	e, edits, _ := lastEntry(t, s)
	if e.TooLarge {
		t.Fatal("the calibrating change is too large")
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	before := dossier(t, s, negID)
	pad := maxEntryBytes - size(edits) // each letter more adds one byte to the last line's record
	if _, err := s.ReplaceFollowUps(negID, lines("x"+strings.Repeat("y", pad))); err != nil {
		t.Fatal(err)
	}
	e, edits, _ = lastEntry(t, s)
	if e.TooLarge || size(edits) != maxEntryBytes {
		t.Fatalf("the change: too large %v, %d bytes counted; want it kept, at the cap of %d exactly", e.TooLarge, size(edits), maxEntryBytes)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	assertSameDossier(t, dossier(t, s, negID), before)
}

// journalSeqs lists the changes the journal holds, oldest first.
func journalSeqs(t *testing.T, s *Store) []uint64 {
	t.Helper()
	var out []uint64
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketJournal).ForEach(func(k, _ []byte) error {
			if len(k) == 9 && k[8] == 'h' {
				out = append(out, btoi(k[:8]))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The journal keeps the last JournalSize changes at least, and trims in
// batches: up to trimBatch more wait until the batch is full, and then it
// goes back to JournalSize, so that it never grows past that.
func TestTheJournalKeepsItsSizeAndTrimsInBatches(t *testing.T) {
	s, negID := demoStore(t)
	note := func(i int) {
		t.Helper()
		n := model.Note{Kind: model.KindNote, Text: fmt.Sprint("note ", i), At: now}
		if err := s.SaveNote(negID, &n); err != nil {
			t.Fatal(err)
		}
	}
	for i := range JournalSize + trimBatch - 1 { // the demo is the first change
		note(i)
	}
	seqs := journalSeqs(t, s)
	if len(seqs) != JournalSize+trimBatch {
		t.Fatalf("after %d changes the journal holds %d; want all of them: it trims only once a batch is full", JournalSize+trimBatch, len(seqs))
	}
	note(-1)
	seqs = journalSeqs(t, s)
	last := seqs[len(seqs)-1]
	if len(seqs) != JournalSize || seqs[0] != last-JournalSize+1 {
		t.Fatalf("after a full batch the journal holds %d changes from %d to %d; want the last %d", len(seqs), seqs[0], last, JournalSize)
	}
	for i := range 2 * trimBatch {
		note(i)
	}
	if n := len(journalSeqs(t, s)); n < JournalSize || n > JournalSize+trimBatch {
		t.Fatalf("the journal holds %d changes, want %d to %d", n, JournalSize, JournalSize+trimBatch)
	}
}
