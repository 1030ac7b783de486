package model

import (
	"strings"
	"testing"
	"time"
)

// One meeting may run at a time: the demo with its last meeting still
// running is whole; with two running it is refused.
func TestOnlyOneMeetingRunsAtATime(t *testing.T) {
	d := Demo(demoNow)
	last := len(d.Meetings) - 1
	d.Meetings[last].Ended = time.Time{}
	assertErr(t, d.Validate(), "")
	d.Meetings[last-1].Ended = time.Time{}
	assertErr(t, d.Validate(), "another meeting is still running; only one can run at a time")
}

// A dossier's saved packages are checked as a form checks them, and may
// only be tabled in a meeting the dossier holds.
func TestADossiersPackagesAreCheckedWhole(t *testing.T) {
	d := Demo(demoNow)
	d.Packages = []Package{{ID: 1, Name: "Spring offer", Origin: OriginProposal, Values: Values{1: dec("24.40")}}}
	assertErr(t, d.Validate(), "")
	d.Packages[0].TabledMeeting, d.Packages[0].TabledAt = d.Meetings[0].ID, d.Meetings[0].Started
	assertErr(t, d.Validate(), "")
	d.Packages[0].TabledMeeting = 99
	assertErr(t, d.Validate(), `package "Spring offer" was tabled in a meeting that does not exist`)
	d.Packages[0].TabledMeeting, d.Packages[0].Name = 0, " "
	assertErr(t, d.Validate(), "the package needs a name")
}

// A suggestion decision's value to them runs from 0 to 100, both ends
// included; cleared trade-backs and decisions obey the size limits.
func TestSuggestionDecisionsAndClearedTradeBacksAreChecked(t *testing.T) {
	d := Demo(demoNow)
	d.Cleared = []OwedClear{{ConcessionID: 10, At: demoNow}}
	for _, v := range []int{0, 100} {
		d.Decisions = []SuggestionDecision{{ID: 1, ItemID: 5, After: 2, Value: v, At: demoNow}}
		assertErr(t, d.Validate(), "")
	}
	for _, v := range []int{-1, 101} {
		d.Decisions = []SuggestionDecision{{ID: 1, ItemID: 5, After: 2, Value: v, At: demoNow}}
		assertErr(t, d.Validate(), "should be between 0 and 100")
	}
	long := strings.Repeat("u", MaxTextBytes+1)
	d.Decisions = []SuggestionDecision{{ID: 1, ItemID: 5, After: 2, Value: 50, At: demoNow, Stamp: Stamp{UID: long}}}
	assertErr(t, d.Validate(), "suggestion decision 1: ")
	d.Decisions = nil
	d.Cleared[0].UID = long
	assertErr(t, d.Validate(), "cleared trade-back of concession 10: ")
}

// An item whose position of theirs is unknown is projected to the end of
// the negotiation: the demo's allowance (only we moved), with their
// opening blanked, lands by meeting 2 + 2 = 4 (TestForecastDemo).
func TestAnItemWithoutTheirPositionIsProjectedToTheLastMeeting(t *testing.T) {
	d := Demo(demoNow)
	d.Items[4].TheirOpening = none
	fc := d.Replay().Forecast(demoNow)
	found := false
	for _, f := range fc.Items {
		found = found || f.Item.ID == 5
		if f.Item.ID == 5 && (f.TheirsKnown || f.Meeting != 4 || f.Outlook() != "their position is unknown") {
			t.Errorf("the allowance: theirs known %v, meeting %d, %q; want unknown, 4", f.TheirsKnown, f.Meeting, f.Outlook())
		}
	}
	if !found {
		t.Error("the allowance has no forecast")
	}
}
