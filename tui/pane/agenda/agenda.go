// Package agenda is the Agenda pane: positions, gaps and scores per item,
// the selected item in full, the readiness line and the trade plan.
package agenda

import (
	"fmt"
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// agendaRow is one item's cells, formatted once per data change.
type agendaRow struct {
	index                                 int // in Dossier.Items
	num, title, topic, unit               string
	ours, theirs, gap, money              string
	score, target, walk, weight, leverage string
	met, pastWalk                         bool
	status                                model.ItemStatus
}

// agendaColumn is a column of the agenda table, and the item field it
// shows: with privacy on, a column the privacy rule hides is not drawn.
type agendaColumn struct {
	title string
	width int
	right bool
	field model.ItemField
	cell  func(r *agendaRow) string
}

// agendaColumns in priority order: a narrow pane drops them from the end.
// The widths are the least; a column widens to its longest value
// (widths), so that a figure is shown whole or its column left out.
var agendaColumns = []agendaColumn{
	{"Item", 0, false, model.FieldTitle, func(r *agendaRow) string { return r.title }}, // first: a pane too narrow for any other still names the items
	{"#", 2, true, model.FieldTitle, func(r *agendaRow) string { return r.num }},
	{"Ours", 8, true, model.FieldPositions, func(r *agendaRow) string { return r.ours }},
	{"Theirs", 8, true, model.FieldPositions, func(r *agendaRow) string { return r.theirs }},
	{"Gap", 7, true, model.FieldGap, func(r *agendaRow) string { return r.gap }},
	{"Gap money", 9, true, model.FieldMoney, func(r *agendaRow) string { return r.money }},
	{"Score", 5, true, model.FieldScore, func(r *agendaRow) string { return r.score }},
	{"Target", 8, true, model.FieldTarget, func(r *agendaRow) string { return r.target }},
	{"Walk", 8, true, model.FieldWalkAway, func(r *agendaRow) string { return r.walk }},
	{"Unit", 9, false, model.FieldUnit, func(r *agendaRow) string { return r.unit }},
	{"Wt", 3, true, model.FieldWeight, func(r *agendaRow) string { return r.weight }},
	{"Topic", 10, false, model.FieldTopic, func(r *agendaRow) string { return r.topic }},
}

// Pane is the agenda: positions, gaps and scores per item, the
// readiness line, and the trade plan.
type Pane struct {
	gapValues []decimal.Decimal // each item's gap in money a year, worked out once per data change
	gapErrs   []error           // why an item's gap has no money
	widths    []int             // each of agendaColumns' widths for the values it holds
	snap      *vocab.Snapshot
	all       []agendaRow
	rows      []agendaRow // after the filter
	sel       ui.Selection
	filter    ui.FilterBox
	plan      bool               // show the trade plan instead of the items
	trades    []model.TradeEntry // the trade plan, worked out once per data change
	plan1     string             // the trade plan in one line
	cache     ui.RowCache
	w, h      int
	list      ui.ListKeys
	edit      ui.EditKeys
	now       func() time.Time // the time of an agreement's closing moves
	keys      struct{ MoveUp, MoveDown, Plan, Agree key.Binding }
	ahead     aheadKeys // b, y, Y, z (ahead.go)
}

// New makes the agenda pane; now stamps an agreement.
func New(now func() time.Time) *Pane {
	p := &Pane{now: now, list: ui.NewListKeys(), edit: ui.NewEditKeys("item"), filter: ui.NewFilterBox("filter items"), ahead: newAheadKeys()}
	p.keys.MoveUp = key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move item up"))
	p.keys.MoveDown = key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move item down"))
	p.keys.Plan = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "items / trade plan"))
	p.keys.Agree = key.NewBinding(key.WithKeys("="), key.WithHelp("=", "agree the item at their position"))
	return p
}

// Title names the pane, and the trade plan when it shows.
func (p *Pane) Title() string {
	if p.plan {
		return "Agenda · trade plan"
	}
	return "Agenda"
}

// Keys are the pane's own keys, for the help.
func (p *Pane) Keys() []key.Binding {
	return append([]key.Binding{p.edit.Add, p.edit.Edit, p.edit.Delete, p.keys.Agree, p.keys.MoveUp, p.keys.MoveDown, p.keys.Plan, p.edit.Filter},
		p.ahead.list()...)
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
	p.snap = s
	p.filter.SetStyles(s.St)
	p.setAheadKeys()
	p.trades = s.D.TradePlan()
	p.plan1 = p.planSummary()
	p.all = p.all[:0]
	d, r, priv := s.D, s.R, s.Privacy()
	gapValues, gapErrs := r.GapValues()
	p.gapValues, p.gapErrs = gapValues, gapErrs
	for i, it := range d.Items {
		st := r.Items[i]
		row := agendaRow{index: i, num: fmt.Sprint(i + 1), title: it.Title, topic: string(it.Topic), unit: it.Unit,
			ours: "—", theirs: "—", gap: "—", money: "—", score: "—", target: "—", walk: "—",
			weight: fmt.Sprint(it.Weight), leverage: fmt.Sprintf("%.2f", it.Leverage()), status: it.Status}
		if st.HasOurs {
			row.ours = it.Format(st.Ours)
		}
		if st.HasTheirs {
			row.theirs = it.Format(st.Theirs)
		}
		if it.Tracked() {
			row.gap = it.Format(st.Gap)
			row.met = st.Gap.IsZero()
		}
		if gapErrs[i] == nil {
			row.money = model.FormatNumber(gapValues[i], 0)
		}
		if u, ok := r.ItemScore(i, model.Them); ok {
			row.score = fmt.Sprintf("%.0f", 100*u)
		}
		if it.OurTarget.Valid {
			row.target = it.Format(it.OurTarget.Decimal)
		}
		if it.OurWalkAway.Valid {
			row.walk = it.Format(it.OurWalkAway.Decimal)
		}
		if room, ok := r.RoomLeft(i); ok && room.IsNegative() {
			row.pastWalk = priv.Field(model.FieldWalkAway) // the colour alone would tell
		}
		p.all = append(p.all, row)
	}
	p.widths = p.widths[:0]
	for _, c := range agendaColumns {
		w := c.width
		for k := range p.all {
			if w > 0 && c.right { // figures; a text column is cut instead
				w = max(w, ui.TextWidth(c.cell(&p.all[k])))
			}
		}
		p.widths = append(p.widths, w)
	}
	p.applyFilter()
}

func (p *Pane) applyFilter() {
	p.cache.Reset()
	p.rows = p.rows[:0]
	for _, r := range p.all {
		if p.filter.Matches(r.title, r.topic, r.unit) {
			p.rows = append(p.rows, r)
		}
	}
	p.sel.SetN(len(p.rows))
	p.sel.SetHeight(p.listHeight())
}

// SaveView is the selected item, the filter and whether the trade plan shows.
func (p *Pane) SaveView() vocab.PaneView {
	v := vocab.PaneView{Filter: p.filter.Text()}
	if it, ok := p.Selected(); ok {
		v.Row = strconv.FormatUint(it.ID, 10)
	}
	if p.plan {
		v.Mode = "plan"
	}
	return v
}

// RestoreView puts back what SaveView kept, after SetData.
func (p *Pane) RestoreView(v vocab.PaneView) {
	p.filter.SetText(v.Filter)
	p.plan = v.Mode == "plan"
	p.applyFilter()
	id, err := strconv.ParseUint(v.Row, 10, 64)
	for i, r := range p.rows {
		if err == nil && p.snap.D.Items[r.index].ID == id {
			p.sel.MoveTo(i)
		}
	}
}

// Selected is the item under the cursor.
func (p *Pane) Selected() (model.AgendaItem, bool) {
	if p.snap == nil || p.sel.Pos >= len(p.rows) {
		return model.AgendaItem{}, false
	}
	return p.snap.D.Items[p.rows[p.sel.Pos].index], true
}

// Update takes a key while the pane has focus.
func (p *Pane) Update(msg tea.KeyMsg) tea.Cmd {
	if p.filter.On {
		if p.filter.Update(msg) {
			p.sel.MoveTo(0)
			p.applyFilter()
		}
		p.sel.SetHeight(p.listHeight())
		return nil
	}
	if p.sel.Update(msg, p.list) {
		return nil
	}
	it, ok := p.Selected()
	switch {
	case key.Matches(msg, p.edit.Filter):
		cmd := p.filter.Start()
		p.sel.SetHeight(p.listHeight())
		return cmd
	case key.Matches(msg, p.keys.Plan):
		p.plan = !p.plan
	case key.Matches(msg, p.edit.Add):
		return edit(editor.NewItem())
	case !ok:
		return nil
	case key.Matches(msg, p.edit.Edit):
		return edit(it)
	case key.Matches(msg, p.edit.Delete):
		return vocab.Cmd(p.askDelete(it))
	case key.Matches(msg, p.keys.Agree):
		return p.agree(it)
	case key.Matches(msg, p.keys.MoveUp):
		return p.move(-1)
	case key.Matches(msg, p.keys.MoveDown):
		return p.move(+1)
	}
	if cmd, ok := p.aheadKey(msg, it); ok {
		return cmd
	}
	return nil
}

func (p *Pane) askDelete(it model.AgendaItem) vocab.ConfirmMsg {
	n := 0
	for _, c := range p.snap.D.Ledger {
		if c.ItemID == it.ID {
			n++
		}
	}
	detail := "It has no concessions."
	if n > 0 {
		detail = fmt.Sprintf("Its %d %s go with it; notes tagged to it stay, untagged.", n, ui.Plural(n, "concession", "concessions"))
	}
	return vocab.ConfirmMsg{Question: fmt.Sprintf("Delete the item %q?", it.Title), Detail: detail,
		Yes: vocab.SaveMsg{Status: "Deleted " + it.Title, Change: act.DeleteItem(p.snap.D.Negotiation.ID, it.ID)}}
}

// edit asks for the item's form.
func edit(it model.AgendaItem) tea.Cmd {
	return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindItem, Record: it})
}

// move swaps the selected item with its neighbour and saves the new order.
func (p *Pane) move(delta int) tea.Cmd {
	d := p.snap.D
	if p.filter.Query() != "" {
		return vocab.Error(fmt.Errorf("clear the filter (esc in /) to reorder items"))
	}
	i, j := p.sel.Pos, p.sel.Pos+delta
	if j < 0 || j >= len(d.Items) {
		return nil
	}
	ids := make([]uint64, len(d.Items))
	for k, it := range d.Items {
		ids[k] = it.ID
	}
	ids[i], ids[j] = ids[j], ids[i]
	p.sel.MoveTo(j)
	return vocab.Cmd(vocab.SaveMsg{Status: "Agenda order saved", Change: &act.SaveOrder{NegID: d.Negotiation.ID, IDs: ids}})
}

// Positions are the positions the pane shows for each item of the agenda,
// ours then theirs, in agenda order: what a check against a fresh replay of
// the file compares.
func (p *Pane) Positions() [][2]string {
	out := make([][2]string, len(p.all))
	for _, r := range p.all {
		out[r.index] = [2]string{r.ours, r.theirs}
	}
	return out
}

// agree asks to settle the item at their position, as `agree <item>` on the
// capture line does: the closing moves are logged and the item is agreed.
func (p *Pane) agree(it model.AgendaItem) tea.Cmd {
	d := p.snap.D
	var meetingID uint64
	if mt, ok := d.RunningMeeting(); ok {
		meetingID = mt.ID
	}
	c := model.Capture{Kind: model.CaptureAgree, ItemID: it.ID}
	now := p.now()
	a, err := d.Agree(c, now, meetingID)
	if err != nil {
		return vocab.Error(err)
	}
	status := editor.AgreedStatus(a)
	return vocab.Cmd(vocab.ConfirmMsg{Question: fmt.Sprintf("Agree %s at their position?", it.Title), Detail: status,
		Yes: vocab.SaveMsg{Status: status, Change: &act.Captured{NegID: d.Negotiation.ID, Capture: c, At: now, MeetingID: meetingID}}})
}
