package model

import "testing"

// Every year of a package's term is priced on that package's volume basis:
// ours on this year's volume, last year's package on last year's. With
// 1,000 units now and 800 last year, list 10 and cost 7, ours earns
// 3,000 in year 2 as in year 1 (not 2,400).
func TestTermKeepsEachPackagesVolume(t *testing.T) {
	d := &Dossier{Negotiation: Negotiation{Deal: plainBasis()}}
	d.Negotiation.Deal.ContractMonths = opt("24")
	d.Negotiation.Deal.LastYearVolume = opt("800")
	d.Items = []AgendaItem{plainPrice()}
	d.Items[0].LastYear = opt("10")
	deal := d.Replay().AnalysedDeal()
	for _, tc := range []struct {
		origin         PackageOrigin
		year1, average string
	}{
		{OriginOurs, "3000", "3000"},
		{OriginLastYear, "2400", "2400"},
	} {
		pr, ok := deal.Result(tc.origin)
		if !ok || pr.Analysis == nil || pr.Analysis.TermErr != nil {
			t.Fatalf("%s: no term (%v)", tc.origin, pr.Analysis)
		}
		assertRounded(t, string(tc.origin)+" year 1", pr.Analysis.Term.Year1, tc.year1)
		assertRounded(t, string(tc.origin)+" average", pr.Analysis.Term.Average, tc.average)
	}
}

// A phone needs three digits at least: three is enough, two is not.
func TestPhoneNeedsThreeDigits(t *testing.T) {
	ok := Contact{Name: "Dana", Side: CustomerSide, Role: "buyer", Phone: "1 2 3"}
	if err := ok.Validate(); err != nil {
		t.Errorf("three digits refused: %v", err)
	}
	short := ok
	short.Phone = "1 2"
	if short.Validate() == nil {
		t.Error("two digits taken for a phone number")
	}
}

// Roles near each other share a word of four letters or more: "area
// managers" is near "area field lead"; a three-letter word is not enough.
func TestRolesShareAWordOfFourLetters(t *testing.T) {
	if !shareAWord("area managers", "area field lead") {
		t.Error(`"area" (four letters) not taken as a shared word`)
	}
	if shareAWord("key accounts", "key people") {
		t.Error(`"key" (three letters) taken as a shared word`)
	}
}
