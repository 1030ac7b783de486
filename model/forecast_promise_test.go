package model

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
)

// The headline says each thing once: a landing whose contribution cannot
// be computed does not repeat why as a verdict, and adds no "no agreement
// expected" and no empty " · " when there is nothing more to say; an item
// past our walk-away is still said.
func TestTheLandingLineSaysOnlyWhatItKnows(t *testing.T) {
	noVolume := errors.New("no volume")
	for _, tt := range []struct {
		name string
		fc   Forecast
		want string
	}{
		{"contribution unknown", Forecast{HasLanding: true, LandingMeeting: 3, Landing: PackageResult{Err: noVolume}},
			"Likely landing: contribution cannot be computed (no volume) by meeting 3"},
		{"contribution unknown, past our walk-away", Forecast{HasLanding: true, LandingMeeting: 3,
			Landing: PackageResult{Err: noVolume, PastWalkAway: 1, Past: []string{"Payment days"}}},
			"Likely landing: contribution cannot be computed (no volume) by meeting 3 · past our walk-away on 1 item (Payment days)"},
	} {
		if got := tt.fc.Line(); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// unweighted is a negotiation of n numeric items nobody weighted, the first
// agreed of them agreed, plus a text-only item; nobody moved.
func unweighted(n, agreed int) *Dossier {
	d := &Dossier{Account: Account{ID: 1, Name: "Acme", Kind: Retail},
		Negotiation: Negotiation{ID: 1, AccountID: 1, Title: "T", Stage: StageBargain, Status: Active, Currency: "EUR", Deadline: day14},
		Items:       []AgendaItem{{ID: 99, Topic: TopicOther, Title: "Text only", Status: ItemOpen}}}
	for k := range n {
		it := AgendaItem{ID: uint64(k + 1), Topic: TopicPrice, Title: fmt.Sprintf("Item %d", k+1), Better: Up,
			OurOpening: opt("100"), TheirOpening: opt("80"), Status: ItemOpen}
		if k < agreed {
			it.Status, it.AgreedAt = ItemAgreed, t0
		}
		d.Items = append(d.Items, it)
	}
	return d
}

// With no weights, the headline gives a landing when at least half the
// numeric items have one, counted (DESIGN 5.8); with no numeric item at
// all it has nothing to tell.
func TestWithoutWeightsHalfTheItemsLandedGiveALanding(t *testing.T) {
	for _, tt := range []struct {
		numeric, agreed int
		landing         bool
	}{
		{0, 0, false},
		{2, 0, false},
		{2, 1, true},
		{3, 1, false},
		{4, 2, true},
		{3, 3, true},
	} {
		fc := unweighted(tt.numeric, tt.agreed).Replay().Forecast(day14)
		if fc.HasLanding != tt.landing || fc.Landed != tt.agreed || fc.Numeric != tt.numeric {
			t.Errorf("%d of %d items landed: landing %v (%d of %d), want %v", tt.agreed, tt.numeric,
				fc.HasLanding, fc.Landed, fc.Numeric, tt.landing)
		}
		if want := fmt.Sprintf("too few moves to tell (%d of %d items)", tt.agreed, tt.numeric); !tt.landing && fc.Reason() != want {
			t.Errorf("%d of %d: reason %q, want %q", tt.agreed, tt.numeric, fc.Reason(), want)
		}
	}
}

// When every item lands, the package lands by the meeting the last of them
// does, not by the last meeting left: forecastDossier with B agreed, A
// meeting at meeting 3 (TestForecastCrossing), two meetings left after 2.
func TestWhenEveryItemLandsThePackageLandsWithTheLast(t *testing.T) {
	d := forecastDossier()
	d.Items[1].Status, d.Items[1].AgreedAt = ItemAgreed, day14.Add(2*time.Hour)
	fc := d.Replay().Forecast(day14)
	if fc.Disagree != 0 || fc.LandingMeeting != 3 {
		t.Errorf("disagree %d, landing meeting %d; want 0, 3", fc.Disagree, fc.LandingMeeting)
	}
}

// Where the projections meet only in the second meeting left, that is the
// meeting of the landing. forecastDossier with their A moves 69 → 74 → 78
// (sizes 5, 4: r = 0.8): theirs 3.2, then 5.76; ours 2.5, then 3.75 (r =
// 0.5). Gap 85 − 78 = 7: 5.7 after meeting 3, 9.51 after meeting 4.
// Landing 85 − 7·3.75/9.51 = 82.2397 → 82.24. B, where no agreement is
// expected, runs to the last meeting left, 2 + 2 = 4.
func TestALandingTwoMeetingsAwayIsDatedThere(t *testing.T) {
	d := forecastDossier()
	d.Items[0].TheirOpening = opt("69")
	d.Ledger[1].To, d.Ledger[5].To = dec("74"), dec("78")
	fc := d.Replay().Forecast(day14)
	a, b := fc.Items[0], fc.Items[1]
	if got := a.Outlook(); got != "likely landing 82.24 by meeting 4" {
		t.Errorf("A outlook %q, want likely landing 82.24 by meeting 4", got)
	}
	if b.Agrees || b.Meeting != 4 {
		t.Errorf("B agrees %v by meeting %d, want false, 4", b.Agrees, b.Meeting)
	}
}

// A side's moves count in meeting order, also when one was entered late
// for an earlier meeting: their move for meeting 1 typed after meeting 2
// makes their sizes 2 then 18 (growing: r = 0.9), not 18 then 2.
func TestAMoveEnteredLateCountsInItsMeetingsPlace(t *testing.T) {
	d := forecastDossier()
	d.Ledger = slices.DeleteFunc(d.Ledger, func(c Concession) bool { return c.ItemID == 1 && c.By == Them })
	d.Ledger = append(d.Ledger,
		Concession{ID: 20, MeetingID: 2, ItemID: 1, By: Them, To: dec("78"), At: day14.Add(2 * time.Minute)},
		Concession{ID: 21, MeetingID: 1, ItemID: 1, By: Them, To: dec("80"), At: day14.Add(30 * time.Minute)})
	a := d.Replay().Forecast(day14).Items[0]
	if len(a.Theirs.Sizes) != 2 || !a.Theirs.Sizes[0].Equal(dec("2")) || !a.Theirs.Sizes[1].Equal(dec("18")) {
		t.Errorf("their sizes %v, want [2 18]", a.Theirs.Sizes)
	}
	assertDec(t, "their decay", a.Theirs.R, "0.9")
}
