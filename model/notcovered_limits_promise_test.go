package model

import (
	"strings"
	"testing"
)

// A saved package's values obey the same limits as any number: a value of
// 9 decimals or of 16 digits before the point is refused, 8 and 15 are kept.
func TestAPackageValueBeyondTheNumberLimitsIsRefused(t *testing.T) {
	pkg := func(v string) Package {
		return Package{Name: "Proposal", Origin: OriginProposal, Values: Values{7: dec(v)}}
	}
	assertErr(t, pkg("0.12345678").Validate(), "")
	assertErr(t, pkg("123456789012345").Validate(), "")
	assertErr(t, pkg("0.123456789").Validate(), "values has more than 8 decimals")
	assertErr(t, pkg("1234567890123456").Validate(), "values has more than 15 digits before the point")
}

// A saved package is a named proposal or equivalent offer; the positions
// (last year, our offer, …) are worked out, never saved.
func TestASavedPackageIsANamedProposalOrEquivalentOffer(t *testing.T) {
	values := Values{1: dec("24.50")}
	for _, origin := range []PackageOrigin{OriginProposal, OriginMeso} {
		assertErr(t, Package{Name: "Spring offer", Origin: origin, Values: values}.Validate(), "")
		assertErr(t, Package{Name: " ", Origin: origin, Values: values}.Validate(), "the package needs a name")
	}
	for _, origin := range []PackageOrigin{OriginOurs, OriginTheirs, OriginLastYear, ""} {
		assertErr(t, Package{Name: "Spring offer", Origin: origin, Values: values}.Validate(), "a saved package is a proposal or an equivalent offer")
	}
	tabled := Package{Name: "Spring offer", Origin: OriginProposal, Values: values, TabledMeeting: 2}
	assertErr(t, tabled.Validate(), `package "Spring offer" is tabled in a meeting but has no time`)
	tabled.TabledAt = t0
	assertErr(t, tabled.Validate(), "")
}

// Tiers are typed "growth:rate, …", with or without % signs and blanks;
// each is read, blanks between commas are skipped, and a part that is not
// a number is refused naming it. Written back, they read the same.
func TestTiersAreReadAsTypedAndWrittenBack(t *testing.T) {
	tiers, err := ParseTiers(" 5%:2 ,, 20 : 3.5% ,")
	if err != nil {
		t.Fatalf("ParseTiers: %v", err)
	}
	if len(tiers) != 2 || !tiers[0].Over.Equal(dec("5")) || !tiers[0].Rate.Equal(dec("2")) ||
		!tiers[1].Over.Equal(dec("20")) || !tiers[1].Rate.Equal(dec("3.5")) {
		t.Fatalf("tiers %+v, want 5:2 and 20:3.5", tiers)
	}
	if got := TiersText(tiers); got != "5:2, 20:3.5" {
		t.Errorf("TiersText = %q, want \"5:2, 20:3.5\"", got)
	}
	if tiers, err := ParseTiers("  "); err != nil || len(tiers) != 0 {
		t.Errorf("blank tiers: %+v, %v; want none", tiers, err)
	}
	for _, bad := range []string{"5:2, x:3", "5:two"} {
		if _, err := ParseTiers(bad); err == nil || !strings.Contains(err.Error(), "x:3") && !strings.Contains(err.Error(), "5:two") {
			t.Errorf("ParseTiers(%q) = %v, want a refusal naming the part", bad, err)
		}
	}
}

// A tier of negative growth is refused by its number on the list, counted
// from 1 as the form shows them.
func TestANegativeTierIsRefusedByItsNumber(t *testing.T) {
	l := Lever{Kind: LeverRebate, Base: BaseGrowth, Tiers: []Tier{{Over: dec("5"), Rate: dec("2")}, {Over: dec("-1"), Rate: dec("3")}}}
	assertErr(t, l.Validate(), "tier 2: growth -1% cannot be negative")
	l.Tiers = l.Tiers[1:]
	assertErr(t, l.Validate(), "tier 1: growth -1% cannot be negative")
}
