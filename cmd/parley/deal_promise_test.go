package main

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	"github.com/shopspring/decimal"
)

// editDemo opens the demo database db, lets edit change it, and closes it.
func editDemo(t *testing.T, db string, edit func(s *store.Store, negID uint64) error) {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	negID, err := s.Current()
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(s, negID); err != nil {
		t.Fatal(err)
	}
}

// tableRow is the cells of the row of a markdown table that starts with label.
func tableRow(t *testing.T, markdown, label string) []string {
	t.Helper()
	for _, line := range strings.Split(markdown, "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) > 2 && strings.TrimSpace(cells[0]) == label {
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			return cells[2:] // past the label and the unit
		}
	}
	t.Fatalf("no row %q in:\n%s", label, markdown)
	return nil
}

// `parley deal --json` keys values by agenda number, the row the table
// shows, not by the item's ID: with the volume moved to the top of the
// agenda, "1" is the volume and "2" the list price. Its scores are the
// table's, rounded as the table rounds them: a proposal on the list price
// alone at 23.975 (walk-away 23.60, target 24.20) scores 62.5, which the
// table shows as 62.
func TestDealJSONFollowsTheTable(t *testing.T) {
	db := demoDB(t)
	editDemo(t, db, func(s *store.Store, negID uint64) error {
		if err := s.SaveOrder(negID, []uint64{4, 1, 2, 3}); err != nil {
			return err
		}
		return s.SavePackage(negID, &model.Package{Name: "Price only", Origin: model.OriginProposal,
			Values: model.Values{1: decimal.RequireFromString("23.975")}})
	})
	_, table, _ := parley(t, "--db", db, "deal")
	code, stdout, stderr := parley(t, "--db", db, "deal", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got packagesJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	ours := got.Packages[3]
	if ours.Origin != "ours" || ours.Values["1"] != "200000" || ours.Values["2"] != "24.50" {
		t.Errorf("our offer's values %v: want 1 the volume (200000), 2 the list price (24.50)", ours.Values)
	}
	if cells := tableRow(t, table, "Annual volume commitment"); cells[3] != "200,000" {
		t.Errorf("the table's volume row reads %v", cells)
	}
	scores := tableRow(t, table, "Our score")
	if len(scores) != len(got.Packages) {
		t.Fatalf("%d scores in the table, %d packages in the JSON", len(scores), len(got.Packages))
	}
	for i, p := range got.Packages {
		if p.Score == nil {
			t.Errorf("%s: no JSON score, the table says %s", p.Name, scores[i])
		} else if strconv.Itoa(*p.Score) != scores[i] {
			t.Errorf("%s: JSON score %d, the table says %s", p.Name, *p.Score, scores[i])
		}
	}
	// Our walk-aways together earn less than the floor: inside every
	// walk-away, and still not acceptable.
	if walk := got.Packages[1]; walk.Origin != "walk-away" || !strings.HasPrefix(walk.Verdict, "below the deal floor") ||
		!strings.HasPrefix(tableRow(t, table, "Verdict")[1], "below the deal floor") {
		t.Errorf("our walk-away package: JSON verdict %q, table %q; want below the deal floor", walk.Verdict, tableRow(t, table, "Verdict")[1])
	}
	if last := got.Packages[len(got.Packages)-1]; last.Name != "Price only" || scores[len(scores)-1] != "62" {
		t.Errorf("the last package is %q scoring %s in the table, want \"Price only\" at 62 (62.5 rounded to even)",
			last.Name, scores[len(scores)-1])
	}
}
