package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// exportImports fails the test unless db's export imports into a new file.
func exportImports(t *testing.T, db string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "export.json")
	if code, _, stderr := parley(t, "--db", db, "export", out); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if code, _, stderr := parley(t, "--db", fresh, "import", out); code != exitOK {
		t.Fatalf("the export does not import: exit %d: %s", code, stderr)
	}
}

// parley note refuses a text longer than a field may hold, whether one
// argument or several, and the file's export still imports (issue 24,
// finding 2).
func TestNoteRefusesOversizedText(t *testing.T) {
	for _, args := range [][]string{
		{strings.Repeat("x", 120000)},
		{strings.Repeat("a", 100000), strings.Repeat("b", 100000), strings.Repeat("c", 100000), strings.Repeat("d", 100000), strings.Repeat("e", 100000)},
	} {
		db := demoDB(t)
		before := hashOf(t, db)
		code, _, stderr := parley(t, append([]string{"--db", db, "note"}, args...)...)
		if code != exitError || !strings.Contains(stderr, "at most 64 KiB") {
			t.Errorf("note of %d bytes: exit %d, %.200q; want exit 1 and the 64 KiB rule", len(strings.Join(args, " ")), code, stderr)
		}
		if hashOf(t, db) != before {
			t.Error("the refused note changed the file")
		}
		exportImports(t, db)
	}
}
