package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// calcRow is one scenario in the calculator's list, formatted once per change.
type calcRow struct {
	id       uint64
	forBuyer bool
	name     string
	kind     string
	headline string // the one number that says how the scenario comes out
}

// calcPane is the calculator: the scenarios behind the proposals, one
// selected, with its inputs and results (category impact for the buyer, our
// profitability and what the open concessions cost).
type calcPane struct {
	m      *Model
	snap   *snapshot
	rows   []calcRow
	sel    ui.Selection
	selID  uint64   // the scenario to select after the next data change
	detail []string // the selected scenario's inputs and results, at width w
	scroll int      // first detail line shown
	headW  int      // the widest headline
	w, h   int
	list   ui.ListKeys
	edit   ui.EditKeys
	keys   struct{ AddLine, Buyer, ScrollUp, ScrollDown key.Binding }
}

func newCalcPane(m *Model) pane {
	p := &calcPane{m: m, list: ui.NewListKeys(), edit: ui.NewEditKeys("scenario")}
	p.edit.Edit.SetHelp("enter/e", "edit the scenario (results update as you type)")
	p.keys.AddLine = key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "add a product line (category)"))
	p.keys.Buyer = key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "★ shown to the buyer (category)"))
	p.keys.ScrollUp = key.NewBinding(key.WithKeys("pgup", "ctrl+u", "K"), key.WithHelp("pgup/K", "scroll the figures up"))
	p.keys.ScrollDown = key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "J"), key.WithHelp("pgdn/J", "scroll the figures down"))
	return p
}

func (p *calcPane) Title() string { return "Calculator" }

func (p *calcPane) Keys() []key.Binding {
	return []key.Binding{p.edit.Add, p.edit.Edit, p.keys.AddLine, p.keys.Buyer, p.edit.Delete, p.keys.ScrollUp, p.keys.ScrollDown}
}

func (p *calcPane) Typing() bool { return false }

func (p *calcPane) SetSize(w, h int) {
	p.w, p.h = max(0, w), max(0, h)
	p.sel.SetHeight(p.listHeight())
	p.buildDetail()
}

func (p *calcPane) SetData(s *snapshot) {
	if p.selID == 0 && p.sel.Pos < len(p.rows) {
		p.selID = p.rows[p.sel.Pos].id
	}
	p.snap = s
	p.rows = p.rows[:0]
	pos := p.sel.Pos
	for i, sc := range s.d.Scenarios {
		if sc.ID == p.selID {
			pos = i
		}
		p.rows = append(p.rows, p.row(sc))
	}
	p.selID = 0
	p.headW = 0
	for _, r := range p.rows {
		p.headW = max(p.headW, ui.TextWidth(r.headline))
	}
	p.sel.SetN(len(p.rows))
	p.sel.SetHeight(p.listHeight())
	if pos != p.sel.Pos {
		p.scroll = 0
	}
	p.sel.MoveTo(pos)
	p.buildDetail()
}

func (p *calcPane) row(sc model.Scenario) calcRow {
	r := calcRow{id: sc.ID, forBuyer: sc.ForBuyer, name: sc.Name}
	switch sc.Kind {
	case model.CategoryScenario:
		r.kind = "category"
		r.headline = "net " + model.FormatSigned(sc.Impact.Result().NetTurnover, 2)
	default:
		r.kind = "profitability"
		r.headline = "pocket " + model.FormatMoney(sc.Profit.Result().PocketPrice)
		if p.snap.private {
			r.headline = "pocket " + ui.Masked
		}
	}
	return r
}

// selected is the scenario under the cursor.
func (p *calcPane) selected() (model.Scenario, bool) {
	if p.snap == nil || p.sel.Pos >= len(p.rows) {
		return model.Scenario{}, false
	}
	return p.snap.d.Scenario(p.rows[p.sel.Pos].id)
}

// buildDetail lays out the selected scenario for the pane's width.
func (p *calcPane) buildDetail() {
	p.detail = p.detail[:0]
	sc, ok := p.selected()
	if !ok || p.w <= 0 {
		return
	}
	v := scenarioView{st: p.snap.st, w: p.w, private: p.snap.private}
	if sc.Kind == model.CategoryScenario {
		p.detail = v.category(sc)
	} else {
		p.detail = v.profitability(sc, p.snap.d, p.snap.r)
	}
	p.scroll = min(p.scroll, p.maxScroll())
}

func (p *calcPane) Update(msg tea.KeyMsg) tea.Cmd {
	if p.snap == nil {
		return nil
	}
	switch {
	case key.Matches(msg, p.keys.ScrollUp):
		p.scroll = max(0, p.scroll-max(1, p.detailHeight()-1))
		return nil
	case key.Matches(msg, p.keys.ScrollDown):
		p.scroll = min(p.maxScroll(), p.scroll+max(1, p.detailHeight()-1))
		return nil
	}
	before := p.sel.Pos
	if p.sel.Update(msg, p.list) {
		if p.sel.Pos != before {
			p.scroll = 0
			p.buildDetail()
		}
		return nil
	}
	m := p.m
	sc, ok := p.selected()
	switch {
	case key.Matches(msg, p.edit.Add):
		m.openNewScenario()
	case !ok:
		return nil
	case key.Matches(msg, p.edit.Edit):
		m.openScenarioForm(sc, false)
	case key.Matches(msg, p.keys.AddLine):
		if sc.Kind != model.CategoryScenario {
			m.setError(fmt.Errorf("product lines belong to a category scenario: %q is our profitability", sc.Name))
			return nil
		}
		m.openScenarioForm(sc, true)
	case key.Matches(msg, p.keys.Buyer):
		return p.toggleBuyer(sc)
	case key.Matches(msg, p.edit.Delete):
		p.askDelete(sc)
	}
	return nil
}

// toggleBuyer marks the category scenario as the one shown to the buyer (the
// store unmarks the others), or unmarks it.
func (p *calcPane) toggleBuyer(sc model.Scenario) tea.Cmd {
	m := p.m
	if sc.Kind != model.CategoryScenario {
		m.setError(fmt.Errorf("only a category scenario is shown to the buyer: %q is our profitability", sc.Name))
		return nil
	}
	sc.Impact.Lines = append([]model.ImpactLine(nil), sc.Impact.Lines...)
	sc.ForBuyer = !sc.ForBuyer
	status := "★ Shown to the buyer: " + sc.Name
	if !sc.ForBuyer {
		status = "No longer marked as shown to the buyer: " + sc.Name
	}
	return m.saveScenarioCmd(0, sc, status)
}

func (p *calcPane) askDelete(sc model.Scenario) {
	m := p.m
	linked := 0
	for _, it := range p.snap.d.Items {
		if it.Link.ScenarioID == sc.ID {
			linked++
		}
	}
	detail := "No agenda item is linked to it."
	if linked > 0 {
		detail = fmt.Sprintf("%d agenda %s linked to it %s the link.", linked, ui.Plural(linked, "item", "items"), ui.Plural(linked, "loses", "lose"))
	}
	negID := m.negID()
	m.askConfirm(fmt.Sprintf("Delete the scenario %q?", sc.Name), detail, func() tea.Cmd {
		return reloadCmd(m.store, 0, "Deleted scenario "+sc.Name, func(s Store) error { return s.DeleteScenario(negID, sc.ID) })
	})
}

// saveScenarioCmd writes a scenario (a copy) and selects it.
func (m *Model) saveScenarioCmd(origin int, sc model.Scenario, status string) tea.Cmd {
	negID := m.negID()
	p := m.panes[paneCalc].(*calcPane)
	return writeCmd(m.store, origin, status, func(s Store) (func(*model.Dossier), error) {
		if err := s.SaveScenario(negID, &sc); err != nil {
			return nil, err
		}
		return func(d *model.Dossier) {
			for i := range d.Scenarios {
				if sc.ForBuyer && d.Scenarios[i].Kind == sc.Kind && d.Scenarios[i].ID != sc.ID {
					d.Scenarios[i].ForBuyer = false
				}
			}
			d.Scenarios = upsert(d.Scenarios, sc, func(s model.Scenario) uint64 { return s.ID })
			p.selID = sc.ID
		}, nil
	})
}

// listHeight is the rows the scenario list gets: all of them on a tall
// pane, a third of it when the figures need the room.
func (p *calcPane) listHeight() int {
	if len(p.rows) == 0 {
		return max(1, p.h)
	}
	return max(1, min(len(p.rows), max(2, p.h/3)))
}

// detailHeight is the rows left for the figures under the list and its rule.
func (p *calcPane) detailHeight() int {
	return max(0, p.h-p.listHeight()-1)
}

func (p *calcPane) maxScroll() int { return max(0, len(p.detail)-p.detailHeight()) }

func (p *calcPane) View(focused bool) []string {
	if p.snap == nil {
		return ui.Block(nil, p.w, p.h)
	}
	st := p.snap.st
	if len(p.rows) == 0 {
		lines := []string{st.Dim.Render("No scenarios yet.")}
		for _, l := range ui.WrapWords("Press a to add one: the category impact that shows the buyer his category grows after cannibalization, or our profitability (pocket price, and what each open concession costs).", p.w, "") {
			lines = append(lines, st.Dim.Render(l))
		}
		return ui.Block(lines, p.w, p.h)
	}
	var lines []string
	from, to := p.sel.Visible()
	for i := from; i < to && i < len(p.rows); i++ {
		lines = append(lines, p.rowView(&p.rows[i], focused && i == p.sel.Pos))
	}
	lines = ui.Block(lines, p.w, p.listHeight())
	if dh := p.detailHeight(); dh > 0 {
		rule := strings.Repeat("─", p.w)
		if p.maxScroll() > 0 {
			hint := fmt.Sprintf(" %d–%d of %d · pgup/pgdn ", p.scroll+1, min(len(p.detail), p.scroll+dh), len(p.detail))
			rule = strings.Repeat("─", max(0, p.w-ui.TextWidth(hint)-1)) + hint + "─"
		}
		lines = append(lines, st.Dim.Render(ui.Cut(rule, p.w)))
		from := min(p.scroll, len(p.detail))
		lines = append(lines, ui.Block(p.detail[from:], p.w, dh)...)
	}
	return ui.Block(lines, p.w, p.h)
}

func (p *calcPane) rowView(r *calcRow, selected bool) string {
	st := p.snap.st
	star := "  "
	if r.forBuyer {
		star = "★ "
	}
	kindW, headW := 0, 0
	if p.w >= 50 {
		kindW = 13
	}
	if p.w >= 24 {
		headW = min(p.headW, max(0, (p.w-2)/2))
	}
	nameW := max(0, p.w-2-kindW-headW-2)
	text := ui.Fit(r.name, nameW)
	if kindW > 0 {
		text += " " + ui.Fit(r.kind, kindW)
	}
	if headW > 0 {
		text += " " + ui.FitRight(r.headline, headW)
	}
	if selected {
		return st.Selected.Render(ui.Fit(star+text, p.w))
	}
	if r.forBuyer {
		star = st.Warn.Render(star)
	}
	return ui.Cut(star+text, p.w)
}
