package model

import (
	"strings"
	"testing"
)

// A package below the deal floor is never acceptable, even inside every
// walk-away; one at the floor is. Our walk-away package earns 2,400 against
// a floor of 3,000 (dealDossier); 10.00 × 1,000 earns exactly 3,000.
func TestBelowFloorIsNeverAcceptable(t *testing.T) {
	d := dealDossier()
	d.Packages = []Package{
		{ID: 1, Name: "At the floor", Origin: OriginProposal, Values: Values{1: dec("10"), 2: dec("1000")}},
		{ID: 2, Name: "A unit under", Origin: OriginProposal, Values: Values{1: dec("10"), 2: dec("999")}},
	}
	dl := d.Replay().Deal()
	for _, tc := range []struct {
		name       string
		belowFloor bool
	}{
		{"Our walk-away", true},
		{"A unit under", true},
		{"At the floor", false},
		{"Target", false},
	} {
		var pr PackageResult
		for _, r := range dl.Results {
			if r.Package.Name == tc.name {
				pr = r
			}
		}
		if pr.Package.Name == "" {
			t.Fatalf("no package %q", tc.name)
		}
		if pr.PastWalkAway != 0 || pr.Err != nil {
			t.Fatalf("%s: past walk-away on %d, error %v: the case needs a priced package inside the walk-aways", tc.name, pr.PastWalkAway, pr.Err)
		}
		if pr.BelowFloor != tc.belowFloor || pr.Acceptable() == tc.belowFloor {
			t.Errorf("%s (%s): below floor %v, acceptable %v; want below floor %v", tc.name,
				pr.Waterfall.Contribution, pr.BelowFloor, pr.Acceptable(), tc.belowFloor)
		}
		if want := map[bool]string{true: "below the deal floor", false: "acceptable"}[tc.belowFloor]; !strings.HasPrefix(pr.Verdict(), want) {
			t.Errorf("%s: verdict %q, want %q", tc.name, pr.Verdict(), want)
		}
	}
	// Without a floor nothing is below it, not even a loss (5.00 − 7 a unit).
	d.Negotiation.Deal.Floor = none
	d.Packages = []Package{{ID: 1, Name: "A loss", Origin: OriginProposal, Values: Values{1: dec("5"), 2: dec("1000")}}}
	dl = d.Replay().Deal()
	if pr, _ := dl.Result(OriginWalkAway); pr.BelowFloor || !pr.Acceptable() {
		t.Errorf("no floor: our walk-away below floor %v, acceptable %v", pr.BelowFloor, pr.Acceptable())
	}
	if pr, _ := dl.Result(OriginProposal); pr.BelowFloor || pr.Err != nil {
		t.Errorf("no floor: a loss is below floor %v (%v)", pr.BelowFloor, pr.Err)
	}
}
