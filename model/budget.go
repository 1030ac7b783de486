package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Ahead is what the KAM keeps to stay ahead of the other side (DESIGN
// 5.6–5.7): today's budgets, the owed trade-backs cleared by hand, and the
// value suggestions accepted or dismissed. A Dossier embeds it.
type Ahead struct {
	Budgets   []Budget             // oldest first
	Cleared   []OwedClear          // trade-backs cleared by hand
	Decisions []SuggestionDecision // value suggestions accepted or dismissed
}

// Budget is today's limit on one item: our furthest position in one meeting
// (DESIGN 5.6). Set between meetings (MeetingID 0), it holds until the next
// meeting ends, as a move between meetings counts toward the next one.
type Budget struct {
	ID        uint64
	ItemID    uint64
	MeetingID uint64 // 0 when set between meetings
	Value     decimal.Decimal
	At        time.Time
	Stamp     // UID and Updated, set by the store
}

// Validate checks the budget on its own; whether it lies between our
// position and our walk-away is checked by Dossier.CheckBudget.
func (b Budget) Validate() error {
	if err := CheckSizes(b); err != nil {
		return err
	}
	if b.ItemID == 0 {
		return fmt.Errorf("the budget names no agenda item")
	}
	if b.At.IsZero() {
		return fmt.Errorf("the budget has no time")
	}
	return nil
}

// CheckBudget says whether b can be set: a numeric open item, and a value
// between our current position and our walk-away.
func (d *Dossier) CheckBudget(b Budget) error {
	return d.Replay().CheckBudget(b)
}

// CheckBudget is Dossier.CheckBudget from r, a replay of the dossier's
// ledger: it costs in proportion to the agenda.
func (r *Replay) CheckBudget(b Budget) error {
	d := r.dossier
	if err := b.Validate(); err != nil {
		return err
	}
	i := d.ItemIndex(b.ItemID)
	if i < 0 {
		return fmt.Errorf("there is no such item on the agenda")
	}
	it := d.Items[i]
	if !it.Numeric() {
		return fmt.Errorf("%q has no numbers: a budget is a furthest position", it.Title)
	}
	if it.Status == ItemAgreed {
		return fmt.Errorf("%q is already agreed: there is nothing left to give", it.Title)
	}
	s := it.Better.Sign()
	ours := r.Items[i].Ours
	if s.Mul(ours.Sub(b.Value)).IsNegative() {
		return fmt.Errorf("%s on %q is behind our position %s: a budget is how far we may still move",
			it.Format(b.Value), it.Title, it.Format(ours))
	}
	if it.OurWalkAway.Valid && s.Mul(b.Value.Sub(it.OurWalkAway.Decimal)).IsNegative() {
		return fmt.Errorf("%s on %q is beyond our walk-away %s", it.Format(b.Value), it.Title, it.Format(it.OurWalkAway.Decimal))
	}
	return nil
}

// CurrentEpoch is the meeting that moves and budgets count toward now: the
// running meeting, else the next one.
func (d *Dossier) CurrentEpoch() int {
	if m, ok := d.RunningMeeting(); ok {
		return m.Number
	}
	return d.NextMeetingNumber()
}

// TodaysBudget is the budget that holds on the item now: the last one set
// for the current meeting.
func (d *Dossier) TodaysBudget(itemID uint64) (Budget, bool) {
	return d.budgetAt(itemID, d.CurrentEpoch(), time.Time{}, d.meetingNumbers())
}

// budgetAt is the last budget on the item counting toward meeting epoch and
// set by at (any time when at is zero).
func (d *Dossier) budgetAt(itemID uint64, epoch int, at time.Time, numbers map[uint64]int) (Budget, bool) {
	var found Budget
	ok := false
	for _, b := range d.Budgets {
		if b.ItemID != itemID || (!at.IsZero() && b.At.After(at)) {
			continue
		}
		if d.epoch(Concession{MeetingID: b.MeetingID, At: b.At}, numbers) != epoch {
			continue
		}
		if !ok || !b.At.Before(found.At) {
			found, ok = b, true
		}
	}
	return found, ok
}

func (d *Dossier) meetingNumbers() map[uint64]int {
	numbers := make(map[uint64]int, len(d.Meetings))
	for _, m := range d.Meetings {
		numbers[m.ID] = m.Number
	}
	return numbers
}

// flagOverBudget flags each move of ours that goes beyond the budget that
// held on its item when it was made.
func (d *Dossier) flagOverBudget(moves []Move) {
	if len(d.Budgets) == 0 {
		return
	}
	numbers := d.meetingNumbers()
	for k := range moves {
		if d.overBudget(moves[k], numbers) {
			moves[k].Flags |= OverBudget
		}
	}
}

// overBudget reports whether mv is a move of ours beyond the budget that
// held on its item when it was made; numbers are the meetings' numbers by ID.
func (d *Dossier) overBudget(mv Move, numbers map[uint64]int) bool {
	if mv.By != Us || len(d.Budgets) == 0 {
		return false
	}
	b, ok := d.budgetAt(mv.ItemID, mv.Epoch, mv.At, numbers)
	return ok && d.Items[mv.Item].Better.Sign().Mul(mv.To.Sub(b.Value)).IsNegative()
}

// MoveFlags are the discipline flags logging c would raise, from a replay of
// the ledger with c in it: what the workbench asks about and `parley note`
// refuses without --yes.
func (d *Dossier) MoveFlags(c Concession) Flag {
	c.ID = 0
	e, err := d.Replay().Effect(c)
	if err != nil {
		return 0
	}
	return e.Move.Flags
}

// AskFirst is the part of the flags that asks before the move is logged:
// past our walk-away and over budget.
func (f Flag) AskFirst() Flag { return f & (PastWalkAway | OverBudget) }

// Question is what to ask before a move that raises flags f, or "" when
// nothing needs asking.
func (f Flag) Question() string {
	var parts []string
	if f.Has(PastWalkAway) {
		parts = append(parts, "past our walk-away")
	}
	if f.Has(OverBudget) {
		parts = append(parts, "over today's budget")
	}
	if len(parts) == 0 {
		return ""
	}
	return "This takes us " + strings.Join(parts, " and ") + ". Log it anyway?"
}

// ItemBudget is today's budget on one item and what is left of it. Budget
// left is kept per item and never netted across items (DESIGN 5.8): room on
// the price does not hide an allowance over its budget.
type ItemBudget struct {
	Index  int // in Dossier.Items
	Item   AgendaItem
	Budget Budget
	Room   decimal.Decimal // s·(ours − budget): units we may still give today; negative when over
	Money  decimal.Decimal // what giving all of it would cost our offer a year (negative when over)
	Priced bool            // Money is known
	Err    error           // why Money is unknown (Priced false)
}

// Over reports whether our position is already past today's budget.
func (ib ItemBudget) Over() bool { return ib.Room.IsNegative() }

// BudgetLeft is today's budgets, item by item; empty when none holds today.
func (r *Replay) BudgetLeft() []ItemBudget {
	d := r.dossier
	var items []ItemBudget
	for i, it := range d.Items {
		b, ok := d.TodaysBudget(it.ID)
		if !ok || !it.Numeric() {
			continue
		}
		ib := ItemBudget{Index: i, Item: it, Budget: b, Room: it.Better.Sign().Mul(r.Items[i].Ours.Sub(b.Value))}
		if it.Lever.Kind != LeverNone {
			var m decimal.Decimal
			m, ib.Err = r.ConcessionMoney(Us, it.ID, b.Value)
			ib.Money, ib.Priced = m.Neg(), ib.Err == nil
		}
		items = append(items, ib)
	}
	return items
}

// BudgetHeadline is the header's budget in a few words: the items over
// their budget ("over budget: Promotional allowance by 0.10"), else the
// tightest item, the one with the least money left, or the least room
// when none is priced ("budget: List price per case 0.60 left"); "" when
// no budget holds today.
func BudgetHeadline(items []ItemBudget) string {
	if len(items) == 0 {
		return ""
	}
	var over []string
	for _, ib := range items {
		if ib.Over() {
			over = append(over, ib.Item.Title+" by "+ib.Item.Format(ib.Room.Neg()))
		}
	}
	if len(over) > 0 {
		return "over budget: " + strings.Join(over, ", ")
	}
	tight := items[0]
	for _, ib := range items[1:] {
		switch {
		case ib.Priced && tight.Priced && ib.Money.LessThan(tight.Money),
			ib.Priced && !tight.Priced:
			tight = ib
		}
	}
	return "budget: " + tight.Item.Title + " " + tight.Item.Format(tight.Room) + " left"
}
