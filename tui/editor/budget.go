package editor

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
)

// The budget form's fields.
const (
	keyBudgetItem  form.Key = "budget-item"
	keyBudgetValue form.Key = "budget-value"
)

// budgetForm sets today's budget on an item (DESIGN 5.6): our furthest
// position in this meeting, or, between meetings, until the next one ends.
// A value beyond our walk-away or behind our position is refused with the
// reason next to the field. The form is internal: it does not open while
// privacy is on.
func budgetForm(env Env, b model.Budget) (*form.Form, error) {
	d, r := env.Snap.D, env.Snap.R
	var itemIDs, itemLabels []string
	for i, it := range d.Items {
		if !it.Numeric() || it.Status == model.ItemAgreed {
			continue
		}
		itemIDs = append(itemIDs, fmt.Sprint(it.ID))
		itemLabels = append(itemLabels, fmt.Sprintf("%d %s", i+1, it.Title))
	}
	if len(itemIDs) == 0 {
		return nil, fmt.Errorf("no open item has numbers: a budget is a furthest position")
	}
	it, ok := d.Item(b.ItemID)
	if !ok || !it.Numeric() || it.Status == model.ItemAgreed {
		return nil, fmt.Errorf("a budget is a furthest position: select an open item with numbers")
	}
	value := ""
	if cur, ok := d.TodaysBudget(b.ItemID); ok {
		value = cur.Value.String()
	}
	fields := []*form.Field{
		form.Choice(keyBudgetItem, "Item", itemIDs, itemLabels, fmt.Sprint(b.ItemID)),
		form.Number(keyBudgetValue, "Furthest today", value).Required().WithHint(budgetHint(d, b.ItemID)),
	}
	build := func(f *form.Form) model.Budget {
		v := model.Budget{ItemID: f.Field(keyBudgetItem).ID(), Value: f.Field(keyBudgetValue).Decimal(), At: env.Now()}
		if mt, ok := d.RunningMeeting(); ok {
			v.MeetingID = mt.ID
		}
		return v
	}
	f := form.New(env.St, form.Ref{Kind: vocab.KindBudget, ID: b.ItemID}, "Today's budget", fields, func(f *form.Form) (tea.Msg, error) {
		v := build(f)
		if err := r.CheckBudget(v); err != nil {
			f.SetError(keyBudgetValue, errors.New(err.Error()))
			return nil, err
		}
		return save(f, BudgetStatus(d, v), &act.SaveBudget{NegID: d.Negotiation.ID, Budget: v}), nil
	}).WithPreview(func(f *form.Form) []string {
		v := build(f)
		if err := r.CheckBudget(v); err != nil {
			return warnings(env.St, err)
		}
		return []string{env.St.Good.Render(BudgetStatus(d, v) + " · " + budgetWhen(d))}
	})
	f.FocusField(1) // the item is the selected one: the value is what to type
	return f, nil
}

// BudgetStatus says what a budget sets: "Today's budget on List price per
// case: 23.90 EUR/case".
func BudgetStatus(d *model.Dossier, b model.Budget) string {
	it, _ := d.Item(b.ItemID)
	return fmt.Sprintf("Today's budget on %s: %s %s", it.Title, it.Format(b.Value), it.Unit)
}

// budgetHint is where a budget on the item may lie.
func budgetHint(d *model.Dossier, itemID uint64) string {
	i := d.ItemIndex(itemID)
	if i < 0 {
		return ""
	}
	it := d.Items[i]
	ours := d.Replay().Items[i].Ours
	if !it.OurWalkAway.Valid {
		return "from our position " + it.Format(ours) + " toward theirs"
	}
	return "between our position " + it.Format(ours) + " and our walk-away " + it.Format(it.OurWalkAway.Decimal)
}

// budgetWhen says how long a budget set now holds.
func budgetWhen(d *model.Dossier) string {
	if mt, ok := d.RunningMeeting(); ok {
		return fmt.Sprintf("holds in meeting %d", mt.Number)
	}
	return fmt.Sprintf("holds until meeting %d ends", d.NextMeetingNumber())
}
