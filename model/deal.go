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
	return len(b.Standing) > 0
}

type basisField struct {
	name  string
	value decimal.NullDecimal
}

func (b DealBasis) fields() []basisField {
	return []basisField{{FieldVolume, b.Volume}, {FieldCostOfGoods, b.CostOfGoods}, {FieldCostToServe, b.CostToServe},
		{FieldCostOfCapital, b.CostOfCapital}, {FieldLastYearVolume, b.LastYearVolume},
		{FieldLastYearTurnover, b.LastYearTurnover}, {FieldFloor, b.Floor}}
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
	for _, t := range b.Standing {
		switch t.Lever.Kind {
		case LeverListPrice, LeverDiscount, LeverRebate, LeverAllowance, LeverLumpSum, LeverPaymentDays:
		default:
			return fieldErr(FieldLever, "a standing term cannot be %q", t.Lever.Kind.Label())
		}
		if err := t.Lever.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// LeverKind is how an item's value enters the deal waterfall.
type LeverKind string

// The levers of DESIGN 5.2.
const (
	LeverNone         LeverKind = ""                    // score only
	LeverListPrice    LeverKind = "list price"          // price per unit
	LeverDiscount     LeverKind = "on-invoice discount" // % off list, stacked
	LeverRebate       LeverKind = "rebate"              // off-invoice %, on turnover or on growth
	LeverAllowance    LeverKind = "allowance"           // per unit
	LeverLumpSum      LeverKind = "lump sum"            // a year: listing fee, marketing contribution
	LeverPaymentDays  LeverKind = "payment days"        // days of credit
	LeverVolume       LeverKind = "volume"              // units a year
	LeverThreshold    LeverKind = "threshold cost"      // a cost per point past a threshold, e.g. service level
	LeverMoneyPerUnit LeverKind = "money per unit"      // an amount a year per unit of movement
)

// LeverKinds lists the levers in the order a form offers them.
var LeverKinds = []LeverKind{LeverNone, LeverListPrice, LeverDiscount, LeverRebate, LeverAllowance, LeverLumpSum,
	LeverPaymentDays, LeverVolume, LeverThreshold, LeverMoneyPerUnit}

// Valid reports whether k is a known lever.
func (k LeverKind) Valid() bool {
	for _, known := range LeverKinds {
		if k == known {
			return true
		}
	}
	return false
}

// Label is the lever in words; "none" for the score-only lever.
func (k LeverKind) Label() string {
	if k == LeverNone {
		return "none"
	}
	return string(k)
}

// Better is the direction the lever suggests for an item: more price and
// volume is better for us, less rebate, allowance or payment days. ok is
// false when the lever does not say (threshold costs and money per unit can
// run either way).
func (k LeverKind) Better() (d Direction, ok bool) {
	switch k {
	case LeverListPrice, LeverVolume:
		return Up, true
	case LeverDiscount, LeverRebate, LeverAllowance, LeverLumpSum, LeverPaymentDays:
		return Down, true
	}
	return "", false
}

// Lever is how one numeric item enters the waterfall, with the parameters
// its kind needs.
type Lever struct {
	Kind LeverKind
	// Growth makes a rebate one paid on invoice turnover above last year's.
	Growth bool
	// Threshold is where a threshold cost starts (e.g. 97 for a service level).
	Threshold decimal.NullDecimal
	// PerPoint is the threshold cost a year of each point past the threshold.
	PerPoint decimal.NullDecimal
	// Amount is, for money per unit, what each unit of movement away from
	// last year's value (or our opening) is worth a year.
	Amount decimal.NullDecimal
}

// Validate says which parameter of the lever is missing or wrong.
func (l Lever) Validate() error {
	if !l.Kind.Valid() {
		return fieldErr(FieldLever, "%q is not a lever", l.Kind)
	}
	if l.Growth && l.Kind != LeverRebate {
		return fieldErr(FieldLever, "only a rebate can be paid on growth")
	}
	switch l.Kind {
	case LeverThreshold:
		if !l.Threshold.Valid {
			return fieldErr(FieldThreshold, "a threshold cost needs the threshold where it starts")
		}
		if !l.PerPoint.Valid {
			return fieldErr(FieldPerPoint, "a threshold cost needs its cost per point a year")
		}
		if l.PerPoint.Decimal.IsNegative() {
			return fieldErr(FieldPerPoint, "%s cannot be negative", l.PerPoint.Decimal)
		}
	case LeverMoneyPerUnit:
		if !l.Amount.Valid {
			return fieldErr(FieldAmount, "money per unit needs the amount a year of one unit of movement")
		}
		if l.Amount.Decimal.IsNegative() {
			return fieldErr(FieldAmount, "%s cannot be negative", l.Amount.Decimal)
		}
	}
	return nil
}
