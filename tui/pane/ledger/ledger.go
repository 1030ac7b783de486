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
	p.filter.SetStyles(s.St)
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
