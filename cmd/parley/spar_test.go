package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dealScript is the trainee of model/spar's TestDemoSessionReachesADeal:
// with seed 7, a conceding buyer and two meetings, the buyer takes the
// sixth offer (that test works the debrief by hand).
const dealScript = `# trade down to the zone of agreement
1 24.50, 2 45, 3 1.5, 5 0.60
2 60, 6 6, 7 24, 8 97

1 24.20, 3 2.5, 5 0.90
1 24.00, 4 185,000, 8 98
1 23.80, 3 3.0
we 1 23.70
we 7 18
`

func writeScript(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "lines.txt")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSparJSON: --json prints the documented shape, items numbered as in
// `parley deal --json`, the same bytes for the same seed, tactic and lines,
// and the negotiation the case was copied from is not changed by a byte.
func TestSparJSON(t *testing.T) {
	db := demoDB(t)
	script := writeScript(t, strings.Replace(dealScript, "we 1 23.70\nwe 7 18", "1 23.70, 7 18", 1))
	before := exportOf(t, db)
	args := []string{"--db", db, "spar", "--seed", "7", "--tactic", "conceder", "--meetings", "2", "--script", script, "--json", "--who", "ana"}
	code, first, stderr := parley(t, args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, second, _ := parley(t, args...)
	if first != second {
		t.Fatalf("the same seed printed different sessions:\n%s\n%s", first, second)
	}
	if exportOf(t, db) != before {
		t.Error("sparring changed the negotiation's export")
	}
	var got struct {
		Transcript []struct {
			Round    *int              `json:"round"`
			By       string            `json:"by"`
			Values   map[string]string `json:"values"`
			Accepted *bool             `json:"accepted"`
		} `json:"transcript"`
		Debrief map[string]json.RawMessage `json:"debrief"`
	}
	if err := json.Unmarshal([]byte(first), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, first)
	}
	if len(got.Transcript) != 13 {
		t.Fatalf("%d transcript rows, want the buyer's opening and 6 rounds of two", len(got.Transcript))
	}
	for _, r := range got.Transcript {
		if r.Round == nil || r.Accepted == nil || (r.By != "we" && r.By != "they") {
			t.Errorf("row %+v lacks round, by or accepted", r)
		}
	}
	last := got.Transcript[12]
	if last.By != "they" || !*last.Accepted || last.Values["1"] != "23.70" || last.Values["4"] != "185000" || last.Values["8"] != "98.0" {
		t.Errorf("last row = %+v, want them accepting 1 23.70, 4 185000, 8 98.0", last)
	}
	want := map[string]string{"deal": "true", "our_score": "40.72", "contribution": `"872195.59"`, "buyer_utility": "28.03", "joint_gain": "68.75"}
	for k, v := range want {
		if string(got.Debrief[k]) != v {
			t.Errorf("debrief %s = %s, want %s", k, got.Debrief[k], v)
		}
	}
	for _, k := range []string{"pareto_distance", "nash_distance", "better_trade", "our_curve", "their_curve", "flags"} {
		if _, ok := got.Debrief[k]; !ok {
			t.Errorf("debrief has no %s", k)
		}
	}
	// Stored twice, listed under the case.
	code, list, _ := parley(t, "--db", db, "spar", "--list", "--json")
	var sessions []struct {
		ID          uint64 `json:"id"`
		Who         string `json:"who"`
		Negotiation uint64 `json:"negotiation"`
		Record      struct {
			Seed uint64 `json:"seed"`
		} `json:"record"`
	}
	if code != exitOK || json.Unmarshal([]byte(list), &sessions) != nil || len(sessions) != 2 ||
		sessions[0].Who != "ana" || sessions[1].ID != 2 || sessions[0].Record.Seed != 7 {
		t.Errorf("--list --json = %s", list)
	}
}

// TestSparWithoutADeal: single moves that hold at the opening meet a
// Boulware buyer that walks away after one meeting; the text says so and
// names the Nash point, and the list shows the session.
func TestSparWithoutADeal(t *testing.T) {
	db := demoDB(t)
	script := writeScript(t, "1 24.60\nwe 3 3.5\n1 24.60\n")
	code, out, stderr := parley(t, "--db", db, "spar", "--seed", "7", "--meetings", "1", "--script", script, "--who", "ben")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"tactic boulware (e = 0.2) · seed 7 · 1 meeting (3 rounds)", "3 they walk away",
		"Debrief: the buyer walked away at the deadline after 3 rounds",
		"A deal both would have taken (the Nash point): 1 24.00, 2 60, 3 3.0, 4 185000, 5 1.00, 6 6, 7 24, 8 98.5 (our score 50.00, theirs 26.17)",
		"Flag: round 2, item 3 (Annual growth rebate): ", "Stored as session 1 (ben)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if l := lineWith(out, "Flag: round 2, item 3"); !strings.HasSuffix(l, "past walk-away") {
		t.Errorf("the rebate at 3.5 is not flagged past walk-away: %q", l)
	}
	_, list, _ := parley(t, "--db", db, "spar", "--list")
	if !strings.Contains(list, "Hollis Foodstores › 2027 annual terms (negotiation 1)") || !strings.Contains(list, "ben") ||
		!strings.Contains(list, "the buyer walked away at the deadline") {
		t.Errorf("--list:\n%s", list)
	}
}

func TestSparRefusals(t *testing.T) {
	db := demoDB(t)
	good := writeScript(t, "1 24.50\n")
	bad := writeScript(t, "1 24.50\n\n9 1\n")
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--tactic", "hard", "--script", good}, exitUsage, "use boulware, linear, conceder"},
		{[]string{"--meetings", "0", "--script", good}, exitUsage, "give 1 to 20 meetings"},
		{[]string{"extra"}, exitUsage, "only flags"},
		{[]string{"--script", bad}, exitError, bad + `:3: "9 1": item 9 (Quarterly joint business plan review) is not in play`},
		{[]string{"--script", filepath.Join(t.TempDir(), "none.txt")}, exitError, "read the script"},
		{[]string{"--negotiation", "42", "--script", good}, exitError, "negotiation 42"},
	}
	for _, c := range cases {
		code, _, stderr := parley(t, append([]string{"--db", db, "spar"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
	if _, list, _ := parley(t, "--db", db, "spar", "--list"); !strings.Contains(list, "No sparring sessions yet") {
		t.Errorf("refused runs stored a session:\n%s", list)
	}
}

// lineWith is the first line of text that contains part.
func lineWith(text, part string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}

// TestSparListPerTeam: a manager lists the sessions of their team's people
// only (the file's people, as `parley serve` knows them).
func TestSparListPerTeam(t *testing.T) {
	db := demoDB(t)
	for _, p := range [][]string{{"ann", "north"}, {"bob", "south"}} {
		if code, _, stderr := parley(t, "--db", db, "people", "add", p[0], "--role", "kam", "--team", p[1], "--key", pubKey(t)); code != exitOK {
			t.Fatalf("people add %s: %s", p[0], stderr)
		}
	}
	script := writeScript(t, "1 24.50\n")
	for _, who := range []string{"ann", "bob", "ann"} {
		if code, _, stderr := parley(t, "--db", db, "spar", "--seed", "1", "--script", script, "--who", who); code != exitOK {
			t.Fatalf("spar as %s: %s", who, stderr)
		}
	}
	_, out, _ := parley(t, "--db", db, "spar", "--list", "--team", "north")
	if strings.Count(out, " ann ") != 2 || strings.Contains(out, "bob") {
		t.Errorf("--team north:\n%s", out)
	}
	if code, _, stderr := parley(t, "--db", db, "spar", "--list", "--team", "west"); code != exitError || !strings.Contains(stderr, `no one is in team "west"`) {
		t.Errorf("an unknown team: exit %d, %q", code, stderr)
	}
	if code, _, _ := parley(t, "--db", db, "spar", "--team", "north", "--script", script); code != exitUsage {
		t.Errorf("--team without --list: exit %d, want 2", code)
	}
}
