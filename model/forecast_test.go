package model

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The expected numbers below are worked by hand from DESIGN 5.5, not read
// off the code: the arithmetic is in the comments.

// TestForecastDemo checks every item of the demo.
//
// Meetings started on day −14 and day −7; the deadline is day +20. Mean
// interval (7 − 0)/(2 − 1) = 7 days; deadline − last meeting = 27 days;
// m = ⌊27/7⌋ = 3. Every side moved in at most one meeting except theirs on
// payment terms (90→75 in meeting 1, 75→60 between meetings 1 and 2, which
// counts toward meeting 2), so for k = 1: r = 0.5 and
// d·(0.5 + 0.25 + 0.125) = 0.875·d.
func TestForecastDemo(t *testing.T) {
	d := Demo(demoNow)
	fc := d.Replay().Forecast(demoNow)
	if fc.MeetingsLeft != 3 || fc.LastMeeting != 2 || !fc.IntervalKnown {
		t.Fatalf("m = %d, last = %d, interval known %v; want 3, 2, true", fc.MeetingsLeft, fc.LastMeeting, fc.IntervalKnown)
	}
	assertDec(t, "interval", fc.IntervalDays, "7")
	tests := []struct {
		title                 string
		ourFurther, theirs    string // projected further movement
		ourCap, theirCap      bool
		ourTo, theirTo        string
		gapLeft, packageValue string
		ourR, theirR          string // "" when the side holds
	}{
		// 24.50 − 23.40 = 1.10 apart. Ours 0.30·0.875 = 0.2625 (room 24.50 − 23.60 = 0.90);
		// theirs 0.50·0.875 = 0.4375 (room 24.00 − 23.40 = 0.60). 0.70 < 1.10: gap 0.40 left.
		{"List price per case", "0.2625", "0.4375", false, false, "24.2375", "23.8375", "0.40", "23.8375", "0.5", "0.5"},
		// Down: 60 − 45 = 15 apart. Ours 15·0.875 = 13.125 (room 60 − 45 = 15) → 58.125.
		// Theirs d = 15, 15: r = clamp(15/15 = 1) = 0.9, 15·(0.9 + 0.81 + 0.729) = 36.585,
		// but their walk-away estimate is 60, where they stand: cut to 0. Gap 15 − 13.125 = 1.875.
		{"Payment terms", "13.125", "0", false, true, "58.125", "60", "1.875", "60", "0.5", "0.9"},
		// Down: 3.0 − 1.75 = 1.25 apart. Ours 0.75·0.875 = 0.65625 → 2.40625;
		// theirs 1.0·0.875 = 0.875, cut at 3.0 − 2.5 = 0.5 → 2.5. Gap 1.25 − 1.15625 = 0.09375.
		{"Annual growth rebate", "0.65625", "0.5", false, true, "2.40625", "2.5", "0.09375", "2.5", "0.5", "0.5"},
		// We hold at 200,000; theirs 20,000·0.875 = 17,500 (no walk-away estimate) → 187,500.
		// Gap 30,000 − 17,500 = 12,500.
		{"Annual volume commitment", "0", "17500", false, false, "200000", "187500", "12500", "187500", "", "0.5"},
		// Down: ours 0.20·0.875 = 0.175 → 0.775; they hold at 1.50. Gap 0.90 − 0.175 = 0.725.
		{"Promotional allowance", "0.175", "0", false, false, "0.775", "1.50", "0.725", "1.50", "0.5", ""},
		// We hold at 8; theirs 2·0.875 = 1.75, cut at 6 − 5 = 1 → 6. Gap 3 − 1 = 2.
		{"SKUs listed, Crunch Oat range", "0", "1", false, true, "8", "6", "2", "6", "", "0.5"},
		// We hold at 36; theirs 12·0.875 = 10.5 → 34.5. Gap 12 − 10.5 = 1.5.
		{"Contract length", "0", "10.5", false, false, "36", "34.5", "1.5", "34.5", "", "0.5"},
		// Down: ours 2·0.875 = 1.75, cut at 98.5 − 97 = 1.5 → 98.5; they hold at 99.5. Gap 2.5 − 1.5 = 1.
		{"Service level, on time in full", "1.5", "0", true, false, "98.5", "99.5", "1", "99.5", "0.5", ""},
	}
	if len(fc.Items) != len(tests) {
		t.Fatalf("%d items forecast, want %d (the text-only item is left out)", len(fc.Items), len(tests))
	}
	for k, tc := range tests {
		f := fc.Items[k]
		if f.Item.Title != tc.title {
			t.Fatalf("item %d is %q, want %q", k, f.Item.Title, tc.title)
		}
		assertDec(t, tc.title+" our further", f.Ours.Further, tc.ourFurther)
		assertDec(t, tc.title+" their further", f.Theirs.Further, tc.theirs)
		assertDec(t, tc.title+" our projection", f.Ours.To, tc.ourTo)
		assertDec(t, tc.title+" their projection", f.Theirs.To, tc.theirTo)
		assertDec(t, tc.title+" gap left", f.GapLeft, tc.gapLeft)
		assertDec(t, tc.title+" landing package value", f.PackageValue, tc.packageValue)
		if f.Ours.Capped != tc.ourCap || f.Theirs.Capped != tc.theirCap {
			t.Errorf("%s: capped ours %v theirs %v, want %v %v", tc.title, f.Ours.Capped, f.Theirs.Capped, tc.ourCap, tc.theirCap)
		}
		for _, side := range []struct {
			p SideProjection
			r string
		}{{f.Ours, tc.ourR}, {f.Theirs, tc.theirR}} {
			if side.r == "" {
				if !side.p.Holds() {
					t.Errorf("%s: %s should hold", tc.title, side.p.Party)
				}
				continue
			}
			assertDec(t, tc.title+" r "+string(side.p.Party), side.p.R, side.r)
		}
		if f.Agrees || f.Told() {
			t.Errorf("%s: agrees %v told %v; every item of the demo has a side with fewer than two moves", tc.title, f.Agrees, f.Told())
		}
		if got := f.Outlook(); got != "too few moves to tell" {
			t.Errorf("%s: outlook %q", tc.title, got)
		}
	}
	// Our path on payment terms: 45 + 15·0.5 = 52.5, + 15·0.25 = 56.25, + 15·0.125 = 58.125.
	path := fc.Items[1].Ours.Path
	if len(path) != 3 || !path[0].Equal(dec("52.5")) || !path[1].Equal(dec("56.25")) || !path[2].Equal(dec("58.125")) {
		t.Errorf("our path on payment terms = %v, want [52.5 56.25 58.125]", path)
	}
}

// TestForecastDemoLanding prices the demo's landing package by hand. No item
// is expected to agree, so every item is at their projected position:
// price 23.8375, 60 days, growth rebate 2.5 %, 187,500 cases, allowance 1.50,
// 6 SKUs, 34.5 months, service level 99.5 %; standing 4 % on invoice and a
// 37,000 lump sum.
//
//	invoice 23.8375 × 0.96 = 22.884; turnover × 187,500 = 4,290,750
//	growth rebate (4,290,750 − 3,998,400) × 2.5 % = 7,308.75
//	allowances 1.50 × 187,500 = 281,250; lump sum 37,000
//	payment 22.884 × 8 % × 60/365 × 187,500 = 20,595,600/365 = 56,426.3013699
//	service (99.5 − 97) × 12,000 = 30,000; SKUs (4 − 6) × 38,000 = −76,000
//	costs 16.95 × 187,500 = 3,178,125
//	4,290,750 − 7,308.75 − 281,250 − 37,000 − 56,426.30 − 30,000 + 76,000 − 3,178,125 = 776,639.95
//
// Score: price (23.8375 − 23.60)/0.60 = 0.3958333, days 0, rebate
// (3 − 2.5)/1 = 0.5, volume 1 (past target), allowance 0, SKUs 1, contract 1,
// service 0; weights 90 40 70 60 50 55 45 30 (Σ 440):
// 100·(35.625 + 35 + 60 + 55 + 45)/440 = 52.41. Past our walk-away: the
// allowance (1.50 > 1.00) and the service level (99.5 > 98.5). Meeting 2 + 3 = 5.
func TestForecastDemoLanding(t *testing.T) {
	fc := Demo(demoNow).Replay().Forecast(demoNow)
	pr := fc.Landing
	if pr.Err != nil {
		t.Fatalf("the landing cannot be priced: %v", pr.Err)
	}
	assertRounded(t, "landing contribution", pr.Waterfall.Contribution, "776639.95")
	assertFloat(t, "landing score", float64(int(pr.Score*100+0.5))/100, 52.41)
	if pr.PastWalkAway != 2 || !pr.BelowFloor || fc.Disagree != 8 || fc.LandingMeeting != 5 {
		t.Errorf("past %d, below floor %v, disagree %d, meeting %d; want 2, true, 8, 5",
			pr.PastWalkAway, pr.BelowFloor, fc.Disagree, fc.LandingMeeting)
	}
	want := "Likely landing: contribution 776,639.95 (floor 800,000.00) by meeting 5 · score 52 · " +
		"past our walk-away on 2 items and below the deal floor · no agreement expected on 8 items (priced at their projected position)"
	if got := fc.Line(); got != want {
		t.Errorf("line\n got %s\nwant %s", got, want)
	}
}

// forecastDossier has two meetings 14 days apart and a deadline 30 days
// after the second: m = ⌊30/14⌋ = 2.
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
				TheirOpening: opt("60"), TheirWalkAway: opt("90"), Weight: 50, Status: ItemOpen, Order: 1},
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

// TestForecastCrossing: on A the projections cross and the gap splits in
// proportion; on B our growing moves clamp at r = 0.9 and our walk-away cuts them.
func TestForecastCrossing(t *testing.T) {
	d := forecastDossier()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	fc := d.Replay().Forecast(t0)
	if fc.MeetingsLeft != 2 {
		t.Fatalf("m = %d, want ⌊30/14⌋ = 2", fc.MeetingsLeft)
	}
	a, b := fc.Items[0], fc.Items[1]
	// A: r ours 5/10 = 0.5, theirs 8/10 = 0.8. Ours 5·(0.5 + 0.25) = 3.75;
	// theirs 8·(0.8 + 0.64) = 11.52. 3.75 + 11.52 = 15.27 ≥ gap 85 − 78 = 7.
	// Landing 85 − 7·3.75/15.27 = 85 − 1.719057 = 83.280943
	// (check: 78 + 7·11.52/15.27 = 78 + 5.280943). After one meeting
	// 5·0.5 + 8·0.8 = 8.9 ≥ 7: they meet at meeting 3.
	assertDec(t, "A r ours", a.Ours.R, "0.5")
	assertDec(t, "A r theirs", a.Theirs.R, "0.8")
	assertDec(t, "A our further", a.Ours.Further, "3.75")
	assertDec(t, "A their further", a.Theirs.Further, "11.52")
	if !a.Agrees || !a.Told() || a.Meeting != 3 {
		t.Errorf("A: agrees %v told %v meeting %d; want true true 3", a.Agrees, a.Told(), a.Meeting)
	}
	assertRounded(t, "A landing", a.Landing, "83.280943")
	if got := a.Outlook(); got != "likely landing 83.28 by meeting 3" {
		t.Errorf("A outlook %q", got)
	}
	// B: r ours clamp(2/1 = 2) = 0.9: 2·(0.9 + 0.81) = 3.42, cut at our room
	// 14 − 13 = 1 → 14. Theirs r = 1/2 = 0.5: 1·(0.5 + 0.25) = 0.75 → 26.25.
	// Gap 27 − 13 = 14; 14 − 1.75 = 12.25 left.
	assertDec(t, "B r ours", b.Ours.R, "0.9")
	assertDec(t, "B our further", b.Ours.Further, "1")
	assertDec(t, "B our projection", b.Ours.To, "14")
	assertDec(t, "B their projection", b.Theirs.To, "26.25")
	assertDec(t, "B gap left", b.GapLeft, "12.25")
	if !b.Ours.Capped || b.Agrees {
		t.Errorf("B: capped %v agrees %v; want true false", b.Ours.Capped, b.Agrees)
	}
	if got := b.Outlook(); got != "no agreement expected, gap 12.25 left" {
		t.Errorf("B outlook %q", got)
	}
	if fc.LandingMeeting != 4 || fc.Disagree != 1 {
		t.Errorf("landing meeting %d, disagree %d; want 2 + 2 = 4 and 1", fc.LandingMeeting, fc.Disagree)
	}
	// No deal basis: the line says why, never a zero.
	if line := fc.Line(); !strings.Contains(line, "contribution cannot be computed") {
		t.Errorf("line %q", line)
	}
}

// TestDecay checks the median rule on odd and even counts of ratios.
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
// an end time, a deadline passed or centuries away: clear figures, no panic.
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
		// One meeting: interval 7; deadline 44 days after it: ⌊44/7⌋ = 6.
		{"one meeting", func(d *Dossier) {
			d.Meetings = d.Meetings[:1]
			for i := range d.Ledger {
				d.Ledger[i].MeetingID = 1
			}
		}, 6, false, "7 days assumed", 1},
		// No meeting: from today (t0), 44 days at 7: ⌊44/7⌋ = 6; meeting 0.
		{"no meeting", func(d *Dossier) { d.Meetings, d.Ledger = nil, nil }, 6, false, "7 days assumed", 0},
		// The second meeting still runs (no end time): dated by its start, m stays 2.
		{"running meeting", func(d *Dossier) { d.Meetings[1].Ended = time.Time{} }, 2, true, "", 2},
		// Two meetings on one day: the interval is unknown, 7 days; 30 days left: ⌊30/7⌋ = 4.
		{"meetings on one day", func(d *Dossier) {
			d.Meetings[1].Started, d.Meetings[1].Ended = t0.Add(3*time.Hour), t0.Add(4*time.Hour)
			d.Negotiation.Deadline = t0.AddDate(0, 0, 30)
		}, 4, false, "7 days assumed", 2},
		{"deadline passed", func(d *Dossier) { d.Negotiation.Deadline = t0 }, 1, true, "", 2},
		{"deadline far away", func(d *Dossier) { d.Negotiation.Deadline = t0.AddDate(300, 0, 0) }, 7825, true, "", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := forecastDossier()
			tc.edit(d)
			fc := d.Replay().Forecast(t0)
			if fc.MeetingsLeft != tc.m || fc.IntervalKnown != tc.known || fc.LastMeeting != tc.lastMeet {
				t.Errorf("m %d known %v last %d; want %d %v %d", fc.MeetingsLeft, fc.IntervalKnown, fc.LastMeeting, tc.m, tc.known, tc.lastMeet)
			}
			if tc.note != "" && !strings.Contains(strings.Join(fc.Notes, "; "), tc.note) {
				t.Errorf("notes %q lack %q", fc.Notes, tc.note)
			}
			for _, f := range fc.Items {
				if len(f.Ours.Path) > maxSteps || len(f.Ours.Path) == 0 {
					t.Errorf("%s: path of %d steps", f.Item.Title, len(f.Ours.Path))
				}
				if f.Outlook() == "" || strings.Contains(f.Outlook(), "NaN") {
					t.Errorf("%s: outlook %q", f.Item.Title, f.Outlook())
				}
			}
			if line := fc.Line(); strings.Contains(line, "NaN") {
				t.Errorf("line %q", line)
			}
		})
	}
}

// TestForecastNoMoves: with no moves both sides hold, the gap stays, and
// both openings sit in the landing package at their position.
func TestForecastNoMoves(t *testing.T) {
	d := forecastDossier()
	d.Ledger = nil
	fc := d.Replay().Forecast(t0)
	a := fc.Items[0]
	if !a.Ours.Holds() || !a.Theirs.Holds() || a.Agrees || a.Told() {
		t.Fatalf("A: holds %v/%v agrees %v told %v", a.Ours.Holds(), a.Theirs.Holds(), a.Agrees, a.Told())
	}
	assertDec(t, "A gap left", a.GapLeft, "40")
	assertDec(t, "A package value", a.PackageValue, "60")
}

// TestForecastOneMoveEach: a side with one move projects with r = 0.5 for
// the landing, while the item says "too few moves to tell".
func TestForecastOneMoveEach(t *testing.T) {
	d := forecastDossier()
	d.Ledger = d.Ledger[:2] // A: ours 100 → 90, theirs 60 → 70
	fc := d.Replay().Forecast(t0)
	a := fc.Items[0]
	// Ours 10·(0.5 + 0.25) = 7.5 → 82.5; theirs the same → 77.5; gap 20 − 15 = 5 left.
	assertDec(t, "A our projection", a.Ours.To, "82.5")
	assertDec(t, "A their projection", a.Theirs.To, "77.5")
	assertDec(t, "A gap left", a.GapLeft, "5")
	if got := a.Outlook(); got != "too few moves to tell" {
		t.Errorf("A outlook %q", got)
	}
}
