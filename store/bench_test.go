package store

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

var benchNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// largeStore is a file holding the large negotiation, closed after the
// benchmark.
func largeStore(b *testing.B) (*Store, uint64) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "parley.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	negID, err := s.AddDossier(sample.Dossier(sample.LargeSize, benchNow))
	if err != nil {
		b.Fatal(err)
	}
	return s, negID
}

// BenchmarkSaveNote saves one capture-line note the way the workbench does
// (one transaction: the note, its draft cleared, fsync) into a file holding
// the large negotiation. Compare with BenchmarkBoltPutFloor.
func BenchmarkSaveNote(b *testing.B) {
	s, negID := largeStore(b)
	c := model.Capture{Kind: model.CaptureNote, Text: benchNoteText}
	key := CaptureDraftKey(negID)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Capture(negID, c, benchNow, 0, key, true); err != nil {
			b.Fatal(err)
		}
	}
}

const benchNoteText = "Buyer wants the promotion calendar before Friday #1"

// BenchmarkBoltPutFloor is the floor under BenchmarkSaveNote: a bare bbolt
// put and commit (fsync) of the same bytes in a file of the same size.
func BenchmarkBoltPutFloor(b *testing.B) {
	path := filepath.Join(b.TempDir(), "floor.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.AddDossier(sample.Dossier(sample.LargeSize, benchNow)); err != nil {
		b.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	// The same bytes as a saved note: with its UID and Updated time.
	note := model.Note{ID: 1, Kind: model.KindNote, At: benchNow, Text: benchNoteText,
		Stamp: model.Stamp{UID: newUID(), Updated: time.Now().UTC()}}
	data, _ := json.Marshal(noteToRecord(note))
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists([]byte("floor"))
		return err
	}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("floor")).Put(itob(uint64(i+1)), data)
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen opens the file as the workbench does on start (open, find
// the current negotiation, load it) with 1 and with 200 negotiations in it.
// Opening must not grow with the number of negotiations.
func BenchmarkOpen(b *testing.B) {
	for _, n := range []int{1, 200} {
		b.Run(map[int]string{1: "1", 200: "200"}[n], func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "parley.db")
			s, err := Open(path)
			if err != nil {
				b.Fatal(err)
			}
			for i := 0; i < n; i++ {
				if _, err := s.AddDossier(model.Demo(benchNow)); err != nil {
					b.Fatal(err)
				}
			}
			s.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				id, err := s.Current()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Dossier(id); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkReadLarge reads the large negotiation as the workbench and
// every command do, and says how long the file's lock is held for it:
// "lock-copy" is what a read holds it for now (the records' bytes copied),
// "lock-decode" what it held it for when the records were decoded under
// it, "whole" the read as the caller sees it.
func BenchmarkReadLarge(b *testing.B) {
	s, id := largeStore(b)
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Dossier(id); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("lock-copy", func(b *testing.B) {
		for b.Loop() {
			if err := s.view(func(tx *bolt.Tx) error { _, err := copyDossier(tx, id, allParts); return err }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("lock-decode", func(b *testing.B) {
		for b.Loop() {
			if err := s.view(func(tx *bolt.Tx) error { _, err := loadDossier(tx, id); return err }); err != nil {
				b.Fatal(err)
			}
		}
	})
}
