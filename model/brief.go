package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// BriefOptions says how to write a brief.
type BriefOptions struct {
	// Redact leaves out everything the privacy rule (privacy.go) does not
	// call buyer-safe: the brief then holds only what the buyer may see.
	Redact bool
	Now    time.Time
}

// Brief writes the meeting brief as Markdown.
func Brief(d *Dossier, opts BriefOptions) string {
	b := &briefWriter{d: d, r: d.Replay(), p: Privacy{BuyerView: opts.Redact}, now: opts.Now}
	b.header()
	b.agenda()
	b.meetings()
	b.ledger()
	b.nextMeetingAhead()
	if b.p.Part(PartTradePlan) {
		b.tradePlan()
	}
	if b.p.Part(PartDeal) {
		b.deal()
	}
	b.scenarios()
	b.openNotes()
	b.followUps()
	// Text stored before cleaning existed must not act on the terminal the
	// brief is printed to, nor on the one that later shows the file.
	return EscapeForTerminal(b.String())
}

type briefWriter struct {
	strings.Builder
	d   *Dossier
	r   *Replay
	p   Privacy
	now time.Time
}

func (b *briefWriter) line(format string, args ...any) {
	fmt.Fprintf(b, format, args...)
	b.WriteByte('\n')
}

func (b *briefWriter) table(head []string, rows [][]string) {
	b.line("| %s |", strings.Join(head, " | "))
	seps := make([]string, len(head))
	for i := range seps {
		seps[i] = "---"
	}
	b.line("| %s |", strings.Join(seps, " | "))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = mdCell(c)
		}
		b.line("| %s |", strings.Join(cells, " | "))
	}
	b.line("")
}

// mdCell keeps a cell on one line and its pipes from splitting the table.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}

func (b *briefWriter) header() {
	d := b.d
	b.line("# %s › %s", d.Account.Name, d.Negotiation.Title)
	b.line("")
	meetings := len(d.Meetings)
	facts := []string{
		fmt.Sprintf("%s account", d.Account.Kind),
	}
	if d.Account.Category != "" {
		facts = append(facts, "category "+d.Account.Category)
	}
	facts = append(facts,
		fmt.Sprintf("stage **%s** (%s)", d.Negotiation.Stage, d.Negotiation.Stage.Purpose()),
		"status "+string(d.Negotiation.Status),
		fmt.Sprintf("%d %s", meetings, plural(meetings, "meeting", "meetings")),
		"currency "+d.Negotiation.Currency)
	if !d.Negotiation.Deadline.IsZero() {
		facts = append(facts, "deadline "+d.Negotiation.Deadline.Format(DateLayout))
	}
	b.line("%s", strings.Join(facts, " · "))
	if m, ok := d.RunningMeeting(); ok {
		b.line("")
		b.line("Meeting %d is under way since %s.", m.Number, m.Started.Format("2006-01-02 15:04"))
	}
	b.line("")
	b.line("Gap closed: %s", FormatPercent(b.r.GapClosed))
	if b.p.Part(PartDeal) {
		// The verdict judges their offer against our walk-aways and floor: internal.
		b.line("Their offer: %s", b.r.Evaluate(b.r.Positions(OriginTheirs)).Verdict())
	}
	b.landingLine()
	b.line("")
	b.line("`%s`", Bar(b.r.GapClosed, 30))
	b.line("")
	if b.p.Part(PartPackageScore) {
		theirs, ok1 := b.r.PackageScore(Them)
		ours, ok2 := b.r.PackageScore(Us)
		if ok1 && ok2 {
			b.line("Package score (ours, 0 at walk-away, 100 at target): their offer %.0f · our offer %.0f", theirs, ours)
			b.line("")
		}
	}
	if b.p.Part(PartAccountNotes) && d.Account.Notes != "" {
		b.line("> %s", strings.Join(strings.Fields(d.Account.Notes), " "))
		b.line("")
	}
}

// Bar draws a share of 0–1 as a bar of width cells.
func Bar(share float64, width int) string {
	width = max(0, width)
	full := int(min(1, max(0, share)) * float64(width))
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

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
	for _, res := range b.r.Meetings {
		m := res.Meeting
		if m.Summary == "" || !b.p.Part(PartMeetingSummary) {
			continue
		}
		b.line("- Meeting %d%s: %s", m.Number, place(m), strings.Join(strings.Fields(m.Summary), " "))
	}
	b.line("")
}

func place(m Meeting) string {
	if m.Place == "" {
		return ""
	}
	return " (" + m.Place + ")"
}

func (b *briefWriter) ledger() {
	b.line("## Concession ledger")
	b.line("")
	if len(b.r.Moves) == 0 {
		b.line("No concessions yet.")
		b.line("")
		return
	}
	head := []string{"When", "Meeting", "Who", "Item", "From → to", "Size", "Traded for"}
	if b.p.Part(PartFlags) {
		head = append(head, "Flags")
	}
	var rows [][]string
	for _, mv := range b.r.Moves {
		it := b.d.Items[mv.Item]
		meeting := "between"
		if m, ok := b.d.Meeting(mv.MeetingID); ok {
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
		row := []string{mv.At.Format("2006-01-02 15:04"), meeting, who, it.Title,
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

func (b *briefWriter) scenarios() {
	for _, s := range b.d.Scenarios {
		if !b.p.Scenario(s) {
			continue
		}
		switch s.Kind {
		case CategoryScenario:
			b.categoryImpact(s)
		}
	}
	if b.p.Part(PartConcessionCosts) {
		b.concessionCosts()
	}
}

func (b *briefWriter) categoryImpact(s Scenario) {
	shown := ""
	if s.ForBuyer {
		shown = " (shown to the buyer)"
	}
	b.line("## Category impact: %s%s", s.Name, shown)
	b.line("")
	c := s.Impact
	if c.OurSales.Valid {
		b.line("Baseline category turnover %s at %s%% margin, of which our sales %s.", FormatMoney(c.BaselineTurnover),
			FormatValue(c.BaselineMargin), FormatMoney(c.OurSales.Decimal))
	} else {
		b.line("Baseline category turnover %s at %s%% margin.", FormatMoney(c.BaselineTurnover), FormatValue(c.BaselineMargin))
	}
	b.line("")
	var rows [][]string
	for _, l := range c.Lines {
		rows = append(rows, []string{l.Product, FormatValue(l.Units), FormatMoney(l.Price), FormatValue(l.Margin) + "%",
			FormatValue(l.CannibalRate) + "%", FormatValue(l.CannibalMargin) + "%", FormatMoney(l.Allowance)})
	}
	if len(rows) > 0 {
		b.table([]string{"Product", "Units a year", "Shelf price", "Margin", "Cannibalization", "Cannibalized margin", "Allowances"}, rows)
	}
	r := c.Result()
	growth := "n/a (no baseline)"
	if r.GrowthKnown {
		growth = FormatSigned(r.Growth.Round(1), 1) + "%"
	}
	results := [][]string{
		{"Gross new sales", FormatMoney(r.Gross)},
		{"Cannibalized sales", FormatMoney(r.Cannibalized)},
		{"Net category turnover change", FormatSigned(r.NetTurnover, 2)},
		{"Net category profit change", FormatSigned(r.NetProfit, 2)},
		{"Category growth", growth},
	}
	if r.ShareKnown {
		results = append(results, []string{"Our share of the category",
			FormatNumber(r.ShareBefore, 1) + "% → " + FormatNumber(r.ShareAfter, 1) + "%"})
	}
	b.table([]string{"Result", b.d.Negotiation.Currency}, results)
	b.line("Verdict: %s.", r.Verdict())
	b.line("")
}

func (b *briefWriter) concessionCosts() {
	costs, err := b.r.OpenItemCosts()
	if err != nil {
		b.line("## What the open items cost")
		b.line("")
		b.line("Cannot be priced: %s.", err)
		b.line("")
		return
	}
	if len(costs) == 0 {
		return
	}
	b.line("## What the open items cost")
	b.line("")
	b.line("Changes in the annual contribution of our offer.")
	b.line("")
	var rows [][]string
	for _, c := range costs {
		it := b.d.Items[c.Index]
		rows = append(rows, []string{it.Title, FormatMoney(c.GivenSoFar), FormatMoney(c.ToClose), it.Lever.Kind.Label()})
	}
	b.table([]string{"Item", "Given so far (" + b.d.Negotiation.Currency + ")", "To close at their position", "Lever"}, rows)
}

func (b *briefWriter) openNotes() {
	b.line("## Open actions and questions")
	b.line("")
	listed := false
	for _, n := range b.d.Notes {
		if !n.Open() || !b.p.Note(n) {
			continue
		}
		listed = true
		tag := ""
		if it, ok := b.d.Item(n.ItemID); ok {
			tag = " _(" + it.Title + ")_"
		}
		if n.Kind == KindAction {
			b.line("- [ ] %s%s", oneLine(n.Text), tag)
		} else {
			b.line("- ? %s%s", oneLine(n.Text), tag)
		}
	}
	if !listed {
		b.line("Nothing open.")
	}
	b.line("")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (b *briefWriter) followUps() {
	var shown []FollowUp
	done, total := 0, 0
	for _, f := range b.d.FollowUps {
		if b.p.FollowUp(f) {
			shown = append(shown, f)
			total++
			if f.Done {
				done++
			}
		}
	}
	b.line("## Follow-up")
	b.line("")
	if total == 0 {
		b.line("Progress: 0/0 (no checklist yet)")
		b.line("")
		return
	}
	b.line("Progress: %d/%d `%s`", done, total, Bar(float64(done)/float64(total), 20))
	b.line("")
	var rows [][]string
	for _, f := range shown {
		due := "—"
		if !f.Due.IsZero() {
			due = f.Due.Format(DateLayout)
			if !b.now.IsZero() && f.Overdue(b.now) {
				due += " (overdue)"
			}
		}
		state := "open"
		if f.Done {
			state = "done " + f.DoneAt.Format(DateLayout)
		}
		rows = append(rows, []string{string(f.Side), f.Role, f.Person, f.Action, due, state})
	}
	b.table([]string{"Side", "Role", "Person", "Action", "Due", "Done"}, rows)
}
