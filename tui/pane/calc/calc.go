// Package calc is the Calculator pane: the category-impact scenarios (the
// buyer's net gain after cannibalization) and our profitability.
package calc

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// calcRow is one scenario in the calculator's list, formatted once per change.
type calcRow struct {
	id       uint64
	forBuyer bool
	name     string
	kind     string
	headline string // the one number that says how the scenario comes out
}

// Pane is the calculator: the scenarios behind the proposals, one
// selected, with its inputs and results (category impact for the buyer, our
// profitability and what the open concessions cost).
type Pane struct {
	snap   *vocab.Snapshot
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

// New makes the calculator pane.
func New() *Pane {
	p := &Pane{list: ui.NewListKeys(), edit: ui.NewEditKeys("scenario")}
	p.edit.Edit.SetHelp("enter/e", "edit the scenario (results update as you type)")
	p.keys.AddLine = key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "add a product line (category)"))
	p.keys.Buyer = key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "★ shown to the buyer (category)"))
	p.keys.ScrollUp = key.NewBinding(key.WithKeys("pgup", "ctrl+u", "K"), key.WithHelp("pgup/K", "scroll the figures up"))
	p.keys.ScrollDown = key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "J"), key.WithHelp("pgdn/J", "scroll the figures down"))
	return p
}

// Title names the pane.
func (p *Pane) Title() string { return "Calculator" }

// Keys are the pane's own keys, for the help.
func (p *Pane) Keys() []key.Binding {
	return []key.Binding{p.edit.Add, p.edit.Edit, p.keys.AddLine, p.keys.Buyer, p.edit.Delete, p.keys.ScrollUp, p.keys.ScrollDown}
}

// Typing is false: the pane has no text field.
func (p *Pane) Typing() bool { return false }

// SetSize gives the pane its size inside the frame.
func (p *Pane) SetSize(w, h int) {
	w, h = max(0, w), max(0, h)
	if w == p.w && h == p.h {
		return // a layout that left the pane as it was (a change of focus)
	}
	p.w, p.h = w, h
	p.sel.SetHeight(p.listHeight())
	p.buildDetail()
}

// SetData takes the open negotiation, keeping the selected scenario.
func (p *Pane) SetData(s *vocab.Snapshot) {
	if p.selID == 0 && p.sel.Pos < len(p.rows) {
		p.selID = p.rows[p.sel.Pos].id
	}
	p.snap = s
	p.rows = p.rows[:0]
	pos := p.sel.Pos
	priv := s.Privacy()
	for _, sc := range s.D.Scenarios {
		if !priv.Scenario(sc) {
			continue
		}
		if sc.ID == p.selID {
			pos = len(p.rows)
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

func (p *Pane) row(sc model.Scenario) calcRow {
	r := calcRow{id: sc.ID, forBuyer: sc.ForBuyer, name: sc.Name}
	switch sc.Kind {
	case model.CategoryScenario:
		r.kind = "category"
		r.headline = "net " + model.FormatSigned(sc.Impact.Result().NetTurnover, 2)
	default:
		r.kind = "profitability"
		r.headline = "pocket " + model.FormatMoney(sc.Profit.Result().PocketPrice)
	}
	return r
}

// selected is the scenario under the cursor.
func (p *Pane) selected() (model.Scenario, bool) {
	if p.snap == nil || p.sel.Pos >= len(p.rows) {
		return model.Scenario{}, false
	}
	return p.snap.D.Scenario(p.rows[p.sel.Pos].id)
}

// buildDetail lays out the selected scenario for the pane's width.
func (p *Pane) buildDetail() {
	p.detail = p.detail[:0]
	sc, ok := p.selected()
	if !ok || p.w <= 0 {
		return
	}
	v := scenarioView{st: p.snap.St, w: p.w}
	if sc.Kind == model.CategoryScenario {
		p.detail = v.category(sc)
	} else {
		p.detail = v.profitability(sc, p.snap.D, p.snap.R)
	}
	p.scroll = min(p.scroll, p.maxScroll())
}

// Update takes a key while the pane has focus.
func (p *Pane) Update(msg tea.KeyMsg) tea.Cmd {
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
	sc, ok := p.selected()
	switch {
	case key.Matches(msg, p.edit.Add):
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindScenario})
	case !ok:
		return nil
	case key.Matches(msg, p.edit.Edit):
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.Kind(sc.Kind), Record: sc})
	case key.Matches(msg, p.keys.AddLine):
		if sc.Kind != model.CategoryScenario {
			return vocab.Error(fmt.Errorf("product lines belong to a category scenario: %q is our profitability", sc.Name))
		}
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindCategory, Record: editor.ScenarioLine{Scenario: sc}})
	case key.Matches(msg, p.keys.Buyer):
		return p.toggleBuyer(sc)
	case key.Matches(msg, p.edit.Delete):
		return vocab.Cmd(p.askDelete(sc))
	}
	return nil
}

// toggleBuyer marks the category scenario as the one shown to the buyer (the
// store unmarks the others), or unmarks it.
func (p *Pane) toggleBuyer(sc model.Scenario) tea.Cmd {
	if sc.Kind != model.CategoryScenario {
		return vocab.Error(fmt.Errorf("only a category scenario is shown to the buyer: %q is our profitability", sc.Name))
	}
	sc.Impact.Lines = append([]model.ImpactLine(nil), sc.Impact.Lines...)
	sc.ForBuyer = !sc.ForBuyer
	status := "★ Shown to the buyer: " + sc.Name
	if !sc.ForBuyer {
		status = "No longer marked as shown to the buyer: " + sc.Name
	}
	return vocab.Cmd(vocab.SaveMsg{Status: status, Change: act.SaveScenario(p.snap.D.Negotiation.ID, sc)})
}

func (p *Pane) askDelete(sc model.Scenario) vocab.ConfirmMsg {
	detail := "Its inputs go with it; the deal is priced by the levers, not by scenarios (u undoes the delete)."
	if n := len(sc.Impact.Lines); n > 0 {
		detail = fmt.Sprintf("Its %d product %s go with it (u undoes the delete).", n, ui.Plural(n, "line", "lines"))
	}
	return vocab.ConfirmMsg{Question: fmt.Sprintf("Delete the scenario %q?", sc.Name), Detail: detail,
		Yes: vocab.SaveMsg{Status: "Deleted scenario " + sc.Name, Change: act.DeleteScenario(p.snap.D.Negotiation.ID, sc.ID)}}
}

// Saved selects a scenario just saved (a new one has its ID only now).
func (p *Pane) Saved(c act.Change) {
	if s, ok := c.(*act.Save[model.Scenario]); ok {
		p.selID = s.Record.ID
	}
}

// listHeight is the rows the scenario list gets: all of them on a tall
// pane, a third of it when the figures need the room.
func (p *Pane) listHeight() int {
	if len(p.rows) == 0 {
		return max(1, p.h)
	}
	return max(1, min(len(p.rows), max(2, p.h/3)))
}

// detailHeight is the rows left for the figures under the list and its rule.
func (p *Pane) detailHeight() int {
	return max(0, p.h-p.listHeight()-1)
}

func (p *Pane) maxScroll() int { return max(0, len(p.detail)-p.detailHeight()) }

// View draws the pane at its size.
func (p *Pane) View(focused bool) []string {
	if p.snap == nil {
		return ui.Block(nil, p.w, p.h)
	}
	st := p.snap.St
	if len(p.rows) == 0 && len(p.snap.D.Scenarios) > 0 {
		lines := ui.WrapWords("No scenario to show while privacy is on: only the category impact marked ★ for the buyer shows (b marks it, with privacy off).", p.w, "")
		return ui.Block(lines, p.w, p.h)
	}
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

func (p *Pane) rowView(r *calcRow, selected bool) string {
	st := p.snap.St
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
		return ui.SelectedRow(star+text, p.w, st)
	}
	if r.forBuyer {
		star = st.Warn.Render(star)
	}
	return ui.Cut(star+text, p.w)
}
