package store

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// saveNoteT saves a note with text to negotiation negID through s.
func saveNoteT(t *testing.T, s *Store, negID uint64, text string) {
	t.Helper()
	if err := s.SaveNote(negID, &model.Note{Kind: model.KindNote, Text: text, At: now}); err != nil {
		t.Fatalf("SaveNote(%q): %v", text, err)
	}
}

// hasNote reports whether the negotiation as s reads it holds a note text.
func hasNote(t *testing.T, s *Store, negID uint64, text string) bool {
	t.Helper()
	return hasText(dossier(t, s, negID), text)
}

// mapped reads negotiation negID through s twice (the first read after
// Open takes what Open checked), so that s has mapped the file.
func mapped(t *testing.T, s *Store, negID uint64) *readMap {
	t.Helper()
	dossier(t, s, negID)
	dossier(t, s, negID)
	if s.reader.cur == nil {
		t.Fatal("two reads left no map of the file")
	}
	return s.reader.cur
}

// A store maps the file once for all its reads, and its sessions share
// the map: twenty reads by two sessions open the file once.
func TestReadsShareOneMapOfTheFile(t *testing.T) {
	s, negID := demoStore(t)
	other := s.Session()
	dossier(t, s, negID) // takes what Open checked
	before := boltOpens.Load()
	for range 10 {
		dossier(t, s, negID)
		dossier(t, other, negID)
	}
	if n := boltOpens.Load() - before; n != 1 {
		t.Errorf("twenty reads opened the file %d times, want 1", n)
	}
}

// The map holds no lock between reads: another process's writer gets the
// file at once, and the map's next read shows what it wrote.
func TestTheMapKeepsNoWriterOut(t *testing.T) {
	s, negID := demoStore(t)
	mapped(t, s, negID)
	elsewhere := openStore(t, s.Path())
	saveNoteT(t, elsewhere, negID, "written while the map stood")
	if !hasNote(t, s, negID, "written while the map stood") {
		t.Error("the read through the map does not show the other process's note")
	}
}

// A file grown past the room of the map is mapped afresh: reading through
// the old map past its end would fault.
func TestAFileGrownPastTheMapIsMappedAgain(t *testing.T) {
	s, negID := demoStore(t)
	room := mapped(t, s, negID).room
	elsewhere := openStore(t, s.Path())
	// Values that outgrow the room, so that bbolt writes them past it.
	big := bytes.Repeat([]byte("x"), 256<<10)
	for i := 0; fileSize(t, s.Path()) <= room; i++ {
		if err := elsewhere.update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte("test-growth"))
			if err != nil {
				return err
			}
			return b.Put([]byte{byte(i)}, big)
		}); err != nil {
			t.Fatal(err)
		}
	}
	saveNoteT(t, elsewhere, negID, "past the old map")
	if !hasNote(t, s, negID, "past the old map") {
		t.Error("the read does not show the note written past the old map")
	}
	if got := s.reader.cur.room; got <= room {
		t.Errorf("the map's room is %d, no more than before (%d)", got, room)
	}
}

// A file put in the place of the one mapped (a restore) is read, not the
// one the map still holds open.
func TestAFileReplacedIsMappedAgain(t *testing.T) {
	s, negID := demoStore(t)
	mapped(t, s, negID)
	restoreWithNote(t, s.Path(), negID, "only in the restored file")
	if !hasNote(t, s, negID, "only in the restored file") {
		t.Error("the read shows the replaced file, not the one now at the path")
	}
}

// Closing the store lets go of the map; a later store maps the file anew.
func TestCloseLetsGoOfTheMap(t *testing.T) {
	s, negID := demoStore(t)
	m := mapped(t, s, negID)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s.reader.cur != nil || !m.retired {
		t.Error("Close left the map standing")
	}
}

// restoreWithNote puts in the place of the file at path a copy of it with
// one more note, as a restore of a backup does: another file, same name.
func restoreWithNote(t *testing.T, path string, negID uint64, text string) {
	t.Helper()
	copyPath := path + ".restored"
	copyFile(t, path, copyPath)
	restored := openStore(t, copyPath)
	saveNoteT(t, restored, negID, text)
	restored.Close()
	if err := os.Rename(copyPath, path); err != nil {
		t.Fatal(err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkReadDemo reads the demo negotiation whole, as a session told of
// a commit does: through the store's map of the file, locked per read.
func BenchmarkReadDemo(b *testing.B) {
	path := b.TempDir() + "/parley.db"
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Dossier(negID); err != nil {
			b.Fatal(err)
		}
	}
}

// A file deleted while a store has it mapped is said to be gone, on the
// next read and the next write alike: the map of the old file is not read
// as if it were still there.
func TestAFileDeletedMidSessionIsGone(t *testing.T) {
	s, negID := demoStore(t)
	mapped(t, s, negID)
	if err := os.Remove(s.Path()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Dossier(negID); err == nil || !strings.Contains(err.Error(), "the database is gone") {
		t.Errorf("a read after the file was deleted: %v", err)
	}
	n := model.Note{Kind: model.KindNote, Text: "into nothing", At: now}
	if err := s.SaveNote(negID, &n); err == nil || !strings.Contains(err.Error(), "the database is gone") {
		t.Errorf("a write after the file was deleted: %v", err)
	}
}
