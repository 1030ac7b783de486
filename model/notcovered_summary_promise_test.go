package model

import (
	"testing"
)

// A portfolio row gives our offer's and their offer's contributions as the
// deal works them out, no landing while there are too few moves to tell
// (the reason instead), and the owed trade-backs: the demo owes #10.
func TestTheSummaryGivesTheDealsFiguresAndWhyALandingIsMissing(t *testing.T) {
	d := Demo(demoNow)
	s := Summarize(d, demoNow)
	deal := d.Replay().Deal()
	for _, side := range []struct {
		origin PackageOrigin
		got    string
		valid  bool
		why    string
	}{
		{OriginOurs, s.Ours.Decimal.String(), s.Ours.Valid, s.OursWhy},
		{OriginTheirs, s.Theirs.Decimal.String(), s.Theirs.Valid, s.TheirsWhy},
	} {
		pr, _ := deal.Result(side.origin)
		want, err := pr.Contribution()
		if err != nil || !side.valid || side.got != want.String() || side.why != "" {
			t.Errorf("%s: %s (valid %v, why %q), want %s", side.origin, side.got, side.valid, side.why, want)
		}
	}
	if s.Landing.Valid || s.LandingWhy == "" || s.BelowFloor {
		t.Errorf("landing %v why %q below floor %v; want none, with the reason", s.Landing, s.LandingWhy, s.BelowFloor)
	}
	if s.Owed != 1 || !s.OwedMoney.Valid {
		t.Errorf("owed %d (%v), want 1 priced", s.Owed, s.OwedMoney)
	}
}

// A landing below the deal's floor is flagged on the row: the landing of
// 3,100.00 against a floor of 3,500, and not against a floor of 3,000.
func TestTheSummaryFlagsALandingBelowTheFloor(t *testing.T) {
	at := t0.AddDate(0, 0, 14)
	d := landingDossier()
	d.Negotiation.Deal.Floor = opt("3500")
	s := Summarize(d, at)
	if !s.Landing.Valid || !s.Landing.Decimal.Equal(dec("3100")) || !s.BelowFloor {
		t.Errorf("landing %v below floor %v, want 3100 below the floor of 3500", s.Landing, s.BelowFloor)
	}
	d.Negotiation.Deal.Floor = opt("3000")
	if s := Summarize(d, at); s.BelowFloor {
		t.Error("a landing of 3,100 is flagged below a floor of 3,000")
	}
}
