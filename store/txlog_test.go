package store

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Every read the transaction log plans in this package's tests walks the
// buckets as well and fails when the log missed a write.
func init() { verifyRereads = true }

// After the first reread, reading a negotiation again looks at the records
// the log names, not at every record: one note added elsewhere is one
// record walked, whatever the negotiation holds.
func TestRereadWalksOnlyWhatTheLogNames(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	r := s.Rereader()
	whole := dossier(t, other, negID)
	all := len(whole.Ledger) + len(whole.Notes) + len(whole.FollowUps)
	read := func(step string, walked int) {
		t.Helper()
		rereadLikeWhole(t, r, other, negID, step)
		if r.walked != walked {
			t.Errorf("%s: walked %d records, want %d", step, r.walked, walked)
		}
	}
	read("what Open read", 0)
	note := func(text string) {
		t.Helper()
		n := model.Note{Kind: model.KindNote, At: now.Add(time.Hour), Text: text}
		if err := other.SaveNote(negID, &n); err != nil {
			t.Fatal(err)
		}
	}
	note("one")
	read("a note after Open: the walk that starts the log's reads", all+1)
	note("two")
	read("a note", 1)
	note("three")
	note("four")
	read("two notes", 2)
	read("nothing changed", 0)
	if err := other.SaveDraft("capture", "typing…"); err != nil {
		t.Fatal(err)
	}
	read("a draft saved", 0)
	if _, err := other.Undo(); err != nil {
		t.Fatal(err)
	}
	read("the last note undone", 1)
}

// A write the log does not show (an older Parley, a tool writing with
// bbolt itself) sends the next read back to walking every record, and the
// record it wrote is on screen.
func TestAWriteOutsideTheLogIsFoundByTheWalk(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	r := s.Rereader()
	n := model.Note{Kind: model.KindNote, At: now.Add(time.Hour), Text: "through Parley"}
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second read goes on from the log
		if _, err := r.Dossier(negID); err != nil {
			t.Fatal(err)
		}
	}
	db, err := bolt.Open(s.Path(), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	const id = 90_001
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNegotiations).Bucket(itob(negID)).Bucket(bucketNotes)
		var rec map[string]any
		if err := json.Unmarshal(b.Get(itob(n.ID)), &rec); err != nil {
			return err
		}
		rec["id"], rec["text"] = id, "written beside Parley"
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return b.Put(itob(id), data)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Dossier(negID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range got.Notes {
		found = found || (n.ID == id && n.Text == "written beside Parley")
	}
	if !found {
		t.Fatal("the note written beside Parley is not in the read")
	}
	if want := len(got.Ledger) + len(got.Notes) + len(got.FollowUps); r.walked != want {
		t.Errorf("walked %d records after a write outside the log, want all %d", r.walked, want)
	}
}

// The log answers only from the entry the reader last saw: a token that
// differs there (the file copied over in place by another of its lineage)
// or an entry missing between is no plan.
func TestTheLogPlansOnlyFromTheEntryLastSeen(t *testing.T) {
	s, negID := demoStore(t)
	var from, token uint64
	if err := s.view(func(tx *bolt.Tx) error { from, token = uint64(tx.ID()), tokenAt(tx); return nil }); err != nil {
		t.Fatal(err)
	}
	if token == 0 {
		t.Fatal("the last write left no token in the log")
	}
	n := model.Note{Kind: model.KindNote, At: now, Text: "after"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	err := s.view(func(tx *bolt.Tx) error {
		p, ok := planSince(tx, from, token, negID)
		if !ok || p.whole || len(p.recs[1]) != 1 || !p.recs[1][n.ID] {
			t.Errorf("from the entry last seen: plan %+v, ok %v; want the one note", p, ok)
		}
		if _, ok := planSince(tx, from, token^2, negID); ok {
			t.Error("a different token at the entry last seen gave a plan")
		}
		if p, ok := planSince(tx, from, token, negID+1); !ok || len(p.recs[1]) != 0 {
			t.Errorf("another negotiation's plan names %v", p.recs)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
