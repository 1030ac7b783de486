package spar

import (
	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// stepOf is the item's smallest tradeable move: one unit of the last
// decimal place its positions are written with.
//
// TODO(issue 19): the model's AgendaItem.StepOf (DESIGN 5.8) replaces this.
func stepOf(it model.AgendaItem) decimal.Decimal {
	return decimal.New(1, -int32(it.Places()))
}
