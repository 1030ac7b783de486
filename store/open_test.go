package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "data", "parley", "parley.db")
	s := openStore(t, path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	assertMode(t, path, 0o600)
	assertMode(t, filepath.Join(root, "data"), 0o700)
	assertMode(t, filepath.Join(root, "data", "parley"), 0o700)
	s.Close()
	if v := schemaIn(t, path); v != SchemaVersion {
		t.Errorf("a new file has schema %d, want %d", v, SchemaVersion)
	}
}

func TestOpenLeavesAnExistingFolderAlone(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	openStore(t, filepath.Join(dir, "parley.db"))
	assertMode(t, dir, 0o755)
}

func TestReopenKeepsData(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	a := model.Account{Name: "Hollis Foodstores", Kind: model.Retail}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	got, err := s.Account(a.ID)
	if err != nil || got.Name != a.Name {
		t.Errorf("after reopening, Account(%d) = %+v, %v", a.ID, got, err)
	}
}

func TestOpenMakesAnExistingFilePrivate(t *testing.T) {
	path := tempDB(t)
	openStore(t, path).Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openStore(t, path)
	assertMode(t, path, 0o600)
}

func TestOpenRefusesAFolder(t *testing.T) {
	path := t.TempDir()
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open of a folder succeeded")
	}
	if !strings.Contains(err.Error(), "folder") {
		t.Errorf("error %q does not say the path is a folder", err)
	}
}

// Each damaged file is opened in another process: a truncated memory-mapped
// file can fault in a way no recover catches, and that must fail one test,
// not end the run.
func TestOpenRefusesFilesThatAreNotParley(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		write func(t *testing.T, path string)
	}{
		{"text file", func(t *testing.T, path string) {
			writeFile(t, path, []byte("Hollis Foodstores, 2027 annual terms\nprice 24.80\n"))
		}},
		{"short text file", func(t *testing.T, path string) {
			writeFile(t, path, []byte("x"))
		}},
		{"random bytes", func(t *testing.T, path string) {
			data := make([]byte, 64<<10)
			r := rand.NewChaCha8([32]byte{'p', 'a', 'r', 'l', 'e', 'y'})
			r.Read(data)
			writeFile(t, path, data)
		}},
		{"bbolt file of another program", func(t *testing.T, path string) {
			db := rawBolt(t, path, false)
			if err := db.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("sprocket"), []byte("42"))
			}); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}},
		{"bbolt file with a meta bucket of another program", func(t *testing.T, path string) {
			db := rawBolt(t, path, false)
			if err := db.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket(bucketMeta)
				if err != nil {
					return err
				}
				if err := b.Put(keyApp, []byte("ledgerly")); err != nil {
					return err
				}
				return b.Put(keySchema, itob(1))
			}); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}},
		{"Parley file with no schema version", func(t *testing.T, path string) {
			writeParleyFile(t, path, false)
			db := rawBolt(t, path, false)
			if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keySchema) }); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}},
		{"Parley file with one damaged record", func(t *testing.T, path string) {
			writeParleyFile(t, path, true)
			flipInRecord(t, path, `"List price per case"`)
		}},
		{"Parley file with a damaged page header", func(t *testing.T, path string) {
			writeParleyFile(t, path, true)
			breakPageHoldingCurrent(t, path, `"List price per case"`)
		}},
		{"Parley file cut to one page", func(t *testing.T, path string) {
			writeParleyFile(t, path, false)
			if err := os.Truncate(path, int64(os.Getpagesize())); err != nil {
				t.Fatal(err)
			}
		}},
		{"small Parley file cut to half its data", func(t *testing.T, path string) {
			writeParleyFile(t, path, false)
			truncateToHalf(t, path)
		}},
		{"large Parley file cut to half its data", func(t *testing.T, path string) {
			writeParleyFile(t, path, true)
			truncateToHalf(t, path)
		}},
		{"Parley file with garbage meta pages", func(t *testing.T, path string) {
			writeParleyFile(t, path, true)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r := rand.NewChaCha8([32]byte{'m', 'e', 't', 'a'})
			r.Read(data[:2*os.Getpagesize()])
			writeFile(t, path, data)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "parley.db")
			tc.write(t, path)
			if err := os.Chmod(path, 0o644); err != nil { // so that a chmod would show
				t.Fatal(err)
			}
			before := stateOf(t, path)
			outcome := openInAnotherProcess(t, path)
			want := "not parley: "
			if strings.Contains(tc.name, "Parley file") && !strings.Contains(tc.name, "meta") && !strings.Contains(tc.name, "schema") {
				want = "damaged: "
			}
			switch {
			case outcome == "crashed": // reported
			case !strings.HasPrefix(outcome, want):
				t.Errorf("Open: %s; want %s", outcome, want)
			case !strings.Contains(outcome, path):
				t.Errorf("the error %q does not name the file", outcome)
			}
			for _, goText := range []string{"runtime", "slice bounds", "out of range", "file size too small", "nil pointer", "invalid character", "unexpected"} {
				if strings.Contains(outcome, goText) {
					t.Errorf("the error %q shows Go's own words (%q)", outcome, goText)
				}
			}
			if want == "damaged: " && !strings.Contains(outcome, "backup") {
				t.Errorf("the error %q does not say what to do", outcome)
			}
			assertUntouched(t, path, before)
		})
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	path := tempDB(t)
	writeParleyFile(t, path, false)
	db := rawBolt(t, path, false)
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, itob(uint64(SchemaVersion+1)))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := stateOf(t, path)

	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open of a file from a newer Parley succeeded")
	}
	if !errors.Is(err, ErrNewerSchema) {
		t.Errorf("error %v is not ErrNewerSchema", err)
	}
	if errors.Is(err, ErrNotParley) {
		t.Errorf("error %v says the file is not Parley's; it is, from a newer version", err)
	}
	assertUntouched(t, path, before)
}

// An empty file (a placeholder, or one created by touch) is a new database.
func TestOpenTreatsAnEmptyFileAsNew(t *testing.T) {
	path := tempDB(t)
	writeFile(t, path, nil)
	s := openStore(t, path)
	if as, err := s.Accounts(); err != nil || len(as) != 0 {
		t.Errorf("Accounts() = %v, %v; want none", as, err)
	}
}

// writeParleyFile writes a closed Parley database: one account, or with
// large the demo dossier many times over.
func writeParleyFile(t *testing.T, path string, large bool) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !large {
		a := model.Account{Name: "Hollis Foodstores", Kind: model.Retail}
		if err := s.SaveAccount(&a); err != nil {
			t.Fatal(err)
		}
		return
	}
	for range 10 {
		if _, err := s.AddDossier(demoDossier()); err != nil {
			t.Fatal(err)
		}
	}
}

// truncateToHalf cuts a database file to half of the pages it uses. (Half
// of the file itself may cut only the room bbolt grew it by in advance,
// which leaves a whole database.)
func truncateToHalf(t *testing.T, path string) {
	t.Helper()
	var used int64
	db := rawBolt(t, path, true)
	if err := db.View(func(tx *bolt.Tx) error { used = tx.Size(); return nil }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	page := int64(os.Getpagesize())
	if err := os.Truncate(path, used/2/page*page); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// flipInRecord overwrites bytes inside every record that holds text, the way
// a bad disk sector would: the page stays a page, the record is garbage.
func flipInRecord(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := bytes.Count(data, []byte(text))
	if n == 0 {
		t.Fatalf("%s does not hold %s", path, text)
	}
	garbage := append([]byte{'"', 0xff, '{', 0}, text[4:]...)
	writeFile(t, path, bytes.ReplaceAll(data, []byte(text), garbage))
}

// breakPageHoldingCurrent gives every page that holds text an element count
// far beyond what the page holds, so that bbolt reads past its elements.
func breakPageHoldingCurrent(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := os.Getpagesize()
	broken := 0
	for i := 2 * page; i+page <= len(data); i += page {
		if bytes.Contains(data[i:i+page], []byte(text)) {
			binary.LittleEndian.PutUint16(data[i+10:], 0xfff0)
			broken++
		}
	}
	if broken == 0 {
		t.Fatalf("no page of %s holds %s", path, text)
	}
	writeFile(t, path, data)
}

// Open reads the current negotiation to check it; the first read of it
// takes that copy while the file is unchanged, and reads the file again
// once someone wrote.
func TestTheFirstReadTakesWhatOpenChecked(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	negID, err := s.AddDossier(model.Demo(now))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openStore(t, path)
	c := s.checked.Load()
	if c == nil || c.negID != negID {
		t.Fatalf("Open kept %+v, want negotiation %d", c, negID)
	}
	d, err := s.Dossier(negID)
	if err != nil || d != c.dossier {
		t.Fatalf("the first read did not take the checked copy (%v)", err)
	}
	if s.checked.Load() != nil {
		t.Fatal("the checked copy was kept after the first read")
	}
	s.Close()

	// A write between Open and the first read: the file is read again.
	s = openStore(t, path)
	c = s.checked.Load()
	other := openStore(t, path)
	if _, err := other.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "from the phone"}, now, 0, "", true); err != nil {
		t.Fatal(err)
	}
	d, err = s.Dossier(negID)
	if err != nil || d == c.dossier || d.Notes[len(d.Notes)-1].Text != "from the phone" {
		t.Fatalf("a read after another's write used the checked copy (%v)", err)
	}
}
