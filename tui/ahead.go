package tui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// The figures that keep the KAM ahead of the other side (model.Outlook:
// the forecast, budgets, owed trade-backs and suggestions) cost more than a
// frame on a long ledger, so after each change they are worked out by a
// command from the change's replay (its negotiation is never changed: a
// change makes a new copy), and the screen takes them when they arrive. Until then it shows the last ones; the panes look them up by ID,
// so figures a change made stale never point at the wrong record.

// aheadState is the root's part in it.
type aheadState struct {
	gen    int           // the change the latest replay is of
	replay *model.Replay // the refresh's replay, handed to the next command
}

// aheadMsg brings the figures worked out for change gen.
type aheadMsg struct {
	gen   int
	negID uint64
	ahead *model.Outlook
}

// prepareAhead keeps the replay to work the figures out from after a
// refresh into s, which meanwhile keeps the last figures. With privacy on nothing
// of them shows, so nothing is worked out or kept.
func (m *Model) prepareAhead(s *vocab.Snapshot, last *vocab.Snapshot) {
	m.ahead.gen++
	m.ahead.replay = nil
	if s.Private {
		return
	}
	if last != nil && last.D.Negotiation.ID == s.D.Negotiation.ID {
		s.Ahead = last.Ahead
	}
	m.ahead.replay = s.R
}

// aheadCmd works out the figures from the replay the last refresh kept, if any.
func (m *Model) aheadCmd() tea.Cmd {
	r := m.ahead.replay
	if r == nil {
		return nil
	}
	m.ahead.replay = nil
	gen, now, negID := m.ahead.gen, m.opts.Now(), m.negID()
	return func() tea.Msg {
		return aheadMsg{gen: gen, negID: negID, ahead: r.Outlook(now)}
	}
}

// takeAhead hands the figures to the header and the panes that show them,
// unless another change came since they were worked out.
func (m *Model) takeAhead(msg aheadMsg) {
	if m.snap == nil || msg.gen != m.ahead.gen || msg.negID != m.negID() || m.snap.Private {
		return
	}
	s := *m.snap
	s.Ahead = msg.ahead
	m.snap = &s
	m.redrawAll()
	for _, p := range []pane{m.panes[paneAgenda], m.panes[paneLedger]} {
		p.SetData(m.snap)
	}
}

// aheadParts are the header's parts from the figures: what is owed, the
// budget left today and the likely landing in short. All internal: none
// while privacy is on.
func (m *Model) aheadParts() []headerPart {
	a, priv, st := m.snap.Ahead, m.privacy(), m.st
	if a == nil || m.snap.Private {
		return nil
	}
	currency := m.snap.D.Negotiation.Currency
	var parts []headerPart
	if line := model.OwedLine(a.Owed, currency); line != "" && priv.Part(model.PartOwed) {
		parts = append(parts, headerPart{text: st.Warn.Render(line), keep: keepOwed})
	}
	if len(a.Budgets) > 0 && priv.Part(model.PartBudget) {
		// Per item, never netted (DESIGN 5.8): the tightest, or those over.
		style, short := st.HeaderDim.Render, "budget set"
		for _, ib := range a.Budgets {
			if ib.Over() {
				style, short = st.Warn.Render, "over budget"
			}
		}
		parts = append(parts, headerPart{text: style(model.BudgetHeadline(a.Budgets)), short: style(short), keep: keepBudget})
	}
	if text, below, ok := landingShort(a.Forecast); ok && priv.Part(model.PartForecast) {
		style := st.HeaderDim.Render
		if below {
			style = st.Warn.Render
		}
		parts = append(parts, headerPart{text: style(text), keep: keepLanding})
	}
	return parts
}

// landingShort is the likely landing in a few letters, "landing 777k <
// floor", and whether it falls below the deal floor; false when it cannot
// be priced.
func landingShort(fc model.Forecast) (string, bool, bool) {
	pr := fc.Landing
	if pr.Err != nil || len(fc.Items) == 0 {
		return "", false, false
	}
	if !fc.HasLanding { // too few moves to tell (DESIGN 5.8): no figure
		return "landing: too few moves", false, true
	}
	text := "landing " + shortMoney(pr.Waterfall.Contribution)
	below := fc.Floor.Valid && pr.Waterfall.Contribution.LessThan(fc.Floor.Decimal)
	switch {
	case below:
		text += " < floor"
	case fc.Floor.Valid:
		text += " ≥ floor"
	}
	return text, below, true
}

// shortMoney writes an amount in thousands or millions: 776,639.95 → 777k,
// 1,250,000 → 1.25M.
func shortMoney(v decimal.Decimal) string {
	abs := v.Abs()
	switch {
	case abs.GreaterThanOrEqual(decimal.NewFromInt(1_000_000)):
		return model.FormatValue(v.Div(decimal.NewFromInt(1_000_000)).Round(2)) + "M"
	case abs.GreaterThanOrEqual(decimal.NewFromInt(1_000)):
		return model.FormatValue(v.Div(decimal.NewFromInt(1_000)).Round(0)) + "k"
	}
	return model.FormatValue(v.Round(0))
}
