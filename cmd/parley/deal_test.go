package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/store"
	"github.com/shopspring/decimal"
)

func TestDealJSON(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := parley(t, "--db", db, "deal", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got packagesJSON
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not the documented JSON: %v\n%s", err, stdout)
	}
	var origins []string
	for _, p := range got.Packages {
		origins = append(origins, p.Origin)
		if p.Contribution == nil {
			t.Errorf("%s: no contribution (%s)", p.Name, p.Verdict)
		} else if _, err := decimal.NewFromString(*p.Contribution); err != nil {
			t.Errorf("%s: contribution %q is not a decimal", p.Name, *p.Contribution)
		}
		if p.Score == nil || *p.Score < 0 || *p.Score > 100 {
			t.Errorf("%s: score %v", p.Name, p.Score)
		}
	}
	if strings.Join(origins, ",") != "last year,walk-away,target,ours,theirs" {
		t.Errorf("origins %v", origins)
	}
	if got.Floor == nil || *got.Floor != "800000.00" {
		t.Errorf("floor %v", got.Floor)
	}
	ours, theirs := got.Packages[3], got.Packages[4]
	// Values are keyed by agenda number, written with the item's decimals.
	if ours.Values["1"] != "24.50" || ours.Values["4"] != "200000" || theirs.Values["2"] != "60" {
		t.Errorf("values: ours %v, theirs %v", ours.Values, theirs.Values)
	}
	if _, ok := ours.Values["9"]; ok {
		t.Error("the text-only item has a value")
	}
	if theirs.Verdict != "past our walk-away on 3 items (List price per case; Promotional allowance; Service level, on time in full) and below the deal floor by 196,840.89" || ours.Verdict != "acceptable" {
		t.Errorf("verdicts: ours %q, theirs %q", ours.Verdict, theirs.Verdict)
	}
	// The controller's figures (DESIGN 5.8), decimals as strings.
	lastC := decimal.RequireFromString(*got.Packages[0].Contribution)
	for _, p := range got.Packages {
		if p.Range == nil || p.Term == nil || len(p.Tornado) == 0 {
			t.Errorf("%s: range %v, term %v, tornado %d bars", p.Name, p.Range, p.Term, len(p.Tornado))
			continue
		}
		low, exp, high := decimal.RequireFromString(p.Range.Low), decimal.RequireFromString(p.Range.Expected), decimal.RequireFromString(p.Range.High)
		if exp.String() != decimal.RequireFromString(*p.Contribution).String() || !low.LessThan(exp) || !exp.LessThan(high) {
			t.Errorf("%s: range %v around %s", p.Name, p.Range, *p.Contribution)
		}
		if p.Origin == "last year" {
			continue
		}
		// The bridge adds up to the change exactly, and the change is
		// the difference of the printed contributions.
		sum := decimal.Zero
		for _, b := range p.Bridge {
			sum = sum.Add(decimal.RequireFromString(b.Amount))
		}
		change := decimal.RequireFromString(*p.Contribution).Sub(lastC)
		if p.Change == nil || *p.Change != change.StringFixed(2) || !sum.Equal(change) || len(p.Bridge) != 6 {
			t.Errorf("%s: bridge sums to %s over %d steps, change %v, contributions differ by %s", p.Name, sum, len(p.Bridge), p.Change, change)
		}
	}
	// Our offer asks 36 months: the term is three years, the list price
	// indexed 2 % from year 2, so the average beats year 1.
	if ours.Term.Years != "3" || !decimal.RequireFromString(ours.Term.Average).GreaterThan(decimal.RequireFromString(ours.Term.Year1)) {
		t.Errorf("our term %+v", ours.Term)
	}
}

func TestDealTable(t *testing.T) {
	db := demoDB(t)
	code, stdout, _ := parley(t, "--db", db, "deal")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"## Deal", "| Item | Unit | Last year | Our walk-away | Target | Our offer | Their offer |",
		"### Waterfall of our offer", "| **Pocket price** |", "Warning: every walk-away together earns"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("deal lacks %q", want)
		}
	}
}

func TestDealUsageAndErrors(t *testing.T) {
	dir := t.TempDir()
	missing, empty := filepath.Join(dir, "missing.db"), filepath.Join(dir, "parley.db")
	s, err := store.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, tt := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"deal", "--help"}, 0, "Usage: parley deal [--json] [--negotiation ID]", ""},
		{[]string{"deal", "extra"}, 2, "", "deal takes no arguments"},
		{[]string{"deal", "--bogus"}, 2, "", "Run 'parley deal --help' for usage."},
		{[]string{"--db", missing, "deal"}, 1, "", "no database at"}, // a read-only command creates nothing
		{[]string{"--db", empty, "deal"}, 1, "", "there is no negotiation yet"},
		{[]string{"--db", empty, "deal", "--negotiation", "7"}, 1, "", "negotiation 7"},
	} {
		code, stdout, stderr := parley(t, tt.args...)
		if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tt.args, code, stdout, stderr)
		}
	}
}

func TestMesoJSON(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := parley(t, "--db", db, "meso", "-n", "2", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got packagesJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Packages) != 2 {
		t.Fatalf("%d offers, want 2", len(got.Packages))
	}
	_, deal, _ := parley(t, "--db", db, "deal", "--json")
	var all packagesJSON
	if err := json.Unmarshal([]byte(deal), &all); err != nil {
		t.Fatal(err)
	}
	ours, _ := decimal.NewFromString(*all.Packages[3].Contribution)
	for _, p := range got.Packages {
		c, _ := decimal.NewFromString(*p.Contribution)
		if p.Origin != "meso" || c.Sub(ours).Abs().GreaterThan(ours.Mul(decimal.RequireFromString("0.005"))) {
			t.Errorf("%s (%s) earns %s, our offer %s", p.Name, p.Origin, c, ours)
		}
		if p.Verdict != "acceptable" {
			t.Errorf("%s: %s", p.Name, p.Verdict)
		}
		// DESIGN 5.8: never back past our position on what we conceded
		// (list price 24.80 → 24.50, payment 30 → 45, rebate 1.0 → 1.75,
		// allowance 0.40 → 0.60, service 95 → 97), and it says what it
		// gives and asks.
		oursV := all.Packages[3].Values
		for _, k := range []string{"1", "2", "3", "5", "8"} {
			x, y := decimal.RequireFromString(p.Values[k]), decimal.RequireFromString(oursV[k])
			better := x.GreaterThan(y) // list price: up is better for us
			if k != "1" {
				better = x.LessThan(y)
			}
			if better {
				t.Errorf("%s takes back our concession on item %s: %s, we stand at %s", p.Name, k, x, y)
			}
		}
		if !strings.HasPrefix(p.Says, "gives ") || !strings.Contains(p.Says, "asks ") {
			t.Errorf("%s says %q", p.Name, p.Says)
		}
	}
}

func TestMesoTableAndUsage(t *testing.T) {
	db := demoDB(t)
	code, stdout, _ := parley(t, "--db", db, "meso", "-n", "9")
	if code != 0 || !strings.Contains(stdout, "## Equivalent offers to our offer") || !strings.Contains(stdout, "Fewer offers than asked: only") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"meso", "--help"}, 0, "Usage: parley meso [-n N] [--json] [--negotiation ID]"},
		{[]string{"--db", db, "meso", "-n", "0"}, 2, "ask for 1 to 9 offers"},
		{[]string{"--db", db, "meso", "-n", "x"}, 2, "Run 'parley meso --help' for usage."},
	} {
		code, stdout, stderr := parley(t, tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("%v: exit %d, %q %q", tt.args, code, stdout, stderr)
		}
	}
}
