package deal

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// The selected package's figures under the table: low, expected and high,
// the term, the bridge from last year and the tornado as bars, and the
// waterfall.

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
