package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A link planted as the lock-info file is never written through (issue
// 24, finding 6): the file it points at keeps every byte.
func TestLockInfoLinkIsNotFollowed(t *testing.T) {
	db := demoDB(t)
	info := db + ".lock-info"
	if err := os.Remove(info); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	victim := filepath.Join(t.TempDir(), "precious.txt")
	want := strings.Repeat("precious data, not Parley's\n", 10)
	if err := os.WriteFile(victim, []byte(want), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, info); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := parley(t, "--db", db, "note", "Buyer wants the calendar"); code != exitOK {
		t.Fatalf("note: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(victim); string(got) != want {
		t.Errorf("the file the lock-info link points at was written: %.80q", got)
	}
}

// export, backup and calendar refuse the database's lock-info file as
// their target, as they refuse the database itself.
func TestTargetsRefuseTheLockInfoFile(t *testing.T) {
	db := demoDB(t)
	info := db + ".lock-info"
	for _, args := range [][]string{{"export", info}, {"backup", info}, {"calendar", info}} {
		before, _ := os.ReadFile(info)
		code, _, stderr := parley(t, append([]string{"--db", db}, args...)...)
		if code != exitError || !strings.Contains(stderr, "lock-info file") {
			t.Errorf("%s onto the lock-info file: exit %d, %q", args[0], code, stderr)
		}
		if after, _ := os.ReadFile(info); string(after) != string(before) {
			t.Errorf("%s changed the lock-info file", args[0])
		}
	}
	// Also when the lock-info file is not there yet.
	os.Remove(info)
	if code, _, stderr := parley(t, "--db", db, "export", info); code != exitError || !strings.Contains(stderr, "lock-info file") {
		t.Errorf("export onto the missing lock-info file: exit %d, %q", code, stderr)
	}
}
