package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// Issue 18, finding 1: `parley commitments` prints what the agreement
// commits each side to, as JSON for scripts, and --write puts it on the
// checklist once: writing again adds nothing.
func TestCommitmentsCommand(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := parley(t, "--db", db, "commitments")
	if code != exitOK || !strings.Contains(stdout, "No commitments yet") {
		t.Fatalf("before any agreement: exit %d, %q %q", code, stdout, stderr)
	}
	for _, line := range []string{"we 2 50 for listing fee below 30,000", "agree 2 50", "agree 4 185000"} {
		if code, _, stderr := parley(t, "--db", db, "note", line); code != exitOK {
			t.Fatalf("note %q: %s", line, stderr)
		}
	}
	code, stdout, stderr = parley(t, "--db", db, "commitments", "--json")
	if code != exitOK {
		t.Fatalf("commitments --json: exit %d: %s", code, stderr)
	}
	var got []map[string]string
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not a JSON list: %v\n%s", err, stdout)
	}
	want := []map[string]string{
		{"side": "we", "text": "Payment terms at 50 days", "role": "order processors", "item": "Payment terms"},
		{"side": "they", "text": "Annual volume commitment at 185,000 cases", "role": "stock controllers", "item": "Annual volume commitment"},
		{"side": "they", "text": "listing fee below 30,000", "role": "order processors", "item": "Payment terms"},
	}
	if a, b := mustJSON(t, got), mustJSON(t, want); a != b {
		t.Fatalf("commitments --json:\n%s\nwant\n%s", a, b)
	}
	code, stdout, _ = parley(t, "--db", db, "commitments")
	if code != exitOK || !strings.Contains(stdout, "they: Annual volume commitment at 185,000 cases — stock controllers  (Annual volume commitment)") {
		t.Fatalf("commitments: %q", stdout)
	}

	_, before, _ := parley(t, "--db", db, "export", "-")
	if strings.Contains(before, "See that it is kept") {
		t.Fatal("printing the commitments wrote them")
	}
	code, stdout, stderr = parley(t, "--db", db, "commitments", "--write")
	if code != exitOK || !strings.Contains(stdout, "Wrote 3 commitments to the follow-up checklist (3 new, 0 updated, 0 removed") {
		t.Fatalf("commitments --write: exit %d, %q %q", code, stdout, stderr)
	}
	_, after, _ := parley(t, "--db", db, "export", "-")
	for _, w := range want {
		if n := strings.Count(after, `"commitment": "`+w["side"]+": "+w["text"]+`"`); n != 1 {
			t.Errorf("the export holds %q %d times, want once", w["text"], n)
		}
	}
	code, stdout, _ = parley(t, "--db", db, "commitments", "--write")
	if code != exitOK || !strings.Contains(stdout, "nothing written") {
		t.Fatalf("writing again: %q", stdout)
	}
	_, again, _ := parley(t, "--db", db, "export", "-")
	if strings.Count(again, "See that it is kept") != 3 {
		t.Errorf("writing again changed the checklist")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
