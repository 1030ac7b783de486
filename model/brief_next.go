package model

// The brief's plan for the next meeting (DESIGN 7): what to ask for, what we
// can trade and what each costs, what is owed, today's budget, and the days
// left to the deadline. Only the meeting's number is for the buyer's eyes.

import (
	"fmt"

	"github.com/shopspring/decimal"
)

func (b *briefWriter) nextMeeting() {
	d := b.d
	b.line("## Next meeting")
	b.line("")
	if b.p.Part(PartDeadline) {
		b.line("Meeting %d · %s.", d.NextMeetingNumber(), b.deadlineText())
	} else {
		b.line("Meeting %d.", d.NextMeetingNumber())
	}
	b.line("")
	if b.p.Part(PartTradePlan) {
		b.askFor()
		b.canTrade()
	}
	b.aheadNextMeeting()
}

// deadlineText is the deadline and the days left to it, as of the brief's now.
func (b *briefWriter) deadlineText() string {
	dl := b.d.Negotiation.Deadline
	if dl.IsZero() {
		return "no deadline set"
	}
	text := "deadline " + dl.Format(DateLayout)
	if b.now.IsZero() {
		return text
	}
	days := int(dateOf(dl).Sub(dateOf(b.now)).Hours() / 24)
	switch {
	case days > 0:
		return fmt.Sprintf("%s, in %d %s", text, days, plural(days, "day", "days"))
	case days == 0:
		return text + ", today"
	}
	return fmt.Sprintf("%s, passed %d %s ago", text, -days, plural(-days, "day", "days"))
}

// askFor lists the open items worth more to us than to them where they
// still have ground to give, with what their meeting our position gains us.
func (b *briefWriter) askFor() {
	cur := b.d.Negotiation.Currency
	var rows [][]string
	for _, e := range b.d.TradePlan() {
		st := b.r.Items[e.Index]
		if e.Advice != AskFor || !e.Item.Tracked() || !st.Gap.IsPositive() {
			continue
		}
		gain := b.money(func() (decimal.Decimal, error) { return b.r.ConcessionMoney(Them, e.Item.ID, st.Ours) })
		rows = append(rows, []string{e.Item.Title, e.Item.Format(st.Theirs), e.Item.Format(st.Ours),
			e.Item.Format(st.Gap), gain})
	}
	b.line("### What to ask for")
	b.line("")
	if len(rows) == 0 {
		b.line("Nothing: no open item worth more to us than to them has a gap left.")
		b.line("")
		return
	}
	b.line("Worth more to us than to them: ask them to move.")
	b.line("")
	b.table([]string{"Item", "They offer", "We ask", "Gap", "If they meet us, gains us (" + cur + " a year)"}, rows)
}

// canTrade lists the open items worth more to them than to us that we can
// still move on, with what meeting them and going to our walk-away cost.
func (b *briefWriter) canTrade() {
	cur := b.d.Negotiation.Currency
	var rows [][]string
	for _, e := range b.d.TradePlan() {
		if e.Advice == AskFor {
			continue
		}
		it, st := e.Item, b.r.Items[e.Index]
		if !it.Tracked() {
			rows = append(rows, []string{it.Title, string(e.Advice), "—", "—", "—", "—"})
			continue
		}
		room, hasRoom := b.r.RoomLeft(e.Index)
		if !st.Gap.IsPositive() || (hasRoom && !room.IsPositive()) {
			continue // the plan never advises giving what is closed or spent
		}
		roomText := "—"
		if hasRoom {
			roomText = it.Format(room)
		}
		meet := b.money(func() (decimal.Decimal, error) { m, err := b.r.GapValue(e.Index); return m, err })
		walk := "—"
		if hasRoom {
			limit := it.OurWalkAway.Decimal
			if it.Better.Sign().Mul(st.Theirs.Sub(limit)).IsPositive() {
				limit = st.Theirs // their position comes before our walk-away
			}
			walk = b.money(func() (decimal.Decimal, error) {
				m, err := b.r.ConcessionMoney(Us, it.ID, limit)
				return m.Neg(), err
			})
		}
		rows = append(rows, []string{it.Title, string(e.Advice), it.Format(st.Ours) + " → " + it.Format(st.Theirs), roomText, meet, walk})
	}
	b.line("### What we can trade")
	b.line("")
	if len(rows) == 0 {
		b.line("Nothing: every item worth more to them is closed or at our walk-away.")
		b.line("")
		return
	}
	b.line("Worth more to them than to us, in the trade plan's order; the money is what it costs our offer a year (%s).", cur)
	b.line("")
	b.table([]string{"Item", "Advice", "We ask → they offer", "Room left", "Meeting them costs", "Furthest we may go costs"}, rows)
}

// money writes an amount, or "—" when it cannot be priced (no lever, no basis).
func (b *briefWriter) money(f func() (decimal.Decimal, error)) string {
	m, err := f()
	if err != nil {
		return "—"
	}
	return FormatMoney(m)
}
