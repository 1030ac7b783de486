package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// exportFile runs parley export into a fresh file and returns its path.
func exportFile(t *testing.T, db string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "deal.json")
	if code, _, stderr := parley(t, "--db", db, "export", path); code != exitOK {
		t.Fatalf("export: %s", stderr)
	}
	return path
}

// negotiationsIn counts the negotiations an export of db holds.
func negotiationsIn(t *testing.T, db string) int {
	t.Helper()
	_, stdout, _ := parley(t, "--db", db, "export", "-")
	var f struct{ Negotiations []json.RawMessage }
	if err := json.Unmarshal([]byte(stdout), &f); err != nil {
		t.Fatal(err)
	}
	return len(f.Negotiations)
}

// Two laptops: a colleague imports our export, adds a note and sends their
// export back. Importing it adds the note and says what it did; importing
// it again changes nothing and says so; --as-copy adds a second copy.
func TestImportMergesByUID(t *testing.T) {
	mine := demoDB(t)
	theirs := filepath.Join(t.TempDir(), "theirs.db")
	code, stdout, stderr := parley(t, "--db", theirs, "import", exportFile(t, mine))
	if code != exitOK || !strings.Contains(stdout, "added") || strings.Contains(stdout, "already here") {
		t.Fatalf("the colleague's import: exit %d, %q %q", code, stdout, stderr)
	}
	if code, _, stderr := parley(t, "--db", theirs, "note", "Dana called: the group floor is firm"); code != exitOK {
		t.Fatal(stderr)
	}
	back := exportFile(t, theirs)

	code, stdout, stderr = parley(t, "--db", mine, "import", back)
	if code != exitOK || !strings.HasPrefix(stdout, "Imported ") || !strings.Contains(stdout, ": 1 added, ") ||
		!strings.Contains(stdout, "already here.") || strings.Contains(stdout, "updated") || strings.Contains(stdout, "kept") {
		t.Errorf("importing the colleague's export: exit %d, %q %q; want 1 added, the rest already here", code, stdout, stderr)
	}
	_, brief, _ := parley(t, "--db", mine, "brief")
	if !strings.Contains(brief, "Dana called: the group floor is firm") {
		t.Error("the colleague's note is not in the brief")
	}

	before, exported := hashOf(t, mine), exportOf(t, mine)
	code, stdout, stderr = parley(t, "--db", mine, "import", back)
	if code != exitOK || !strings.HasPrefix(stdout, "Nothing new in ") || !strings.Contains(stdout, "are here already") {
		t.Errorf("importing it again: exit %d, %q %q; want nothing new", code, stdout, stderr)
	}
	if hashOf(t, mine) != before || exportOf(t, mine) != exported {
		t.Error("importing it again changed the file")
	}
	if n := negotiationsIn(t, mine); n != 1 {
		t.Errorf("%d negotiations after merging, want 1", n)
	}

	code, stdout, stderr = parley(t, "--db", mine, "import", "--as-copy", back)
	if code != exitOK || !strings.HasPrefix(stdout, "Imported a copy of 1 account and 1 negotiation from ") {
		t.Errorf("import --as-copy: exit %d, %q %q", code, stdout, stderr)
	}
	if n := negotiationsIn(t, mine); n != 2 {
		t.Errorf("%d negotiations after an import as a copy, want 2", n)
	}
	// parley undo takes the copy back.
	if code, _, stderr := parley(t, "--db", mine, "undo"); code != exitOK {
		t.Errorf("undo of the import: %s", stderr)
	}
	if n := negotiationsIn(t, mine); n != 1 {
		t.Errorf("%d negotiations after undoing the copy, want 1", n)
	}
}
