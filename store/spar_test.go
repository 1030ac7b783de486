package store

import (
	"bytes"
	"errors"
	"testing"

	"github.com/parley-app/parley/model/spar"
	bolt "go.etcd.io/bbolt"
)

// playedSession is a short session on the stored demo negotiation.
func playedSession(t *testing.T, s *Store, negID uint64, who string, seed uint64) SparSession {
	t.Helper()
	d, err := s.Dossier(negID)
	if err != nil {
		t.Fatal(err)
	}
	c, err := spar.NewCase(d)
	if err != nil {
		t.Fatal(err)
	}
	ss := spar.NewSession(c, spar.Config{Seed: seed, Tactic: spar.Linear, Meetings: 1})
	for _, line := range []string{"1 24.50, 2 45", "3 2.0", "accept"} {
		if err := ss.Play(line); err != nil {
			t.Fatal(err)
		}
	}
	return SparSession{Who: who, At: now, Negotiation: negID, Record: ss.Record()}
}

// testAddSparBucket: a schema-8 file gains the spar bucket; its data stays.
func testAddSparBucket(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	s.Close()
	db := rawBolt(t, path, false)
	if err := db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketSpar); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, itob(8))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s = openStore(t, path)
	if v := schemaIn(t, path); v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	if _, err := s.Dossier(negID); err != nil {
		t.Fatalf("the negotiation after the upgrade: %v", err)
	}
	ss := playedSession(t, s, negID, "ana", 1)
	if err := s.SaveSpar(&ss); err != nil {
		t.Fatalf("saving a session after the upgrade: %v", err)
	}
}

// TestSparSessionsStoredPerCase: sessions come back per case and in the
// order played, with who played and the whole record; storing one changes
// not a byte of the export.
func TestSparSessionsStoredPerCase(t *testing.T) {
	s, negID := demoStore(t)
	other, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	var before bytes.Buffer
	if _, err := s.ExportTo(&before, now); err != nil {
		t.Fatal(err)
	}
	a, b, c := playedSession(t, s, negID, "ana", 1), playedSession(t, s, other, "ben", 2), playedSession(t, s, negID, "ben", 3)
	for _, ss := range []*SparSession{&a, &b, &c} {
		if err := s.SaveSpar(ss); err != nil {
			t.Fatal(err)
		}
	}
	s = reopen(t, s)
	got, err := s.SparSessions(negID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Who != "ana" || got[1].Who != "ben" || got[0].ID != a.ID || got[1].ID != c.ID {
		t.Fatalf("sessions of case %d = %+v, want ana's then ben's", negID, got)
	}
	if got[0].Record.Seed != 1 || got[0].Record.Debrief.Outcome != a.Record.Debrief.Outcome ||
		len(got[0].Record.Transcript) != len(a.Record.Transcript) || !got[0].At.Equal(now) {
		t.Errorf("stored record = %+v, want what was played", got[0].Record)
	}
	all, err := s.SparSessions(0)
	if err != nil || len(all) != 3 {
		t.Errorf("every session: %d (%v), want 3", len(all), err)
	}
	var after bytes.Buffer
	if _, err := s.ExportTo(&after, now); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before.Bytes(), after.Bytes()) {
		t.Error("storing sparring sessions changed the export")
	}
}

func TestSaveSparRefusesAnUnknownCase(t *testing.T) {
	s, negID := demoStore(t)
	ss := playedSession(t, s, negID, "ana", 1)
	ss.Negotiation = 99
	if err := s.SaveSpar(&ss); !errors.Is(err, ErrNotFound) {
		t.Errorf("saving a session of negotiation 99: %v, want ErrNotFound", err)
	}
	if list, _ := s.SparSessions(0); len(list) != 0 {
		t.Errorf("%d sessions stored after the refusal", len(list))
	}
}

func TestDamagedSparSessionIsRefused(t *testing.T) {
	s, negID := demoStore(t)
	ss := playedSession(t, s, negID, "ana", 1)
	if err := s.SaveSpar(&ss); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	db := rawBolt(t, path, false)
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSpar).Put(itob(ss.ID), []byte("{not json")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s = openStore(t, path)
	if _, err := s.SparSessions(negID); !errors.Is(err, ErrDamaged) {
		t.Errorf("listing a damaged session: %v, want ErrDamaged", err)
	}
}
