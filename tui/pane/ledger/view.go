package ledger

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// ledgerLayout is which columns fit and how wide they are. A narrow pane
// shows who, item, from→to and a flag mark; the row's detail says the rest.
// Every layout starts with the move's number, the one "for #N" takes.
type ledgerLayout struct {
	narrow                                        bool
	time, unit, size                              bool
	refW, itemW, numW, moveW, unitW, sizeW, restW int
}

func (p *Pane) layout() ledgerLayout {
	l := ledgerLayout{refW: p.refW, numW: p.numW, unitW: p.unitW, sizeW: p.sizeW, moveW: 2*p.numW + 3}
	if p.w < 56 {
		l.narrow = true
		l.moveW = min(2*p.numW+1, max(5, p.w*2/5))
		l.itemW = max(0, p.w-(l.refW+1)-5-l.moveW-1-2)
		return l
	}
	avail := p.w - (l.refW + 1) - 5 - l.moveW - 1 // number, who, from → to
	const keep = 16 + 1 + 15                      // the item and the traded-for/flags columns at their narrowest ("owed ⚠ unrecip.")
	if l.unitW > 0 && avail-(l.unitW+1) >= keep {
		l.unit, avail = true, avail-(l.unitW+1)
	}
	if avail-(l.sizeW+1) >= keep {
		l.size, avail = true, avail-(l.sizeW+1)
	}
	if avail-6 >= keep {
		l.time, avail = true, avail-6
	}
	l.itemW = max(1, min(p.titleW, max(16, avail*2/5)))
	l.restW = max(0, avail-l.itemW-1)
	return l
}

func (l ledgerLayout) header() string {
	var b strings.Builder
	b.WriteString(ui.FitRight("#", l.refW) + " ")
	if l.time {
		b.WriteString("Time  ")
	}
	b.WriteString("Who  " + ui.Fit("Item", l.itemW) + " " + ui.Fit("From → To", l.moveW) + " ")
	if l.unit {
		b.WriteString(ui.Fit("Unit", l.unitW) + " ")
	}
	if l.size {
		b.WriteString(ui.FitRight("Moved", l.sizeW) + " ")
	}
	if l.restW >= 18 {
		b.WriteString("Traded for · flags")
	} else {
		b.WriteString("Traded for")
	}
	return b.String()
}

// View draws the visible rows, the selected row in full under them, and the
// chart when the pane has room (or the chart alone after v).
// View draws the pane at its size.
func (p *Pane) View(focused bool) []string {
	if p.snap == nil || p.w <= 0 || p.h <= 0 {
		return ui.Block(nil, p.w, p.h)
	}
	if p.full {
		return p.chartView()
	}
	if p.forecast {
		return p.forecastView()
	}
	st := p.snap.St
	var lines []string
	if p.filter.Shown() {
		lines = append(lines, p.filter.View(p.w))
	}
	// Moves waiting for approval come first: they are news, and the rows
	// below may fill the pane.
	held := p.heldLines()
	lines = append(lines, held...)
	lay := p.layout()
	if p.columnHeader() {
		lines = append(lines, st.Dim.Render(ui.Cut(lay.header(), p.w)))
	}
	from, to := p.sel.Visible()
	key := fmt.Sprintf("%d %+v", p.w, lay)
	for i := from; i < to && i < len(p.rows); i++ {
		if focused && i == p.sel.Pos {
			lines = append(lines, p.rowView(p.rows[i], lay, true))
			continue
		}
		lines = append(lines, p.cache.Get(key, i, func() string { return p.rowView(p.rows[i], lay, false) }))
	}
	if len(p.snap.R.Moves) == 0 && len(p.snap.D.Meetings) == 0 && len(held) == 0 {
		lines = append(lines, st.Dim.Render("No concessions yet: c logs one, or n then “they 1 23.40 for …”."))
	} else if len(p.rows) == 0 {
		lines = append(lines, st.Dim.Render("No concession matches the filter (/ then esc clears it)."))
	}
	out := ui.Block(lines, p.w, p.h-p.detailLines()-p.stripLines())
	out = append(out, ui.Block(p.detail(), p.w, p.detailLines())...)
	if n := p.stripLines(); n > 0 {
		strip := append([]string{""}, p.chart.lines(p.w, n-1, false, st)...)
		out = append(out, ui.Block(strip, p.w, n)...)
	}
	return out
}

// rowView draws one row; only visible rows are drawn.
func (p *Pane) rowView(r ui.GroupedRow, l ledgerLayout, selected bool) string {
	st := p.snap.St
	if r.Index < 0 {
		return p.header(r.Group).Render(p.w, selected, st)
	}
	mv := &p.snap.R.Moves[r.Index]
	it := &p.snap.D.Items[mv.Item]
	flags := p.flags(mv)
	style := st.Warn.Render
	if flags.Has(model.PastWalkAway) {
		style = st.Bad.Render
	}
	if selected {
		style = plain // the selection's colours hold for the whole row
	}
	var b strings.Builder
	b.WriteString(ui.FitRight(fmt.Sprintf("#%d", mv.Number), l.refW) + " ")
	if l.narrow {
		b.WriteString(ui.Fit(whoShort(mv.By), 4) + " " + ui.Fit(it.Title, l.itemW) + " ")
		// From and to whole, or only where it went (the detail says
		// where from): never a figure with its end cut off.
		move := it.Format(mv.From) + "→" + it.Format(mv.To)
		if ui.TextWidth(move) > l.moveW {
			move = "→" + it.Format(mv.To)
		}
		b.WriteString(ui.FitRight(move, l.moveW))
		if flags != 0 {
			b.WriteString(" " + style("⚠"))
		}
	} else {
		if l.time {
			t := mv.At.Format("15:04")
			if mv.MeetingID == 0 {
				t = mv.At.Format("01-02") // outside meetings the day says more than the hour
			}
			b.WriteString(t + " ")
		}
		b.WriteString(ui.Fit(whoShort(mv.By), 4) + " " + ui.Fit(it.Title, l.itemW) + " ")
		b.WriteString(ui.FitRight(it.Format(mv.From), l.numW) + " → " + ui.FitRight(it.Format(mv.To), l.numW) + " ")
		if l.unit {
			b.WriteString(ui.Fit(it.Unit, l.unitW) + " ")
		}
		if l.size {
			b.WriteString(ui.FitRight(it.Format(mv.Size), l.sizeW) + " ")
		}
		traded := p.tradedFor(mv)
		if p.owed(mv) {
			traded = strings.TrimSpace("owed " + traded)
		}
		b.WriteString(restCell(traded, flags, l.restW, style))
	}
	if selected {
		return ui.SelectedRow(b.String(), p.w, st)
	}
	return ui.Cut(b.String(), p.w)
}

// restCell is the traded-for text with the flags after it; the flags are
// kept whole and the text is shortened first.
func restCell(traded string, flags model.Flag, w int, style func(string) string) string {
	if w <= 0 {
		return ""
	}
	if flags == 0 {
		return ui.Cut(traded, w)
	}
	text := "⚠ " + flags.String()
	if ui.TextWidth(text)+8 > w {
		text = "⚠ " + shortFlags(flags)
	}
	text = ui.Cut(text, w)
	tw := w - ui.TextWidth(text) - 1
	if tw < 4 || traded == "" {
		return style(text)
	}
	return ui.Fit(traded, tw) + " " + style(text)
}

func plain(s string) string { return s }

// shortFlags names the flags in a few letters, the most serious first, for
// narrow panes.
func shortFlags(f model.Flag) string {
	var names []string
	if f.Has(model.PastWalkAway) {
		names = append(names, "past walk")
	}
	if f.Has(model.Unreciprocated) {
		names = append(names, "unrecip.")
	}
	if f.Has(model.Increasing) {
		names = append(names, "increasing")
	}
	if f.Has(model.OverBudget) {
		names = append(names, "over budget")
	}
	return strings.Join(names, ",")
}

// flags are the move's flags as this screen may show them: none while the
// privacy rule hides the discipline flags.
func (p *Pane) flags(mv *model.Move) model.Flag {
	if !p.snap.Privacy().Part(model.PartFlags) {
		return 0
	}
	return mv.Flags
}

// tradedFor is what the move was traded for, or the concession it was
// traded against.
func (p *Pane) tradedFor(mv *model.Move) string {
	if mv.TradedFor != "" {
		return mv.TradedFor
	}
	if mv.TradedAgainst != 0 {
		for _, c := range p.snap.D.Ledger {
			if c.ID == mv.TradedAgainst {
				it, _ := p.snap.D.Item(c.ItemID)
				return fmt.Sprintf("against %s %s → %s", whoShort(c.By), it.Title, it.Format(c.To))
			}
		}
	}
	return ""
}

// header describes a group: a meeting with the gap closed at its end and
// its reciprocity, or the moves made between meetings.
func (p *Pane) header(g int) ui.HeaderParts {
	mt, i, ok := p.groups.Meeting(g)
	if !ok {
		n := len(p.byGroup[g])
		return ui.HeaderParts{Name: p.groups.Label(g), Stats: fmt.Sprintf("%d %s", n, ui.Plural(n, "move", "moves"))}
	}
	h := ui.MeetingHeader(mt)
	if i < len(p.snap.R.Meetings) {
		res := p.snap.R.Meetings[i]
		closed := "gap closed "
		if mt.Running() {
			closed = "gap closed so far "
		}
		h.Stats = closed + model.FormatPercent(res.GapClosed)
		switch {
		case !p.snap.Privacy().Part(model.PartReciprocity):
		case res.ReciprocityKnown:
			h.Stats += fmt.Sprintf(" · reciprocity %.2f", res.Reciprocity)
		case res.TheirMoves > 0:
			h.Stats += " · only they moved"
		}
	}
	return h
}

// detail describes the selected row in full, under the list.
func (p *Pane) detail() []string {
	if p.detailLines() == 0 || p.sel.Pos >= len(p.rows) {
		return nil
	}
	st := p.snap.St
	r := p.rows[p.sel.Pos]
	if r.Index < 0 {
		mt, _, ok := p.groups.Meeting(r.Group)
		if !ok {
			return []string{st.Dim.Render("Made outside meetings: each counts with the meeting that follows it.")}
		}
		who := "Attendees: " + strings.Join(mt.Attendees, ", ")
		if len(mt.Attendees) == 0 {
			who = "No attendees noted"
		}
		if !p.snap.Privacy().Part(model.PartMeetingSummary) {
			return []string{st.Dim.Render(who)}
		}
		summary := "Summary: " + mt.Summary
		if mt.Summary == "" {
			summary = "No summary yet: enter to write one"
		}
		return []string{st.Dim.Render(who), st.Dim.Render(summary)}
	}
	mv := &p.snap.R.Moves[r.Index]
	it := &p.snap.D.Items[mv.Item]
	where := "outside meetings"
	if mt, ok := p.snap.D.Meeting(mv.MeetingID); ok {
		where = fmt.Sprintf("meeting %d", mt.Number)
	}
	// Money first, each figure with its words one part: a narrow pane moves
	// a part to the next line whole rather than cut a number.
	move := strings.TrimSpace(fmt.Sprintf("%s → %s %s", it.Format(mv.From), it.Format(mv.To), it.Unit))
	who := fmt.Sprintf("#%d %s · %s", mv.Number, whoShort(mv.By), it.Title)
	if room := p.w - 3 - ui.TextWidth(move); ui.TextWidth(who) > room && room >= 12 {
		who = ui.Cut(who, room) // the title gives way to the figures
	}
	parts := []string{who, move}
	if owed := p.owedDetail(mv); owed != "" {
		parts = append(parts, owed) // with its money
	} else if money := p.money(mv); money != "" {
		parts = append(parts, money)
	}
	if f := p.flags(mv); f != 0 {
		parts = append(parts, st.Warn.Render("⚠ "+f.String()))
	}
	if traded := p.tradedFor(mv); traded != "" {
		parts = append(parts, "for "+traded)
	} else {
		parts = append(parts, st.Dim.Render("nothing traded for it"))
	}
	parts = append(parts, st.Dim.Render("moved "+it.Format(mv.Size)), st.Dim.Render(mv.At.Format("2006-01-02 15:04")+", "+where))
	if mv.Note != "" && p.snap.Privacy().Part(model.PartConcessionNote) {
		parts = append(parts, mv.Note)
	}
	lines := ui.Pack(parts, p.w)
	return lines[:min(len(lines), p.detailLines())]
}

// chartView is the chart filling the pane, with each meeting's moves and
// reciprocity (or the item's positions).
func (p *Pane) chartView() []string {
	st := p.snap.St
	hint := "v back to the ledger · i chart the selected item"
	if p.charted >= 0 {
		hint = "j/k another item · v back to the ledger · i all items"
	}
	if p.forecast {
		hint = strings.Replace(hint, "the ledger", "the forecast", 1)
	}
	lines := p.chart.lines(p.w, max(0, p.h-2), true, st)
	lines = append(lines, "", st.Dim.Render(ui.Cut(hint, p.w)))
	return ui.Block(lines, p.w, p.h)
}

// money is what the selected move is worth a year through the deal's
// waterfall ("costs us", "gains us"), worked out once per move and data
// change rather than every frame; empty when privacy is on or the item has
// no lever.
func (p *Pane) money(mv *model.Move) string {
	if !p.snap.Privacy().Field(model.FieldMoney) || p.snap.D.Items[mv.Item].Lever.Kind == model.LeverNone {
		return ""
	}
	if p.priced.snap == p.snap && p.priced.id == mv.ID {
		return p.priced.text
	}
	v, err := p.snap.R.MoveMoney(mv.By, mv.ItemID, mv.From, mv.To)
	text := "money unknown: " + fmt.Sprint(err)
	switch {
	case err != nil:
	case v.IsZero() && p.snap.D.Items[mv.Item].Lever.Kind == model.LeverContract:
		// A year's contribution does not move with the contract's length:
		// its worth is in the term, not "0.00 a year".
		text = "changes the term, not a year's money: the Deal pane (6) prices the term"
	case v.IsNegative():
		text = "costs us " + model.FormatMoney(v.Neg()) + " " + p.snap.D.Negotiation.Currency + " a year"
	default:
		text = "gains us " + model.FormatMoney(v) + " " + p.snap.D.Negotiation.Currency + " a year"
	}
	p.priced.snap, p.priced.id, p.priced.text = p.snap, mv.ID, text
	return text
}

// heldLines are the moves waiting for approval (DESIGN 12): in the ledger,
// marked, and not counted until approved.
func (p *Pane) heldLines() []string {
	if !p.snap.Privacy().Part(model.PartAuthority) {
		return nil // what we may yet give, waiting for a manager: never the buyer's to see
	}
	var out []string
	for _, c := range p.snap.D.Ledger {
		if !c.Held() {
			continue
		}
		it, _ := p.snap.D.Item(c.ItemID)
		line := fmt.Sprintf("⏳ pending approval (request %d): %s %s → %s", c.Approval, whoShort(c.By), it.Title, it.Format(c.To))
		out = append(out, p.snap.St.Warn.Render(ui.Cut(line, p.w)))
	}
	return out
}
