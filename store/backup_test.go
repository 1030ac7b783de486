package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parley-app/parley/model"
)

func TestBackupWhileOpen(t *testing.T) {
	s, negID := demoStore(t)
	if err := s.SaveDraft(CaptureDraftKey(negID), "they 1 23.80"); err != nil {
		t.Fatal(err)
	}
	want := dossier(t, s, negID)
	backups := t.TempDir()
	dest := filepath.Join(backups, "parley-backup.db")

	if err := s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dest, 0o600)
	assertNoStrayFiles(t, filepath.Dir(s.Path()), "parley.db")
	assertNoStrayFiles(t, backups, "parley-backup.db")

	// The store stays in use, and a second backup replaces the first.
	note := model.Note{Kind: model.KindNote, At: now, Text: "written after the first backup"}
	if err := s.SaveNote(negID, &note); err != nil {
		t.Fatalf("the store is not usable after a backup: %v", err)
	}
	b := openStore(t, dest)
	assertSameDossier(t, dossier(t, b, negID), want)
	if got := draft(t, b, CaptureDraftKey(negID)); got != "they 1 23.80" {
		t.Errorf("the backup's draft reads %q", got)
	}
	if id := current(t, b); id != negID {
		t.Errorf("the backup's current negotiation is %d, want %d", id, negID)
	}
	b.Close()

	if err := s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	b = openStore(t, dest)
	if _, ok := noteByID(dossier(t, b, negID), note.ID); !ok {
		t.Error("the second backup lacks the note written after the first")
	}
	assertNoStrayFiles(t, backups, "parley-backup.db")
}

func TestBackupRefusesTheDatabaseItself(t *testing.T) {
	s, negID := demoStore(t)
	want := dossier(t, s, negID)
	dir := filepath.Dir(s.Path())
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(s.Path(), link); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{s.Path(), dir + string(filepath.Separator) + "." + string(filepath.Separator) + "parley.db", link} {
		if err := s.Backup(dest); err == nil {
			t.Errorf("Backup(%s) onto the open database succeeded", dest)
		}
	}
	assertNoStrayFiles(t, dir, "parley.db")
	s = reopen(t, s)
	assertSameDossier(t, dossier(t, s, negID), want)
}

func TestBackupIntoAMissingFolderFails(t *testing.T) {
	s, _ := demoStore(t)
	dest := filepath.Join(t.TempDir(), "missing", "parley.db")
	if err := s.Backup(dest); err == nil {
		t.Error("Backup into a missing folder succeeded")
	}
	if _, err := os.Stat(filepath.Dir(dest)); !os.IsNotExist(err) {
		t.Errorf("the missing folder now exists: %v", err)
	}
}

// assertNoStrayFiles fails the test unless dir holds exactly the names
// given: no temporary file is left behind.
func assertNoStrayFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	slices.Sort(names)
	if got := folderNames(t, dir); !slices.Equal(got, names) {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
