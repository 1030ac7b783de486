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

// maxProjected is the most projected bars a chart draws; the last one is
// the deadline's meeting.
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

// sideShort is one side's projection in a column: "24.50 → 24.24", "holds
// 200,000", with a bar when its walk-away stops it ("97.0 → 98.5|").
func sideShort(it model.AgendaItem, p model.SideProjection) string {
	if p.Holds() {
		return "holds " + it.Format(p.From)
	}
	to := projectedValue(it, p.To)
	if p.Capped {
		to += "|"
	}
	return it.Format(p.From) + " → " + to
}

// projectedValue writes a projected value to two places more than the
// item's own, without trailing zeros (as the forecast's outlook does).
func projectedValue(it model.AgendaItem, v decimal.Decimal) string {
	return it.Format(decimal.RequireFromString(v.Round(int32(it.Places() + 2)).String()))
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
	steps := min(fc.MeetingsLeft, len(firstPath(fc)))
	weights := itemWeights(d.Items)
	for j := range steps {
		if j >= maxProjected-1 && j != steps-1 {
			continue // the first few and the deadline's
		}
		var sum, total float64
		share, extra := 0.0, "projected"
		for k, it := range d.Items {
			closed := r.Items[k].Closed
			if f, ok := a.ItemForecast(it.ID); ok && f.TheirsKnown && !f.Settled {
				closed = projectedClosed(it, r.Items[k].Gap0, f.Ours.Path[j], f.Theirs.Path[j])
				if k == i {
					extra = "projected: ours " + projectedValue(it, f.Ours.Path[j]) + " · theirs " + projectedValue(it, f.Theirs.Path[j])
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
