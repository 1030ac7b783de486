package model

import (
	"fmt"
	"strings"
)

// The brief's lines for staying ahead of the other side (DESIGN 5.5–5.7),
// and the forecast as `parley forecast` prints it. Everything here is
// internal (DESIGN 9): forecast, budget and owed are PartForecast,
// PartBudget and PartOwed, which the redacted brief leaves out.

// landingLine writes the header's "Likely landing: …" line.
func (b *briefWriter) landingLine() {
	if !b.p.Part(PartForecast) {
		return
	}
	b.line("%s", b.r.Forecast(b.now).Line())
}

// aheadNextMeeting writes the next meeting's owed trade-backs, today's
// budget and what their moves say about their values.
func (b *briefWriter) aheadNextMeeting() {
	if b.p.Part(PartOwed) {
		b.line("### Owed")
		b.line("")
		b.owedLines()
		b.line("")
	}
	if b.p.Part(PartBudget) {
		b.line("### Budget")
		b.line("")
		b.budgetLines()
		b.line("")
	}
	if s := b.r.Suggestions(); len(s) > 0 && b.p.Part(PartTradePlan) {
		b.line("### What their moves say")
		b.line("")
		for _, s := range s {
			b.line("- %s", s.Text())
		}
		b.line("")
	}
}

func (b *briefWriter) owedLines() {
	owed := b.r.Owed()
	if len(owed) == 0 {
		b.line("- Owed trade-backs: none.")
		return
	}
	b.line("- Owed trade-backs (%s): ask for something in return for", OwedLine(owed, b.d.Negotiation.Currency))
	for _, o := range owed {
		it := b.d.Items[o.Move.Item]
		money := "not priced: " + fmt.Sprint(o.Err)
		if o.Err == nil {
			money = FormatMoney(o.Money) + " " + b.d.Negotiation.Currency + " a year"
		}
		b.line("  - #%d %s %s → %s (%s)", o.Number, it.Title, it.Format(o.Move.From), it.Format(o.Move.To), money)
	}
}

func (b *briefWriter) budgetLines() {
	items := b.r.BudgetLeft()
	if len(items) == 0 {
		b.line("- Today's budget: none set (`budget <item> <value>`).")
		return
	}
	b.line("- Today's budget, item by item (%s):", BudgetHeadline(items))
	cur := b.d.Negotiation.Currency
	for _, ib := range items {
		it := ib.Item
		room := it.Format(ib.Room) + " " + it.Unit + " left"
		if ib.Over() {
			room = "over it by " + it.Format(ib.Room.Neg()) + " " + it.Unit
		}
		switch {
		case ib.Priced && ib.Over():
			room += ", " + FormatMoney(ib.Money.Neg()) + " " + cur + " a year past it"
		case ib.Priced:
			room += ", worth " + FormatMoney(ib.Money) + " " + cur + " a year"
		case ib.Err != nil:
			room += ", money unknown: " + ib.Err.Error()
		}
		b.line("  - %s: as far as %s (%s)", it.Title, it.Format(ib.Budget.Value), room)
	}
}

// ForecastMarkdown is the landing forecast as `parley forecast` prints it:
// per item each side's projection and the outlook, then the landing line.
func ForecastMarkdown(d *Dossier, fc Forecast) string {
	b := &briefWriter{d: d}
	b.line("## Landing forecast")
	b.line("")
	deadline := "no deadline"
	if fc.Deadline {
		deadline = "deadline " + d.Negotiation.Deadline.Format(DateLayout)
	}
	b.line("Last meeting %d · %s · a meeting every %s days · %d %s left: landing by meeting %d.",
		fc.LastMeeting, deadline, FormatValue(trim(fc.IntervalDays.Round(2))), fc.MeetingsLeft,
		plural(fc.MeetingsLeft, "meeting", "meetings"), fc.LandingMeeting)
	for _, n := range fc.Notes {
		b.line("Note: %s.", n)
	}
	b.line("")
	var rows [][]string
	for _, f := range fc.Items {
		theirs := "—"
		if f.TheirsKnown {
			theirs = sideText(f.Item, f.Theirs)
		}
		rows = append(rows, []string{fmt.Sprint(f.Index + 1), f.Item.Title, sideText(f.Item, f.Ours), theirs,
			f.Item.FormatStep(f.PackageValue), f.Outlook()})
	}
	b.table([]string{"#", "Item", "We (now → projected)", "They (now → projected)", "In the landing", "Outlook"}, rows)
	b.line("%s", fc.Line())
	return EscapeForTerminal(b.String())
}

// sideText is one side's projection in a cell: "24.50 → 24.25 (r 0.5, moved
// in 2 meetings)" at the item's step, "holds at 200,000", "at 45, moved in 1
// meeting: too few moves to project" (no number, DESIGN 5.8), with where
// the path stops when something cut it.
func sideText(it AgendaItem, p SideProjection) string {
	switch {
	case p.Holds():
		return "holds at " + it.Format(p.From)
	case p.TooFew():
		return "at " + it.Format(p.From) + ", moved in 1 meeting: too few moves to project"
	}
	var notes []string
	notes = append(notes, "r "+FormatValue(trim(p.R.Round(3))))
	notes = append(notes, fmt.Sprintf("moved in %d %s", len(p.Sizes), plural(len(p.Sizes), "meeting", "meetings")))
	if p.Capped {
		notes = append(notes, "stops at the walk-away or their position")
	}
	return fmt.Sprintf("%s → %s (%s)", it.Format(p.From), it.FormatStep(p.To), strings.Join(notes, ", "))
}

// Text is the projection in words, as `parley forecast` writes it: "24.50 →
// 24.2375 (r 0.5, moved in 1 meeting)", "holds at 200,000".
func (p SideProjection) Text(it AgendaItem) string { return sideText(it, p) }
