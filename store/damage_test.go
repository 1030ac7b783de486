package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

func TestAPanicInAReadTransactionIsDamageNotACrash(t *testing.T) {
	s, _ := demoStore(t)
	err := s.view(func(*bolt.Tx) error {
		var page []byte
		_ = page[4096] // what bbolt does on a page whose header lies
		return nil
	})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("a panic inside a read transaction gave %v, want ErrDamaged", err)
	}
	if strings.Contains(err.Error(), "runtime") || strings.Contains(err.Error(), "out of range") {
		t.Errorf("the message shows Go's own words: %v", err)
	}
	err = s.update(func(*bolt.Tx) error { panic("damaged page") })
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("a panic inside a write transaction gave %v, want ErrDamaged", err)
	}
	var err2 error
	func() {
		defer recoverDamaged(s.Path(), &err2)
		panic("damaged page at open")
	}()
	if !errors.Is(err2, ErrDamaged) {
		t.Errorf("recoverDamaged gave %v, want ErrDamaged", err2)
	}
}

// twoNegotiations is a file with two demo negotiations; the second is current.
func twoNegotiations(t *testing.T) string {
	t.Helper()
	path := tempDB(t)
	s := openStore(t, path)
	d := demoDossier()
	d.Items[0].Title = "Only in the first negotiation"
	if _, err := s.AddDossier(d); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddDossier(demoDossier()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

func TestVerifyFindsADamagedRecordInAnyNegotiation(t *testing.T) {
	path := twoNegotiations(t)
	flipInRecord(t, path, `"Only in the first negotiation"`)
	before := fileHash(t, path)
	// Open reads the current negotiation only; the damage is in the other one.
	s := openStore(t, path)
	err := s.Verify()
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Verify: %v, want ErrDamaged", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "backup") {
		t.Errorf("the message does not name the file and what to do: %v", err)
	}
	if _, err := s.Dossier(1); !errors.Is(err, ErrDamaged) {
		t.Errorf("loading the damaged negotiation: %v, want ErrDamaged", err)
	}
	s.Close()
	if fileHash(t, path) != before {
		t.Error("the damaged file changed")
	}
}

func TestOpenRefusesADamagedRecordInTheCurrentNegotiation(t *testing.T) {
	s, _ := demoStore(t)
	path := s.Path()
	s.Close()
	flipInRecord(t, path, `"List price per case"`)
	before := fileHash(t, path)
	for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		if s, err := open(path); !errors.Is(err, ErrDamaged) {
			if s != nil {
				s.Close()
			}
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
	}
	if fileHash(t, path) != before {
		t.Error("the damaged file changed")
	}
}

func TestOpenReadOnlyNeverCreates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "parley.db")
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrNoDatabase) || !strings.Contains(err.Error(), path) {
		t.Errorf("OpenReadOnly of a missing file: %v, want ErrNoDatabase naming the path", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Errorf("OpenReadOnly created the folder: %v", err)
	}
	if _, err := OpenReadOnly(filepath.Join(dir, "parley.db")); !errors.Is(err, ErrNoDatabase) {
		t.Errorf("OpenReadOnly of a missing file: %v, want ErrNoDatabase", err)
	}
	assertNoStrayFiles(t, dir)
}

func TestOpenReadOnlyReadsAReadOnlyFile(t *testing.T) {
	s, negID := demoStore(t)
	want := dossier(t, s, negID)
	path := s.Path()
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly of a 0444 file: %v", err)
	}
	defer r.Close()
	assertSameDossier(t, dossier(t, r, negID), want)
	if err := r.SaveNote(negID, &model.Note{Kind: model.KindNote, At: now, Text: "x"}); err == nil {
		t.Error("a read-only store saved a note")
	}
	if fileHash(t, path) != before {
		t.Error("reading changed the file")
	}
	assertMode(t, path, 0o444)
}
