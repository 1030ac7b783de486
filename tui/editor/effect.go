package editor

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Effect is what logging a concession does (model.Effect: the move, the
// gap, our score of the offer, the money and the discipline flags it
// raises), as the forms and the capture line say it.
type Effect struct{ model.Effect }

// ConcessionEffect checks c (new, or an edit of a logged one) against the
// replayed ledger r and works out its effect: the model's one rule
// (Replay.Effect), which costs in proportion to the agenda, not the ledger.
func ConcessionEffect(r *model.Replay, c model.Concession) (Effect, error) {
	e, err := r.Effect(c)
	return Effect{e}, err
}

// Summary says the effect in one line, as much of it as the privacy rule
// shows: the move, the gap and the gap closed always; the money, the
// discipline flags and our score only where the rule shows them. The money
// comes right after the move, so that a line cut short keeps it.
func (e Effect) Summary(priv model.Privacy) string {
	who := "we"
	if e.Move.By == model.Them {
		who = "they"
	}
	it := e.Item
	parts := []string{fmt.Sprintf("%s %s %s → %s %s", who, it.Title, it.Format(e.Move.From), it.Format(e.Move.To), it.Unit)}
	switch {
	case !e.Priced || !priv.Field(model.FieldMoney):
	case e.MoneyErr != nil:
		parts = append(parts, "money unknown: "+e.MoneyErr.Error())
	case !e.Money.IsZero():
		verb := "gains us"
		if e.Money.IsNegative() {
			verb = "costs us"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s a year", verb, model.FormatMoney(e.Money.Abs()), e.Currency))
	}
	if e.Move.Flags != 0 && priv.Part(model.PartFlags) {
		parts = append(parts, "⚠ "+e.Move.Flags.String())
	}
	// The money and the flags first, where a short line still shows them.
	if it.Tracked() {
		parts = append(parts, fmt.Sprintf("gap %s → %s", it.Format(e.Before.Gap), it.Format(e.After.Gap)))
	}
	parts = append(parts, "closed "+model.FormatPercent(e.GapClosed[0])+" → "+model.FormatPercent(e.GapClosed[1]))
	if e.Scored && priv.Field(model.FieldScore) {
		parts = append(parts, fmt.Sprintf("our score of the offer %.0f → %.0f", 100*e.Score[0], 100*e.Score[1]))
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
func (e Effect) Warns(priv model.Privacy) bool {
	return e.Move.Flags != 0 && priv.Part(model.PartFlags)
}

// AskFirst asks before a move that takes us past our walk-away or over
// today's budget (model.Flag.AskFirst). While privacy is on, the question
// must not tell the buyer that we have such limits, so it only asks to
// confirm the move.
func (e Effect) AskFirst(priv model.Privacy, yes tea.Msg) (vocab.ConfirmMsg, bool) {
	ask := e.Move.Flags.AskFirst()
	if ask == 0 {
		return vocab.ConfirmMsg{}, false
	}
	q := ask.Question()
	if !priv.Field(model.FieldWalkAway) || !priv.Part(model.PartBudget) {
		q = ConfirmMoveQuestion
	}
	return vocab.ConfirmMsg{Question: q, Detail: e.Summary(priv), Yes: yes,
		No: vocab.StatusMsg{Text: "Not logged: nothing saved; change the move, or save again to be asked again"}}, true
}
