package editor

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
)

// The concession form's fields.
const (
	keyItem      form.Key = "item"
	keyBy        form.Key = "by"
	keyTo        form.Key = "to"
	keyTradedFor form.Key = "traded-for"
	keyAgainst   form.Key = "traded-against"
)

// PastWalkAwayQuestion is asked before a move that takes us past our
// walk-away (model.Flag.Question says it for every flag that asks first).
const PastWalkAwayQuestion = "This takes us past our walk-away. Log it anyway?"

// OverBudgetQuestion is asked before a move that takes us over today's budget.
const OverBudgetQuestion = "This takes us over today's budget. Log it anyway?"

// ConfirmMoveQuestion is asked instead while privacy is on: it names no limit.
const ConfirmMoveQuestion = "Log this move?"

// concessionForm logs a concession (c.ID 0) or edits one from the ledger.
// It shows, before saving, how the gap and our score change and any flag;
// going past our walk-away or over today's budget asks for confirmation.
func concessionForm(env Env, c model.Concession) (*form.Form, error) {
	d, r, priv := env.Snap.D, env.Snap.R, env.privacy()
	var itemIDs, itemLabels []string
	for i, it := range d.Items {
		if !it.Numeric() || (it.Status == model.ItemAgreed && it.ID != c.ItemID) {
			continue
		}
		itemIDs = append(itemIDs, fmt.Sprint(it.ID))
		itemLabels = append(itemLabels, fmt.Sprintf("%d %s", i+1, it.Title))
	}
	if len(itemIDs) == 0 {
		return nil, fmt.Errorf("no open item has numbers to concede on: add one to the agenda first")
	}
	if c.By == "" {
		c.By = model.Them
	}
	against, againstLabels := tradedAgainst(d, c.By, c.ID)
	value := ""
	if c.ID != 0 {
		value = c.To.String()
	}
	fields := []*form.Field{
		form.Choice(keyItem, "Item", itemIDs, itemLabels, fmt.Sprint(c.ItemID)),
		form.Choice(keyBy, "By", []string{string(model.Them), string(model.Us)}, []string{"they conceded", "we conceded"}, string(c.By)),
		form.Number(keyTo, "New value", value).Required(),
		form.Text(keyTradedFor, "Traded for", c.TradedFor).WithHint("what was given in return"),
		form.Choice(keyAgainst, "Traded against", against, againstLabels, fmt.Sprint(c.TradedAgainst)),
		hideUnless(priv.Part(model.PartConcessionNote), form.Text(keyNote, "Note", c.Note)),
	}
	title := "Log a concession"
	if c.ID != 0 {
		title = "Edit concession"
	}
	build := func(f *form.Form) model.Concession {
		v := c
		v.ItemID = f.Field(keyItem).ID()
		v.By = model.Party(f.Field(keyBy).Value())
		v.To = f.Field(keyTo).Decimal()
		v.TradedFor = f.Field(keyTradedFor).Value()
		v.TradedAgainst = f.Field(keyAgainst).ID()
		v.Note = f.Field(keyNote).Value()
		if v.ID == 0 {
			v.At = env.Now()
			if mt, ok := d.RunningMeeting(); ok {
				v.MeetingID = mt.ID
			}
		}
		return v
	}
	return form.New(env.St, form.Ref{Kind: vocab.KindConcession, ID: c.ID}, title, fields, func(f *form.Form) (tea.Msg, error) {
		v := build(f)
		e, err := ConcessionEffect(r, v)
		if err != nil {
			return nil, err
		}
		msg := save(f, "Saved: "+e.Summary(priv), act.SaveConcession(d.Negotiation.ID, v))
		if ask, ok := e.AskFirst(priv, msg); ok {
			return ask, nil
		}
		return msg, nil
	}).WithPreview(func(f *form.Form) []string {
		e, err := ConcessionEffect(r, build(f))
		if err != nil {
			return []string{env.St.Warn.Render(err.Error())}
		}
		v := build(f)
		line := e.Summary(priv)
		var lines []string
		if held := HeldMove(env.Snap, v); held != "" {
			lines = append(lines, env.St.Warn.Render(held))
		}
		if e.Warns(priv) {
			return append(lines, env.St.Warn.Render(line))
		}
		return append(lines, env.St.Good.Render(line))
	}).WithChange(func(f *form.Form, k form.Key) {
		if k == keyBy { // their moves are traded against ours, ours against theirs
			f.Field(keyAgainst).SetChoices(tradedAgainst(d, model.Party(f.Field(keyBy).Value()), c.ID))
		}
	}), nil
}

// tradedAgainst lists what a concession by party by (id, 0 for a new one)
// can be traded against: nothing, or one of the other side's moves, the
// newest first (at most 30), as choice values and labels.
func tradedAgainst(d *model.Dossier, by model.Party, id uint64) (values, labels []string) {
	values, labels = []string{"0"}, []string{"nothing linked"}
	cands := d.TradedAgainstCandidates(by, id)
	for k := len(cands) - 1; k >= 0 && len(values) < 30; k-- {
		l := cands[k]
		it, _ := d.Item(l.ItemID)
		who := "we"
		if l.By == model.Them {
			who = "they"
		}
		values = append(values, fmt.Sprint(l.ID))
		labels = append(labels, fmt.Sprintf("%s: %s to %s", who, it.Title, it.Format(l.To)))
	}
	return values, labels
}
