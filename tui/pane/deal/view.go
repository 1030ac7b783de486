package deal

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
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
