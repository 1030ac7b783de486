package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// A line captured from the command line reads the negotiation's outline
// and nothing more until it knows what the line is: a plain note never
// decodes the ledger, so a damaged ledger record does not stop it, while
// a move, which the rules check against the ledger, reads it, finds the
// damage and is refused without changing a byte (issue 23; a damaged
// record is found by whoever reads it).
func TestCaptureNoteReadsNoLedger(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	s.Close()
	db := rawBolt(t, path, false)
	var damagedID uint64
	err := db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNegotiations).Bucket(itob(negID)).Bucket(bucketLedger)
		k, _ := b.Cursor().First()
		if k == nil {
			t.Fatal("the demo has no ledger")
		}
		damagedID = btoi(k)
		return b.Put(k, []byte(`{"id":`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotParley) {
		t.Fatalf("Open of a file with a damaged move: %v, want it refused", err)
	}

	c, err := OpenForCapture(path)
	if err != nil {
		t.Fatalf("OpenForCapture of a file with a damaged move: %v, want the note to go in", err)
	}
	defer c.Close()
	d, err := c.Outline(negID)
	if err != nil {
		t.Fatalf("Outline: %v", err)
	}
	if len(d.Items) == 0 || len(d.Meetings) == 0 || len(d.Ledger) != 0 || len(d.Notes) != 0 {
		t.Fatalf("Outline: %d items, %d meetings, %d moves, %d notes; want the items and meetings only",
			len(d.Items), len(d.Meetings), len(d.Ledger), len(d.Notes))
	}
	noteID, err := c.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "they said hello"}, now, 0, "", false)
	if err != nil {
		t.Fatalf("a plain note next to a damaged move: %v", err)
	}
	var found bool
	if err := c.view(func(tx *bolt.Tx) error {
		found = tx.Bucket(bucketNegotiations).Bucket(itob(negID)).Bucket(bucketNotes).Get(itob(noteID)) != nil
		return nil
	}); err != nil || !found {
		t.Fatalf("the note is not in the file (%v)", err)
	}

	move, err := model.ParseCaptureIn("they 1 23.45", d.Items, d.Negotiation.Numbers())
	if err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	if _, err := c.Capture(negID, move, now, 0, "", false); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a move checked against a ledger with move %d damaged: %v, want ErrDamaged", damagedID, err)
	}
	if fileHash(t, path) != before {
		t.Error("the refused move changed the file")
	}
}

// parley note opens the database file three times, a move included: to
// check it (read-only), to write (the handle Open opened, kept), and to
// find the active negotiation; the summary after a move is the one the
// write worked out. Each open maps the file and reads its meta pages.
func TestCaptureOpensTheFileThrice(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	s.Close()
	for _, line := range []string{"they said hello", "they 1 23.45"} {
		before := boltOpens.Load()
		c, err := OpenForCapture(path)
		if err != nil {
			t.Fatal(err)
		}
		id, err := c.Active()
		if err != nil || id != negID {
			t.Fatalf("Active: %d, %v; want %d", id, err, negID)
		}
		d, err := c.Outline(id)
		if err != nil {
			t.Fatal(err)
		}
		capture, err := model.ParseCaptureIn(line, d.Items, d.Negotiation.Numbers())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Capture(id, capture, now, 0, "", false); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if capture.Kind == model.CaptureConcession {
			if _, err := c.Summary(id); err != nil { // the gap closed, printed after a move
				t.Fatal(err)
			}
		}
		c.Close()
		if n := boltOpens.Load() - before; n != 3 {
			t.Errorf("%q opened the file %d times, want 3", line, n)
		}
	}
}

// The summary a write worked out stands for the file only while the file
// is as that write left it: a file put in its place (a restore) at the same
// transaction is read, not taken for it.
func TestSummaryAfterAWriteIsTheFilesOwn(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	d := dossier(t, s, negID)
	twin := filepath.Join(t.TempDir(), "twin.db")
	if err := s.Backup(twin); err != nil {
		t.Fatal(err)
	}
	move := func(s *Store, line string) {
		t.Helper()
		c, err := model.ParseCaptureIn(line, d.Items, d.Negotiation.Numbers())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Capture(negID, c, now, 0, "", false); err != nil {
			t.Fatal(err)
		}
	}
	o := openStore(t, twin)
	move(o, "they 1 24.40") // the twin: their big step, at the same transaction
	o.Close()
	move(s, "they 1 23.45")
	mine, err := s.Summary(negID)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(twin, path); err != nil {
		t.Fatal(err)
	}
	theirs, err := s.Summary(negID)
	if err != nil {
		t.Fatal(err)
	}
	if theirs.GapClosed == mine.GapClosed {
		t.Errorf("after the file was replaced the summary is still the one this store wrote (gap closed %v)", mine.GapClosed)
	}
}
