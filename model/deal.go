package model

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// DealBasis is what the waterfall of every package of a negotiation stands
// on: the volume when no item negotiates it, our costs, the cost of money,
// last year's business with the account, and the least we accept (DESIGN 5.2).
// A blank value is unknown, never zero.
type DealBasis struct {
	Volume           decimal.NullDecimal // units a year, used when no item has the volume lever
	CostOfGoods      decimal.NullDecimal // per unit
	CostToServe      decimal.NullDecimal // per unit
	CostOfCapital    decimal.NullDecimal // % a year
	LastYearVolume   decimal.NullDecimal // units
	LastYearTurnover decimal.NullDecimal // invoice turnover
	Floor            decimal.NullDecimal // the least annual contribution we accept
	// The term and uncertain volume (DESIGN 5.8).
	ContractMonths decimal.NullDecimal // the contract's length when no item has it; blank: 12
	Indexation     decimal.NullDecimal // list-price indexation % a year, from year 2
	VolumeLow      decimal.NullDecimal // % below the expected volume, for the low case
	VolumeHigh     decimal.NullDecimal // % above the expected volume, for the high case
	// Elasticity is the volume % for 1 % of list price above last year's
	// (usually negative), used when no item commits volume.
	Elasticity decimal.NullDecimal
	// Standing are terms that hold for every package without being on the
	// agenda this year (e.g. an on-invoice discount nobody reopens).
	Standing []StandingTerm
}

// StandingTerm is one lever held at a fixed value in every package.
type StandingTerm struct {
	Lever Lever
	Value decimal.Decimal
}

// Set reports whether anything of the deal basis has been entered.
func (b DealBasis) Set() bool {
	for _, v := range b.fields() {
		if v.value.Valid {
			return true
		}
	}
	return b.Elasticity.Valid || len(b.Standing) > 0
}

type basisField struct {
	name  string
	value decimal.NullDecimal
}

func (b DealBasis) fields() []basisField {
	return []basisField{{FieldVolume, b.Volume}, {FieldCostOfGoods, b.CostOfGoods}, {FieldCostToServe, b.CostToServe},
		{FieldCostOfCapital, b.CostOfCapital}, {FieldLastYearVolume, b.LastYearVolume},
		{FieldLastYearTurnover, b.LastYearTurnover}, {FieldFloor, b.Floor}, {FieldContractMonths, b.ContractMonths},
		{FieldIndexation, b.Indexation}, {FieldVolumeLow, b.VolumeLow}, {FieldVolumeHigh, b.VolumeHigh}}
}

// The names of the deal basis's fields, as errors and forms use them.
const (
	FieldVolume           = "volume basis"
	FieldCostOfGoods      = "cost of goods"
	FieldCostToServe      = "cost to serve"
	FieldCostOfCapital    = "cost of capital"
	FieldLastYearVolume   = "last year's volume"
	FieldLastYearTurnover = "last year's turnover"
	FieldFloor            = "deal floor"
	FieldThreshold        = "threshold"
	FieldPerPoint         = "cost per point"
	FieldAmount           = "amount per unit of movement"
	FieldLever            = "lever"
	FieldTiers            = "tiers"
	FieldDays             = "days"
	FieldContractMonths   = "contract months"
	FieldIndexation       = "indexation"
	FieldVolumeLow        = "low volume"
	FieldVolumeHigh       = "high volume"
	FieldElasticity       = "price elasticity"
)

// FieldError is a problem with one field of a form, so that the form can
// show it next to the field.
type FieldError struct {
	Field   string // one of the Field… names
	Problem string
}

// Error is the field and the problem in one line.
func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

func fieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// Validate says what is wrong with the deal basis, field by field.
func (b DealBasis) Validate() error {
	for _, f := range b.fields() {
		if f.value.Valid && f.value.Decimal.IsNegative() {
			return fieldErr(f.name, "%s cannot be negative", f.value.Decimal)
		}
	}
	if b.CostOfCapital.Valid && b.CostOfCapital.Decimal.GreaterThan(hundred) {
		return fieldErr(FieldCostOfCapital, "%s%% a year should be between 0 and 100", b.CostOfCapital.Decimal)
	}
	for _, f := range []basisField{{FieldIndexation, b.Indexation}, {FieldVolumeLow, b.VolumeLow}, {FieldVolumeHigh, b.VolumeHigh}} {
		if f.value.Valid && f.value.Decimal.GreaterThanOrEqual(hundred) {
			return fieldErr(f.name, "%s%% should be from 0 to below 100", f.value.Decimal)
		}
	}
	if b.Elasticity.Valid && b.Elasticity.Decimal.Abs().GreaterThan(maxElasticity) {
		return fieldErr(FieldElasticity, "%s%% of volume for 1%% of price is beyond ±20", b.Elasticity.Decimal)
	}
	for _, t := range b.Standing {
		switch t.Lever.Kind {
		case LeverListPrice, LeverDiscount, LeverRebate, LeverAllowance, LeverLumpSum, LeverPaymentDays, LeverCashDiscount:
		default:
			return fieldErr(FieldLever, "a standing term cannot be %q", t.Lever.Kind.Label())
		}
		if err := t.Lever.Validate(); err != nil {
			return err
		}
		if err := t.Lever.CheckValue(t.Value); err != nil {
			return fieldErr(FieldLever, "standing %s", err)
		}
	}
	return nil
}

var maxElasticity = decimal.NewFromInt(20)
