package store

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parley-app/parley/internal/atomicfile"
)

// fileHash is the SHA-256 of a file's bytes, to prove nothing changed.
func fileHash(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

func TestExportRefusesTheDatabaseItself(t *testing.T) {
	s, _ := demoStore(t)
	before := fileHash(t, s.Path())
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(s.Path(), link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(filepath.Dir(s.Path()), "hard.db")
	if err := os.Link(s.Path(), hard); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{s.Path(), link, hard} {
		if _, err := s.Export(dest, now); !errors.Is(err, ErrIsDatabase) {
			t.Errorf("Export(%s) onto the open database: %v, want ErrIsDatabase", dest, err)
		}
	}
	if after := fileHash(t, s.Path()); after != before {
		t.Error("the database changed")
	}
	assertNoStrayFiles(t, filepath.Dir(s.Path()), "parley.db", "hard.db")
}

func TestExportAndBackupRefuseWhatIsNotAFile(t *testing.T) {
	s, _ := demoStore(t)
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	linkToFolder := filepath.Join(dir, "to-folder")
	if err := os.Symlink(folder, linkToFolder); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Fatal(err)
	}
	// Never the real /dev/null: a broken build would destroy it when run as
	// root. A link to it is safe (only the link could be replaced), and as
	// root a private copy of the device is made to aim at directly.
	linkToDevice := filepath.Join(dir, "to-null")
	if err := os.Symlink("/dev/null", linkToDevice); err != nil {
		t.Fatal(err)
	}
	targets := []string{folder, linkToFolder, pipe, linkToDevice}
	names := []string{"folder", "pipe", "to-folder", "to-null"}
	device := filepath.Join(dir, "null")
	if err := syscall.Mknod(device, syscall.S_IFCHR|0o600, 1<<8|3); err == nil {
		targets, names = append(targets, device), append(names, "null")
	}
	for _, dest := range targets {
		_, err := s.Export(dest, now)
		if err == nil || strings.Contains(err.Error(), "file exists") {
			t.Errorf("Export(%s): %v, want a plain refusal", dest, err)
		}
		if err := s.Backup(dest); err == nil || strings.Contains(err.Error(), "file exists") {
			t.Errorf("Backup(%s): %v, want a plain refusal", dest, err)
		}
	}
	if info, err := os.Stat(linkToDevice); err != nil || info.Mode()&os.ModeDevice == 0 {
		t.Errorf("the link to /dev/null no longer leads to a device: %v", err)
	}
	if info, err := os.Stat(device); err == nil && info.Mode()&os.ModeDevice == 0 {
		t.Error("the device node was replaced by a file")
	}
	assertNoStrayFiles(t, dir, names...)
	assertNoStrayFiles(t, folder)
}

// deadPID is the ID of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a process: %v", err)
	}
	return cmd.Process.Pid
}

func TestAWriteRemovesTempFilesOfKilledRuns(t *testing.T) {
	s, _ := demoStore(t)
	dir := t.TempDir()
	dead := fmt.Sprintf(".parley-backup.db.tmp-%d-123456", deadPID(t))
	old := ".export.json.tmp-987654321" // named the old way, untouched for a day
	live := fmt.Sprintf(".other.json.tmp-%d-42", os.Getpid())
	for _, name := range []string{dead, old, live} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("confidential"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Now().Add(-24 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, old), day, day); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(filepath.Join(dir, "parley-backup.db")); err != nil {
		t.Fatal(err)
	}
	// The temp file of a write still under way in a live process stays.
	assertNoStrayFiles(t, dir, "parley-backup.db", live)
}

func TestAFailedWriteLeavesTheOldFileAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.md")
	if err := os.WriteFile(path, []byte("old brief"), 0o600); err != nil {
		t.Fatal(err)
	}
	old, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	err = atomicfile.Write(path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		// Written in place, the target would already hold the new bytes.
		if got, _ := os.ReadFile(path); string(got) != "old brief" {
			t.Errorf("while writing, the target reads %q: the write is not going to a temp file", got)
		}
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("the failed write reported success")
	}
	if got, _ := os.ReadFile(path); string(got) != "old brief" {
		t.Errorf("after a failed write the target reads %q", got)
	}
	if now, _ := os.Stat(path); !os.SameFile(old, now) {
		t.Error("the failed write replaced the target's inode")
	}
	assertNoStrayFiles(t, dir, "brief.md")

	// A successful write renames a new file into place: the old inode keeps the old bytes.
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := atomicfile.Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new brief"); return err }); err != nil {
		t.Fatal(err)
	}
	kept, _ := io.ReadAll(f)
	if string(kept) != "old brief" {
		t.Errorf("the old file now reads %q: it was written in place, not renamed over", kept)
	}
	if got, _ := os.ReadFile(path); string(got) != "new brief" {
		t.Errorf("the target reads %q", got)
	}
	assertMode(t, path, 0o600)
}
