package editor

import (
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/shopspring/decimal"
)

// The deal basis's fields on the negotiation form, by the model's names
// for them (so that a *model.FieldError lands next to its field).
var basisKeys = map[string]form.Key{
	model.FieldVolume:           "volume-basis",
	model.FieldCostOfGoods:      "cost-of-goods",
	model.FieldCostToServe:      "cost-to-serve",
	model.FieldCostOfCapital:    "cost-of-capital",
	model.FieldLastYearVolume:   "last-year-volume",
	model.FieldLastYearTurnover: "last-year-turnover",
	model.FieldFloor:            "deal-floor",
	model.FieldContractMonths:   "contract-months",
	model.FieldIndexation:       "indexation",
	model.FieldVolumeLow:        "volume-low",
	model.FieldVolumeHigh:       "volume-high",
	model.FieldElasticity:       "elasticity",
}

// basis is the deal basis's fields on the negotiation form: what the
// waterfall of every package stands on (DESIGN 5.2). Internal: the deal is.
type basis struct {
	volume, goods, serve, capital, lastVolume, lastTurnover, floor *form.Field
	// The term and uncertain volume (DESIGN 5.8).
	months, indexation, low, high, elasticity *form.Field
}

func basisFields(priv model.Privacy, b model.DealBasis) basis {
	shown := priv.Part(model.PartDeal)
	f := func(name, label, hint string, v decimal.NullDecimal) *form.Field {
		return hideUnless(shown, form.Number(basisKeys[name], label, numberText(v)).WithHint(hint))
	}
	return basis{
		volume:       f(model.FieldVolume, "Volume basis", "units a year, when no item is the volume", b.Volume),
		goods:        f(model.FieldCostOfGoods, "Cost of goods", "per unit", b.CostOfGoods),
		serve:        f(model.FieldCostToServe, "Cost to serve", "per unit: logistics, merchandising, …", b.CostToServe),
		capital:      hideUnless(shown, form.Percent(basisKeys[model.FieldCostOfCapital], "Cost of capital %", numberText(b.CostOfCapital)).WithHint("a year: prices payment days")),
		lastVolume:   f(model.FieldLastYearVolume, "Last year's volume", "units", b.LastYearVolume),
		lastTurnover: f(model.FieldLastYearTurnover, "Last year's turnover", "invoice turnover: a growth rebate needs it", b.LastYearTurnover),
		floor:        f(model.FieldFloor, "Deal floor", "the least annual contribution we accept", b.Floor),
		months:       f(model.FieldContractMonths, "Contract months", "when no item is the contract's length; blank: 12", b.ContractMonths),
		indexation:   hideUnless(shown, form.Percent(basisKeys[model.FieldIndexation], "List-price indexation %", numberText(b.Indexation)).WithHint("a year, from year 2 of the term")),
		low:          hideUnless(shown, form.Percent(basisKeys[model.FieldVolumeLow], "Low volume, % under", numberText(b.VolumeLow)).WithHint("for the low case")),
		high:         hideUnless(shown, form.Percent(basisKeys[model.FieldVolumeHigh], "High volume, % over", numberText(b.VolumeHigh)).WithHint("for the high case")),
		elasticity:   f(model.FieldElasticity, "Price elasticity", "volume % for 1 % of list price above last year's, e.g. -1.5", b.Elasticity),
	}
}

func (b basis) fields() []*form.Field {
	return []*form.Field{b.volume, b.goods, b.serve, b.capital, b.lastVolume, b.lastTurnover, b.floor,
		b.months, b.indexation, b.low, b.high, b.elasticity}
}

// read is the deal basis as typed; hidden fields keep the stored values.
func (b basis) read(old model.DealBasis) model.DealBasis {
	if b.volume.Hidden {
		return old
	}
	v := old
	v.Volume, v.CostOfGoods, v.CostToServe = b.volume.Optional(), b.goods.Optional(), b.serve.Optional()
	v.CostOfCapital, v.LastYearVolume, v.LastYearTurnover = b.capital.Optional(), b.lastVolume.Optional(), b.lastTurnover.Optional()
	v.Floor = b.floor.Optional()
	v.ContractMonths, v.Indexation = b.months.Optional(), b.indexation.Optional()
	v.VolumeLow, v.VolumeHigh, v.Elasticity = b.low.Optional(), b.high.Optional(), b.elasticity.Optional()
	return v
}
