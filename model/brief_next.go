package model

// The brief's plan for the next meeting (DESIGN 7): what to ask for, what we
// can trade and what each costs, what is owed, today's budget, and the days
// left to the deadline. Only the meeting's number is for the buyer's eyes.

import (
	"fmt"
	"strconv"

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

// askFor lists the items the trade plan says to ask for (AskForAt) where
// they still have ground to give, with what their meeting our position gains
// us; its words state the plan's own rule, so that an item worth a little
// more to us, which the plan trades evenly, is not denied.
func (b *briefWriter) askFor() {
	cur := b.d.Negotiation.Currency
	var rows [][]string
	for _, e := range b.d.TradePlan() {
		st := b.r.Items[e.Index]
		if e.Advice != AskFor || !e.Item.Tracked() || !st.Gap.IsPositive() {
			continue
		}
		gain := "—"
		if m, err := b.r.ConcessionMoney(Them, e.Item.ID, st.Ours); err == nil {
			gain = MoneyWords(m)
		}
		rows = append(rows, []string{e.Item.Title, e.Item.Format(st.Theirs), e.Item.Format(st.Ours),
			e.Item.Format(st.Gap), gain})
	}
	b.line("### What to ask for")
	b.line("")
	if len(rows) == 0 {
		b.line("Nothing to ask for outright: the trade plan asks for an item worth at least %s as much to us as to them, "+
			"and none with a gap left is. Items worth about the same to both are under What we can trade.", times(1/AskForAt))
		b.line("")
		return
	}
	b.line("The trade plan's ask-for items (worth at least %s as much to us as to them) with a gap left: ask them to move.", times(1/AskForAt))
	b.line("")
	b.table([]string{"Item", "They offer", "We ask", "Gap", "If they meet us (" + cur + " a year)"}, rows)
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
		b.line("Nothing: every give-first or trade-evenly item is closed or at our walk-away.")
		b.line("")
		return
	}
	b.line("The trade plan's give-first items (worth at least %s as much to them as to us) and trade-evenly ones (about the same to both: "+
		"give one only for one of theirs), in its order; the money is what it costs our offer a year (%s).", times(GiveFirstAt), cur)
	b.line("")
	b.table([]string{"Item", "Advice", "We ask → they offer", "Room left", "Meeting them costs", "Furthest we may go costs"}, rows)
}

// times writes a ratio of the trade plan's rule: "1.25×".
func times(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) + "×" }

// money writes an amount, or "—" when it cannot be priced (no lever, no basis).
func (b *briefWriter) money(f func() (decimal.Decimal, error)) string {
	m, err := f()
	if err != nil {
		return "—"
	}
	return FormatMoney(m)
}
