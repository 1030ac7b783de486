package main

import (
	"encoding/json"
	"os"
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

// Lever values out of range are refused on import (DESIGN 5.8; issue 19
// found −10 payment days imported and priced): exit 1, nothing written.
func TestImportRefusesLeverValuesOutOfRange(t *testing.T) {
	db := demoDB(t)
	path := exportFile(t, db)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"our_opening": "30"`, `"our_opening": "-10"`, 1)
	if bad == string(data) {
		t.Fatal("the export has no payment terms opening of 30")
	}
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "fresh.db")
	code, _, stderr := parley(t, "--db", target, "import", path)
	if code != exitError || !strings.Contains(stderr, "payment days -10 should be from 0 to 365 days") {
		t.Fatalf("import of −10 days: exit %d, %q", code, stderr)
	}
}
