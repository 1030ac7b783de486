package ledger

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// Staying ahead in the ledger (DESIGN 5.5–5.6): our moves still owed a
// trade-back are marked and x clears one; F shows the landing forecast per
// item with the projected path after the real one in the chart. All of it
// internal: the snapshot holds none of it while privacy is on.

// maxProjected is the most projected bars a chart draws: the next
// meetings in turn, none skipped (issue 18, finding 9).
const maxProjected = 5

// owed reports whether the move is one of ours still owed a trade-back.
func (p *Pane) owed(mv *model.Move) bool {
	return p.snap.Privacy().Part(model.PartOwed) && p.snap.Ahead.IsOwed(mv.ID)
}

// owedDetail says what an owed move cost, for the row's detail.
func (p *Pane) owedDetail(mv *model.Move) string {
	o, ok := p.snap.Ahead.OwedMove(mv.ID)
	if !ok || !p.snap.Privacy().Part(model.PartOwed) {
		return ""
	}
	money := "not priced"
	if o.Err == nil {
		money = "costs us " + model.FormatMoney(o.Money) + " " + p.snap.D.Negotiation.Currency + " a year"
	}
	return p.snap.St.Warn.Render(fmt.Sprintf("owed #%d: %s · ask for a trade-back · x clears it", o.Number, money))
}

// clearOwed asks to clear the trade-back owed for the selected move.
func (p *Pane) clearOwed() tea.Cmd {
	mv, ok := p.selectedMove()
	if !ok || !p.snap.Privacy().Part(model.PartOwed) {
		return nil
	}
	if !p.owed(&mv) {
		return vocab.Status("x clears a trade-back owed for one of our moves: this one owes nothing")
	}
	it := p.snap.D.Items[mv.Item]
	what := strings.TrimSpace(fmt.Sprintf("we %s %s → %s %s", it.Title, it.Format(mv.From), it.Format(mv.To), it.Unit))
	return vocab.Cmd(vocab.ConfirmMsg{Question: "Clear the trade-back owed for " + what + "?",
		Detail: "It stops counting as owed; the move and its flags stay in the ledger.",
		Yes: vocab.SaveMsg{Status: "No longer owed: " + what,
			Change: &act.ClearOwed{NegID: p.snap.D.Negotiation.ID, ConcessionID: mv.ID, At: p.now()}}})
}

// forecastView is the landing forecast filling the pane: per item each
// side's projection and the outlook, the landing line and the chart with
// the projected path.
func (p *Pane) forecastView() []string {
	st := p.snap.St
	hint := st.Dim.Render(ui.Cut("F back to the ledger · v the chart with the projected path · i the selected item / all", p.w))
	if !p.snap.Privacy().Part(model.PartForecast) {
		lines := ui.WrapWords("The forecast is hidden while privacy is on (p shows it again).", p.w, "")
		return ui.Block(append(lines, "", hint), p.w, p.h)
	}
	a := p.snap.Ahead
	if a == nil {
		return ui.Block([]string{st.Dim.Render("Working out the forecast…"), "", hint}, p.w, p.h)
	}
	fc := a.Forecast
	lines := []string{st.Bold.Render(ui.Cut(fmt.Sprintf("Landing forecast · last meeting %d · %d %s left · landing by meeting %d",
		fc.LastMeeting, fc.MeetingsLeft, ui.Plural(fc.MeetingsLeft, "meeting", "meetings"), fc.LandingMeeting), p.w))}
	for _, n := range fc.Notes {
		lines = append(lines, st.Dim.Render(ui.Cut("Note: "+n, p.w)))
	}
	sides := make([][2]string, len(fc.Items))
	sideW := len("They: now → then")
	for k, f := range fc.Items {
		sides[k] = [2]string{sideShort(f.Item, f.Ours), "unknown"}
		if f.TheirsKnown {
			sides[k][1] = sideShort(f.Item, f.Theirs)
		}
		sideW = max(sideW, ui.TextWidth(sides[k][0]), ui.TextWidth(sides[k][1]))
	}
	sideW = min(sideW, max(8, p.w/4))
	titleW := min(p.titleW, max(12, p.w-2*sideW-3-36)) // the outlook keeps room for "no agreement expected, gap … left"
	lines = append(lines, st.Dim.Render(ui.Cut(ui.Fit("Item", titleW)+" "+ui.Fit("We: now → then", sideW)+" "+
		ui.Fit("They: now → then", sideW)+" Outlook", p.w)))
	for k, f := range fc.Items {
		outlook := f.Outlook()
		if f.Told() && !f.Agrees && !f.Settled {
			outlook = st.Warn.Render(outlook)
		}
		lines = append(lines, ui.Cut(ui.Fit(f.Item.Title, titleW)+" "+ui.Fit(sides[k][0], sideW)+" "+
			ui.Fit(sides[k][1], sideW)+" "+outlook, p.w))
	}
	if len(fc.Items) == 0 {
		lines = append(lines, st.Dim.Render("No item has numbers to forecast."))
	}
	lines = append(lines, ui.WrapWords(fc.Line(), p.w, "  ")...)
	chart := p.chart.lines(p.w, max(0, p.h-len(lines)-3), false, st)
	if len(chart) > 1 {
		lines = append(append(lines, ""), chart...)
	}
	return ui.Block(append(lines, "", hint), p.w, p.h)
}

// sideShort is one side's projection in a column: "24.50 → 24.25", "holds
// 200,000", "45, 1 move" (too few to project: no number, DESIGN 5.8), and
// "97.0 → 98.5 max" when its walk-away or the other side stops it.
func sideShort(it model.AgendaItem, p model.SideProjection) string {
	switch {
	case p.Holds():
		return "holds " + it.Format(p.From)
	case p.TooFew():
		return it.Format(p.From) + ", 1 move"
	}
	to := projectedValue(it, p.To)
	if p.Capped {
		to += " max"
	}
	return it.Format(p.From) + " → " + to
}

// projectedValue writes a projected value at the item's step (DESIGN 5.8):
// 23.30, not 23.2969; 60 days, not 59.77.
func projectedValue(it model.AgendaItem, v decimal.Decimal) string {
	return it.FormatStep(v)
}

// withProjection adds the projected bars after the real ones while the
// forecast shows: for item i, or overall when i < 0.
func (p *Pane) withProjection(c gapChart, i int) gapChart {
	a := p.snap.Ahead
	if !p.forecast || a == nil || !p.snap.Privacy().Part(model.PartForecast) {
		return c
	}
	fc := a.Forecast
	d, r := p.snap.D, p.snap.R
	if !projects(a, i) {
		return c // nothing is projected: no bars that would only repeat today
	}
	steps := min(fc.MeetingsLeft, len(firstPath(fc)), maxProjected)
	weights := itemWeights(d.Items)
	for j := range steps {
		var sum, total float64
		share, extra := 0.0, ""
		for k, it := range d.Items {
			closed := r.Items[k].Closed
			if f, ok := a.ItemForecast(it.ID); ok && f.TheirsKnown && !f.Settled {
				closed = projectedClosed(it, r.Items[k].Gap0, f.Ours.Path[j], f.Theirs.Path[j])
				if k == i {
					// The bar says "projected"; its line gives the positions.
					extra = "ours " + projectedValue(it, f.Ours.Path[j]) + " · theirs " + projectedValue(it, f.Theirs.Path[j])
				}
			}
			if k == i {
				share = closed
			}
			sum += weights[k] * closed
			total += weights[k]
		}
		if i < 0 && total > 0 {
			share = sum / total
		}
		c.points = append(c.points, chartPoint{label: fmt.Sprintf("Meeting %d", fc.LastMeeting+j+1), share: share, projected: true, extra: extra})
	}
	return c
}

// projects reports whether the forecast moves item i (any item when i <
// 0): a side with two meetings of moves on it and room left to move.
func projects(a *model.Outlook, i int) bool {
	for _, f := range a.Forecast.Items {
		if (i < 0 || f.Index == i) && f.TheirsKnown && !f.Settled && (f.Ours.Further.IsPositive() || f.Theirs.Further.IsPositive()) {
			return true
		}
	}
	return false
}

// firstPath is the projected path of the first item (every path has the
// same length: the meetings left, at most 500).
func firstPath(fc model.Forecast) []decimal.Decimal {
	if len(fc.Items) == 0 {
		return nil
	}
	return fc.Items[0].Ours.Path
}

// projectedClosed is 1 − gap/gap₀ with the sides at the projected positions.
func projectedClosed(it model.AgendaItem, gap0, ours, theirs decimal.Decimal) float64 {
	if !gap0.IsPositive() {
		return 1
	}
	gap := decimal.Max(decimal.Zero, it.Better.Sign().Mul(ours.Sub(theirs)))
	closed, _ := decimal.NewFromInt(1).Sub(gap.Div(gap0)).Float64()
	return min(1, max(0, closed))
}

// itemWeights are the weights of the overall gap closed: each item's
// weight, or 1 each when no item has one (as model's replay counts them).
func itemWeights(items []model.AgendaItem) []float64 {
	w := make([]float64, len(items))
	weighted := false
	for _, it := range items {
		weighted = weighted || it.Weight > 0
	}
	for k, it := range items {
		w[k] = 1
		if weighted {
			w[k] = float64(it.Weight)
		}
	}
	return w
}
