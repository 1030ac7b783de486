package model

import (
	"testing"
	"time"
)

func TestStageSequence(t *testing.T) {
	tests := []struct {
		s     Stage
		index int
		next  Stage
		ok    bool
	}{
		{StagePrepare, 0, StageExplore, true},
		{StageExplore, 1, StagePropose, true},
		{StagePropose, 2, StageBargain, true},
		{StageBargain, 3, StageAgree, true},
		{StageAgree, 4, StageFollowUp, true},
		{StageFollowUp, 5, StageFollowUp, false},
		{"haggle", -1, "haggle", false},
	}
	for _, tt := range tests {
		if got := tt.s.Index(); got != tt.index {
			t.Errorf("%q.Index() = %d, want %d", tt.s, got, tt.index)
		}
		next, ok := tt.s.Next()
		if next != tt.next || ok != tt.ok {
			t.Errorf("%q.Next() = %q, %v; want %q, %v", tt.s, next, ok, tt.next, tt.ok)
		}
		if tt.s.Valid() != (tt.index >= 0) {
			t.Errorf("%q.Valid() = %v", tt.s, tt.s.Valid())
		}
		if (tt.s.Purpose() != "") != (tt.index >= 0) {
			t.Errorf("%q.Purpose() = %q", tt.s, tt.s.Purpose())
		}
	}
	if checks := (&Dossier{}).Checks("haggle"); checks != nil {
		t.Errorf("checks of an unknown stage: %+v", checks)
	}
}

// checkMap indexes checks by label. Detail matters only when a check fails.
func checkMap(t *testing.T, checks []Check) map[string]Check {
	t.Helper()
	m := map[string]Check{}
	for _, c := range checks {
		if !c.OK && c.Detail == "" {
			t.Errorf("check %q fails without saying why", c.Label)
		}
		m[c.Label] = c
	}
	return m
}

func assertCheck(t *testing.T, checks map[string]Check, label string, ok bool, detail string) {
	t.Helper()
	c, found := checks[label]
	if !found {
		t.Errorf("no check %q", label)
		return
	}
	if c.OK != ok || (detail != "" && c.Detail != detail) {
		t.Errorf("check %q = %v %q, want %v %q", label, c.OK, c.Detail, ok, detail)
	}
}

func TestPrepareChecksAndReadiness(t *testing.T) {
	empty := &Dossier{}
	assertCheck(t, checkMap(t, empty.Checks(StagePrepare)), "the agenda has items", false, "the agenda is empty")

	d := &Dossier{Items: []AgendaItem{
		// Full but for a walk-away.
		{ID: 1, Title: "Price", OurOpening: opt("100"), OurTarget: opt("95"), TheirOpening: opt("80"), Weight: 50, ValueToThem: 40},
		// Opening only: no target, walk-away, estimate of theirs or weight.
		{ID: 2, Title: "Days", OurOpening: opt("30"), ValueToThem: 10},
		// Text only: needs weights, never numbers.
		{ID: 3, Title: "Listing", Weight: 10, ValueToThem: 5},
	}}
	checks := checkMap(t, d.Checks(StagePrepare))
	assertCheck(t, checks, "the agenda has items", true, "")
	assertCheck(t, checks, "every numeric item has a target", false, "1 item lacks a target: 2 Days")
	assertCheck(t, checks, "every numeric item has a walk-away", false, "2 items lack a walk-away: 1 Price, 2 Days")
	assertCheck(t, checks, "their opening is estimated", false, "1 item lacks an estimate of their opening: 2 Days")
	assertCheck(t, checks, "weights are set", false, "1 item lacks a weight: 2 Days")
	assertCheck(t, checks, "value to them is estimated", true, "")
	// Each names the items, by number and title (issue 18, finding 12).
	want := "1 item lacks a target: 2 Days; 2 items lack a walk-away: 1 Price, 2 Days; 1 item lacks an estimate of their opening: 2 Days; 1 item lacks a weight: 2 Days"
	if got := d.Readiness(); got != want {
		t.Errorf("Readiness()\n got %q\nwant %q", got, want)
	}

	ready := formulaDossier()
	if got := ready.Readiness(); got != "ready: every item has its positions, estimates and weights" {
		t.Errorf("Readiness() = %q", got)
	}
	if got := empty.Readiness(); got != "the agenda is empty" {
		t.Errorf("Readiness() of an empty agenda = %q", got)
	}
}

func TestExploreChecks(t *testing.T) {
	d := &Dossier{
		Meetings: []Meeting{{ID: 1, Number: 1, Started: t0}},
		Notes: []Note{
			{Kind: KindQuestion, Text: "Who signs?", At: t0},
			{Kind: KindQuestion, Text: "When is the review?", At: t0, Answer: "March"},
			{Kind: KindAction, Text: "Send study", At: t0},
		},
	}
	checks := checkMap(t, d.Checks(StageExplore))
	assertCheck(t, checks, "a meeting has been held", false, "no meeting has ended yet")
	assertCheck(t, checks, "every question is answered", false, "1 open question")

	d.Meetings[0].Ended = t0.Add(time.Hour)
	d.Notes[0].Answer = "Dana"
	checks = checkMap(t, d.Checks(StageExplore))
	assertCheck(t, checks, "a meeting has been held", true, "")
	assertCheck(t, checks, "every question is answered", true, "")
}

func TestProposeChecks(t *testing.T) {
	d := formulaDossier()
	d.Items = append(d.Items,
		AgendaItem{ID: 3, Title: "Contract", OurOpening: opt("36"), Status: ItemOpen},
		AgendaItem{ID: 4, Title: "Listing", Status: ItemOpen},
		AgendaItem{ID: 5, Title: "Parked", Status: ItemParked})
	checks := checkMap(t, d.Checks(StagePropose))
	assertCheck(t, checks, "their position is known on every numeric item", false, "1 item lacks their position")
	assertCheck(t, checks, "the category impact shows a net gain after cannibalization", false, "no category-impact scenario yet")
	assertCheck(t, checks, "the trade plan ranks every open item", false, "2 items lack weight and value to them")

	gain := Scenario{ID: 1, Name: "Gain", Kind: CategoryScenario, Impact: CategoryImpact{Lines: []ImpactLine{designLine}}}
	loss := Scenario{ID: 2, Name: "Loss", Kind: CategoryScenario, Impact: CategoryImpact{Lines: []ImpactLine{
		{Product: "Me-too", Units: dec("1000"), Price: dec("10"), Margin: dec("20"), CannibalRate: dec("90"), CannibalMargin: dec("40")}}}}

	d.Scenarios = []Scenario{gain}
	checks = checkMap(t, d.Checks(StagePropose))
	assertCheck(t, checks, "the category impact shows a net gain after cannibalization", true,
		`"Gain": net increase in category turnover, net increase in category profit`)

	// The scenario shown to the buyer is the one checked.
	loss.ForBuyer = true
	d.Scenarios = []Scenario{gain, loss}
	checks = checkMap(t, d.Checks(StagePropose))
	assertCheck(t, checks, "the category impact shows a net gain after cannibalization", false,
		`"Loss": net increase in category turnover, net decrease in category profit`)
}

func TestBargainChecks(t *testing.T) {
	checks := checkMap(t, formulaDossier().Checks(StageBargain))
	assertCheck(t, checks, "every concession of ours was traded", false, "1 unreciprocated concession")
	assertCheck(t, checks, "our concessions get smaller", false, "2 increasing concessions")
	assertCheck(t, checks, "nothing past our walk-away", false, "1 concession past our walk-away")

	clean := formulaDossier()
	clean.Ledger = clean.Ledger[:2]
	checks = checkMap(t, clean.Checks(StageBargain))
	for label, c := range checks {
		if !c.OK {
			t.Errorf("%q fails on a clean ledger: %s", label, c.Detail)
		}
	}
}

func TestAgreeAndFollowUpChecks(t *testing.T) {
	d := formulaDossier()
	d.Negotiation.Status = Active
	checks := checkMap(t, d.Checks(StageAgree))
	assertCheck(t, checks, "every item is agreed or parked", false, "2 items still open")
	assertCheck(t, checks, "the follow-up checklist exists", false, "no follow-up lines yet")

	d.Items[0].Status = ItemAgreed
	d.Items[1].Status = ItemParked
	d.FollowUps = []FollowUp{{Done: true}, {}}
	checks = checkMap(t, d.Checks(StageAgree))
	assertCheck(t, checks, "every item is agreed or parked", true, "")
	assertCheck(t, checks, "the follow-up checklist exists", true, "")

	checks = checkMap(t, d.Checks(StageFollowUp))
	assertCheck(t, checks, "the negotiation is marked agreed", false, "status is active")
	assertCheck(t, checks, "every follow-up is done", false, "1/2 done")

	d.Negotiation.Status = Agreed
	d.FollowUps[1].Done = true
	checks = checkMap(t, d.Checks(StageFollowUp))
	assertCheck(t, checks, "the negotiation is marked agreed", true, "")
	assertCheck(t, checks, "every follow-up is done", true, "")

	// No checklist at all is not "every follow-up done".
	d.FollowUps = nil
	assertCheck(t, checkMap(t, d.Checks(StageFollowUp)), "every follow-up is done", false, "0/0 done")
}
