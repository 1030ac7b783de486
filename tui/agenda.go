package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
)

// masked stands in for a value hidden by privacy.
const masked = "•••"

// agendaRow is one item's cells, formatted once per data change.
type agendaRow struct {
	index                                 int // in Dossier.Items
	num, title, topic, unit               string
	ours, theirs, gap, money              string
	score, target, walk, weight, leverage string
	met, pastWalk                         bool
	status                                model.ItemStatus
}

// agendaColumn is a column of the agenda table.
type agendaColumn struct {
	title string
	width int
	right bool
	cell  func(r *agendaRow) string
}

// agendaColumns in priority order: a narrow pane drops them from the end.
var agendaColumns = []agendaColumn{
	{"#", 2, true, func(r *agendaRow) string { return r.num }},
	{"Item", 0, false, func(r *agendaRow) string { return r.title }},
	{"Ours", 8, true, func(r *agendaRow) string { return r.ours }},
	{"Theirs", 8, true, func(r *agendaRow) string { return r.theirs }},
	{"Gap", 7, true, func(r *agendaRow) string { return r.gap }},
	{"Score", 5, true, func(r *agendaRow) string { return r.score }},
	{"Target", 8, true, func(r *agendaRow) string { return r.target }},
	{"Walk", 8, true, func(r *agendaRow) string { return r.walk }},
	{"Gap money", 10, true, func(r *agendaRow) string { return r.money }},
	{"Unit", 9, false, func(r *agendaRow) string { return r.unit }},
	{"Wt", 3, true, func(r *agendaRow) string { return r.weight }},
	{"Topic", 10, false, func(r *agendaRow) string { return r.topic }},
}

// agendaPane is the agenda: positions, gaps and scores per item, the
// readiness line, and the trade plan.
type agendaPane struct {
	m      *Model
	snap   *snapshot
	all    []agendaRow
	rows   []agendaRow // after the filter
	sel    selection
	filter filterBox
	plan   bool   // show the trade plan instead of the items
	plan1  string // the trade plan in one line, made once per data change
	cache  rowCache
	w, h   int
	list   listKeys
	edit   editKeys
	keys   struct{ MoveUp, MoveDown, Plan, Concede key.Binding }
}

func newAgendaPane(m *Model) *agendaPane {
	p := &agendaPane{m: m, list: newListKeys(), edit: newEditKeys("item"), filter: newFilterBox("filter items")}
	p.keys.MoveUp = key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move item up"))
	p.keys.MoveDown = key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move item down"))
	p.keys.Plan = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "items / trade plan"))
	p.keys.Concede = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "concession on this item"))
	return p
}

func (p *agendaPane) Title() string {
	if p.plan {
		return "Agenda · trade plan"
	}
	return "Agenda"
}

func (p *agendaPane) Keys() []key.Binding {
	return []key.Binding{p.edit.Add, p.edit.Edit, p.edit.Delete, p.keys.MoveUp, p.keys.MoveDown, p.keys.Plan, p.edit.Filter}
}

func (p *agendaPane) Typing() bool { return p.filter.on }

func (p *agendaPane) SetSize(w, h int) {
	p.w, p.h = max(0, w), max(0, h)
	p.sel.setHeight(p.listHeight())
}

func (p *agendaPane) SetData(s *snapshot) {
	p.snap = s
	p.plan1 = p.planSummary()
	p.all = p.all[:0]
	d, r := s.d, s.r
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
		if g, ok := r.GapMoney(i); ok {
			row.money = model.FormatNumber(g, 0)
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
			row.pastWalk = true
		}
		if s.private {
			row.money, row.score, row.target, row.walk, row.weight, row.leverage = masked, masked, masked, masked, masked, masked
			row.pastWalk = false
		}
		p.all = append(p.all, row)
	}
	p.applyFilter()
}

func (p *agendaPane) applyFilter() {
	p.cache.reset()
	p.rows = p.rows[:0]
	for _, r := range p.all {
		if p.filter.matches(r.title, r.topic, r.unit) {
			p.rows = append(p.rows, r)
		}
	}
	p.sel.setN(len(p.rows))
	p.sel.setHeight(p.listHeight())
}

// selected is the item under the cursor.
func (p *agendaPane) selected() (model.AgendaItem, bool) {
	if p.snap == nil || p.sel.pos >= len(p.rows) {
		return model.AgendaItem{}, false
	}
	return p.snap.d.Items[p.rows[p.sel.pos].index], true
}

// selectedItem is the agenda's selected item, for forms opened elsewhere.
func (m *Model) selectedItem() (model.AgendaItem, bool) {
	return m.panes[paneAgenda].(*agendaPane).selected()
}

func (p *agendaPane) Update(msg tea.KeyMsg) tea.Cmd {
	if p.filter.on {
		if p.filter.update(msg) {
			p.sel.moveTo(0)
			p.applyFilter()
		}
		p.sel.setHeight(p.listHeight())
		return nil
	}
	if p.sel.update(msg, p.list) {
		return nil
	}
	m := p.m
	it, ok := p.selected()
	switch {
	case key.Matches(msg, p.edit.Filter):
		cmd := p.filter.start()
		p.sel.setHeight(p.listHeight())
		return cmd
	case key.Matches(msg, p.keys.Plan):
		p.plan = !p.plan
	case key.Matches(msg, p.edit.Add):
		m.openItemForm(model.AgendaItem{Topic: model.TopicPrice, Better: model.Up, Status: model.ItemOpen})
	case !ok:
		return nil
	case key.Matches(msg, p.edit.Edit):
		m.openItemForm(it)
	case key.Matches(msg, p.edit.Delete):
		p.askDelete(it)
	case key.Matches(msg, p.keys.MoveUp):
		return p.move(-1)
	case key.Matches(msg, p.keys.MoveDown):
		return p.move(+1)
	}
	return nil
}

func (p *agendaPane) askDelete(it model.AgendaItem) {
	m := p.m
	n := 0
	for _, c := range p.snap.d.Ledger {
		if c.ItemID == it.ID {
			n++
		}
	}
	detail := "It has no concessions."
	if n > 0 {
		detail = fmt.Sprintf("Its %d %s go with it; notes tagged to it stay, untagged.", n, plural(n, "concession", "concessions"))
	}
	negID := m.negID()
	m.askConfirm(fmt.Sprintf("Delete the item %q?", it.Title), detail, func() tea.Cmd {
		return reloadCmd(m.store, 0, "Deleted "+it.Title, func(s Store) error { return s.DeleteItem(negID, it.ID) })
	})
}

// move swaps the selected item with its neighbour and saves the new order.
func (p *agendaPane) move(delta int) tea.Cmd {
	d := p.snap.d
	if p.filter.query() != "" {
		p.m.setError(fmt.Errorf("clear the filter (esc in /) to reorder items"))
		return nil
	}
	i, j := p.sel.pos, p.sel.pos+delta
	if j < 0 || j >= len(d.Items) {
		return nil
	}
	ids := make([]uint64, len(d.Items))
	for k, it := range d.Items {
		ids[k] = it.ID
	}
	ids[i], ids[j] = ids[j], ids[i]
	p.sel.moveTo(j)
	negID := d.Negotiation.ID
	return writeCmd(p.m.store, 0, "Agenda order saved", func(s Store) (func(*model.Dossier), error) {
		if err := s.SaveOrder(negID, ids); err != nil {
			return nil, err
		}
		return func(d *model.Dossier) {
			order := map[uint64]int{}
			for k, id := range ids {
				order[id] = k + 1
			}
			for k := range d.Items {
				d.Items[k].Order = order[d.Items[k].ID]
			}
		}, nil
	})
}

// footerLines are shown under the table: the selected item in full and the
// readiness or trade plan, as many as the room the rows leave (the rows come
// first on a short pane).
func (p *agendaPane) footerLines() int {
	if p.h < 8 {
		return 0
	}
	want := detailLines + 1
	spare := p.h - 1 - len(p.rows)
	if p.filter.shown() {
		spare--
	}
	least := 1
	if p.h >= 14 {
		least = 3
	}
	return min(want, max(least, spare))
}

// detailLines is the most the selected item's description takes.
const detailLines = 7

func (p *agendaPane) listHeight() int {
	h := p.h - 1 - p.footerLines() // the column header
	if p.filter.shown() {
		h--
	}
	return max(1, h)
}

func (p *agendaPane) View(focused bool) []string {
	if p.snap == nil {
		return block(nil, p.w, p.h)
	}
	if p.plan {
		return p.planView()
	}
	st := p.snap.st
	var lines []string
	if p.filter.shown() {
		lines = append(lines, p.filter.view(p.w))
	}
	cols := p.columns()
	var head strings.Builder
	for _, c := range cols {
		if c.right {
			head.WriteString(fitRight(c.title, c.width) + " ")
		} else {
			head.WriteString(fit(c.title, c.width) + " ")
		}
	}
	lines = append(lines, st.Dim.Render(cut(head.String(), p.w)))
	if len(p.all) == 0 {
		lines = append(lines, st.Dim.Render("No items yet: press a to add one (price, terms, volume, …)."))
	}
	from, to := p.sel.visible()
	key := fmt.Sprint(p.w, len(cols))
	for i := from; i < to; i++ {
		if focused && i == p.sel.pos {
			lines = append(lines, p.rowView(&p.rows[i], cols, true))
			continue
		}
		lines = append(lines, p.cache.get(key, i, func() string { return fit(p.rowView(&p.rows[i], cols, false), p.w) }))
	}
	lines = block(lines, p.w, p.h-p.footerLines())
	return append(lines, block(p.detail(), p.w, p.footerLines())...)
}

// columns picks the columns that fit the pane, giving the rest to the title.
func (p *agendaPane) columns() []agendaColumn {
	titleMin := min(18, max(10, p.w/3))
	used := 0
	var picked []agendaColumn
	for _, c := range agendaColumns {
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

func (p *agendaPane) rowView(r *agendaRow, cols []agendaColumn, selected bool) string {
	st := p.snap.st
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
			text = fitRight(text, c.width)
		} else {
			text = fit(text, c.width)
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
	line := cut(b.String(), p.w)
	if selected {
		return st.Selected.Render(fit(line, p.w))
	}
	return line
}

// detail describes the selected item, then the readiness or trade plan.
func (p *agendaPane) detail() []string {
	n := p.footerLines()
	if n == 0 {
		return nil
	}
	st, d := p.snap.st, p.snap.d
	last := p.plan1
	if d.Negotiation.Stage == model.StagePrepare && !p.snap.private {
		last = st.Warn.Render("Readiness: ") + d.Readiness()
	}
	var about []string
	if it, ok := p.selected(); ok && n > 1 {
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
func (p *agendaPane) describe(it model.AgendaItem) []string {
	st, r, private := p.snap.st, p.snap.r, p.snap.private
	i := p.snap.d.ItemIndex(it.ID)
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
		pos := fmt.Sprintf("Ours %s (opened %s)", it.Format(stt.Ours), it.Format(it.OurOpening.Decimal))
		if stt.HasTheirs {
			pos += fmt.Sprintf(" · theirs %s (opened %s)", it.Format(stt.Theirs), it.Format(it.TheirOpening.Decimal))
			pos += " · gap " + it.Format(stt.Gap)
			if g, ok := r.GapMoney(i); ok && !private {
				pos += " = " + model.FormatMoney(g) + " " + p.snap.d.Negotiation.Currency
			}
		} else {
			pos += st.Warn.Render(" · their opening not estimated")
		}
		lines = append(lines, pos)
		if !private {
			var limits []string
			if it.OurTarget.Valid {
				limits = append(limits, "target "+it.Format(it.OurTarget.Decimal))
			}
			if it.OurWalkAway.Valid {
				limits = append(limits, "walk-away "+it.Format(it.OurWalkAway.Decimal))
			}
			if room, ok := r.RoomLeft(i); ok {
				if room.IsNegative() {
					limits = append(limits, st.Bad.Render("past our walk-away by "+it.Format(room.Neg())))
				} else {
					limits = append(limits, "room left "+it.Format(room))
				}
			}
			if it.TheirWalkAway.Valid {
				limits = append(limits, "their walk-away (est.) "+it.Format(it.TheirWalkAway.Decimal))
			}
			if len(limits) > 0 {
				lines = append(lines, strings.Join(limits, " · "))
			}
		}
	}
	if !private {
		lines = append(lines, fmt.Sprintf("Worth %d to us, %d to them · leverage %.2f", it.Weight, it.ValueToThem, it.Leverage()))
	}
	if sc, ok := p.snap.d.Scenario(it.Link.ScenarioID); ok {
		label := it.Link.Field
		for _, f := range model.ScenarioFields(sc.Kind) {
			if f.Name == it.Link.Field {
				label = f.Label
			}
		}
		lines = append(lines, st.Dim.Render("Linked to "+sc.Name+": "+label))
	}
	if it.Note != "" {
		lines = append(lines, st.Dim.Render(it.Note))
	}
	return lines
}

// planSummary is the trade plan in one line.
func (p *agendaPane) planSummary() string {
	st := p.snap.st
	var give, ask []string
	for _, e := range p.snap.d.TradePlan() {
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

// planView ranks the open items by trade leverage.
func (p *agendaPane) planView() []string {
	st := p.snap.st
	plan := p.snap.d.TradePlan()
	lines := []string{st.Dim.Render("Give the items at the top (worth more to them than to us) to get those at the bottom.")}
	titleW := max(8, p.w-36)
	lines = append(lines, st.Dim.Render(fit("Item", titleW)+" "+fitRight("Us", 4)+" "+fitRight("Them", 5)+" "+fitRight("Lever", 6)+"  Advice"))
	for _, e := range plan {
		us, lev := fmt.Sprint(e.Item.Weight), fmt.Sprintf("%.2f", e.Leverage)
		if p.snap.private {
			us, lev = masked, masked
		}
		advice := string(e.Advice)
		switch e.Advice {
		case model.GiveFirst:
			advice = st.Good.Render(advice)
		case model.AskFor:
			advice = st.Accent.Render(advice)
		}
		lines = append(lines, fit(e.Item.Title, titleW)+" "+fitRight(us, 4)+" "+fitRight(fmt.Sprint(e.Item.ValueToThem), 5)+" "+fitRight(lev, 6)+"  "+advice)
	}
	if len(plan) == 0 {
		lines = append(lines, st.Dim.Render("No open items."))
	}
	lines = append(lines, "", st.Dim.Render("v back to the items"))
	for i := range lines {
		lines[i] = cut(lines[i], p.w)
	}
	_ = ansi.StringWidth
	return block(lines, p.w, p.h)
}
