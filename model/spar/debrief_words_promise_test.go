package spar

import (
	"slices"
	"strings"
	"testing"
)

// dealRecord is TestDemoSessionReachesADeal's session, as stored.
func dealRecord(t *testing.T) (*Session, Record) {
	t.Helper()
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 7, Tactic: Conceder, Meetings: 2})
	play(t, s, dealScript...)
	return s, s.Record()
}

// The debrief of a deal says the rounds, the deal as typed, the figures
// worked by hand in TestDemoSessionReachesADeal, a better trade, one point
// of each curve per offer, and the flags with their items' titles; the
// heading and the one-line summary say the same session.
func TestTheDebriefOfADealSaysItsFiguresAndFlags(t *testing.T) {
	s, rec := dealRecord(t)
	want := "Hollis Foodstores › 2027 annual terms · tactic conceder (e = 2) · seed 7 · 2 meetings (6 rounds)"
	if s.Heading() != want || rec.Heading() != want {
		t.Errorf("headings %q and %q, want %q", s.Heading(), rec.Heading(), want)
	}
	lines := rec.DebriefLines()
	for i, want := range []string{
		"Debrief: deal after 6 rounds",
		"  Deal: 1 23.70, 2 60, 3 3.0, 4 185000, 5 0.90, 6 6, 7 18, 8 98.0",
		"  Our score 40.72 · contribution 872,195.59 (acceptable)",
		"  Buyer's utility 28.03 · joint gain 68.75",
	} {
		if i >= len(lines) || lines[i] != want {
			t.Fatalf("line %d of the debrief is not %q:\n%s", i, want, strings.Join(lines, "\n"))
		}
	}
	if !strings.HasPrefix(lines[5], "  A better trade: 1 ") {
		t.Errorf("no better trade after the figures:\n%s", strings.Join(lines, "\n"))
	}
	for _, prefix := range []string{"  Our concessions (our score):        100.00 → ", "  Their concessions (their utility):  100.00 → "} {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
		if i < 0 || strings.Count(lines[i], " → ") != 5 {
			t.Errorf("no curve of 6 points starting %q:\n%s", prefix, strings.Join(lines, "\n"))
		}
	}
	for _, flag := range []string{"  Flag: round 3, item 3 (Annual growth rebate): increasing concession",
		"  Flag: round 3, item 5 (Promotional allowance): increasing concession"} {
		if !slices.Contains(lines, flag) {
			t.Errorf("no line %q:\n%s", flag, strings.Join(lines, "\n"))
		}
	}
	if slices.Contains(lines, "  Flags: none") {
		t.Errorf("two flags, yet \"Flags: none\":\n%s", strings.Join(lines, "\n"))
	}
	if got, want := rec.Summary(), "conceder   seed 7   6 rounds  deal  score 40.72  contribution 872,195.59  flags 2"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// The debrief of a session without a deal gives no deal figures, offers
// the Nash point worked by hand in TestDemoSessionWithoutADeal, and its
// summary dashes the score and the contribution; one meeting is singular.
func TestTheDebriefWithoutADealOffersTheNashPoint(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 7, Tactic: Boulware, Meetings: 1})
	play(t, s, "1 24.60", "we 3 3.5", "1 24.60")
	rec := s.Record()
	if h := s.Heading(); !strings.HasSuffix(h, " · seed 7 · 1 meeting (3 rounds)") {
		t.Errorf("heading %q", h)
	}
	lines := rec.DebriefLines()
	if want := []string{
		"Debrief: the buyer walked away at the deadline after 3 rounds",
		"  A deal both would have taken (the Nash point): 1 24.00, 2 60, 3 3.0, 4 185000, 5 1.00, 6 6, 7 24, 8 98.5 (our score 50.00, theirs 26.17)",
	}; len(lines) < 2 || !slices.Equal(lines[:2], want) {
		t.Errorf("debrief starts\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Contains(lines, "  Flag: round 2, item 3 (Annual growth rebate): unreciprocated, past walk-away") {
		t.Errorf("the rebate past our walk-away is not flagged:\n%s", strings.Join(lines, "\n"))
	}
	if got, want := rec.Summary(), "boulware   seed 7   3 rounds  the buyer walked away at the deadline  score —  contribution —  flags 1"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// A stored debrief is read as it holds: a deal with no better trade is on
// the frontier; no zone of agreement says why; no flags says none; an
// empty curve, a missing score and a missing or unreadable contribution
// show as such; a flag on an item the record does not list shows "?"; no
// transcript is no rounds.
func TestAStoredDebriefSaysWhatItHoldsAndWhatItLacks(t *testing.T) {
	_, rec := dealRecord(t)
	db := &rec.Debrief
	db.BetterTrade, db.Flags, db.OurCurve, db.OurScore, db.Contribution = nil, nil, nil, nil, nil
	lines := rec.DebriefLines()
	for _, want := range []string{
		"  Our score — · contribution unknown (acceptable)",
		"  The deal is on the Pareto frontier: no trade was better for both.",
		"  Our concessions (our score):        —",
		"  Flags: none",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	stored := "about 872k"
	db.Contribution = &stored
	db.Flags = []FlagRecord{{Round: 2, Item: 42, Flags: []string{"unreciprocated"}}}
	db.Frontier.NoZone = "item 3 (Annual growth rebate): our walk-away 3.0 is beyond theirs 2.5"
	lines = rec.DebriefLines()
	for _, want := range []string{
		"  Our score — · contribution about 872k (acceptable)",
		"  No deal was possible inside both sides' walk-aways: item 3 (Annual growth rebate): our walk-away 3.0 is beyond theirs 2.5",
		"  Flag: round 2, item 42 (?): unreciprocated",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	rec.Transcript = nil // stopped before a round was played
	if got := rec.DebriefLines()[0]; got != "Debrief: deal after 0 rounds" {
		t.Errorf("with no transcript the debrief starts %q", got)
	}
	if got := rec.Summary(); !strings.HasPrefix(got, "conceder   seed 7   0 rounds  deal") {
		t.Errorf("with no transcript the summary is %q", got)
	}
	if slices.Contains(lines, "  Flags: none") || slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "Pareto frontier:") }) {
		t.Errorf("a flag and no zone, yet:\n%s", strings.Join(lines, "\n"))
	}
}
