package store

import (
	"errors"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Reading a negotiation again after each kind of change made through
// another handle on the file gives exactly what reading it whole gives, and
// decodes only the ledger, note and follow-up records that changed.
func TestRereadDecodesOnlyWhatChanged(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	r := s.Rereader()
	read := func(step string, decoded int) {
		t.Helper()
		rereadLikeWhole(t, r, other, negID, step)
		if decoded >= 0 && r.decoded != decoded {
			t.Errorf("%s: decoded %d ledger, note and follow-up records, want %d", step, r.decoded, decoded)
		}
	}
	whole := dossier(t, other, negID)
	read("first read", 0) // what Open checked, and hashed: decoded already
	read("nothing changed", 0)

	n := model.Note{Kind: model.KindNote, At: now.Add(time.Hour), Text: "they want the calendar"}
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	read("a note added", 1)
	early := model.Note{Kind: model.KindNote, At: whole.Notes[0].At.Add(-time.Hour), Text: "said before the first meeting"}
	if err := other.SaveNote(negID, &early); err != nil {
		t.Fatal(err)
	}
	read("a note added before the others", 1)
	if got, _ := r.Dossier(negID); cap(got.Notes) != len(got.Notes) {
		t.Errorf("the notes handed out have room for %d more: an append to them would write under the next read", cap(got.Notes)-len(got.Notes))
	}
	n.Text = "they want the calendar by Friday"
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	read("the note edited", 1)
	if err := other.DeleteNote(negID, whole.Notes[0].ID); err != nil {
		t.Fatal(err)
	}
	read("another note deleted", 0)
	f := whole.FollowUps[1]
	f.Done, f.DoneAt = true, now.Add(2*time.Hour)
	if err := other.SaveFollowUp(negID, &f); err != nil {
		t.Fatal(err)
	}
	read("a follow-up done", 1)
	if _, err := other.Undo(); err != nil {
		t.Fatal(err)
	}
	read("undone", 1)
	last := whole.Ledger[len(whole.Ledger)-1]
	if err := other.DeleteConcession(negID, last.ID); err != nil {
		t.Fatal(err)
	}
	read("the last move deleted", -1)

	// Another negotiation is read whole, and the first one again whole too.
	negID2, err := other.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	negID, negID2 = negID2, negID
	read("another negotiation", -1)
	if r.decoded == 0 {
		t.Error("another negotiation read from the first one's records")
	}
	negID = negID2
	read("the first again", -1)
	if r.decoded == 0 {
		t.Error("the first negotiation read from the other one's records")
	}
}

// BenchmarkRereadLarge reads the large negotiation again after a note was
// added through another handle ("changed"), against reading it whole.
func BenchmarkRereadLarge(b *testing.B) {
	defer func(v bool) { verifyRereads = v }(verifyRereads)
	verifyRereads = false // measured as it runs, not as the tests check it
	s, negID := largeStore(b)
	other := s.Session()
	note := func(b *testing.B) {
		b.StopTimer()
		n := model.Note{Kind: model.KindNote, At: benchNow.Add(time.Hour), Text: benchNoteText}
		if err := other.SaveNote(negID, &n); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			note(b)
			if _, err := s.Dossier(negID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("changed", func(b *testing.B) {
		r := s.Rereader()
		if _, err := r.Dossier(negID); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			note(b)
			if _, err := r.Dossier(negID); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// A store opened for a capture checks, and reads, the current
// negotiation's deal and never its notes: a damaged note does not stop a
// line from being written, and Dossier, which needs the notes, reads them
// (and finds the damage) instead of taking what Open checked.
func TestOpenForCaptureReadsNoNotes(t *testing.T) {
	s, negID := demoStore(t)
	n := model.Note{Kind: model.KindNote, At: now, Text: "a note to damage"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	db := rawBolt(t, path, false)
	err := db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNegotiations).Bucket(itob(negID)).Bucket(bucketNotes)
		return b.Put(itob(n.ID), []byte(`{"id":`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotParley) {
		t.Fatalf("Open of a file with a damaged note: %v, want it refused", err)
	}
	c, err := OpenForCapture(path)
	if err != nil {
		t.Fatalf("OpenForCapture: %v", err)
	}
	defer c.Close()
	d, err := c.Deal(negID)
	if err != nil || len(d.Items) == 0 || len(d.Notes) != 0 {
		t.Fatalf("Deal: %d items, %d notes, %v; want the items and no notes", len(d.Items), len(d.Notes), err)
	}
	if _, err := c.Dossier(negID); err == nil {
		t.Error("Dossier read the damaged note without a word")
	}
}

// A person's Rereader reads only what that person may see, as Dossier does.
func TestRereadSeesOnlyWhatThePersonMay(t *testing.T) {
	tm := newTeam(t)
	if _, err := tm.bob.Rereader().Dossier(tm.negID); !errors.Is(err, ErrNotYours) {
		t.Errorf("bob reads ann's negotiation again: %v", err)
	}
	if _, err := tm.ann.Rereader().Dossier(tm.negID); err != nil {
		t.Errorf("ann reads her negotiation again: %v", err)
	}
}
