package editor

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// Effect is what logging a concession does to its item: the move, the gap,
// our score of the offer, and the discipline flags it raises.
type Effect struct {
	item                model.AgendaItem
	by                  model.Party
	from, to            decimal.Decimal
	gapBefore, gapAfter decimal.Decimal
	tracked             bool
	score               [2]float64 // our score of the conceding side's offer, before and after
	scored              bool
	gapClosed           [2]float64      // overall, before and after
	Flags               model.Flag      // the discipline flags it raises
	money               decimal.Decimal // the change in annual contribution of the side's package
	moneyErr            error           // why the move cannot be priced
	priced              bool            // the item has a lever: the move has money
	currency            string
}

// ConcessionEffect works out the effect of c (new, or an edit of a logged
// one) by replaying the ledger with it in place.
func ConcessionEffect(d *model.Dossier, r *model.Replay, c model.Concession) Effect {
	i := d.ItemIndex(c.ItemID)
	e := Effect{by: c.By, to: c.To}
	if i < 0 {
		return e
	}
	e.item = d.Items[i]
	after := *d
	after.Ledger = slices.Clone(d.Ledger)
	if c.ID == 0 {
		c.ID = ^uint64(0) // sorts after every logged concession made at the same time
		after.Ledger = append(after.Ledger, c)
	} else {
		for k := range after.Ledger {
			if after.Ledger[k].ID == c.ID {
				after.Ledger[k] = c
			}
		}
	}
	after.Sort()
	ra := after.Replay()
	for _, mv := range ra.Moves {
		if mv.ID == c.ID {
			e.from, e.Flags = mv.From, mv.Flags
		}
	}
	e.tracked = e.item.Tracked()
	e.gapBefore, e.gapAfter = r.Items[i].Gap, ra.Items[i].Gap
	b, ok1 := r.ItemScore(i, c.By)
	a, ok2 := ra.ItemScore(i, c.By)
	e.score, e.scored = [2]float64{b, a}, ok1 && ok2
	e.gapClosed = [2]float64{r.GapClosed, ra.GapClosed}
	e.priced = e.item.Lever.Kind != model.LeverNone
	e.money, e.moneyErr = r.MoveMoney(c.By, c.ItemID, e.from, c.To)
	e.currency = d.Negotiation.Currency
	return e
}

// Summary says the effect in one line, as much of it as the privacy rule
// shows: the move, the gap and the gap closed always; our score, the money
// and the discipline flags only where the rule shows them.
func (e Effect) Summary(priv model.Privacy) string {
	who := "we"
	if e.by == model.Them {
		who = "they"
	}
	it := e.item
	parts := []string{fmt.Sprintf("%s %s %s → %s %s", who, it.Title, it.Format(e.from), it.Format(e.to), it.Unit)}
	if e.tracked {
		parts = append(parts, fmt.Sprintf("gap %s → %s", it.Format(e.gapBefore), it.Format(e.gapAfter)))
	}
	parts = append(parts, "closed "+model.FormatPercent(e.gapClosed[0])+" → "+model.FormatPercent(e.gapClosed[1]))
	if e.scored && priv.Field(model.FieldScore) {
		parts = append(parts, fmt.Sprintf("our score of the offer %.0f → %.0f", 100*e.score[0], 100*e.score[1]))
	}
	switch {
	case !e.priced || !priv.Field(model.FieldMoney):
	case e.moneyErr != nil:
		parts = append(parts, "money unknown: "+e.moneyErr.Error())
	case !e.money.IsZero():
		verb := "gains us"
		if e.money.IsNegative() {
			verb = "costs us"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s a year", verb, model.FormatMoney(e.money.Abs()), e.currency))
	}
	if e.Flags != 0 && priv.Part(model.PartFlags) {
		parts = append(parts, "⚠ "+e.Flags.String())
	}
	return strings.Join(parts, " · ")
}

// AgreedStatus says what an agreement settles: the item, the value, and
// the closing moves it logs.
func AgreedStatus(a model.Agreement) string {
	it := a.Item
	v := ""
	if n := len(a.Moves); n > 0 {
		v = " at " + it.Format(a.Moves[n-1].To) + " " + it.Unit
	}
	moves := "no closing move needed"
	if n := len(a.Moves); n > 0 {
		moves = fmt.Sprintf("%d closing %s logged", n, ui.Plural(n, "move", "moves"))
	}
	return fmt.Sprintf("Agreed %s%s · %s", it.Title, strings.TrimRight(v, " "), moves)
}

// Warns reports whether the summary raises a flag, to colour it.
func (e Effect) Warns(priv model.Privacy) bool { return e.Flags != 0 && priv.Part(model.PartFlags) }

// AskFirst asks before a move that takes us past our walk-away or over
// today's budget (model.Flag.AskFirst). While privacy is on, the question
// must not tell the buyer that we have such limits, so it only asks to
// confirm the move.
func (e Effect) AskFirst(priv model.Privacy, yes tea.Msg) (ui.ConfirmMsg, bool) {
	ask := e.Flags.AskFirst()
	if ask == 0 {
		return ui.ConfirmMsg{}, false
	}
	q := ask.Question()
	if !priv.Field(model.FieldWalkAway) || !priv.Part(model.PartBudget) {
		q = ConfirmMoveQuestion
	}
	return ui.ConfirmMsg{Question: q, Detail: e.Summary(priv), Yes: yes,
		No: ui.StatusMsg{Text: "Not logged: nothing saved; change the move, or save again to be asked again"}}, true
}
