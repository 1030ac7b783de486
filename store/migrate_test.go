package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// migrationTests holds a test for every migration, by the version it brings
// the file to. TestMigrations fails when a migration has none: add its test
// here when you append a migration.
var migrationTests = map[int]func(t *testing.T){
	1: testCreateLayout,
	2: testMigrateDeal,
	3: testKeyDraftsByField,
	4: testAddAheadBuckets,
	5: testGiveUIDs,
	6: testSummarizeAll,
	7: testRebateBases,
	8: testAddTeamBuckets,
	9: testAddSparBucket,
}

func TestMigrations(t *testing.T) {
	for i, m := range migrations {
		if m.version != i+1 {
			t.Errorf("migration %d (%s) is at position %d: versions must run 1, 2, 3, … in order", m.version, m.name, i)
		}
		if strings.TrimSpace(m.name) == "" || m.migrate == nil {
			t.Errorf("migration %d needs a name and a function", m.version)
		}
		test, ok := migrationTests[m.version]
		if !ok {
			t.Errorf("migration %d (%s) has no test: add one to migrationTests", m.version, m.name)
			continue
		}
		t.Run(fmt.Sprintf("%d %s", m.version, m.name), test)
	}
	if last := migrations[len(migrations)-1].version; SchemaVersion != last {
		t.Errorf("SchemaVersion = %d, but the last migration brings files to %d", SchemaVersion, last)
	}
}

// testCreateLayout: a bbolt file with no buckets at all gets the Parley
// layout, is marked as Parley's, and is not backed up (there is nothing to keep).
func testCreateLayout(t *testing.T) {
	path := tempDB(t)
	rawBolt(t, path, false).Close()

	s := openStore(t, path)
	a := model.Account{Name: "Hollis Foodstores", Kind: model.Retail}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatalf("the new layout does not take an account: %v", err)
	}
	s.Close()

	db := rawBolt(t, path, true)
	if err := db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketAccounts, bucketNegotiations, bucketDrafts} {
			if tx.Bucket(name) == nil {
				t.Errorf("no %s bucket", name)
			}
		}
		if meta := tx.Bucket(bucketMeta); meta != nil {
			if app := string(meta.Get(keyApp)); app != "parley" {
				t.Errorf("meta app = %q, want parley", app)
			}
			if v := btoi(meta.Get(keySchema)); v != uint64(SchemaVersion) {
				t.Errorf("meta schema = %d, want %d", v, SchemaVersion)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if names := folderNames(t, filepath.Dir(path)); !slices.Equal(names, []string{"parley.db"}) {
		t.Errorf("the folder holds %v, want only parley.db (no backup of an empty file)", names)
	}
}

var keyTestMark = []byte("test-mark")

// withMigration appends m to the migrations for the rest of the test. Tests
// that use it change package variables, so they must not run in parallel.
func withMigration(t *testing.T, m migration) (restore func()) {
	t.Helper()
	saved, savedVersion := migrations, SchemaVersion
	migrations = append(slices.Clip(migrations), m)
	SchemaVersion = m.version
	restore = func() { migrations, SchemaVersion = saved, savedVersion }
	t.Cleanup(restore)
	return restore
}

func TestOpenBacksUpBeforeMigrating(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	want := dossier(t, s, negID)
	s.Close()
	from := SchemaVersion

	restore := withMigration(t, migration{version: from + 1, name: "test: mark the file",
		migrate: func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyTestMark, []byte("migrated")) }})
	s = openStore(t, path)
	if err := s.view(func(tx *bolt.Tx) error {
		if mark := tx.Bucket(bucketMeta).Get(keyTestMark); string(mark) != "migrated" {
			t.Errorf("the migration did not run: mark = %q", mark)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	assertSameDossier(t, dossier(t, s, negID), want)
	s.Close()
	restore()
	if v := schemaIn(t, path); v != from+1 {
		t.Errorf("migrated file has schema %d, want %d", v, from+1)
	}

	backups, err := filepath.Glob(fmt.Sprintf("%s.v%d-*.bak", path, from))
	if err != nil || len(backups) != 1 {
		t.Fatalf("want one backup next to the file, found %v (folder: %v)", backups, folderNames(t, filepath.Dir(path)))
	}
	backup := backups[0]
	if names := folderNames(t, filepath.Dir(path)); len(names) != 2 {
		t.Errorf("the folder holds %v, want the database and its backup only", names)
	}
	assertMode(t, backup, 0o600)
	if v := schemaIn(t, backup); v != from {
		t.Errorf("the backup has schema %d, want the old %d", v, from)
	}
	db := rawBolt(t, backup, true)
	if err := db.View(func(tx *bolt.Tx) error {
		if mark := tx.Bucket(bucketMeta).Get(keyTestMark); mark != nil {
			t.Errorf("the backup was taken after the migration: mark = %q", mark)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b := openStore(t, backup)
	assertSameDossier(t, dossier(t, b, negID), want)
}

// A migration that fails rolls back whole: the file keeps its old schema and
// data, and is not left locked.
func TestFailedMigrationLeavesTheFile(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	want := dossier(t, s, negID)
	s.Close()
	from := SchemaVersion

	restore := withMigration(t, migration{version: from + 1, name: "test: half done",
		migrate: func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketMeta).Put(keyTestMark, []byte("half")); err != nil {
				return err
			}
			return errors.New("disk on fire")
		}})
	s, err = Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded though the migration failed")
	}
	for _, part := range []string{path, "test: half done", "disk on fire"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not mention %q", err, part)
		}
	}
	restore()

	if v := schemaIn(t, path); v != from {
		t.Errorf("after a failed migration the file has schema %d, want %d", v, from)
	}
	s = openStore(t, path) // not locked
	if err := s.view(func(tx *bolt.Tx) error {
		if mark := tx.Bucket(bucketMeta).Get(keyTestMark); mark != nil {
			t.Errorf("half of the failed migration was kept: mark = %q", mark)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	assertSameDossier(t, dossier(t, s, negID), want)
}

// testKeyDraftsByField: drafts written by schema 1, keyed by the form's
// labels, come out keyed by field, product lines included, every one of
// them; the capture line's draft is left as it was.
func testKeyDraftsByField(t *testing.T) {
	path := tempDB(t)
	openStore(t, path).Close()
	db := rawBolt(t, path, false)
	old := `{"Title#0":"Listing fee","Unit#0":"EUR/SKU","Weight#0":"80","Linked to#0":"","L2 cannibalized margin %#0":"25","Mystery#0":"x"}`
	if err := db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketMeta).Put(keySchema, itob(1)); err != nil {
			return err
		}
		d := tx.Bucket(bucketDrafts)
		if err := d.Put([]byte("form/1/item/0"), []byte(old)); err != nil {
			return err
		}
		if err := d.Put([]byte("form/1/note/0"), []byte(`{"Text#0":"Dana called"}`)); err != nil {
			return err
		}
		return d.Put([]byte("capture/1"), []byte("they 1 23.60"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openStore(t, path)
	got, err := s.Draft("form/1/item/0")
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]string
	if err := json.Unmarshal([]byte(got), &v); err != nil {
		t.Fatalf("migrated draft %q: %v", got, err)
	}
	want := map[string]string{"title": "Listing fee", "unit": "EUR/SKU", "weight": "80", "link": "", "line2.cannibal-margin": "25", "Mystery#0": "x"}
	if !maps.Equal(v, want) {
		t.Errorf("migrated draft = %v, want %v", v, want)
	}
	if note, _ := s.Draft("form/1/note/0"); note != `{"text":"Dana called"}` {
		t.Errorf("the second form's draft became %q", note)
	}
	if line, _ := s.Draft("capture/1"); line != "they 1 23.60" {
		t.Errorf("the capture draft became %q", line)
	}
}
