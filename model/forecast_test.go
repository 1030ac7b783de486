package model

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The expected numbers below are worked by hand from DESIGN 5.5 and 5.8,
// not read off the code: the arithmetic is in the comments.

// TestForecastDemo: on the demo no side moved on any item in two meetings
// except theirs on payment terms, which already stands at its walk-away
// estimate, so nothing is projected and the headline gives no
// contribution (DESIGN 5.8; issue 19 found "Likely landing 776,639.95").
//
// Today is demoNow; the deadline is 20 days on. Mean interval 7 days:
// m = ⌊20/7⌋ = 2, counted from today, not from the last meeting.
func TestForecastDemo(t *testing.T) {
	d := Demo(demoNow)
	fc := d.Replay().Forecast(demoNow)
	if fc.MeetingsLeft != 2 || fc.LastMeeting != 2 || !fc.IntervalKnown {
		t.Fatalf("m = %d, last = %d, interval known %v; want 2, 2, true", fc.MeetingsLeft, fc.LastMeeting, fc.IntervalKnown)
	}
	if fc.HasLanding || fc.Landed != 0 || fc.Numeric != 8 {
		t.Errorf("has landing %v, landed %d of %d; want false, 0 of 8", fc.HasLanding, fc.Landed, fc.Numeric)
	}
	if got, want := fc.Line(), "Likely landing: too few moves to tell (0 of 8 items)"; got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	// Landing package: midway between where the sides stand, at the step,
	// never past our walk-away.
	want := map[string]string{
		"List price per case":            "23.95",  // (24.50 + 23.40)/2
		"Payment terms":                  "53",     // (45 + 60)/2 = 52.5 → 53 (step 1 day)
		"Annual growth rebate":           "2.4",    // (1.75 + 3.0)/2 = 2.375 → 2.40 (step 0.05)
		"Annual volume commitment":       "185000", // (200,000 + 170,000)/2 (step 1,000)
		"Promotional allowance":          "1",      // (0.60 + 1.50)/2 = 1.05, past our walk-away 1.00 → 1.00
		"SKUs listed, Crunch Oat range":  "7",      // (8 + 5)/2 = 6.5 → 7
		"Contract length":                "30",     // (36 + 24)/2
		"Service level, on time in full": "98.25",  // (97 + 99.5)/2, inside our walk-away 98.5
	}
	for _, f := range fc.Items {
		if !f.Ours.Further.IsZero() || !f.Theirs.Further.IsZero() || f.Told() || f.Agrees {
			t.Errorf("%s: projected %s/%s told %v agrees %v; want no projection", f.Item.Title, f.Ours.Further, f.Theirs.Further, f.Told(), f.Agrees)
		}
		if got := f.Outlook(); got != "too few moves to tell" {
			t.Errorf("%s: outlook %q", f.Item.Title, got)
		}
		assertDec(t, f.Item.Title+" in the landing package", f.PackageValue, want[f.Item.Title])
	}
}

// forecastDossier has two meetings 14 days apart and a deadline 30 days
// after the second: from the day of the second meeting m = ⌊30/14⌋ = 2.
//
//	A (up): ours 100 → 90 → 85 (walk-away 80), theirs 60 → 70 → 78 (their walk-away 90)
//	B (down): ours 10 → 11 → 13 (walk-away 14), theirs 30 → 28 → 27 (their walk-away 20)
func forecastDossier() *Dossier {
	m1 := Meeting{ID: 1, Number: 1, Started: t0, Ended: t0.Add(time.Hour)}
	m2 := Meeting{ID: 2, Number: 2, Started: t0.AddDate(0, 0, 14), Ended: t0.AddDate(0, 0, 14).Add(time.Hour)}
	d := &Dossier{
		Account: Account{ID: 1, Name: "Acme", Kind: Retail},
		Negotiation: Negotiation{ID: 1, AccountID: 1, Title: "T", Stage: StageBargain, Status: Active, Currency: "EUR",
			Deadline: t0.AddDate(0, 0, 44)},
		Items: []AgendaItem{
			{ID: 1, Topic: TopicPrice, Title: "A", Better: Up, OurOpening: opt("100"), OurTarget: opt("95"), OurWalkAway: opt("80"),
				TheirOpening: opt("60"), TheirWalkAway: opt("90"), Weight: 50, Status: ItemOpen, Order: 1, Step: opt("0.01")},
			{ID: 2, Topic: TopicTerms, Title: "B", Better: Down, OurOpening: opt("10"), OurTarget: opt("12"), OurWalkAway: opt("14"),
				TheirOpening: opt("30"), TheirWalkAway: opt("20"), Weight: 50, Status: ItemOpen, Order: 2},
			{ID: 3, Topic: TopicOther, Title: "Text only", Status: ItemOpen, Order: 3},
		},
		Meetings: []Meeting{m1, m2},
	}
	at := func(m Meeting, min int) time.Time { return m.Started.Add(time.Duration(min) * time.Minute) }
	d.Ledger = []Concession{
		{ID: 1, MeetingID: 1, ItemID: 1, By: Us, To: dec("90"), At: at(m1, 1)},
		{ID: 2, MeetingID: 1, ItemID: 1, By: Them, To: dec("70"), At: at(m1, 2)},
		{ID: 3, MeetingID: 1, ItemID: 2, By: Us, To: dec("11"), At: at(m1, 3)},
		{ID: 4, MeetingID: 1, ItemID: 2, By: Them, To: dec("28"), At: at(m1, 4)},
		{ID: 5, MeetingID: 2, ItemID: 1, By: Us, To: dec("85"), At: at(m2, 1)},
		{ID: 6, MeetingID: 2, ItemID: 1, By: Them, To: dec("78"), At: at(m2, 2)},
		{ID: 7, MeetingID: 2, ItemID: 2, By: Us, To: dec("13"), At: at(m2, 3)},
		{ID: 8, MeetingID: 2, ItemID: 2, By: Them, To: dec("27"), At: at(m2, 4)},
	}
	return d
}

// day14 is the day of forecastDossier's second meeting.
var day14 = t0.AddDate(0, 0, 14)

// TestForecastCrossing: on A the projections cross and the gap splits in
// proportion; on B our growing moves clamp at r = 0.9 and our walk-away cuts
// them; each projection also stops at the other side's position.
func TestForecastCrossing(t *testing.T) {
	d := forecastDossier()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	fc := d.Replay().Forecast(day14)
	if fc.MeetingsLeft != 2 {
		t.Fatalf("m = %d, want ⌊30/14⌋ = 2", fc.MeetingsLeft)
	}
	a, b := fc.Items[0], fc.Items[1]
	// A: r ours 5/10 = 0.5, theirs 8/10 = 0.8. Ours 5·(0.5 + 0.25) = 3.75
	// (room 85 − 80 = 5); theirs 8·(0.8 + 0.64) = 11.52, but it stops at our
	// position: gap 85 − 78 = 7. 3.75 + 7 = 10.75 ≥ 7.
	// Landing 85 − 7·3.75/10.75 = 85 − 2.4418605 = 82.5581395 → 82.56 (step 0.01).
	// After one meeting 5·0.5 + 8·0.8 = 8.9 ≥ 7: they meet at meeting 3.
	assertDec(t, "A r ours", a.Ours.R, "0.5")
	assertDec(t, "A r theirs", a.Theirs.R, "0.8")
	assertDec(t, "A our further", a.Ours.Further, "3.75")
	assertDec(t, "A their further", a.Theirs.Further, "7")
	if !a.Agrees || !a.Told() || a.Meeting != 3 || !a.Theirs.Capped {
		t.Errorf("A: agrees %v told %v meeting %d capped %v; want true true 3 true", a.Agrees, a.Told(), a.Meeting, a.Theirs.Capped)
	}
	assertDec(t, "A landing", a.Landing, "82.56")
	if got := a.Outlook(); got != "likely landing 82.56 by meeting 3" {
		t.Errorf("A outlook %q", got)
	}
	// B: r ours clamp(2/1 = 2) = 0.9: 2·(0.9 + 0.81) = 3.42, cut at our room
	// 14 − 13 = 1 → 14. Theirs r = 1/2 = 0.5: 1·(0.5 + 0.25) = 0.75 → 26.25.
	// Gap 27 − 13 = 14; 14 − 1.75 = 12.25 left. Landing package: midway
	// (14 + 26.25)/2 = 20.125 → 20 (step 1), past our walk-away 14 → 14.
	assertDec(t, "B r ours", b.Ours.R, "0.9")
	assertDec(t, "B our further", b.Ours.Further, "1")
	assertDec(t, "B our projection", b.Ours.To, "14")
	assertDec(t, "B their projection", b.Theirs.To, "26.25")
	assertDec(t, "B gap left", b.GapLeft, "12.25")
	assertDec(t, "B landing package value", b.PackageValue, "14")
	if !b.Ours.Capped || b.Agrees {
		t.Errorf("B: capped %v agrees %v; want true false", b.Ours.Capped, b.Agrees)
	}
	if got := b.Outlook(); got != "no agreement expected, gap 12 left" {
		t.Errorf("B outlook %q", got)
	}
	if fc.LandingMeeting != 4 || fc.Disagree != 1 || !fc.HasLanding {
		t.Errorf("landing meeting %d, disagree %d, has landing %v; want 2 + 2 = 4, 1, true", fc.LandingMeeting, fc.Disagree, fc.HasLanding)
	}
	// No deal basis: the line says why, never a zero.
	if line := fc.Line(); !strings.Contains(line, "contribution cannot be computed") {
		t.Errorf("line %q", line)
	}
}

// landingDossier is TestForecastThreeMeetingsGivesContribution's: three
// meetings a week apart, price landing at 10.50 and the package at
// 3,100.00 when seen on the day of the third (t0 + 14 days).
func landingDossier() *Dossier {
	var ms []Meeting
	for k := range 3 {
		start := t0.AddDate(0, 0, 7*k)
		ms = append(ms, Meeting{ID: uint64(k + 1), Number: k + 1, Started: start, Ended: start.Add(time.Hour)})
	}
	d := &Dossier{
		Account: Account{ID: 1, Name: "Acme", Kind: Retail},
		Negotiation: Negotiation{ID: 1, AccountID: 1, Title: "T", Stage: StageBargain, Status: Active, Currency: "EUR",
			Deadline: t0.AddDate(0, 0, 28),
			Deal:     DealBasis{Volume: opt("1000"), CostOfGoods: opt("6"), CostToServe: opt("1")}},
		Items: []AgendaItem{
			{ID: 1, Topic: TopicPrice, Title: "Price", Unit: "EUR", Better: Up, OurOpening: opt("12.00"), OurTarget: opt("11.00"),
				OurWalkAway: opt("10.00"), TheirOpening: opt("9.00"), TheirWalkAway: opt("11.50"), Weight: 60, Status: ItemOpen,
				Lever: Lever{Kind: LeverListPrice}},
			{ID: 2, Topic: TopicDiscounts, Title: "Allowance", Unit: "EUR", Better: Down, OurOpening: opt("0.20"), OurTarget: opt("0.30"),
				OurWalkAway: opt("0.50"), TheirOpening: opt("0.60"), Weight: 40, Status: ItemOpen, Lever: Lever{Kind: LeverAllowance}},
		},
		Meetings: ms,
	}
	for k, v := range [][2]string{{"11.20", "9.80"}, {"10.80", "10.20"}, {"10.60", "10.40"}} {
		m := ms[k]
		d.Ledger = append(d.Ledger,
			Concession{ID: uint64(2*k + 1), MeetingID: m.ID, ItemID: 1, By: Us, To: dec(v[0]), At: m.Started.Add(time.Minute)},
			Concession{ID: uint64(2*k + 2), MeetingID: m.ID, ItemID: 1, By: Them, To: dec(v[1]), At: m.Started.Add(2 * time.Minute)})
	}
	return d
}

// TestForecastThreeMeetingsGivesContribution: three meetings a week apart
// with shrinking moves on the price, a deal basis, and a deadline two weeks
// after the third meeting (today): m = ⌊14/7⌋ = 2.
//
//	Price (up, EUR, weight 60): ours 12.00 → 11.20 → 10.80 → 10.60, walk-away 10.00, target 11.00;
//	                            theirs 9.00 → 9.80 → 10.20 → 10.40, their walk-away 11.50.
//	Allowance (down, weight 40): ours 0.20, theirs 0.60, nobody moved; walk-away 0.50, target 0.30.
//
// Price: sizes 0.8, 0.4, 0.2 both sides: r = 0.5. Further 0.2·(0.5 + 0.25)
// = 0.15 each (room: the gap 10.60 − 10.40 = 0.20). 0.30 ≥ 0.20: landing
// 10.60 − 0.20·0.15/0.30 = 10.50, after one meeting (0.1 + 0.1 ≥ 0.2):
// meeting 4. Allowance: no agreement, midway (0.20 + 0.60)/2 = 0.40, inside
// our walk-away 0.50, so the package lands by the last meeting, 3 + 2 = 5.
// Weight landed 60 of 100 ≥ half: the headline gives
// the contribution (10.50 − 0.40 − 6 − 1) × 1,000 = 3,100.00. Score: price
// (10.50 − 10)/(11 − 10) = 0.5, allowance (0.50 − 0.40)/(0.50 − 0.30) =
// 0.5: 50.
func TestForecastThreeMeetingsGivesContribution(t *testing.T) {
	d := landingDossier()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	fc := d.Replay().Forecast(t0.AddDate(0, 0, 14))
	if fc.MeetingsLeft != 2 || !fc.HasLanding {
		t.Fatalf("m %d has landing %v; want 2 true", fc.MeetingsLeft, fc.HasLanding)
	}
	assertDec(t, "price landing", fc.Items[0].Landing, "10.50")
	assertDec(t, "allowance in the landing", fc.Items[1].PackageValue, "0.40")
	assertDec(t, "landing contribution", fc.Landing.Waterfall.Contribution, "3100")
	want := "Likely landing: contribution 3,100.00 by meeting 5 · score 50 · acceptable · " +
		"no agreement expected on Allowance (priced midway, at most our walk-away)"
	if got := fc.Line(); got != want {
		t.Errorf("line\n got %s\nwant %s", got, want)
	}
}

func TestDecay(t *testing.T) {
	tests := []struct {
		sizes []string
		want  string
	}{
		{[]string{"4"}, "0.5"},                      // one move: 0.5
		{[]string{"8", "4", "3", "3"}, "0.75"},      // ratios 0.5, 0.75, 1 → median 0.75
		{[]string{"10", "5", "4"}, "0.65"},          // ratios 0.5, 0.8 → (0.5 + 0.8)/2
		{[]string{"1", "2", "4"}, "0.9"},            // ratios 2, 2: growing moves clamp at 0.9
		{[]string{"10", "1", "0.1", "0.01"}, "0.1"}, // ratios 0.1 each
	}
	for _, tc := range tests {
		sizes := make([]decimal.Decimal, len(tc.sizes))
		for i, s := range tc.sizes {
			sizes[i] = dec(s)
		}
		assertDec(t, strings.Join(tc.sizes, ","), decay(sizes), tc.want)
	}
}

// TestForecastEdges: no deadline, one meeting, no meeting, a meeting without

// TestForecastEdges: no deadline, one meeting, no meeting, a meeting without
// an end time, a deadline passed or centuries away: clear figures, no panic.
// Meetings left count from today (day 14 here).
func TestForecastEdges(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(d *Dossier)
		m        int
		known    bool
		note     string
		lastMeet int
	}{
		{"no deadline", func(d *Dossier) { d.Negotiation.Deadline = time.Time{} }, 1, true, "no deadline", 2},
		// One meeting: interval 7; deadline 30 days from today: ⌊30/7⌋ = 4.
		{"one meeting", func(d *Dossier) {
			d.Meetings = d.Meetings[:1]
			for i := range d.Ledger {
				d.Ledger[i].MeetingID = 1
			}
		}, 4, false, "7 days assumed", 1},
		// No meeting: from today, 30 days at 7: ⌊30/7⌋ = 4; meeting 0.
		{"no meeting", func(d *Dossier) { d.Meetings, d.Ledger = nil, nil }, 4, false, "7 days assumed", 0},
		// The second meeting still runs (no end time): dated by its start, m stays 2.
		{"running meeting", func(d *Dossier) { d.Meetings[1].Ended = time.Time{} }, 2, true, "", 2},
		// Two meetings on one day: the interval is unknown, 7 days; 30 days left: ⌊30/7⌋ = 4.
		{"meetings on one day", func(d *Dossier) {
			d.Meetings[1].Started, d.Meetings[1].Ended = t0.Add(3*time.Hour), t0.Add(4*time.Hour)
		}, 4, false, "7 days assumed", 2},
		// The deadline is today: still one meeting.
		{"deadline today", func(d *Dossier) { d.Negotiation.Deadline = day14 }, 1, true, "", 2},
		// The deadline passed yesterday: none left (issue 19 found 1).
		{"deadline passed", func(d *Dossier) { d.Negotiation.Deadline = day14.AddDate(0, 0, -1) }, 0, true, "", 2},
		// 300 years from t0 = 109,573 days, 109,559 from today: ⌊109,559/14⌋ = 7,825.
		{"deadline far away", func(d *Dossier) { d.Negotiation.Deadline = t0.AddDate(300, 0, 0) }, 7825, true, "", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := forecastDossier()
			tc.edit(d)
			fc := d.Replay().Forecast(day14)
			if fc.MeetingsLeft != tc.m || fc.IntervalKnown != tc.known || fc.LastMeeting != tc.lastMeet {
				t.Errorf("m %d known %v last %d; want %d %v %d", fc.MeetingsLeft, fc.IntervalKnown, fc.LastMeeting, tc.m, tc.known, tc.lastMeet)
			}
			if tc.note != "" && !strings.Contains(strings.Join(fc.Notes, "; "), tc.note) {
				t.Errorf("notes %q lack %q", fc.Notes, tc.note)
			}
			for _, f := range fc.Items {
				if len(f.Ours.Path) > maxSteps || len(f.Ours.Path) != min(tc.m, maxSteps) {
					t.Errorf("%s: path of %d steps", f.Item.Title, len(f.Ours.Path))
				}
				if f.Outlook() == "" || strings.Contains(f.Outlook(), "NaN") {
					t.Errorf("%s: outlook %q", f.Item.Title, f.Outlook())
				}
			}
			line := fc.Line()
			if strings.Contains(line, "NaN") {
				t.Errorf("line %q", line)
			}
			if tc.m == 0 && !strings.Contains(line, "deadline passed") {
				t.Errorf("line %q does not say the deadline passed", line)
			}
		})
	}
}

// TestForecastNoMoves: with no moves both sides hold, the gap stays, and
// the landing package takes the midpoint (60 + 100)/2 = 80, inside our
// walk-away 80.
func TestForecastNoMoves(t *testing.T) {
	d := forecastDossier()
	d.Ledger = nil
	fc := d.Replay().Forecast(day14)
	a := fc.Items[0]
	if !a.Ours.Holds() || !a.Theirs.Holds() || a.Agrees || a.Told() {
		t.Fatalf("A: holds %v/%v agrees %v told %v", a.Ours.Holds(), a.Theirs.Holds(), a.Agrees, a.Told())
	}
	assertDec(t, "A gap left", a.GapLeft, "40")
	assertDec(t, "A package value", a.PackageValue, "80")
}

// TestForecastOneMoveEach: a side with one move has no projection (DESIGN
// 5.8): it holds where it stands, and the item says "too few moves to tell".
func TestForecastOneMoveEach(t *testing.T) {
	d := forecastDossier()
	d.Ledger = d.Ledger[:2] // A: ours 100 → 90, theirs 60 → 70
	fc := d.Replay().Forecast(day14)
	a := fc.Items[0]
	assertDec(t, "A our projection", a.Ours.To, "90")
	assertDec(t, "A their projection", a.Theirs.To, "70")
	assertDec(t, "A gap left", a.GapLeft, "20")
	assertDec(t, "A package value", a.PackageValue, "80") // midway
	if got := a.Outlook(); got != "too few moves to tell" {
		t.Errorf("A outlook %q", got)
	}
	if fc.HasLanding {
		t.Errorf("the headline gives a landing on one move each: %s", fc.Line())
	}
}
