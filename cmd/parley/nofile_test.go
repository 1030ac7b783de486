package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A command that fails on a path with no database leaves nothing behind:
// no file, no folder, and no target at the end of a dangling link (issue
// 24, finding 9).
func TestFailingCommandsCreateNoDatabase(t *testing.T) {
	for _, args := range [][]string{{"undo"}, {"redo"}, {"note", "Buyer wants the calendar"}, {"undo", "--redo"}} {
		dir := filepath.Join(t.TempDir(), "new")
		db := filepath.Join(dir, "parley.db")
		code, _, stderr := parley(t, append([]string{"--db", db}, args...)...)
		if code != exitError || !strings.Contains(stderr, "no database") {
			t.Errorf("%v on no database: exit %d, %q; want exit 1 saying there is no database", args, code, stderr)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v on no database made %s (%v)", args, dir, err)
		}
	}
	dir := t.TempDir()
	target, link := filepath.Join(dir, "gone.db"), filepath.Join(dir, "link.db")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"note", "Buyer wants the calendar"}, {"demo"}} {
		code, _, stderr := parley(t, append([]string{"--db", link}, args...)...)
		if code != exitError || !strings.Contains(stderr, "does not exist") {
			t.Errorf("%v through a dangling link: exit %d, %q", args, code, stderr)
		}
		if _, err := os.Stat(target); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v through a dangling link made its target (%v)", args, err)
		}
	}
}

// A FIFO (or anything but a regular file) as the database is refused at
// once by every command, none of which waits for a writer at its other
// end (issue 24, finding 8).
func TestNonRegularDatabaseRefusedAtOnce(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	export := filepath.Join(t.TempDir(), "out.json")
	imp := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(imp, []byte(`{"format":"parley/1","accounts":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"note", "x"}, {"import", imp}, {"undo"}, {"redo"}, {"demo"},
		{"brief"}, {"export", export}, {"deal"}, {"minutes"}, {"forecast"},
	} {
		done := make(chan struct{})
		var code int
		var stderr string
		go func() {
			code, _, stderr = parley(t, append([]string{"--db", fifo}, args...)...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second): // a hang guard, not a measure
			t.Fatalf("%v on a FIFO hangs", args)
		}
		if code != exitError || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("%v on a FIFO: exit %d, %q; want exit 1 saying it is not a regular file", args, code, stderr)
		}
	}
}
