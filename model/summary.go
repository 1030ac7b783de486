package model

import (
	"time"

	"github.com/shopspring/decimal"
)

// Summary is what a portfolio of negotiations shows of one of them, kept
// small so that a page of 200 reads without replaying a single ledger. The
// store writes it in the same transaction as every change to the
// negotiation's deal (items, meetings, ledger, packages, budgets), so it is
// never older than the data it sums up.
type Summary struct {
	NegotiationID uint64    `json:"negotiation"`
	AccountID     uint64    `json:"account"`
	Title         string    `json:"title"`
	Stage         Stage     `json:"stage"`
	Status        Status    `json:"status"`
	Deadline      time.Time `json:"deadline,omitzero"`
	Currency      string    `json:"currency,omitempty"`
	Meetings      int       `json:"meetings"`
	// GapClosed is the weighted share of the gap closed, 0–1.
	GapClosed float64 `json:"gap_closed"`
	// Verdict is their offer's verdict in words ("" when it has no values).
	Verdict string `json:"verdict,omitempty"`
	// Ours and Theirs are the contributions of both offers a year; each is
	// null when it cannot be computed, and OursWhy/TheirsWhy say why.
	Ours      decimal.NullDecimal `json:"ours"`
	OursWhy   string              `json:"ours_why,omitempty"`
	Theirs    decimal.NullDecimal `json:"theirs"`
	TheirsWhy string              `json:"theirs_why,omitempty"`
	// Landing is the likely landing's contribution (null with LandingWhy),
	// BelowFloor whether it falls below Floor.
	Landing    decimal.NullDecimal `json:"landing"`
	LandingWhy string              `json:"landing_why,omitempty"`
	Floor      decimal.NullDecimal `json:"floor"`
	BelowFloor bool                `json:"below_floor,omitempty"`
	// Owed counts our concessions still waiting for a trade-back; OwedMoney
	// is what they cost us (null when one of them cannot be priced).
	Owed      int                 `json:"owed"`
	OwedMoney decimal.NullDecimal `json:"owed_money"`
	// At is the time the summary was worked out (the change's time).
	At time.Time `json:"at"`
}

// Summarize works out the summary of a negotiation from a full replay; now
// dates the landing forecast. It is the one rule for what a portfolio row
// says: the store calls it inside the write transaction, and a test holds
// that the stored row equals what it returns on the negotiation read again.
func Summarize(d *Dossier, now time.Time) Summary {
	n := d.Negotiation
	r := d.Replay()
	s := Summary{
		NegotiationID: n.ID, AccountID: n.AccountID, Title: n.Title, Stage: n.Stage, Status: n.Status,
		Deadline: n.Deadline, Currency: n.Currency, Meetings: len(d.Meetings),
		GapClosed: r.GapClosed, Floor: n.Deal.Floor, At: now,
	}
	deal := r.Deal()
	if pr, ok := deal.Result(OriginOurs); ok {
		s.Ours, s.OursWhy = contribution(pr)
	}
	if pr, ok := deal.Result(OriginTheirs); ok {
		s.Theirs, s.TheirsWhy = contribution(pr)
		s.Verdict = pr.Verdict()
	}
	fc := r.Forecast(now)
	s.Landing, s.LandingWhy = contribution(fc.Landing)
	s.BelowFloor = fc.Landing.Err == nil && fc.Landing.BelowFloor
	if !fc.HasLanding { // too few moves to tell: no figure (DESIGN 5.8)
		s.Landing, s.LandingWhy, s.BelowFloor = decimal.NullDecimal{}, fc.Reason(), false
	}
	owed := r.Owed()
	s.Owed = len(owed)
	if total, ok := OwedTotal(owed); ok {
		s.OwedMoney = decimal.NewNullDecimal(total)
	}
	return s
}

// contribution is a package's contribution, or why it has none.
func contribution(pr PackageResult) (decimal.NullDecimal, string) {
	c, err := pr.Contribution()
	if err != nil {
		return decimal.NullDecimal{}, err.Error()
	}
	return decimal.NewNullDecimal(c), ""
}
