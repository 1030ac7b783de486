package model

// The brief's agenda, gap closed after each meeting, ledger and trade plan.

import (
	"fmt"

	"github.com/shopspring/decimal"
)

func (b *briefWriter) agenda() {
	b.line("## Agenda")
	b.line("")
	if len(b.d.Items) == 0 {
		b.line("No items yet.")
		b.line("")
		return
	}
	head := []string{"#", "Topic", "Item", "Unit", "Ours", "Theirs", "Gap"}
	// The internal columns go together: each is a field the rule hides.
	internal := b.p.Field(FieldMoney) && b.p.Field(FieldTarget) && b.p.Field(FieldWalkAway) &&
		b.p.Field(FieldRoomLeft) && b.p.Field(FieldWeight) && b.p.Field(FieldScore)
	if internal {
		head = append(head, "Gap ("+b.d.Negotiation.Currency+")", "Target", "Walk-away", "Room left", "Weight", "Score (theirs)")
	}
	head = append(head, "Status")
	var rows [][]string
	for i, it := range b.d.Items {
		st := b.r.Items[i]
		row := []string{fmt.Sprint(i + 1), string(it.Topic), it.Title, it.Unit,
			optValue(it, st.Ours, st.HasOurs), optValue(it, st.Theirs, st.HasTheirs), "—"}
		if it.Tracked() {
			row[6] = it.Format(st.Gap)
		}
		if internal {
			money := "—"
			if it.Lever.Kind != LeverNone && b.r.Items[i].Gap.IsPositive() {
				if m, err := b.r.GapValue(i); err == nil {
					money = FormatMoney(m)
				}
			}
			room := "—"
			if rl, ok := b.r.RoomLeft(i); ok {
				room = it.Format(rl)
			}
			score := "—"
			if u, ok := b.r.ItemScore(i, Them); ok {
				score = fmt.Sprintf("%.0f", 100*u)
			}
			row = append(row, money, optValue(it, it.OurTarget.Decimal, it.OurTarget.Valid),
				optValue(it, it.OurWalkAway.Decimal, it.OurWalkAway.Valid), room, fmt.Sprint(it.Weight), score)
		}
		row = append(row, string(it.Status))
		rows = append(rows, row)
	}
	b.table(head, rows)
	if b.d.Negotiation.Stage == StagePrepare && b.p.Part(PartReadiness) {
		b.line("Readiness: %s", b.d.Readiness())
		b.line("")
	}
}

func optValue(it AgendaItem, v decimal.Decimal, ok bool) string {
	if !ok {
		return "—"
	}
	return it.Format(v)
}

func (b *briefWriter) meetings() {
	b.line("## Gap closed after each meeting")
	b.line("")
	if len(b.r.Meetings) == 0 {
		b.line("No meeting yet.")
		b.line("")
		return
	}
	var rows [][]string
	rows = append(rows, []string{"openings", "", FormatPercent(b.r.Openings), "", "", ""})
	for _, res := range b.r.Meetings {
		m := res.Meeting
		recip := "—"
		if res.ReciprocityKnown {
			recip = fmt.Sprintf("%.2f", res.Reciprocity)
		} else if res.TheirMoves > 0 {
			recip = "they only"
		}
		label := fmt.Sprint(m.Number)
		if m.Running() {
			label += " (running)"
		}
		row := []string{label, m.Started.Format(DateLayout), FormatPercent(res.GapClosed),
			fmt.Sprint(res.OurMoves), fmt.Sprint(res.TheirMoves)}
		if b.p.Part(PartReciprocity) {
			row = append(row, recip)
		}
		rows = append(rows, row)
	}
	head := []string{"Meeting", "Date", "Gap closed", "Our moves", "Their moves"}
	if b.p.Part(PartReciprocity) {
		head = append(head, "Reciprocity")
	} else {
		rows[0] = rows[0][:len(head)]
	}
	b.table(head, rows)
}

func (b *briefWriter) ledger() {
	b.line("## Concession ledger")
	b.line("")
	if len(b.r.Moves) == 0 {
		b.line("No concessions yet.")
		b.line("")
		return
	}
	head := []string{"#", "When", "Meeting", "Who", "Item", "From → to", "Size", "Traded for"}
	if b.p.Part(PartFlags) {
		head = append(head, "Flags")
	}
	var rows [][]string
	for _, mv := range b.r.Moves {
		it := b.d.Items[mv.Item]
		meeting := b.d.PeriodName(mv.Epoch)
		if m, ok := b.d.Meeting(mv.MeetingID); ok && mv.MeetingID != 0 {
			meeting = fmt.Sprint(m.Number)
		}
		who := "we"
		if mv.By == Them {
			who = "they"
		}
		traded := mv.TradedFor
		if traded == "" {
			traded = "—"
		}
		row := []string{fmt.Sprintf("#%d", mv.Number), mv.At.Format("2006-01-02 15:04"), meeting, who, it.Title,
			it.Format(mv.From) + " → " + it.Format(mv.To), it.Format(mv.Size), traded}
		if b.p.Part(PartFlags) {
			row = append(row, mv.Flags.String())
		}
		rows = append(rows, row)
	}
	b.table(head, rows)
}

func (b *briefWriter) tradePlan() {
	plan := b.d.TradePlan()
	if len(plan) == 0 {
		return
	}
	b.line("## Trade plan")
	b.line("")
	b.line("Give the items at the top (worth more to them than to us) to get the ones at the bottom.")
	b.line("")
	var rows [][]string
	for _, e := range plan {
		rows = append(rows, []string{e.Item.Title, fmt.Sprint(e.Item.Weight), fmt.Sprint(e.Item.ValueToThem),
			fmt.Sprintf("%.2f", e.Leverage), string(e.Advice)})
	}
	b.table([]string{"Item", "Worth to us", "Worth to them", "Leverage", "Advice"}, rows)
}
