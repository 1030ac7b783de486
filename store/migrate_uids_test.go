package store

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
)

// schema4File writes the demo (with a budget, a cleared trade-back and a
// suggestion decision) as schema 4 wrote it: every record without a uid or
// an updated field. It starts from what this Parley writes and takes those
// two fields out of every record, so it holds every record kind.
func schema4File(t *testing.T, path string) (negID uint64) {
	t.Helper()
	s := openStore(t, path)
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ahead := map[string]string{
		"budgets":     `{"id":1,"item_id":1,"value":"23.9","at":"2027-03-08T09:00:00Z"}`,
		"owed":        `{"concession_id":1,"at":"2027-03-09T09:00:00Z"}`,
		"suggestions": `{"id":1,"item_id":2,"after_meeting":1,"value":60,"at":"2027-03-10T09:00:00Z"}`,
	}
	db := rawBolt(t, path, false)
	if err := db.Update(func(tx *bolt.Tx) error {
		nb := tx.Bucket(bucketNegotiations).Bucket(itob(negID))
		for name, rec := range ahead {
			if err := nb.Bucket([]byte(name)).Put(itob(1), []byte(rec)); err != nil {
				return err
			}
		}
		if err := forEachRecord(tx, func(b *bolt.Bucket, k, v []byte) error {
			var raw map[string]json.RawMessage
			if err := json.Unmarshal(v, &raw); err != nil {
				return err
			}
			delete(raw, "uid")
			delete(raw, "updated")
			data, err := json.Marshal(raw)
			if err != nil {
				return err
			}
			return b.Put(k, data)
		}); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, itob(4))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return negID
}

// forEachRecord calls fn with every record of the file: accounts, each
// negotiation's own record and the records of its nested buckets.
func forEachRecord(tx *bolt.Tx, fn func(b *bolt.Bucket, k, v []byte) error) error {
	var records [][3]any
	collect := func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v != nil {
				records = append(records, [3]any{b, append([]byte(nil), k...), append([]byte(nil), v...)})
			}
			return nil
		})
	}
	if err := collect(tx.Bucket(bucketAccounts)); err != nil {
		return err
	}
	root := tx.Bucket(bucketNegotiations)
	if err := root.ForEachBucket(func(k []byte) error {
		nb := root.Bucket(k)
		records = append(records, [3]any{nb, append([]byte(nil), keyNegMeta...), append([]byte(nil), nb.Get(keyNegMeta)...)})
		return nb.ForEachBucket(func(name []byte) error { return collect(nb.Bucket(name)) })
	}); err != nil {
		return err
	}
	for _, r := range records {
		if err := fn(r[0].(*bolt.Bucket), r[1].([]byte), r[2].([]byte)); err != nil {
			return err
		}
	}
	return nil
}

// testGiveUIDs: a schema-4 file opens as schema 5 with a distinct ULID and
// an Updated time on every record, Updated being the record's own time
// where it has one and the migration's otherwise, and nothing else changed.
func testGiveUIDs(t *testing.T) {
	path := tempDB(t)
	negID := schema4File(t, path)
	want := dossier(t, openReadOnlyV4(t, path), negID)

	before := time.Now().UTC()
	s := openStore(t, path)
	after := time.Now().UTC()
	got := dossier(t, s, negID)
	assertSameDossier(t, got, want)
	s.Close()
	if v := schemaIn(t, path); v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}

	db := rawBolt(t, path, true)
	seen := map[string]bool{}
	n := 0
	if err := db.View(func(tx *bolt.Tx) error {
		return forEachRecord(tx, func(_ *bolt.Bucket, k, v []byte) error {
			n++
			var r struct {
				UID     string    `json:"uid"`
				Updated time.Time `json:"updated"`
			}
			if err := json.Unmarshal(v, &r); err != nil {
				t.Errorf("record %x: %v", k, err)
			}
			if _, err := ulid.ParseStrict(r.UID); err != nil || seen[r.UID] {
				t.Errorf("record %s: uid %q is not a new ULID (%v)", v, r.UID, err)
			}
			seen[r.UID] = true
			if r.Updated.IsZero() {
				t.Errorf("record %s has no updated time", v)
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if n < 40 {
		t.Errorf("checked only %d records", n)
	}

	// Updated: the record's own time, else the migration's.
	s = openStore(t, path)
	d := dossier(t, s, negID)
	inMigration := func(what string, got time.Time) {
		if got.Before(before.Add(-time.Second)) || got.After(after.Add(time.Second)) {
			t.Errorf("%s updated %v, want the migration's time (%v – %v)", what, got, before, after)
		}
	}
	same := func(what string, got, want time.Time) {
		if !got.Equal(want) {
			t.Errorf("%s updated %v, want its own time %v", what, got, want)
		}
	}
	inMigration("the account", d.Account.Updated)
	same("the negotiation", d.Negotiation.Updated, d.Negotiation.Created)
	same("a meeting that ended", d.Meetings[0].Updated, d.Meetings[0].Ended)
	same("a concession", d.Ledger[0].Updated, d.Ledger[0].At)
	same("a note", d.Notes[0].Updated, d.Notes[0].At)
	same("a package tabled", d.Packages[0].Updated, d.Packages[0].TabledAt)
	same("a follow-up done", d.FollowUps[0].Updated, d.FollowUps[0].DoneAt)
	inMigration("a follow-up not done", d.FollowUps[1].Updated)
	inMigration("a scenario", d.Scenarios[0].Updated)
	same("a budget", d.Budgets[0].Updated, d.Budgets[0].At)
	same("a cleared trade-back", d.Cleared[0].Updated, d.Cleared[0].At)
	same("a suggestion decision", d.Decisions[0].Updated, d.Decisions[0].At)
	// The ULID's time is the record's Updated, to the millisecond.
	id := ulid.MustParse(d.Ledger[0].UID)
	if got := ulid.Time(id.Time()); !got.Equal(d.Ledger[0].At.Truncate(time.Millisecond)) {
		t.Errorf("the concession's ULID is of %v, want %v", got, d.Ledger[0].At)
	}
}

// openReadOnlyV4 reads a schema-4 file without upgrading it.
func openReadOnlyV4(t *testing.T, path string) *Store {
	t.Helper()
	return newStore(path, true)
}
