package deal

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// Column widths of the table.
const (
	cellW    = 12
	summaryN = 4 // contribution, change, score, verdict
)

// View draws the pane at its size: the packages table, then the selected
// package's waterfall and verdict.
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
	titleW := min(24, max(8, p.w/4))
	fit := max(1, (p.w-titleW-1)/(cellW+1))
	first := p.firstColumn(fit)
	shown := p.cols[first:min(len(p.cols), first+fit)]

	var lines []string
	head := ui.Fit("", titleW)
	for i, c := range shown {
		name := columnName(c.pkg())
		if c.pkg().Tabled() {
			name = "▸" + name
		}
		cell := ui.FitRight(name, cellW)
		if first+i == p.col {
			cell = st.Bold.Render(cell)
		}
		head += " " + cell
	}
	lines = append(lines, st.Dim.Render(ui.Cut(head, p.w)))

	room := max(1, p.h-1-summaryN-4)
	from := max(0, min(p.row-room/2, len(p.rows)-room))
	for r := from; r < min(len(p.rows), from+room); r++ {
		it := p.snap.D.Items[p.rows[r]]
		line := ui.Fit(fmt.Sprintf("%d %s", p.rows[r]+1, it.Title), titleW)
		for i, c := range shown {
			text := "—"
			if v, ok := c.pkg().Values[it.ID]; ok {
				text = it.Format(v)
			}
			line += " " + p.cell(text, focused && r == p.row && first+i == p.col, c.saved || c.offer)
		}
		lines = append(lines, ui.Cut(line, p.w))
	}
	lines = append(lines, p.summary(shown, titleW)...)
	lines = append(lines, "")
	lines = append(lines, p.detail()...)
	return ui.Block(lines, p.w, p.h)
}

// firstColumn is the first package column shown so that the selected one
// is on screen.
func (p *Pane) firstColumn(fit int) int {
	return max(0, min(p.col-fit+1, len(p.cols)-fit, p.col))
}

// cell draws one value; the selected cell shows a marker without colour too.
func (p *Pane) cell(text string, selected, editable bool) string {
	st := p.snap.St
	if selected {
		if p.typing {
			ui.SetInputWidth(&p.edit, cellW-2)
			return st.Selected.Render("›" + ui.Fit(p.edit.View(), cellW-1))
		}
		return st.Selected.Render("›" + ui.FitRight(text, cellW-1))
	}
	if !editable {
		return st.Dim.Render(ui.FitRight(text, cellW))
	}
	return ui.FitRight(text, cellW)
}

// summary is the contribution, change against last year, score and verdict
// of each package shown.
func (p *Pane) summary(shown []column, titleW int) []string {
	st := p.snap.St
	rows := [summaryN]string{ui.Fit("Contribution", titleW), ui.Fit("vs last year", titleW), ui.Fit("Our score", titleW), ui.Fit("Verdict", titleW)}
	for _, c := range shown {
		r := c.result
		contrib, change, score, verdict := "?", "—", "—", shortVerdict(r)
		if v, err := r.Contribution(); err == nil {
			contrib = model.FormatNumber(v, 0)
		}
		if r.ChangeKnown {
			change = model.FormatSigned(r.Change.Round(0), 0)
		}
		if r.Scored {
			score = fmt.Sprintf("%.0f", r.Score)
		}
		style := st.Good.Render
		if !r.Acceptable() {
			style = st.Warn.Render
		}
		rows[0] += " " + st.Bold.Render(ui.FitRight(contrib, cellW))
		rows[1] += " " + ui.FitRight(change, cellW)
		rows[2] += " " + ui.FitRight(score, cellW)
		rows[3] += " " + style(ui.FitRight(verdict, cellW))
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = ui.Cut(r, p.w)
	}
	return out
}

// shortVerdict is a package's verdict in a cell's width.
func shortVerdict(r model.PackageResult) string {
	switch {
	case r.PastWalkAway > 0 && r.BelowFloor:
		return fmt.Sprintf("walk×%d floor", r.PastWalkAway)
	case r.PastWalkAway > 0:
		return fmt.Sprintf("past walk ×%d", r.PastWalkAway)
	case r.BelowFloor:
		return "below floor"
	case r.Err != nil:
		return "unpriced"
	}
	return "acceptable"
}

// detail is the selected package's waterfall, its verdict in words, the
// deal's warnings, and the cell being edited or why offers are missing.
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
	r := c.result
	head := c.pkg().Name + ": " + r.Verdict()
	lines = append(lines, st.Bold.Render(ui.Cut(head, p.w)))
	if r.Err != nil {
		lines = append(lines, ui.WrapWords("Cannot be priced: "+r.Err.Error(), p.w, "  ")...)
	} else {
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
	year := fmt.Sprintf("× %s units a year = annual contribution %s %s", model.FormatNumber(w.Volume, 0), model.FormatMoney(w.Contribution), cur)
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
