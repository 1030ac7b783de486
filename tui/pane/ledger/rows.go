package ledger

import (
	"fmt"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// The rows the ledger lists and what it keeps of them: the view saved and
// put back, the columns measured, the filter applied, the selection and the
// chart that follows it, and the heights of the pane's parts.

// SaveView is the selected row and the filter.
func (p *Pane) SaveView() vocab.PaneView {
	key, _ := p.selectedKey()
	return vocab.PaneView{Row: key.String(), Filter: p.filter.Text()}
}

// RestoreView puts back what SaveView kept, after SetData; a row no longer
// there leaves the newest selected.
func (p *Pane) RestoreView(v vocab.PaneView) {
	p.filter.SetText(v.Filter)
	key, ok := ui.ParseRowKey(v.Row)
	p.applyFilter(key, !ok)
	if k, _ := p.selectedKey(); ok && k != key {
		p.applyFilter(key, true)
	}
}

// measure sizes the columns from the agenda's positions, widened for the
// decimals the moves were typed with (read without formatting 5,000 values).
func (p *Pane) measure() {
	d := p.snap.D
	extra := make([]int, len(d.Items))
	for k := range p.snap.R.Moves {
		mv := &p.snap.R.Moves[k]
		extra[mv.Item] = max(extra[mv.Item], model.Places(mv.To)-d.Items[mv.Item].Places())
	}
	p.numW, p.sizeW, p.unitW, p.titleW = 1, 1, 0, 4
	p.refW = len(fmt.Sprintf("#%d", len(p.snap.R.Moves)))
	for i, it := range d.Items {
		p.titleW = max(p.titleW, ui.TextWidth(it.Title))
		if !it.Numeric() {
			continue
		}
		p.unitW = max(p.unitW, ui.TextWidth(it.Unit))
		for _, v := range []decimal.NullDecimal{it.OurOpening, it.TheirOpening, it.OurWalkAway} {
			if v.Valid {
				p.numW = max(p.numW, len(it.Format(v.Decimal))+extra[i])
			}
		}
		if it.Tracked() {
			p.sizeW = max(p.sizeW, len(it.Format(it.OurOpening.Decimal.Sub(it.TheirOpening.Decimal).Abs()))+extra[i])
		}
	}
	p.numW, p.sizeW, p.unitW, p.titleW = min(p.numW, 14), min(p.sizeW, 12), min(p.unitW, 10), min(p.titleW, 40)
}

// applyFilter rebuilds the rows: every meeting's header (only those with
// matching moves while a filter is set), the groups between meetings that
// have moves, and the moves that match.
func (p *Pane) applyFilter(key ui.RowKey, atEnd bool) {
	p.cache.Reset()
	p.rows = ui.GroupRows(p.rows[:0], p.groups, func(g int) []int { return p.byGroup[g] },
		func(k int) uint64 { return p.snap.R.Moves[k].ID }, p.filter.Query() != "", p.matches)
	ui.SelectRow(&p.sel, p.rows, key, atEnd)
	p.syncChart()
	p.sel.SetHeight(p.listHeight())
}

func (p *Pane) matches(k int) bool {
	mv := &p.snap.R.Moves[k]
	it := &p.snap.D.Items[mv.Item]
	note := "" // a hidden note must not make a row match either
	if p.snap.Privacy().Part(model.PartConcessionNote) {
		note = mv.Note
	}
	return p.filter.Matches(it.Title, string(it.Topic), whoWords(mv.By), mv.TradedFor, note)
}

// whoWords are the words a filter can use for a party.
func whoWords(by model.Party) string {
	if by == model.Us {
		return "we us"
	}
	return "they them"
}

func whoShort(by model.Party) string {
	if by == model.Us {
		return "we"
	}
	return "they"
}

// selectedKey names the selected row and says whether it is the last one
// (a ledger followed at its end keeps showing the newest move).
func (p *Pane) selectedKey() (ui.RowKey, bool) {
	if p.snap == nil {
		return ui.RowKey{}, true
	}
	return ui.SelectedKey(p.rows, p.sel.Pos)
}

// selectedMove is the move under the cursor.
func (p *Pane) selectedMove() (model.Move, bool) {
	k, ok := ui.RecordAt(p.rows, p.sel.Pos)
	if p.snap == nil || !ok {
		return model.Move{}, false
	}
	return p.snap.R.Moves[k], true
}

// syncChart brings the chart in line with the data, the selection and i.
func (p *Pane) syncChart() {
	if p.snap == nil {
		return
	}
	if mv, ok := p.selectedMove(); ok && !(p.full && p.perItem) {
		p.item = mv.Item // while the item chart fills the pane, j/k choose its item
	}
	want := -1
	if p.perItem && p.item >= 0 {
		want = p.item
	}
	if want == p.charted {
		return
	}
	p.charted = want
	if want >= 0 {
		p.chart = itemChart(p.snap.D, p.snap.R, want)
	} else {
		p.chart = overallChart(p.snap.R, p.snap.Privacy())
	}
	p.chart = p.withProjection(p.chart, want)
	p.sel.SetHeight(p.listHeight()) // the chart under the list may have grown
}

// selectedMeeting is the number of the meeting the selected row belongs
// to (a move between meetings counts toward the next), 0 for the last.
func (p *Pane) selectedMeeting() int {
	if p.sel.Pos >= len(p.rows) {
		return 0
	}
	g := p.rows[p.sel.Pos].Group
	if mt, _, ok := p.groups.Meeting(g); ok {
		return mt.Number
	}
	if mt, _, ok := p.groups.Meeting(g + 1); ok {
		return mt.Number
	}
	return 0
}

// Heights of the parts of the pane.

func (p *Pane) headLines() int {
	n := 0
	if p.filter.Shown() {
		n++
	}
	if p.columnHeader() {
		n++
	}
	return n
}

func (p *Pane) columnHeader() bool { return p.w >= 56 && p.h >= 10 }

func (p *Pane) detailLines() int {
	switch {
	case p.h >= 18:
		return 3
	case p.h >= 12:
		return 2
	}
	return 0
}

// stripLines is the height of the chart under the list (with the blank
// line above it), when the list keeps at least six rows.
func (p *Pane) stripLines() int {
	n := min(len(p.chart.points)+1, max(4, p.h/3)) + 1
	if p.h-p.headLines()-p.detailLines()-n >= 6 {
		return n
	}
	return 0
}

func (p *Pane) listHeight() int {
	return max(1, p.h-p.headLines()-p.detailLines()-p.stripLines())
}
