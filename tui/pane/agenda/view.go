package agenda

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// footerLines are shown under the table: the selected item in full and the
// readiness or trade plan, as many as the room the rows leave (the rows come
// first on a short pane).
func (p *Pane) footerLines() int {
	if p.h < 8 {
		return 0
	}
	want := detailLines + 1
	spare := p.h - 1 - len(p.rows)
	if p.filter.Shown() {
		spare--
	}
	least := 1
	if p.h >= 14 {
		least = 3
	}
	return min(want, max(least, spare))
}

// detailLines is the most the selected item's description takes.
const detailLines = 8

func (p *Pane) listHeight() int {
	h := p.h - 1 - p.footerLines() // the column header
	if p.filter.Shown() {
		h--
	}
	return max(1, h)
}

// View draws the pane at its size.
func (p *Pane) View(focused bool) []string {
	if p.snap == nil {
		return ui.Block(nil, p.w, p.h)
	}
	if p.plan {
		return p.planView()
	}
	st := p.snap.St
	var lines []string
	if p.filter.Shown() {
		lines = append(lines, p.filter.View(p.w))
	}
	cols := p.columns()
	var head strings.Builder
	for _, c := range cols {
		if c.right {
			head.WriteString(ui.FitRight(c.title, c.width) + " ")
		} else {
			head.WriteString(ui.Fit(c.title, c.width) + " ")
		}
	}
	lines = append(lines, st.Dim.Render(ui.Cut(head.String(), p.w)))
	if len(p.all) == 0 {
		lines = append(lines, st.Dim.Render("No items yet: press a to add one (price, terms, volume, …)."))
	}
	from, to := p.sel.Visible()
	key := fmt.Sprint(p.w, len(cols))
	for i := from; i < to; i++ {
		if focused && i == p.sel.Pos {
			lines = append(lines, p.rowView(&p.rows[i], cols, true))
			continue
		}
		lines = append(lines, p.cache.Get(key, i, func() string { return ui.Fit(p.rowView(&p.rows[i], cols, false), p.w) }))
	}
	lines = ui.Block(lines, p.w, p.h-p.footerLines())
	return append(lines, ui.Block(p.detail(), p.w, p.footerLines())...)
}

// columns picks the columns that fit the pane, giving the rest to the title.
func (p *Pane) columns() []agendaColumn {
	titleMin := min(18, max(10, p.w/3))
	used := 0
	priv := p.snap.Privacy()
	var picked []agendaColumn
	for k, c := range agendaColumns {
		if !priv.Field(c.field) {
			continue
		}
		if k < len(p.widths) {
			c.width = p.widths[k]
		}
		if c.width == 0 {
			picked = append(picked, c)
			continue
		}
		if used+c.width+1+titleMin+1 > p.w {
			break // columns go in priority order: never a minor one without a major one
		}
		used += c.width + 1
		picked = append(picked, c)
	}
	// Put them back in reading order.
	order := []string{"#", "Item", "Topic", "Unit", "Ours", "Theirs", "Gap", "Gap money", "Score", "Target", "Walk", "Wt"}
	out := make([]agendaColumn, 0, len(picked))
	for _, name := range order {
		for _, c := range picked {
			if c.title == name {
				if c.width == 0 {
					c.width = max(1, p.w-used-1)
				}
				out = append(out, c)
			}
		}
	}
	return out
}

func (p *Pane) rowView(r *agendaRow, cols []agendaColumn, selected bool) string {
	st := p.snap.St
	var b strings.Builder
	for _, c := range cols {
		text := c.cell(r)
		if c.title == "Item" {
			switch r.status {
			case model.ItemAgreed:
				text = "✓ " + text
			case model.ItemParked:
				text = "‖ " + text
			}
		}
		if c.right {
			text = ui.FitRight(text, c.width)
		} else {
			text = ui.Fit(text, c.width)
		}
		if !selected {
			switch {
			case c.title == "Gap" && r.met:
				text = st.Good.Render(text)
			case c.title == "Ours" && r.pastWalk:
				text = st.Bad.Render(text)
			case r.status != model.ItemOpen:
				text = st.Dim.Render(text)
			}
		}
		b.WriteString(text + " ")
	}
	line := ui.Cut(b.String(), p.w)
	if selected {
		return ui.SelectedRow(line, p.w, st)
	}
	return line
}

// detail describes the selected item, then the readiness or trade plan.
func (p *Pane) detail() []string {
	n := p.footerLines()
	if n == 0 {
		return nil
	}
	st, d, priv := p.snap.St, p.snap.D, p.snap.Privacy()
	last := p.plan1
	if d.Negotiation.Stage == model.StagePrepare && priv.Part(model.PartReadiness) {
		last = st.Warn.Render("Readiness: ") + d.Readiness()
	}
	var about []string
	if it, ok := p.Selected(); ok && n > 1 {
		about = p.describe(it)
	}
	// Keep a blank line above, the description cut to fit, and the last line.
	room := max(0, n-2)
	if len(about) > room {
		about = about[:room]
	}
	lines := []string{""}
	if n == 1 {
		lines = nil
	}
	lines = append(lines, about...)
	for len(lines) < n-1 {
		lines = append(lines, "")
	}
	return append(lines, last)
}

// describe is the selected item in full: direction, positions and openings,
// target, walk-away and room left, worth to each side, link and note.
func (p *Pane) describe(it model.AgendaItem) []string {
	st, r, priv := p.snap.St, p.snap.R, p.snap.Privacy()
	i := p.snap.D.ItemIndex(it.ID)
	head := fmt.Sprintf("%d %s · %s", i+1, it.Title, it.Topic)
	var lines []string
	if !it.Numeric() {
		lines = append(lines, st.Bold.Render(head)+st.Dim.Render(" · text only: closed once agreed"))
	} else {
		way := "higher is better for us"
		if it.Better == model.Down {
			way = "lower is better for us"
		}
		lines = append(lines, st.Bold.Render(head)+st.Dim.Render(" · "+strings.TrimSpace(it.Unit+" · "+way)))
		stt := r.Items[i]
		// Each figure with its words is one part: a narrow pane moves a
		// part to the next line whole rather than cut a number.
		pos := []string{fmt.Sprintf("Ours %s (opened %s)", it.Format(stt.Ours), it.Format(it.OurOpening.Decimal))}
		if stt.HasTheirs {
			pos = append(pos, fmt.Sprintf("theirs %s (opened %s)", it.Format(stt.Theirs), it.Format(it.TheirOpening.Decimal)))
			gap := "gap " + it.Format(stt.Gap)
			if g, err := p.gapValues[i], p.gapErrs[i]; priv.Field(model.FieldMoney) && err == nil {
				gap += " = " + model.FormatMoney(g) + " " + p.snap.D.Negotiation.Currency + " a year"
				pos = append(pos, gap)
			} else if priv.Field(model.FieldMoney) && it.Lever.Kind != model.LeverNone {
				pos = append(pos, gap, st.Warn.Render("money unknown: "+err.Error()))
			} else {
				pos = append(pos, gap)
			}
		} else {
			pos = append(pos, st.Warn.Render("their opening not estimated"))
		}
		lines = append(lines, ui.Pack(pos, p.w)...)
		var limits []string
		if it.OurTarget.Valid && priv.Field(model.FieldTarget) {
			limits = append(limits, "target "+it.Format(it.OurTarget.Decimal))
		}
		if it.OurWalkAway.Valid && priv.Field(model.FieldWalkAway) {
			limits = append(limits, "walk-away "+it.Format(it.OurWalkAway.Decimal))
		}
		if room, ok := r.RoomLeft(i); ok && priv.Field(model.FieldRoomLeft) {
			if room.IsNegative() {
				limits = append(limits, st.Bad.Render("past our walk-away by "+it.Format(room.Neg())))
			} else {
				limits = append(limits, "room left "+it.Format(room))
			}
		}
		if it.TheirWalkAway.Valid && priv.Field(model.FieldTheirWalkAway) {
			limits = append(limits, "their walk-away (est.) "+it.Format(it.TheirWalkAway.Decimal))
		}
		lines = append(lines, ui.Pack(limits, p.w)...)
	}
	if priv.Field(model.FieldWeight) && priv.Field(model.FieldValueToThem) && priv.Field(model.FieldLeverage) {
		lines = append(lines, ui.Pack([]string{fmt.Sprintf("Worth %d to us, %d to them", it.Weight, it.ValueToThem), fmt.Sprintf("leverage %.2f", it.Leverage())}, p.w)...)
	}
	if it.Note != "" && priv.Field(model.FieldNote) {
		lines = append(lines, st.Dim.Render(it.Note))
	}
	// The item's suggestion and today's budget come under the title, where
	// a short pane still shows them; how the item enters the deal (internal,
	// as the deal is) comes last, the first to go on a short pane.
	top, end := p.aheadLines(it)
	lines = append(append(lines[:1:1], top...), append(lines[1:], end...)...)
	if text := leverText(it); text != "" && priv.Part(model.PartDeal) {
		lines = append(lines, st.Dim.Render(text))
	}
	return lines
}

// planSummary is the trade plan in one line; nothing while privacy hides it.
func (p *Pane) planSummary() string {
	st := p.snap.St
	if !p.snap.Privacy().Part(model.PartTradePlan) {
		return ""
	}
	var give, ask []string
	for _, e := range p.trades {
		switch e.Advice {
		case model.GiveFirst:
			give = append(give, e.Item.Title)
		case model.AskFor:
			ask = append(ask, e.Item.Title)
		}
	}
	if len(give)+len(ask) == 0 {
		return st.Dim.Render("Trade plan: set weights and value to them to rank what to give and what to ask for (v)")
	}
	return st.Good.Render("Give first: ") + strings.Join(give, ", ") + st.Dim.Render(" · ") +
		st.Accent.Render("ask for: ") + strings.Join(ask, ", ")
}

// planView ranks the open items by trade leverage. While privacy hides the
// plan, it says so and shows nothing of it: not even the items in its order,
// which alone would tell our weights.
func (p *Pane) planView() []string {
	st := p.snap.St
	if !p.snap.Privacy().Part(model.PartTradePlan) {
		lines := ui.WrapWords("Hidden while privacy is on (p shows it again).", p.w, "")
		lines = append(lines, "", st.Dim.Render(ui.Cut("v back to the items", p.w)))
		return ui.Block(lines, p.w, p.h)
	}
	plan := p.trades
	lines := []string{st.Dim.Render("Give the items at the top (worth more to them than to us) to get those at the bottom.")}
	titleW := max(8, p.w-38)
	// "Leverage" (worth to them ÷ to us), as the brief says: not the deal's Lever.
	lines = append(lines, st.Dim.Render(ui.Fit("Item", titleW)+" "+ui.FitRight("Us", 4)+" "+ui.FitRight("Them", 5)+" "+ui.FitRight("Leverage", 8)+"  Advice"))
	for _, e := range plan {
		us, lev := fmt.Sprint(e.Item.Weight), fmt.Sprintf("%.2f", e.Leverage)
		advice := string(e.Advice)
		switch e.Advice {
		case model.GiveFirst:
			advice = st.Good.Render(advice)
		case model.AskFor:
			advice = st.Accent.Render(advice)
		}
		lines = append(lines, ui.Fit(e.Item.Title, titleW)+" "+ui.FitRight(us, 4)+" "+ui.FitRight(fmt.Sprint(e.Item.ValueToThem), 5)+" "+ui.FitRight(lev, 8)+"  "+advice)
	}
	if len(plan) == 0 {
		lines = append(lines, st.Dim.Render("No open items."))
	}
	lines = append(lines, "", st.Dim.Render("v back to the items"))
	for i := range lines {
		lines[i] = ui.Cut(lines[i], p.w)
	}
	return ui.Block(lines, p.w, p.h)
}

// leverText says how an item enters the deal's waterfall and what it was
// last year; empty for an item that counts in the score only.
func leverText(it model.AgendaItem) string {
	l := it.Lever
	if l.Kind == model.LeverNone {
		return ""
	}
	text := "Lever: " + l.Kind.Label()
	switch {
	case l.RebateBase() == model.BaseGrowth:
		text += ", on growth over last year's turnover"
	case l.RebateBase() == model.BaseRetro:
		text += ", on all turnover once last year is beaten"
	case l.Kind == model.LeverThreshold && l.Threshold.Valid && l.PerPoint.Valid:
		text += fmt.Sprintf(" from %s, %s a point a year", it.Format(l.Threshold.Decimal), model.FormatMoney(l.PerPoint.Decimal))
	case l.Kind == model.LeverMoneyPerUnit && l.Amount.Valid:
		text += fmt.Sprintf(", %s a year a unit of movement", model.FormatMoney(l.Amount.Decimal))
	}
	if it.LastYear.Valid {
		text += " · last year " + it.Format(it.LastYear.Decimal)
	}
	return text
}
