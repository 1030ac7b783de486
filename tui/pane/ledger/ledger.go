// Package ledger is the Ledger pane: every concession in order, grouped by
// meeting, with its discipline flags, and the gap closed after each meeting
// as a chart.
package ledger

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// Pane is the concession ledger: every move in order, grouped by
// meeting, with its discipline flags, and the gap closed after each meeting
// as a chart.
type Pane struct {
	snap    *vocab.Snapshot
	groups  ui.MeetingGroups
	byGroup [][]int // move indices per group, in ledger order
	rows    []ui.GroupedRow
	cache   ui.RowCache
	sel     ui.Selection
	filter  ui.FilterBox
	full    bool // v: the chart fills the pane
	perItem bool // i: chart the selected concession's item
	item    int  // agenda index of the item last selected, -1 for none
	chart   gapChart
	charted int // what chart holds: an agenda index, or -1 overall; -2 stale
	// Column widths measured from the agenda (not from 5,000 moves).
	numW, sizeW, unitW, titleW int
	refW                       int // the move numbers' column: "#" and the digits of the last
	w, h                       int
	priced                     struct {
		snap *vocab.Snapshot
		id   uint64
		text string
	} // the selected move's money, kept until the move or the data changes
	list ui.ListKeys
	edit ui.EditKeys
	keys struct{ Chart, ItemChart, Minutes key.Binding }
	// forecast: F shows the landing forecast (ahead.go); now stamps a
	// trade-back cleared with x.
	forecast bool
	now      func() time.Time
	ahead    struct{ Forecast, ClearOwed key.Binding }
}

// New makes the ledger pane; now stamps a trade-back cleared by hand.
func New(now func() time.Time) *Pane {
	p := &Pane{list: ui.NewListKeys(), edit: ui.NewEditKeys("concession"), filter: ui.NewFilterBox("filter by item, we/they, traded for"),
		item: -1, charted: -2, now: now}
	p.ahead.Forecast = key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "landing forecast per item / back"))
	p.ahead.ClearOwed = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear the trade-back owed for our move"))
	p.edit.Edit.SetHelp("enter/e", "edit concession · on a meeting row: place, attendees, summary")
	p.edit.Delete.SetHelp("d", "delete concession (asks first)")
	p.keys.Chart = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "chart of gap closed: full / back"))
	p.keys.ItemChart = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "chart the selected item / all items"))
	p.keys.Minutes = key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "write the selected meeting's minutes for the buyer"))
	return p
}

// Title names the pane with its view and filter.
func (p *Pane) Title() string {
	t := "Ledger"
	if p.full {
		t += " · chart"
	}
	if p.forecast {
		t += " · forecast"
	}
	if q := p.filter.Query(); q != "" {
		t += " · /" + q
	}
	return t
}

// Keys are the pane's own keys, for the help.
func (p *Pane) Keys() []key.Binding {
	return []key.Binding{p.edit.Add, p.edit.Edit, p.edit.Delete, p.edit.Filter, p.keys.Chart, p.keys.ItemChart, p.keys.Minutes,
		p.ahead.Forecast, p.ahead.ClearOwed}
}

// Typing reports whether the filter has the keys.
func (p *Pane) Typing() bool { return p.filter.On }

// SetSize gives the pane its size inside the frame.
func (p *Pane) SetSize(w, h int) {
	p.w, p.h = max(0, w), max(0, h)
	p.sel.SetHeight(p.listHeight())
}

// SetData takes the open negotiation.
func (p *Pane) SetData(s *vocab.Snapshot) {
	key, atEnd := p.selectedKey()
	p.snap = s
	p.ahead.Forecast.SetEnabled(s.Privacy().Part(model.PartForecast))
	p.ahead.ClearOwed.SetEnabled(s.Privacy().Part(model.PartOwed))
	p.groups = ui.NewMeetingGroups(s.D)
	p.byGroup = make([][]int, p.groups.Count())
	for k, mv := range s.R.Moves {
		g := p.groups.Of(mv.MeetingID, mv.Epoch)
		p.byGroup[g] = append(p.byGroup[g], k)
	}
	p.measure()
	p.charted = -2
	if p.item >= len(s.D.Items) {
		p.item = -1
	}
	p.applyFilter(key, atEnd)
}

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

// stepItem charts the next (dir +1) or previous (-1) agenda item, staying
// on the first or last.
func (p *Pane) stepItem(dir int) {
	n := len(p.snap.D.Items)
	if n == 0 {
		return
	}
	p.item = min(max(0, p.item+dir), n-1)
	p.syncChart()
}

// Update takes a key while the pane has focus.
func (p *Pane) Update(msg tea.KeyMsg) tea.Cmd {
	if p.snap == nil {
		return nil
	}
	if p.filter.On {
		if p.filter.Update(msg) {
			key, _ := p.selectedKey()
			p.applyFilter(key, false)
		}
		p.sel.SetHeight(p.listHeight())
		return nil
	}
	switch {
	case key.Matches(msg, p.keys.Chart):
		p.full = !p.full
		return nil
	case key.Matches(msg, p.ahead.Forecast):
		p.forecast = !p.forecast
		p.charted = -2 // the chart gains or loses its projected bars
		p.syncChart()
		return nil
	case key.Matches(msg, p.keys.ItemChart):
		p.perItem = !p.perItem
		p.syncChart()
		if p.perItem && p.item < 0 {
			return vocab.Status("Select a concession: the chart follows its item")
		}
		return nil
	case key.Matches(msg, p.keys.Minutes):
		return vocab.Cmd(vocab.MinutesMsg{Meeting: p.selectedMeeting()})
	case p.full && p.perItem && key.Matches(msg, p.list.Down):
		p.stepItem(+1)
		return nil
	case p.full && p.perItem && key.Matches(msg, p.list.Up):
		p.stepItem(-1)
		return nil
	case p.full || p.forecast:
		return nil // the full chart has only v and i (and j/k for the item chart), the forecast F and i
	case p.sel.Update(msg, p.list):
		p.syncChart()
		return nil
	case key.Matches(msg, p.edit.Filter):
		cmd := p.filter.Start()
		p.sel.SetHeight(p.listHeight())
		return cmd
	case key.Matches(msg, p.edit.Add):
		c := model.Concession{}
		if mv, ok := p.selectedMove(); ok && p.snap.D.Items[mv.Item].Status == model.ItemOpen {
			c.ItemID = mv.ItemID
		}
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindConcession, Record: c})
	}
	if p.sel.Pos >= len(p.rows) {
		return nil
	}
	row := p.rows[p.sel.Pos]
	switch {
	case key.Matches(msg, p.edit.Edit):
		if row.Index >= 0 {
			return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindConcession, Record: p.snap.R.Moves[row.Index].Concession})
		} else if mt, _, ok := p.groups.Meeting(row.Group); ok {
			return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindMeeting, Record: mt})
		}
		return vocab.Status("Moves made outside meetings: select one to edit it")
	case key.Matches(msg, p.edit.Delete):
		if row.Index >= 0 {
			return vocab.Cmd(p.askDelete(p.snap.R.Moves[row.Index]))
		}
		return vocab.Error(fmt.Errorf("meetings are kept: select a concession to delete it"))
	case key.Matches(msg, p.ahead.ClearOwed):
		return p.clearOwed()
	}
	return nil
}

// askDelete deletes a concession once confirmed; the ledger is read again
// because links to it go too.
func (p *Pane) askDelete(mv model.Move) vocab.ConfirmMsg {
	d := p.snap.D
	it := d.Items[mv.Item]
	linked := 0
	for _, c := range d.Ledger {
		if c.TradedAgainst == mv.ID {
			linked++
		}
	}
	what := strings.TrimSpace(fmt.Sprintf("%s %s %s → %s %s", whoShort(mv.By), it.Title, it.Format(mv.From), it.Format(mv.To), it.Unit))
	detail := "Positions, gaps and the chart are replayed without it."
	if linked > 0 {
		detail += fmt.Sprintf(" %d %s traded against it %s.", linked, ui.Plural(linked, "concession", "concessions"),
			ui.Plural(linked, "keeps its text but loses the link", "keep their text but lose the link"))
	}
	return vocab.ConfirmMsg{Question: "Delete the concession " + what + "?", Detail: detail,
		Yes: vocab.SaveMsg{Status: "Deleted: " + what, Change: act.DeleteConcession(d.Negotiation.ID, mv.ID)}}
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
