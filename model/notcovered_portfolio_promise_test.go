package model

import (
	"testing"
	"time"
)

// The days left to a deadline are whole calendar days in the reader's
// zone: 3 from Monday evening to Thursday morning, 0 on the day, −1 the
// day after; no deadline gives none.
func TestDaysLeftCountCalendarDaysToTheDeadline(t *testing.T) {
	now := time.Date(2027, 3, 1, 20, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		deadline time.Time
		want     int
	}{
		{time.Date(2027, 3, 4, 9, 0, 0, 0, time.UTC), 3},
		{time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC), 0},
		{time.Date(2027, 2, 28, 23, 0, 0, 0, time.UTC), -1},
		{time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC), 31},
	} {
		days, ok := PortfolioRow{Summary: Summary{Deadline: tc.deadline}}.DaysLeft(now)
		if !ok || days != tc.want {
			t.Errorf("DaysLeft to %s = %d, %v; want %d", tc.deadline.Format(time.DateTime), days, ok, tc.want)
		}
	}
	if _, ok := (PortfolioRow{}).DaysLeft(now); ok {
		t.Error("a negotiation without a deadline has days left")
	}
}

// The portfolio's orders cycle deadline → gap closed → pending approvals
// → account → deadline again.
func TestPortfolioOrdersCycleThroughAllFour(t *testing.T) {
	s := ByDeadline
	var names []string
	for range 5 {
		names = append(names, s.String())
		s = s.Next()
	}
	want := []string{"deadline", "gap closed", "pending approvals", "account", "deadline"}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("orders %q, want %q", names, want)
		}
	}
}

// By deadline the soonest comes first and a negotiation without one last,
// whatever order they came in; ties go by account.
func TestPortfolioByDeadlinePutsTheSoonestFirstAndNoneLast(t *testing.T) {
	row := func(account string, deadline time.Time) PortfolioRow {
		return PortfolioRow{Summary: Summary{Title: "2027", Deadline: deadline}, Account: account}
	}
	soon, later := time.Date(2027, 3, 5, 0, 0, 0, 0, time.UTC), time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, in := range [][]PortfolioRow{
		{row("Ames", time.Time{}), row("Bolt", later), row("Crane", soon), row("Dale", time.Time{}), row("Eton", soon)},
		{row("Eton", soon), row("Dale", time.Time{}), row("Bolt", later), row("Crane", soon), row("Ames", time.Time{})},
	} {
		SortPortfolio(in, ByDeadline)
		var got []string
		for _, r := range in {
			got = append(got, r.Account)
		}
		want := []string{"Crane", "Eton", "Bolt", "Ames", "Dale"}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("by deadline %q, want %q", got, want)
				break
			}
		}
	}
}

// The filter keeps the rows whose account, title, KAM or stage holds the
// text, in any case; blank text keeps every row.
func TestPortfolioFilterKeepsTheRowsThatHoldTheText(t *testing.T) {
	rows := []PortfolioRow{
		{Summary: Summary{Title: "Annual 2027", Stage: StageExplore}, Account: "Hollis Foods", KAM: "Ann"},
		{Summary: Summary{Title: "Spring range", Stage: StagePropose}, Account: "Brandt", KAM: "Bob"},
	}
	for text, want := range map[string]int{"hollis": 1, "SPRING": 1, "bob": 1, "explore": 1, "annual": 1, "nobody": 0, "  ": 2, "": 2} {
		if got := FilterPortfolio(rows, text); len(got) != want {
			t.Errorf("FilterPortfolio(%q) keeps %d rows, want %d", text, len(got), want)
		}
	}
}
