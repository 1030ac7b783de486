package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// PortfolioRow is one negotiation on the portfolio page (DESIGN 12): its
// summary as the store keeps it, with the account's name, the KAM who owns
// it and the requests for approval waiting on it.
type PortfolioRow struct {
	Summary
	Account string `json:"account_name"`
	KAM     string `json:"kam,omitempty"`
	Pending int    `json:"pending"`
}

// DaysLeft is the whole days from now to the deadline; ok is false without one.
func (r PortfolioRow) DaysLeft(now time.Time) (days int, ok bool) {
	if r.Deadline.IsZero() {
		return 0, false
	}
	y1, m1, d1 := now.Date()
	y2, m2, d2 := r.Deadline.In(now.Location()).Date()
	a := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24), true
}

// PortfolioSort is an order of the portfolio's rows.
type PortfolioSort int

// The orders, in the order the page cycles through them.
const (
	ByDeadline PortfolioSort = iota // soonest deadline first, none last
	ByGap                           // least of the gap closed first
	ByPending                       // most requests waiting first
	ByAccount                       // by account name
	portfolioSorts
)

// Next is the order after s.
func (s PortfolioSort) Next() PortfolioSort { return (s + 1) % portfolioSorts }

// String names the order.
func (s PortfolioSort) String() string {
	return [...]string{"deadline", "gap closed", "pending approvals", "account"}[s]
}

// SortPortfolio orders rows by s, ties by account and title.
func SortPortfolio(rows []PortfolioRow, s PortfolioSort) {
	slices.SortStableFunc(rows, func(a, b PortfolioRow) int {
		var c int
		switch s {
		case ByDeadline:
			switch {
			case a.Deadline.IsZero() != b.Deadline.IsZero():
				c = map[bool]int{true: 1, false: -1}[a.Deadline.IsZero()]
			default:
				c = a.Deadline.Compare(b.Deadline)
			}
		case ByGap:
			c = cmp.Compare(a.GapClosed, b.GapClosed)
		case ByPending:
			c = cmp.Compare(b.Pending, a.Pending)
		}
		return cmp.Or(c, cmp.Compare(strings.ToLower(a.Account), strings.ToLower(b.Account)), cmp.Compare(a.Title, b.Title))
	})
}

// FilterPortfolio keeps the rows whose account, title, KAM or stage holds
// text (any case); empty text keeps all.
func FilterPortfolio(rows []PortfolioRow, text string) []PortfolioRow {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" {
		return rows
	}
	var out []PortfolioRow
	for _, r := range rows {
		hay := strings.ToLower(r.Account + " " + r.Title + " " + r.KAM + " " + string(r.Stage))
		if strings.Contains(hay, t) {
			out = append(out, r)
		}
	}
	return out
}
