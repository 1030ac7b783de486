package main

import (
	"strings"
	"testing"
)

// `parley note TEXT --yes` honours --yes after the text as well as before
// it, and "--yes" does not become part of what is saved. 23.50 on the list
// price is past our walk-away of 23.60: refused without --yes.
func TestNoteYesAfterTheText(t *testing.T) {
	for _, args := range [][]string{
		{"note", "--yes", "we 1 23.50 for a feature week"},
		{"note", "we", "1", "23.50", "for", "a", "feature", "week", "--yes"},
		{"note", "we 1 23.50 for a feature week", "-yes"},
	} {
		db := demoDB(t)
		if code, _, stderr := parley(t, "--db", db, "note", "we 1 23.50 for a feature week"); code != exitError || !strings.Contains(stderr, "--yes") {
			t.Fatalf("without --yes: exit %d, %q; want it refused", code, stderr)
		}
		code, out, stderr := parley(t, append([]string{"--db", db}, args...)...)
		if code != exitOK || !strings.Contains(out, "Saved our concession") {
			t.Errorf("%q: exit %d, %q %q; want it saved", args, code, out, stderr)
			continue
		}
		_, export, _ := parley(t, "--db", db, "export", "-")
		if !strings.Contains(export, `"a feature week"`) || strings.Contains(export, "yes\"") {
			t.Errorf("%q: the saved concession is not traded for \"a feature week\"", args)
		}
	}
}
