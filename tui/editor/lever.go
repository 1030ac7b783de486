package editor

import (
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/shopspring/decimal"
)

// leverFields are the item form's fields for how the item enters the deal's
// waterfall, and last year's value. They are internal: the deal is.
func leverFields(priv model.Privacy, it model.AgendaItem) []*form.Field {
	kinds := make([]string, len(model.LeverKinds))
	labels := make([]string, len(model.LeverKinds))
	for i, k := range model.LeverKinds {
		kinds[i], labels[i] = string(k), k.Label()
	}
	bases := make([]string, len(model.RebateBases))
	for i, b := range model.RebateBases {
		bases[i] = string(b)
	}
	deal := func(f *form.Field) *form.Field { return hideUnless(priv.Part(model.PartDeal), f) }
	return []*form.Field{
		deal(form.Choice(keyLever, "Lever", kinds, labels, string(it.Lever.Kind)).
			WithHint("how the value enters the deal: ←→ to choose")),
		deal(form.Choice(keyGrowth, "Rebate on", bases, []string{"all invoice turnover", "growth over last year",
			"all turnover once last year is beaten"}, string(it.Lever.RebateBase())).
			WithHint("for a rebate; retro: the threshold is the growth % it needs")),
		deal(form.Choice(keyInVolume, "Growth in", []string{"turnover", "volume"}, []string{"turnover", "volume at this year's price"},
			yesNo(it.Lever.InVolume, "volume", "turnover")).WithHint("growth or retro rebate: volume leaves our own price rise out")),
		deal(form.Text(keyTiers, "Tiers", model.TiersText(it.Lever.Tiers)).WithHint("growth or retro rebate: growth %:rate %, e.g. 5:2, 20:3")),
		deal(form.Number(keyThreshold, "Threshold", numberText(it.Lever.Threshold)).WithHint("threshold cost: where the cost starts, e.g. 97; retro rebate: the growth % it needs")),
		deal(form.Number(keyPerPoint, "Cost per point", numberText(it.Lever.PerPoint)).WithHint("threshold cost: a year, per point past it")),
		deal(form.Number(keyAmount, "Amount per unit", numberText(it.Lever.Amount)).WithHint("money per unit: a year, per unit of movement")),
		deal(form.Number(keyDays, "Cash days", numberText(it.Lever.Days)).WithHint("cash discount: earned for payment within these days")),
		deal(form.Choice(keyOneOff, "Lump sum paid", []string{"yearly", "once"}, []string{"a year", "once (a listing fee)"},
			yesNo(it.Lever.OneOff, "once", "yearly")).WithHint("lump sum: once counts in year 1 of the term only")),
		deal(form.Number(keyStep, "Step", numberText(it.Step)).WithHint("the smallest tradeable move; blank: by unit")),
		deal(form.Number(keyLastYear, "Last year", numberText(it.LastYear)).WithHint("the value agreed last year, optional")),
	}
}

// readLever reads the lever fields; a hidden field keeps the item's value.
func readLever(f *form.Form, it model.AgendaItem) (model.Lever, decimal.NullDecimal) {
	l := it.Lever
	if fl := f.Field(keyLever); fl != nil && !fl.Hidden {
		l.Kind = model.LeverKind(fl.Value())
		l.Base = ""
		if l.Kind == model.LeverRebate {
			l.Base = model.RebateBase(f.Field(keyGrowth).Value())
		}
		l.Threshold = f.Field(keyThreshold).Optional()
		l.PerPoint = f.Field(keyPerPoint).Optional()
		l.Amount = f.Field(keyAmount).Optional()
		l.InVolume, l.Tiers = false, nil
		if l.OnGrowth() {
			l.InVolume = f.Field(keyInVolume).Value() == "volume"
			l.Tiers, _ = model.ParseTiers(f.Field(keyTiers).Value()) // validate reports a bad one
		}
		l.Days = decimal.NullDecimal{}
		if l.Kind == model.LeverCashDiscount {
			l.Days = f.Field(keyDays).Optional()
		}
		l.OneOff = l.Kind == model.LeverLumpSum && f.Field(keyOneOff).Value() == "once"
		return l, f.Field(keyLastYear).Optional()
	}
	return l, it.LastYear
}

// yesNo picks the choice value for a flag.
func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}
