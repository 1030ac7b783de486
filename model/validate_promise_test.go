package model

import (
	"slices"
	"testing"
	"time"
)

// What a damaged or hand-edited file can hold and Validate must refuse
// (an import writes all or nothing, DESIGN 6), next to the edges it must
// accept.
func TestADossierWithBrokenRecordsIsRefused(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*Dossier)
		want string
	}{
		{"two meetings numbered 1", func(d *Dossier) {
			d.Meetings = append(d.Meetings, Meeting{ID: 6, Number: 1, Started: t0.AddDate(0, 0, 7), Ended: t0.AddDate(0, 0, 7).Add(time.Hour)})
		}, "meeting 1: the number is used twice"},
		{"a budget on no item", func(d *Dossier) {
			d.Budgets = []Budget{{ID: 1, ItemID: 77, Value: dec("96"), At: t0}}
		}, "budget 1 is on an item that does not exist"},
		{"two budgets with one id", func(d *Dossier) {
			d.Budgets = []Budget{{ID: 1, ItemID: 10, Value: dec("96"), At: t0}, {ID: 1, ItemID: 20, Value: dec("40"), At: t0}}
		}, "budget 1: id used twice"},
		{"two notes with one id", func(d *Dossier) {
			d.Notes = append(d.Notes, Note{ID: 1, Kind: KindNote, Text: "y", At: t0})
		}, "note 1: id used twice"},
		{"their move where their opening is unknown", func(d *Dossier) {
			d.Ledger = append(d.Ledger, Concession{ID: 4, ItemID: 50, By: Them, To: dec("24"), At: t0.Add(time.Hour)})
		}, `concession 4: their opening on "Contract" is not set`},
		{"a standing term with a broken lever", func(d *Dossier) {
			d.Negotiation.Deal.Standing = []StandingTerm{{Lever: Lever{Kind: LeverRebate, Base: "turnover"}, Value: dec("2")}}
		}, `rebate base "turnover" is not invoice, growth or retro`},
		// Accepted.
		{"our move where their opening is unknown", func(d *Dossier) {
			d.Ledger = append(d.Ledger, Concession{ID: 4, ItemID: 50, By: Us, To: dec("30"), At: t0.Add(time.Hour)})
		}, ""},
		{"weight and value to them of 100", func(d *Dossier) {
			d.Items[0].Weight, d.Items[0].ValueToThem = 100, 100
		}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := linkedDossier()
			tt.edit(d)
			assertErr(t, d.Validate(), tt.want)
		})
	}
}

// A weight or a value to them runs from 0 to 100, both ends included.
func TestWeightsRunFromZeroToAHundred(t *testing.T) {
	for _, tt := range []struct {
		weight, value int
		want          string
	}{
		{100, 100, ""},
		{0, 0, ""},
		{101, 50, "weight 101 should be between 0 and 100"},
		{50, 101, "value to them 101 should be between 0 and 100"},
	} {
		it := AgendaItem{ID: 1, Topic: TopicPrice, Title: "Price", Status: ItemOpen, Weight: tt.weight, ValueToThem: tt.value}
		assertErr(t, it.Validate(), tt.want)
	}
}

// A rebate's tiers each pay a rate from 0 to below 100 % and are listed
// from the lowest growth up; a cash discount is earned within 0 to 365 days.
func TestTiersAndCashDiscountDaysAreChecked(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lever Lever
		want  string
	}{
		{"tiers in order", Lever{Kind: LeverRebate, Base: BaseGrowth, Tiers: []Tier{{dec("5"), dec("2")}, {dec("20"), dec("3")}}}, ""},
		{"a tier paying 100 %", Lever{Kind: LeverRebate, Base: BaseGrowth, Tiers: []Tier{{dec("5"), dec("100")}}}, "should be from 0 to below 100"},
		{"tiers out of order", Lever{Kind: LeverRebate, Base: BaseGrowth, Tiers: []Tier{{dec("20"), dec("3")}, {dec("5"), dec("2")}}},
			"tier 2: list the tiers from the lowest growth up"},
		{"cash discount within 10 days", Lever{Kind: LeverCashDiscount, Days: opt("10")}, ""},
		{"cash discount within 400 days", Lever{Kind: LeverCashDiscount, Days: opt("400")}, "400 should be from 0 to 365 days"},
	} {
		t.Run(tt.name, func(t *testing.T) { assertErr(t, tt.lever.Validate(), tt.want) })
	}
}

// The demo's agenda is numbered 1 to 9 in its order, as the capture line
// reads `we 1 …`.
func TestTheDemoAgendaIsNumberedFromOne(t *testing.T) {
	d := Demo(demoNow)
	for i, it := range d.Items {
		if it.Order != i+1 {
			t.Errorf("item %q is number %d, want %d", it.Title, it.Order, i+1)
		}
	}
}

// Notes read in time order whatever order their IDs were given in (an
// import, a note typed late with an earlier time).
func TestNotesAreSortedByTimeBeforeID(t *testing.T) {
	d := &Dossier{Notes: []Note{
		{ID: 1, Text: "third", At: t0.Add(2 * time.Minute)},
		{ID: 2, Text: "first", At: t0},
		{ID: 3, Text: "second", At: t0.Add(time.Minute)},
		{ID: 0, Text: "also first, older id", At: t0},
	}}
	d.SortNotes()
	var got []string
	for _, n := range d.Notes {
		got = append(got, n.Text)
	}
	if want := []string{"also first, older id", "first", "second", "third"}; !slices.Equal(got, want) {
		t.Errorf("notes in order %q, want %q", got, want)
	}
}

// The first meeting, running alone, is the running meeting.
func TestTheFirstMeetingCanBeTheRunningOne(t *testing.T) {
	d := &Dossier{Meetings: []Meeting{{ID: 3, Number: 1, Started: t0}}}
	if m, ok := d.RunningMeeting(); !ok || m.ID != 3 {
		t.Errorf("running meeting %+v (%v), want meeting 1", m, ok)
	}
}
