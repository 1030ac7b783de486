package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// rereadAfter is a Rereader of s's demo negotiation that has gone on from
// the log once, and read checks a reread against a whole read through
// other and returns how many records it walked.
func rereadAfter(t *testing.T) (s, other *Store, negID uint64, read func(step string) int) {
	t.Helper()
	s, negID = demoStore(t)
	other = openStore(t, s.Path())
	r := s.Rereader()
	read = func(step string) int {
		t.Helper()
		rereadLikeWhole(t, r, other, negID, step)
		return r.walked
	}
	read("what Open read")
	n := model.Note{Kind: model.KindNote, At: now.Add(time.Hour), Text: "starts the log's reads"}
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	read("the walk that starts the log's reads")
	return s, other, negID, read
}

// A move or a follow-up written elsewhere is one record to look at on the
// next reread, as a note is: the ledger and the checklist are in the log
// record by record, not as the whole negotiation.
func TestAMoveOrAFollowUpElsewhereIsOneRecordWalked(t *testing.T) {
	_, other, negID, read := rereadAfter(t)
	d := dossier(t, other, negID)
	pay := itemByTitle(t, d, "Payment terms")
	c := model.Concession{ItemID: pay.ID, By: model.Them, To: dec("58"), At: now.Add(2 * time.Hour)}
	if err := other.SaveConcession(negID, &c); err != nil {
		t.Fatal(err)
	}
	if got := read("a move"); got != 1 {
		t.Errorf("a move elsewhere: walked %d records, want 1", got)
	}
	f := d.FollowUps[0]
	f.Action += " (by Friday)"
	if err := other.SaveFollowUp(negID, &f); err != nil {
		t.Fatal(err)
	}
	if got := read("a follow-up"); got != 1 {
		t.Errorf("a follow-up edited elsewhere: walked %d records, want 1", got)
	}
}

// A log entry naming a kind of record this Parley does not know (one a
// later version may write) is not trusted: the next reread walks every
// record, and reads what was written.
func TestALogEntryOfAnUnknownKindSendsTheReadWhole(t *testing.T) {
	s, _, negID, read := rereadAfter(t)
	db, err := bolt.Open(s.Path(), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	const id = 90_002
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNegotiations).Bucket(itob(negID)).Bucket(bucketNotes)
		_, v := b.Cursor().First()
		var rec map[string]any
		if err := json.Unmarshal(v, &rec); err != nil {
			return err
		}
		rec["id"], rec["text"] = id, "written by a later Parley"
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		if err := b.Put(itob(id), data); err != nil {
			return err
		}
		entry := binary.BigEndian.AppendUint64(nil, 12345) // its token
		entry = append(entry, 0)
		entry = binary.BigEndian.AppendUint64(entry, negID)
		entry = append(entry, byte(len(largeBuckets))) // a kind past the ones known
		entry = binary.BigEndian.AppendUint64(entry, id)
		return tx.Bucket(bucketTxLog).Put(itob(uint64(tx.ID())), entry)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	walked := read("after the entry of an unknown kind")
	d := dossier(t, s, negID)
	if all := len(d.Ledger) + len(d.Notes) + len(d.FollowUps); walked != all {
		t.Errorf("walked %d records, want all %d", walked, all)
	}
}

// logEntries counts the transactions the log holds, and the oldest.
func logEntries(t *testing.T, s *Store) (n int, oldest uint64) {
	t.Helper()
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTxLog).ForEach(func(k, _ []byte) error {
			if n == 0 {
				oldest = btoi(k)
			}
			n++
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, oldest
}

// The log keeps the last txLogKeep transactions at least and trims in
// batches of trimBatch, so that it never grows past their sum: a
// workbench up to txLogKeep transactions behind can go on from it.
func TestTheLogKeepsItsSizeAndTrimsInBatches(t *testing.T) {
	s, _ := demoStore(t)
	var last uint64
	write := func() {
		t.Helper()
		if err := s.SaveDraft("capture", fmt.Sprint("typing ", last)); err != nil {
			t.Fatal(err)
		}
		if err := s.view(func(tx *bolt.Tx) error { last = uint64(tx.ID()); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	for n, _ := logEntries(t, s); n < txLogKeep+trimBatch; n++ {
		write()
	}
	if n, oldest := logEntries(t, s); n != txLogKeep+trimBatch || oldest != last-txLogKeep-trimBatch+1 {
		t.Fatalf("the log holds %d transactions from %d to %d; want all %d: it trims only once a batch is full", n, oldest, last, txLogKeep+trimBatch)
	}
	write()
	if n, oldest := logEntries(t, s); n != txLogKeep || oldest != last-txLogKeep+1 {
		t.Fatalf("after a full batch the log holds %d transactions from %d to %d; want the last %d", n, oldest, last, txLogKeep)
	}
}

// A workbench exactly txLogKeep transactions behind still goes on from the
// log: the note added last is the one record it looks at.
func TestAReaderTxLogKeepBehindGoesOnFromTheLog(t *testing.T) {
	s, other, negID, read := rereadAfter(t)
	var from uint64
	if err := s.view(func(tx *bolt.Tx) error { from = uint64(tx.ID()); return nil }); err != nil {
		t.Fatal(err)
	}
	if n, _ := logEntries(t, s); n+txLogKeep >= txLogKeep+trimBatch {
		t.Fatalf("the log holds %d transactions already: the writes below would trim it", n)
	}
	for i := range txLogKeep - 1 {
		if err := other.SaveDraft("capture", fmt.Sprint("typing ", i)); err != nil {
			t.Fatal(err)
		}
	}
	n := model.Note{Kind: model.KindNote, At: now.Add(5 * time.Hour), Text: "a thousand writes later"}
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	var to uint64
	if err := s.view(func(tx *bolt.Tx) error { to = uint64(tx.ID()); return nil }); err != nil {
		t.Fatal(err)
	}
	if to-from != txLogKeep {
		t.Fatalf("the reader is %d transactions behind, want %d", to-from, txLogKeep)
	}
	if walked := read("a thousand transactions later"); walked != 1 {
		t.Errorf("walked %d records, want the log's 1", walked)
	}
}

// A change that writes more than maxTouched records names its negotiation
// whole rather than every record: the reread after it walks every record.
// One record fewer is named record by record.
func TestAChangeOfMoreThanMaxTouchedRecordsIsLoggedWhole(t *testing.T) {
	lines := func(n int) []model.FollowUp {
		out := make([]model.FollowUp, n)
		for i := range out {
			out[i] = model.FollowUp{Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: fmt.Sprint("Line ", i), Due: now}
		}
		return out
	}
	for _, c := range []struct {
		lines int
		whole bool
	}{{maxTouched, false}, {maxTouched + 1, true}} {
		s, other, negID, read := rereadAfter(t)
		if _, err := other.AddFollowUps(negID, lines(c.lines)); err != nil {
			t.Fatal(err)
		}
		walked := read("the follow-ups added")
		d := dossier(t, s, negID)
		all := len(d.Ledger) + len(d.Notes) + len(d.FollowUps)
		if want := map[bool]int{false: c.lines, true: all}[c.whole]; walked != want {
			t.Errorf("%d follow-ups added in one change: walked %d records, want %d", c.lines, walked, want)
		}
	}
}

// A write to a small bucket (an agenda item, a meeting) names no record of
// the large ones: the reread after it looks at none of them.
func TestAnItemSavedElsewhereNamesNoLargeRecord(t *testing.T) {
	_, other, negID, read := rereadAfter(t)
	it := itemByTitle(t, dossier(t, other, negID), "Payment terms")
	it.Title = "Payment terms (days net)"
	if err := other.SaveItem(negID, &it); err != nil {
		t.Fatal(err)
	}
	if got := read("an item saved"); got != 0 {
		t.Errorf("an item saved elsewhere: walked %d ledger, note and follow-up records, want 0", got)
	}
}

// A migration may rewrite any record: its transaction is logged as
// touching everything, and a workbench that read the file before it walks
// every record on its next read.
func TestAMigrationSendsTheNextReadWhole(t *testing.T) {
	s, _, negID, read := rereadAfter(t)
	last := migrations[len(migrations)-1].version
	if err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, itob(uint64(last-1)))
	}); err != nil {
		t.Fatal(err)
	}
	openStore(t, s.Path()) // upgrades the file again to the last schema
	walked := read("after the migration")
	d := dossier(t, s, negID)
	if all := len(d.Ledger) + len(d.Notes) + len(d.FollowUps); walked != all {
		t.Errorf("walked %d records after a migration, want all %d", walked, all)
	}
}
