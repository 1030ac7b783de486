package store

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// A write refuses a file with a damaged page anywhere, also outside the
// negotiation it writes into, and changes no byte: the message that says
// Parley has not changed it stays true (issue 24, finding 3).
func TestWritesRefuseAFileWithADamagedPage(t *testing.T) {
	path := twoNegotiations(t)
	s := openStore(t, path)
	if _, err := s.Capture(2, model.Capture{Kind: model.CaptureNote, Text: "before the damage"}, now, 0, "", true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	breakPageHoldingCurrent(t, path, "Only in the first negotiation")
	before := fileHash(t, path)
	s, err := Open(path) // the current negotiation, the second, reads fine
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	writes := map[string]func() error{
		"capture": func() error {
			_, err := s.Capture(2, model.Capture{Kind: model.CaptureNote, Text: "into a damaged file"}, now, 0, "", true)
			return err
		},
		"undo":         func() error { _, err := s.Undo(); return err },
		"save an item": func() error { d := dossier(t, s, 2); it := d.Items[0]; it.Title = "Renamed"; return s.SaveItem(2, &it) },
		"other session": func() error {
			_, err := s.Session().Capture(2, model.Capture{Kind: model.CaptureNote, Text: "x"}, now, 0, "", true)
			return err
		},
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "has not changed it") {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
		if err != nil && strings.Contains(err.Error(), "inconsistent is damaged") {
			t.Errorf("%s: the message does not read: %v", name, err)
		}
	}
	// Verify (demo, import, backup) says it in words (issue 24, finding 11).
	if err := s.Verify(); !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "inconsistent is damaged") {
		t.Errorf("Verify: %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("a refused write changed the damaged file")
	}
}

// A freelist that lists a page in use would have the next commit write
// over it: the walk finds it, and a write is refused.
func TestWritesRefuseAFreelistListingAPageInUse(t *testing.T) {
	s, negID := demoStore(t)
	for range 5 { // free some pages
		if _, err := s.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "a note"}, now, 0, "", true); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if msg := pageFault(data); msg != "" {
		t.Fatalf("a whole file: %s", msg)
	}
	w := &pageWalk{data: data}
	w.readMeta()
	fl := data[w.freelist*w.ps:]
	if ne.Uint16(fl[10:]) == 0 || ne.Uint16(fl[10:]) == 0xFFFF {
		t.Fatalf("the freelist holds %d pages", ne.Uint16(fl[10:]))
	}
	ne.PutUint64(fl[pageHeader:], w.root) // the root bucket's page, listed as free
	writeFile(t, s.Path(), data)
	if msg := pageFault(data); !strings.Contains(msg, "free") {
		t.Errorf("pageFault = %q, want the page listed as free named", msg)
	}
	before := fileHash(t, s.Path())
	s = openStore(t, s.Path())
	if _, err := s.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "into it"}, now, 0, "", true); !errors.Is(err, ErrDamaged) {
		t.Errorf("Capture: %v, want ErrDamaged", err)
	}
	if fileHash(t, s.Path()) != before {
		t.Error("the refused write changed the file")
	}
}

// BenchmarkCheckPages is the walk a write makes of the large negotiation's
// file before its first save, against bbolt's own check of it.
func BenchmarkCheckPages(b *testing.B) {
	s, _ := largeStore(b)
	b.Run("walk", func(b *testing.B) {
		for b.Loop() {
			if err := s.view(func(*bolt.Tx) error { return checkPages(s.path) }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bbolt-check", func(b *testing.B) {
		for b.Loop() {
			s.view(func(tx *bolt.Tx) error {
				for err := range tx.Check() {
					b.Fatal(err)
				}
				return nil
			})
		}
	})
}

// A write walks the pages once for a file as Parley last left it, not once
// per process: the state found whole is kept in the lock-info file, and a
// process that starts afresh (wholeFiles forgotten) believes it while the
// file is exactly that state. A file written by anything else since, even
// with the same bytes, size and modification time, is walked again.
func TestAFileFoundWholeIsWalkedOnceAcrossProcesses(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	s.Close()
	note := func(text string) {
		t.Helper()
		wholeFiles.Delete(path) // as a new process finds it
		c, err := OpenForCapture(path)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: text}, now, 0, "", false); err != nil {
			t.Fatal(err)
		}
	}
	walks := pageWalks.Load()
	note("one")
	note("two")
	note("three")
	if n := pageWalks.Load() - walks; n != 0 {
		t.Errorf("three notes into a file Parley left whole walked its pages %d times, want 0", n)
	}

	// The same bytes written back by another program, its modification
	// time set back too: only the inode's change time tells.
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	walks = pageWalks.Load()
	note("four")
	if n := pageWalks.Load() - walks; n != 1 {
		t.Errorf("a note into a file written outside Parley walked its pages %d times, want 1", n)
	}
}
