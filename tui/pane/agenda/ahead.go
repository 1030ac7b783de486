package agenda

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Staying ahead on the agenda (DESIGN 5.6–5.7): b sets today's budget on
// the selected item; after a meeting ends, what their moves say about their
// values shows in the item's detail, where y accepts the suggestion (the
// trade plan re-ranks), Y accepts them all and z dismisses it. All internal:
// nothing of it while privacy is on.

// aheadKeys are the pane's keys for budgets and suggestions.
type aheadKeys struct{ Budget, Accept, AcceptAll, Dismiss key.Binding }

func newAheadKeys() aheadKeys {
	return aheadKeys{
		Budget:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "today's budget on the item")),
		Accept:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "accept the item's value-to-them suggestion")),
		AcceptAll: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "accept every value-to-them suggestion")),
		Dismiss:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "dismiss the item's suggestion")),
	}
}

func (k aheadKeys) list() []key.Binding {
	return []key.Binding{k.Budget, k.Accept, k.AcceptAll, k.Dismiss}
}

// setAheadKeys enables the keys the privacy rule and the data allow.
func (p *Pane) setAheadKeys() {
	priv := p.snap.Privacy()
	p.ahead.Budget.SetEnabled(priv.Part(model.PartBudget))
	has := p.suggestionsShown() && len(p.snap.Ahead.Suggestions) > 0
	for _, k := range []*key.Binding{&p.ahead.Accept, &p.ahead.AcceptAll, &p.ahead.Dismiss} {
		k.SetEnabled(has)
	}
}

// suggestionsShown reports whether the privacy rule shows the suggestions:
// they tell our estimate of their values and re-rank the trade plan.
func (p *Pane) suggestionsShown() bool {
	priv := p.snap.Privacy()
	return p.snap.Ahead != nil && priv.Field(model.FieldValueToThem) && priv.Part(model.PartTradePlan)
}

// aheadKey handles b, y, Y and z on the selected item; false when msg is
// none of them.
func (p *Pane) aheadKey(msg tea.KeyMsg, it model.AgendaItem) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, p.ahead.Budget):
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindBudget, Record: model.Budget{ItemID: it.ID}}), true
	case key.Matches(msg, p.ahead.Accept), key.Matches(msg, p.ahead.Dismiss):
		accept := key.Matches(msg, p.ahead.Accept)
		sgs := p.snap.Ahead.ItemSuggestions(it.ID)
		if len(sgs) == 0 {
			return vocab.Status("No suggestion on " + it.Title + " (Y accepts those on other items)"), true
		}
		return vocab.Cmd(p.decide(sgs, accept)), true
	case key.Matches(msg, p.ahead.AcceptAll):
		sgs := p.snap.Ahead.Suggestions
		return vocab.Cmd(vocab.ConfirmMsg{Question: fmt.Sprintf("Accept all %d value-to-them %s?", len(sgs), ui.Plural(len(sgs), "suggestion", "suggestions")),
			Detail: "The trade plan re-ranks from the new values.", Yes: p.decide(sgs, true)}), true
	}
	return nil, false
}

// decide writes the KAM's answer to suggestions.
func (p *Pane) decide(sgs []model.Suggestion, accept bool) vocab.SaveMsg {
	status := fmt.Sprintf("Value to them on %s set to %d: the trade plan re-ranks", sgs[0].Item.Title, sgs[0].Value)
	switch {
	case accept && len(sgs) > 1:
		status = fmt.Sprintf("%d values to them set: the trade plan re-ranks", len(sgs))
	case !accept:
		status = "Dismissed the suggestion on " + sgs[0].Item.Title + " until another meeting ends"
	}
	return vocab.SaveMsg{Status: status, Change: &act.DecideSuggestions{NegID: p.snap.D.Negotiation.ID, Suggestions: sgs, Accept: accept, At: p.now()}}
}

// aheadLines are the item's suggestion and today's budget, for the top of
// its detail, and the count of suggestions on other items, for its end.
func (p *Pane) aheadLines(it model.AgendaItem) (lines, end []string) {
	st, a := p.snap.St, p.snap.Ahead
	if p.suggestionsShown() {
		if sgs := a.ItemSuggestions(it.ID); len(sgs) > 0 {
			sg := sgs[0]
			line := st.Accent.Render(fmt.Sprintf("Their moves say: value to them %d → %d", sg.Item.ValueToThem, sg.Value)) +
				st.Dim.Render(" · y accepts · z dismisses")
			if n := len(a.Suggestions); n > 1 {
				line += st.Dim.Render(fmt.Sprintf(" · Y all %d", n))
			}
			line += st.Dim.Render(fmt.Sprintf(" (they closed %s of the gap by meeting %d)", model.FormatPercent(sg.Closed), sg.After))
			lines = append(lines, line)
		} else if n := len(a.Suggestions); n > 0 {
			end = append(end, st.Dim.Render(fmt.Sprintf("%d value-to-them %s on other items: Y accepts all",
				n, ui.Plural(n, "suggestion", "suggestions"))))
		}
	}
	if a != nil && p.snap.Privacy().Part(model.PartBudget) {
		for _, ib := range a.Budgets {
			if ib.Budget.ItemID != it.ID {
				continue
			}
			room := it.Format(ib.Room) + " " + it.Unit + " left"
			if ib.Room.IsNegative() {
				room = "over it by " + it.Format(ib.Room.Neg()) + " " + it.Unit
			}
			lines = append(lines, fmt.Sprintf("Today's budget %s (%s) · b changes it", it.Format(ib.Budget.Value), room))
		}
	}
	return lines, end
}
