package deal

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// Column widths of the table: narrower cells on a narrow pane, so that our
// offer and theirs stay side by side at 80 columns.
const (
	cellW       = 12
	narrowCellW = 10
	narrowPane  = 64
	summaryN    = 3 // contribution, change, score
)

// View draws the pane at its size: the packages table, the verdicts in
// words, then the selected package's figures: low, expected and high, the
// term, the bridge from last year and the tornado as bars, its waterfall.
func (p *Pane) View(focused bool) []string {
	if p.snap == nil {
		return ui.Block(nil, p.w, p.h)
	}
	st := p.snap.St
	if p.snap.Private {
		return ui.Block([]string{st.Dim.Render(ui.Cut("The deal is internal: hidden while privacy is on (p).", p.w))}, p.w, p.h)
	}
	if len(p.rows) == 0 {
		lines := []string{st.Dim.Render("No numeric items yet: the deal prices the agenda's numbers.")}
		lines = append(lines, ui.WrapWords("Add items with their lever (price, discount, rebate, payment days, volume…) in the Agenda (1), and the deal basis (volume, costs, floor) on the negotiation (o, e).", p.w, "")...)
		return ui.Block(lines, p.w, p.h)
	}
	cw := p.cellWidth()
	titleW := min(24, max(8, p.w-2*(cw+1)-1))
	fit := max(1, (p.w-titleW-1)/(cw+1))
	first := p.firstColumn(fit)
	shown := p.cols[first:min(len(p.cols), first+fit)]

	var lines []string
	head := ui.Fit("", titleW)
	for i, c := range shown {
		name := columnName(c.pkg())
		if c.pkg().Tabled() {
			name = "▸" + name
		}
		cell := ui.FitRight(name, cw)
		if first+i == p.col {
			cell = st.Bold.Render(cell)
		}
		head += " " + cell
	}
	lines = append(lines, st.Dim.Render(ui.Cut(head, p.w)))

	names := shortTitles(p.snap.D.Items, p.rows, titleW-2)
	room := max(1, p.h-1-summaryN-4)
	from := max(0, min(p.row-room/2, len(p.rows)-room))
	for r := from; r < min(len(p.rows), from+room); r++ {
		it := p.snap.D.Items[p.rows[r]]
		line := ui.Fit(fmt.Sprintf("%d %s", p.rows[r]+1, names[p.rows[r]]), titleW)
		for i, c := range shown {
			text := "—"
			if v, ok := c.pkg().Values[it.ID]; ok {
				text = it.Format(v)
			} else if v, ok := c.result.Priced[it.ID]; ok {
				text = it.Format(v) + "*" // priced at our offer, for want of a value
			}
			line += " " + p.cell(text, cw, focused && r == p.row && first+i == p.col, c.saved || c.offer)
		}
		lines = append(lines, ui.Cut(line, p.w))
	}
	lines = append(lines, p.summary(shown, titleW, cw)...)
	lines = append(lines, p.verdicts(shown)...)
	lines = append(lines, "")
	lines = append(lines, p.detail()...)
	return ui.Block(lines, p.w, p.h)
}

func (p *Pane) cellWidth() int {
	if p.w < narrowPane {
		return narrowCellW
	}
	return cellW
}

// firstColumn is the first package column shown so that the selected one
// is on screen.
func (p *Pane) firstColumn(fit int) int {
	return max(0, min(p.col-fit+1, len(p.cols)-fit, p.col))
}

// cell draws one value right-aligned; the selected cell shows the marker
// right beside its value, so that it cannot be read as the previous
// column's (issue 18, finding 8), and without colour too.
func (p *Pane) cell(text string, w int, selected, editable bool) string {
	st := p.snap.St
	if selected {
		if p.typing {
			ui.SetInputWidth(&p.edit, w-2)
			return st.Selected.Render("›" + ui.Fit(p.edit.View(), w-1))
		}
		return st.Selected.Render(ui.FitRight("›"+text, w))
	}
	if !editable {
		return st.Dim.Render(ui.FitRight(text, w))
	}
	return ui.FitRight(text, w)
}

// summary is the contribution, change against last year and score of each
// package shown.
func (p *Pane) summary(shown []column, titleW, cw int) []string {
	st := p.snap.St
	rows := [summaryN]string{ui.Fit("Contribution", titleW), ui.Fit("vs last year", titleW), ui.Fit("Our score", titleW)}
	for _, c := range shown {
		r := c.result
		contrib, change, score := "?", "—", "—"
		if v, err := r.Contribution(); err == nil {
			contrib = model.FormatNumber(v, 0)
		}
		if r.ChangeKnown {
			change = model.FormatSigned(r.PrintedChange().Round(0), 0)
		}
		if r.Scored {
			score = fmt.Sprintf("%.0f", r.Score)
		}
		style := st.Good.Render
		if !r.Acceptable() {
			style = st.Warn.Render
		}
		rows[0] += " " + style(st.Bold.Render(ui.FitRight(contrib, cw)))
		rows[1] += " " + ui.FitRight(change, cw)
		rows[2] += " " + ui.FitRight(score, cw)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = ui.Cut(r, p.w)
	}
	return out
}

// verdicts are the shown packages' verdicts in words (DESIGN 5.8), one
// each, wrapped: "Theirs: past our walk-away on 3 items (…) and below the
// deal floor by 196,840.89".
func (p *Pane) verdicts(shown []column) []string {
	st := p.snap.St
	var out []string
	for _, c := range shown {
		r := c.result
		style := st.Good.Render
		if !r.Acceptable() {
			style = st.Warn.Render
		}
		text := columnName(c.pkg()) + ": " + r.Verdict()
		if a := r.AssumesText(); a != "" {
			text += " · " + a + " (*)"
		}
		for _, l := range ui.WrapWords(text, p.w, "  ") {
			out = append(out, style(l))
		}
	}
	return out
}

// detail is the selected package's figures: the cell being edited, low,
// expected and high, the term, the bridge and the tornado, the waterfall,
// the deal's warnings, and why offers are missing.
func (p *Pane) detail() []string {
	st := p.snap.St
	c, ok := p.selected()
	if !ok {
		return nil
	}
	var lines []string
	if p.typing {
		if _, warn, err := p.cellProblem(); err != nil {
			lines = append(lines, st.Error.Render(ui.Cut("✗ "+err.Error()+" · esc leaves the cell as it was", p.w)))
		} else if warn != "" {
			lines = append(lines, st.Warn.Render(ui.Cut("⚠ "+warn+" · enter saves anyway", p.w)))
		} else {
			lines = append(lines, st.Dim.Render(ui.Cut("enter saves the value · esc leaves the cell as it was", p.w)))
		}
	}
	lines = append(lines, st.Bold.Render(ui.Cut(c.pkg().Name, p.w)))
	if says := p.says[c.pkg().Name]; c.offer && says != "" {
		lines = append(lines, ui.WrapWords(says, p.w, "  ")...)
	}
	if c.result.Err != nil {
		lines = append(lines, ui.WrapWords("Cannot be priced: "+c.result.Err.Error(), p.w, "  ")...)
	} else {
		a := p.analysis()
		r := p.cols[p.col].result
		lines = append(lines, p.figures(a)...)
		lines = append(lines, p.bars(r, a)...)
		lines = append(lines, p.waterfall(r.Waterfall)...)
	}
	for _, w := range p.snap.Deal.Warnings {
		for _, l := range ui.WrapWords("⚠ "+w, p.w, "  ") {
			lines = append(lines, st.Warn.Render(l))
		}
	}
	if c.offer && p.reason != "" {
		lines = append(lines, st.Dim.Render(ui.Cut("Fewer offers than asked: "+p.reason, p.w)))
	}
	return lines
}

// analysis is the selected column's figures, worked out the first time.
func (p *Pane) analysis() *model.Analysis {
	c := &p.cols[p.col]
	if c.analysis == nil {
		p.snap.R.Analyse(&c.result)
		c.analysis = c.result.Analysis
	}
	return c.analysis
}

// figures is low · expected · high as one row, and the term.
func (p *Pane) figures(a *model.Analysis) []string {
	if a == nil {
		return nil
	}
	var lines []string
	if a.RangeErr == nil {
		rg := a.Range
		text := "Low · expected · high  " + model.FormatNumber(rg.Low, 0) + " · " + model.FormatNumber(rg.Expected, 0) +
			" · " + model.FormatNumber(rg.High, 0)
		if rg.Assumed {
			text += " (no volume range in the deal basis)"
		}
		lines = append(lines, ui.Cut(text, p.w))
	}
	if a.TermErr == nil {
		t := a.Term
		text := fmt.Sprintf("Term %s months: year 1 %s · average %s a year · %s discounted", model.FormatValue(t.Months),
			model.FormatNumber(t.Year1, 0), model.FormatNumber(t.Average, 0), model.FormatNumber(t.DiscountedTotal, 0))
		lines = append(lines, ui.WrapWords(text, p.w, "  ")...)
	} else {
		lines = append(lines, ui.Cut("Term: "+a.TermErr.Error(), p.w))
	}
	return lines
}

// bars draws the bridge from last year and the tornado as bars, side by
// side on a wide pane, one after the other on a narrow one.
func (p *Pane) bars(r model.PackageResult, a *model.Analysis) []string {
	if a == nil {
		return nil
	}
	wide := p.w >= 2*minBarsW+2
	w := p.w
	if wide {
		w = (p.w - 2) / 2
	}
	left := p.bridge(r, w)
	right := p.tornado(a, w)
	if !wide {
		return append(left, right...)
	}
	var out []string
	for i := range max(len(left), len(right)) {
		l, rt := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			rt = right[i]
		}
		out = append(out, ui.Fit(l, w)+"  "+rt)
	}
	return out
}

// minBarsW is the narrowest a bar chart is drawn beside another.
const minBarsW = 30

// bridge is last year → the package, a lever group a line, in cents that
// add up to the change as printed; a bar's length is its share of the
// largest step.
func (p *Pane) bridge(r model.PackageResult, w int) []string {
	st := p.snap.St
	steps := r.BridgeInCents()
	if len(steps) == 0 {
		return nil
	}
	out := []string{st.Bold.Render(ui.Cut("Bridge from last year", w))}
	largest := decimal.Zero
	for _, s := range steps {
		largest = decimal.Max(largest, s.Amount.Abs())
	}
	labelW, amountW := min(14, w/3), 12
	barW := max(0, w-labelW-amountW-2)
	for _, s := range steps {
		style := st.Good.Render
		if s.Amount.IsNegative() {
			style = st.Warn.Render
		}
		line := ui.Fit(stepLabel(s.Step), labelW) + " " + ui.FitRight(model.FormatSigned(s.Amount.Round(0), 0), amountW) + " " +
			style(strings.Repeat("█", share(s.Amount.Abs(), largest, barW)))
		out = append(out, ui.Cut(line, w))
	}
	out = append(out, ui.Cut(ui.Fit("= change", labelW)+" "+ui.FitRight(model.FormatSigned(r.PrintedChange(), 2), amountW), w))
	return out
}

// stepLabel is a bridge step in a few letters.
func stepLabel(step string) string {
	switch step {
	case "price and on-invoice discounts":
		return "price"
	case "allowances and lump sums":
		return "allowances"
	}
	return step
}

// tornado is what moves the package's contribution most, largest first: a
// bar's length is its swing's share of the largest, with the two ends.
func (p *Pane) tornado(a *model.Analysis, w int) []string {
	st := p.snap.St
	if len(a.Tornado) == 0 {
		return nil
	}
	out := []string{st.Bold.Render(ui.Cut("What moves it most", w))}
	largest := a.Tornado[0].Size()
	labelW := min(26, w/2)
	ends := func(b model.TornadoBar) string {
		return shortMoney(b.Low) + "–" + shortMoney(b.High)
	}
	names := shortTitles(p.snap.D.Items, p.rows, labelW)
	for _, b := range a.Tornado {
		what := b.What
		if i := p.snap.D.ItemIndex(b.ItemID); b.ItemID != 0 && i >= 0 {
			// The value it moves to first, so a cut label keeps it.
			what = "→" + p.snap.D.Items[i].Format(b.To) + " " + names[i]
		}
		e := ends(b)
		barW := max(0, w-labelW-len([]rune(e))-2)
		line := ui.Fit(what, labelW) + " " + st.Warn.Render(strings.Repeat("█", max(1, share(b.Size(), largest, barW)))) + " " + e
		out = append(out, ui.Cut(line, w))
	}
	return out
}

// share is v's part of largest in whole cells of w.
func share(v, largest decimal.Decimal, w int) int {
	if !largest.IsPositive() || w <= 0 {
		return 0
	}
	n, _ := v.Mul(decimal.NewFromInt(int64(w))).Div(largest).Round(0).Float64()
	return min(w, max(0, int(n)))
}

// shortMoney is an amount in thousands, "1,044k".
func shortMoney(v decimal.Decimal) string {
	return model.FormatNumber(v.Div(decimal.NewFromInt(1000)).Round(0), 0) + "k"
}

// waterfall lays out the steps per unit, two to a line on a wide pane, then
// the year.
func (p *Pane) waterfall(w model.Waterfall) []string {
	st := p.snap.St
	cur := p.snap.D.Negotiation.Currency
	var cells []string
	for _, s := range w.Steps() {
		if !s.Total && s.PerUnit.IsZero() {
			continue
		}
		text := ui.Fit(s.Label, 22) + ui.FitRight(money4(s.PerUnit), 11)
		if s.Total {
			text = st.Bold.Render(text)
		}
		cells = append(cells, text)
	}
	perLine := max(1, p.w/36)
	var lines []string
	for i := 0; i < len(cells); i += perLine {
		lines = append(lines, ui.Cut(strings.Join(cells[i:min(len(cells), i+perLine)], "  "), p.w))
	}
	year := fmt.Sprintf("× %s units a year", model.FormatNumber(w.Volume, 0))
	if !w.Other.IsZero() {
		year += " " + model.FormatSigned(w.Other, 2) + " other contribution"
	}
	year += fmt.Sprintf(" = annual contribution %s %s", model.FormatMoney(w.Contribution), cur)
	if share, ok := w.MarginShare(); ok {
		year += fmt.Sprintf(" (margin %s%% of pocket)", model.FormatNumber(share, 1))
	}
	return append(lines, ui.WrapWords(year, p.w, "  ")...)
}

// money4 shows a per-unit figure with up to four decimals.
func money4(d decimal.Decimal) string {
	return model.FormatNumber(d, min(4, max(2, model.Places(d.Round(4)))))
}

// columnName is a package's name in a column head: the derived packages by
// their origin in a word, proposals by their own name.
func columnName(p model.Package) string {
	switch p.Origin {
	case model.OriginLastYear:
		return "Last year"
	case model.OriginWalkAway:
		return "Walk-away"
	case model.OriginTarget:
		return "Target"
	case model.OriginOurs:
		return "Ours"
	case model.OriginTheirs:
		return "Theirs"
	}
	return p.Name
}

// shortTitles are the items' titles in w cells, told apart (issue 18,
// finding 8: "3 Annual…" and "4 Annual…"): a title that does not fit
// drops its leading words shared with another item's title ("Annual
// growth rebate" beside "Annual volume commitment" reads "Growth rebate").
func shortTitles(items []model.AgendaItem, rows []int, w int) map[int]string {
	out := make(map[int]string, len(rows))
	words := make(map[int][]string, len(rows))
	for _, i := range rows {
		words[i] = strings.Fields(items[i].Title)
	}
	for _, i := range rows {
		title := items[i].Title
		if len([]rune(title)) <= w {
			out[i] = title
			continue
		}
		ws := words[i]
		drop := 0
		for drop < len(ws)-1 && sharedLead(words, i, ws[:drop+1]) {
			drop++
		}
		short := strings.Join(ws[drop:], " ")
		if drop > 0 {
			r := []rune(short)
			short = strings.ToUpper(string(r[:1])) + string(r[1:])
		}
		out[i] = short
	}
	return out
}

// sharedLead reports whether another item's title starts with the words lead.
func sharedLead(words map[int][]string, self int, lead []string) bool {
	for j, ws := range words {
		if j == self || len(ws) < len(lead) {
			continue
		}
		same := true
		for k := range lead {
			if !strings.EqualFold(ws[k], lead[k]) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}
