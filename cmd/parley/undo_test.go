package main

import (
	"strings"
	"testing"
)

// parley undo takes back the last note and says so; redo (both spellings)
// puts it back; the exports before and after round-trip.
func TestUndoAndRedoCommands(t *testing.T) {
	db := demoDB(t)
	before := exportOf(t, db)
	if code, _, stderr := parley(t, "--db", db, "note", "Buyer wants the promotion calendar"); code != 0 {
		t.Fatalf("note: exit %d: %s", code, stderr)
	}
	after := exportOf(t, db)
	code, stdout, stderr := parley(t, "--db", db, "undo")
	if code != 0 || !strings.Contains(stdout, "Undone: captured “Buyer wants the promotion calendar”") {
		t.Fatalf("undo: exit %d: %q %q", code, stdout, stderr)
	}
	if got := exportOf(t, db); got != before {
		t.Errorf("after undo the export differs from before the note")
	}
	if code, stdout, _ := parley(t, "--db", db, "redo"); code != 0 || !strings.HasPrefix(stdout, "Redone:") {
		t.Fatalf("redo: exit %d: %q", code, stdout)
	}
	if got := exportOf(t, db); got != after {
		t.Errorf("after redo the export differs from after the note")
	}
	if code, _, _ := parley(t, "--db", db, "undo"); code != 0 {
		t.Fatal("second undo failed")
	}
	if code, stdout, _ := parley(t, "--db", db, "undo", "--redo"); code != 0 || !strings.HasPrefix(stdout, "Redone:") {
		t.Fatalf("undo --redo: exit %d: %q", code, stdout)
	}
	if code, _, stderr := parley(t, "--db", db, "redo"); code != exitError || !strings.Contains(stderr, "nothing to redo") {
		t.Errorf("redo with nothing undone: exit %d: %q", code, stderr)
	}
}

// exportOf is the database's export with its time left out.
func exportOf(t *testing.T, db string) string {
	t.Helper()
	code, stdout, stderr := parley(t, "--db", db, "export", "-")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	var kept []string
	for line := range strings.Lines(stdout) {
		if !strings.Contains(line, `"exported":`) {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "")
}
