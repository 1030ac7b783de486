package editor

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// The item form's fields.
const (
	keyTitle         form.Key = "title"
	keyTopic         form.Key = "topic"
	keyUnit          form.Key = "unit"
	keyBetter        form.Key = "better"
	keyOurOpening    form.Key = "our-opening"
	keyOurTarget     form.Key = "our-target"
	keyOurWalkAway   form.Key = "our-walk-away"
	keyTheirOpening  form.Key = "their-opening"
	keyTheirWalkAway form.Key = "their-walk-away"
	keyWeight        form.Key = "weight"
	keyValueToThem   form.Key = "value-to-them"
	keyMoneyPerUnit  form.Key = "money-per-unit" // until schema 2; kept so old drafts map somewhere
	keyStatus        form.Key = "status"
	keyNote          form.Key = "note"
	keyLink          form.Key = "link" // until schema 2
	keyLever         form.Key = "lever"
	keyGrowth        form.Key = "growth"
	keyThreshold     form.Key = "threshold"
	keyPerPoint      form.Key = "per-point"
	keyAmount        form.Key = "amount"
	keyLastYear      form.Key = "last-year"
	keyInVolume      form.Key = "in-volume"
	keyTiers         form.Key = "tiers"
	keyDays          form.Key = "days"
	keyOneOff        form.Key = "one-off"
	keyStep          form.Key = "step"
)

// leverFieldKeys maps the model's field names (in a *model.FieldError) to
// the form's fields, so that the reason shows next to the field.
var leverFieldKeys = map[string]form.Key{
	model.FieldLever: keyLever, model.FieldThreshold: keyThreshold, model.FieldPerPoint: keyPerPoint, model.FieldAmount: keyAmount,
	model.FieldTiers: keyTiers, model.FieldDays: keyDays,
}

// NewItem is what the form for a new item starts from.
func NewItem() model.AgendaItem {
	return model.AgendaItem{Topic: model.TopicPrice, Better: model.Up, Status: model.ItemOpen}
}

// numberText shows an optional number as typed, blank when there is none.
func numberText(v decimal.NullDecimal) string {
	if !v.Valid {
		return ""
	}
	return model.FormatNumber(v.Decimal, model.Places(v.Decimal))
}

// scoreText shows a 0–100 value; 0 shows blank (blank reads as 0), so that
// typing 80 gives 80, not 080.
func scoreText(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

// itemForm adds (ID 0) or edits an agenda item. Numbers are checked as
// they are typed; the whole item is checked before anything is written.
func itemForm(env Env, it model.AgendaItem) *form.Form {
	topics := make([]string, len(model.Topics))
	for i, t := range model.Topics {
		topics[i] = string(t)
	}
	priv := env.privacy()
	internal := func(what model.ItemField, f *form.Field) *form.Field { return hideUnless(priv.Field(what), f) }
	if it.ID == 0 {
		if dir, ok := model.SuggestedDirection(it.Topic, it.Unit); ok {
			it.Better = dir
		}
	}
	weights := weightsOfOthers(env.Snap.D, it.ID)
	fields := []*form.Field{
		form.Text(keyTitle, "Title", it.Title).Required(),
		form.Choice(keyTopic, "Topic", topics, topics, string(it.Topic)),
		form.Text(keyUnit, "Unit", it.Unit).WithHint("e.g. EUR/case, days, %, cases, SKUs, months"),
		form.Choice(keyBetter, "Better for us", []string{string(model.Up), string(model.Down)},
			[]string{"higher (price, volume, months)", "lower (days, rebate, allowance)"}, string(it.Better)),
		form.Number(keyOurOpening, "Our opening", numberText(it.OurOpening)).WithHint("blank for a text-only item"),
		internal(model.FieldTarget, form.Number(keyOurTarget, "Our target", numberText(it.OurTarget)).WithHint("what we aim to settle at")),
		internal(model.FieldWalkAway, form.Number(keyOurWalkAway, "Our walk-away", numberText(it.OurWalkAway)).WithHint("the worst we accept")),
		form.Number(keyTheirOpening, "Their opening", numberText(it.TheirOpening)).WithHint("our estimate until they say it"),
		internal(model.FieldTheirWalkAway, form.Number(keyTheirWalkAway, "Their walk-away", numberText(it.TheirWalkAway)).WithHint("our estimate, optional")),
		internal(model.FieldWeight, form.Score(keyWeight, "Weight", scoreText(it.Weight)).WithHint(weights.hint(it.Weight))),
		internal(model.FieldValueToThem, form.Score(keyValueToThem, "Value to them", scoreText(it.ValueToThem)).WithHint("0–100: our estimate of its worth to them")),
		form.Choice(keyStatus, "Status", []string{string(model.ItemOpen), string(model.ItemAgreed), string(model.ItemParked)},
			[]string{"open", "agreed", "parked"}, string(it.Status)),
		internal(model.FieldNote, form.Text(keyNote, "Note", it.Note)),
	}
	fields = append(fields, leverFields(priv, it)...)
	build := func(f *form.Form) model.AgendaItem {
		v := it
		v.Title = f.Field(keyTitle).Value()
		v.Topic = model.Topic(f.Field(keyTopic).Value())
		v.Unit = f.Field(keyUnit).Value()
		v.Better = model.Direction(f.Field(keyBetter).Value())
		v.OurOpening = f.Field(keyOurOpening).Optional()
		v.OurTarget = f.Field(keyOurTarget).Optional()
		v.OurWalkAway = f.Field(keyOurWalkAway).Optional()
		v.TheirOpening = f.Field(keyTheirOpening).Optional()
		v.TheirWalkAway = f.Field(keyTheirWalkAway).Optional()
		v.Weight = f.Field(keyWeight).Whole()
		v.ValueToThem = f.Field(keyValueToThem).Whole()
		v.Status = model.ItemStatus(f.Field(keyStatus).Value())
		v.Note = f.Field(keyNote).Value()
		v.Lever, v.LastYear = readLever(f, it)
		if fl := f.Field(keyStep); fl != nil && !fl.Hidden {
			v.Step = fl.Optional()
		}
		switch {
		case v.Status == model.ItemAgreed && it.Status != model.ItemAgreed:
			v.AgreedAt = env.Now()
		case v.Status != model.ItemAgreed:
			v.AgreedAt = time.Time{}
		}
		return v
	}
	title := "New agenda item"
	if it.ID != 0 {
		title = "Edit: " + it.Title
	}
	d, negID := env.Snap.D, env.negID()
	validate := func(f *form.Form) error {
		if fl := f.Field(keyTiers); fl != nil && !fl.Hidden {
			if _, err := model.ParseTiers(fl.Value()); err != nil {
				return err
			}
		}
		return validateShown(build(f), priv)
	}
	// An item's direction and lever are the user's; a new one's follow its
	// topic, unit and title until set.
	betterSet, leverSet := it.ID != 0, it.ID != 0
	follow := func(f *form.Form, k form.Key) {
		switch k {
		case keyBetter:
			betterSet = true
		case keyLever:
			leverSet = true
		case keyTopic, keyUnit, keyTitle:
			topic, unit := model.Topic(f.Field(keyTopic).Value()), f.Field(keyUnit).Value()
			dir, ok := model.SuggestedDirection(topic, unit)
			if ok && !betterSet {
				f.Field(keyBetter).SetValue(string(dir))
			}
			lever, ok := model.SuggestedLever(topic, unit, f.Field(keyTitle).Value())
			if fl := f.Field(keyLever); ok && !leverSet && fl != nil && !fl.Hidden {
				fl.SetValue(string(lever))
			}
		case keyWeight:
			f.Field(keyWeight).Hint = weights.hint(f.Field(keyWeight).Whole())
		}
	}
	return form.New(env.St, form.Ref{Kind: vocab.KindItem, ID: it.ID}, title, fields, func(f *form.Form) (tea.Msg, error) {
		v := build(f)
		if err := validate(f); err != nil {
			var fe *model.FieldError
			if errors.As(err, &fe) {
				if k, ok := leverFieldKeys[fe.Field]; ok && f.Field(k) != nil {
					f.SetError(k, errors.New(fe.Problem))
				}
			}
			return nil, err
		}
		if err := d.CheckItem(v); err != nil {
			return nil, err
		}
		msg := save(f, "Saved item "+model.CleanText(v.Title, false), act.SaveItem(negID, v))
		changed := it.ID == 0 || v.Better != it.Better || !nullEqual(v.OurOpening, it.OurOpening) || !nullEqual(v.TheirOpening, it.TheirOpening)
		if v.Crossed() && changed {
			// Their opening on our side of ours: most likely the direction
			// or a value is wrong; ask before it goes in.
			return vocab.ConfirmMsg{Question: v.CrossedQuestion(),
				Detail: "There is no gap to close: the gap closed and agree would not mean what they say. · n goes back to the form to change Better for us or a value",
				Yes:    msg, No: vocab.StatusMsg{Text: "Not saved: change Better for us or a value, or save again to be asked again"}}, nil
		}
		return msg, nil
	}).WithPreview(func(f *form.Form) []string {
		if err := validate(f); err != nil {
			return warnings(env.St, err)
		}
		var lines []string
		if held := HeldWalkAway(env.Snap, build(f), it); held != "" {
			lines = append(lines, env.St.Warn.Render(held))
		}
		if hint := build(f).LeverHint(); hint != "" && priv.Part(model.PartDeal) {
			lines = append(lines, env.St.Warn.Render("? "+hint))
		}
		return lines
	}).WithChange(follow)
}

// otherWeights are the weights of the agenda's other items, for the weight
// field to say what the weights add up to with it.
type otherWeights struct{ total, items int }

func weightsOfOthers(d *model.Dossier, id uint64) otherWeights {
	var w otherWeights
	for _, it := range d.Items {
		if it.ID != id {
			w.total += it.Weight
			w.items++
		}
	}
	return w
}

// hint is the weight field's hint with this item weighing weight:
// "0–100: what it is worth to us · weights total 465 across 9 items".
func (w otherWeights) hint(weight int) string {
	n := w.items + 1
	return fmt.Sprintf("0–100: what it is worth to us · weights total %d across %d %s", w.total+weight, n, ui.Plural(n, "item", "items"))
}

// errHiddenValues is why an item does not validate when the reason lies in
// the values privacy hides: the reason itself would name them.
var errHiddenValues = fmt.Errorf("this does not fit the item's hidden values (p shows them)")

// validateShown checks the whole item; with privacy on, a reason that only
// the hidden values give is not said in words that would name them.
func validateShown(v model.AgendaItem, priv model.Privacy) error {
	err := v.Validate()
	if err == nil || !priv.BuyerView {
		return err
	}
	// The item as the buyer may see it: what is left of the reason is about
	// the values shown.
	shown := v
	for field, clear := range map[model.ItemField]func(){
		model.FieldTarget:        func() { shown.OurTarget = decimal.NullDecimal{} },
		model.FieldWalkAway:      func() { shown.OurWalkAway = decimal.NullDecimal{} },
		model.FieldTheirWalkAway: func() { shown.TheirWalkAway = decimal.NullDecimal{} },
		model.FieldWeight:        func() { shown.Weight = 0 },
		model.FieldValueToThem:   func() { shown.ValueToThem = 0 },
		model.FieldMoney:         func() { shown.MoneyPerUnit = decimal.NullDecimal{} },
	} {
		if !priv.Field(field) {
			clear()
		}
	}
	if err := shown.Validate(); err != nil {
		return err
	}
	return errHiddenValues
}

// nullEqual reports whether two optional values are both unset or equal.
func nullEqual(a, b decimal.NullDecimal) bool {
	return a.Valid == b.Valid && (!a.Valid || a.Decimal.Equal(b.Decimal))
}
