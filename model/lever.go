package model

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// LeverKind is how an item's value enters the deal waterfall.
type LeverKind string

// The levers of DESIGN 5.2 and 5.8.
const (
	LeverNone         LeverKind = ""                    // score only
	LeverListPrice    LeverKind = "list price"          // price per unit
	LeverDiscount     LeverKind = "on-invoice discount" // % off list, stacked
	LeverRebate       LeverKind = "rebate"              // off-invoice %, on its base (invoice, growth, retro)
	LeverAllowance    LeverKind = "allowance"           // per unit
	LeverLumpSum      LeverKind = "lump sum"            // a year or one-off: listing fee, marketing contribution
	LeverPaymentDays  LeverKind = "payment days"        // days of credit
	LeverCashDiscount LeverKind = "cash discount"       // % off the invoice for payment within its days
	LeverVolume       LeverKind = "volume"              // units a year
	LeverThreshold    LeverKind = "threshold cost"      // a cost per point past a threshold, e.g. service level
	LeverMoneyPerUnit LeverKind = "money per unit"      // other contribution a year per unit of movement
	LeverContract     LeverKind = "contract months"     // the contract's length: the term (DESIGN 5.8)
)

// LeverKinds lists the levers in the order a form offers them.
var LeverKinds = []LeverKind{LeverNone, LeverListPrice, LeverDiscount, LeverRebate, LeverAllowance, LeverLumpSum,
	LeverPaymentDays, LeverCashDiscount, LeverVolume, LeverThreshold, LeverMoneyPerUnit, LeverContract}

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

// Better is the direction the lever suggests for an item: more price,
// volume and contract length is better for us, less rebate, allowance,
// payment days or cash discount. ok is false when the lever does not say
// (threshold costs and money per unit can run either way).
func (k LeverKind) Better() (d Direction, ok bool) {
	switch k {
	case LeverListPrice, LeverVolume, LeverContract:
		return Up, true
	case LeverDiscount, LeverRebate, LeverAllowance, LeverLumpSum, LeverPaymentDays, LeverCashDiscount:
		return Down, true
	}
	return "", false
}

// RebateBase is what a rebate is paid on (DESIGN 5.8).
type RebateBase string

// The rebate bases. The empty base is read as invoice.
const (
	BaseInvoice RebateBase = "invoice" // all invoice turnover
	BaseGrowth  RebateBase = "growth"  // the turnover above last year's
	BaseRetro   RebateBase = "retro"   // all turnover, once it beats last year's by the threshold %
)

// RebateBases lists the bases in the order a form offers them.
var RebateBases = []RebateBase{BaseInvoice, BaseGrowth, BaseRetro}

// Tier is a step of a tiered rebate: the rate paid once growth over last
// year reaches Over %.
type Tier struct {
	Over decimal.Decimal // growth over last year, %
	Rate decimal.Decimal // rebate %, of the lever's base
}

// Lever is how one numeric item enters the waterfall, with the parameters
// its kind needs.
type Lever struct {
	Kind LeverKind
	// Base is what a rebate is paid on; empty reads as invoice.
	Base RebateBase
	// InVolume measures a growth or retro rebate's growth in volume at this
	// year's invoice price, so that our own price rise earns no rebate.
	InVolume bool
	// Tiers pay, on a growth or retro rebate, the rate of the highest tier
	// reached instead of the item's value (which holds below the first).
	Tiers []Tier
	// Threshold is where a threshold cost starts (e.g. 97 for a service
	// level); for a retro rebate, the % by which turnover must beat last
	// year's before anything is paid (blank: 0).
	Threshold decimal.NullDecimal
	// PerPoint is the threshold cost a year of each point past the threshold.
	PerPoint decimal.NullDecimal
	// Amount is, for money per unit, what each unit of movement away from
	// last year's value (or our opening) is worth a year.
	Amount decimal.NullDecimal
	// Days is, for a cash discount, the days within which it is earned.
	Days decimal.NullDecimal
	// OneOff marks a lump sum paid once (a listing fee) rather than a year.
	OneOff bool
}

// Equal reports whether two levers are the same.
func (l Lever) Equal(o Lever) bool {
	if l.Kind != o.Kind || l.Base != o.Base || l.InVolume != o.InVolume || l.OneOff != o.OneOff ||
		!nullEqual(l.Threshold, o.Threshold) || !nullEqual(l.PerPoint, o.PerPoint) ||
		!nullEqual(l.Amount, o.Amount) || !nullEqual(l.Days, o.Days) || len(l.Tiers) != len(o.Tiers) {
		return false
	}
	for i, t := range l.Tiers {
		if !t.Over.Equal(o.Tiers[i].Over) || !t.Rate.Equal(o.Tiers[i].Rate) {
			return false
		}
	}
	return true
}

// IsZero reports whether the lever is the score-only lever with no parameter.
func (l Lever) IsZero() bool { return l.Equal(Lever{}) }

func nullEqual(a, b decimal.NullDecimal) bool {
	return a.Valid == b.Valid && (!a.Valid || a.Decimal.Equal(b.Decimal))
}

// RebateBase is the lever's rebate base, invoice when none is set.
func (l Lever) RebateBase() RebateBase {
	if l.Base == "" {
		return BaseInvoice
	}
	return l.Base
}

// OnGrowth reports whether a rebate is measured against last year (growth or retro).
func (l Lever) OnGrowth() bool {
	return l.Kind == LeverRebate && l.RebateBase() != BaseInvoice
}

// Validate says which parameter of the lever is missing or wrong.
func (l Lever) Validate() error {
	if !l.Kind.Valid() {
		return fieldErr(FieldLever, "%q is not a lever", l.Kind)
	}
	if l.Base != "" && l.Kind != LeverRebate {
		return fieldErr(FieldLever, "only a rebate has a base (invoice, growth or retro)")
	}
	switch l.Base {
	case "", BaseInvoice, BaseGrowth, BaseRetro:
	default:
		return fieldErr(FieldLever, "rebate base %q is not invoice, growth or retro", l.Base)
	}
	if (l.InVolume || len(l.Tiers) > 0) && !l.OnGrowth() {
		return fieldErr(FieldLever, "only a growth or retro rebate measures growth or has tiers")
	}
	if l.OneOff && l.Kind != LeverLumpSum {
		return fieldErr(FieldLever, "only a lump sum can be one-off")
	}
	for i, t := range l.Tiers {
		if t.Over.IsNegative() {
			return fieldErr(FieldTiers, "tier %d: growth %s%% cannot be negative", i+1, t.Over)
		}
		if err := pctRange(FieldTiers, t.Rate); err != nil {
			return err
		}
		if i > 0 && !t.Over.GreaterThan(l.Tiers[i-1].Over) {
			return fieldErr(FieldTiers, "tier %d: list the tiers from the lowest growth up", i+1)
		}
	}
	switch l.Kind {
	case LeverRebate:
		if l.Threshold.Valid && l.Threshold.Decimal.IsNegative() {
			return fieldErr(FieldThreshold, "%s%% cannot be negative", l.Threshold.Decimal)
		}
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
	case LeverCashDiscount:
		if !l.Days.Valid {
			return fieldErr(FieldDays, "a cash discount needs the days within which it is earned")
		}
		if err := daysRange(FieldDays, l.Days.Decimal); err != nil {
			return err
		}
	}
	return nil
}

// CheckValue says whether v can be a value of an item with this lever
// (DESIGN 5.8): prices above 0; discounts, rebates and cash discounts from
// 0 to below 100 %; days from 0 to 365; volumes, lump sums, allowances and
// contract months not negative. Forms, the capture line and import all ask.
func (l Lever) CheckValue(v decimal.Decimal) error {
	name := l.Kind.Label()
	switch l.Kind {
	case LeverListPrice:
		if !v.IsPositive() {
			return fmt.Errorf("a list price of %s: a price must be above 0", v)
		}
	case LeverDiscount, LeverRebate, LeverCashDiscount:
		if err := pctRange(name, v); err != nil {
			return err
		}
	case LeverPaymentDays:
		if err := daysRange(name, v); err != nil {
			return err
		}
	case LeverVolume, LeverAllowance, LeverLumpSum, LeverContract:
		if v.IsNegative() {
			return fmt.Errorf("%s %s cannot be negative", withArticle(name), v)
		}
	}
	return nil
}

// percentRange checks a % in [0, 100).
func pctRange(name string, v decimal.Decimal) error {
	if v.IsNegative() || v.GreaterThanOrEqual(hundred) {
		return fmt.Errorf("%s %s%% should be from 0 to below 100", name, v)
	}
	return nil
}

var maxDays = decimal.NewFromInt(365)

// daysRange checks days in [0, 365].
func daysRange(name string, v decimal.Decimal) error {
	if v.IsNegative() || v.GreaterThan(maxDays) {
		return fmt.Errorf("%s %s should be from 0 to 365 days", name, v)
	}
	return nil
}

// ParseTiers reads tiers as a form writes them, "5:2, 20:3" (growth % :
// rate %), lowest growth first; blank is none.
func ParseTiers(text string) ([]Tier, error) {
	var tiers []Tier
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		over, rate, ok := strings.Cut(part, ":")
		if !ok {
			return nil, fieldErr(FieldTiers, "write each tier as growth %%:rate %%, e.g. 5:2, 20:3 (%q has no colon)", part)
		}
		o, err := ParseNumber(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(over), "%")))
		if err != nil {
			return nil, fieldErr(FieldTiers, "%q: %v", part, err)
		}
		r, err := ParseNumber(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rate), "%")))
		if err != nil {
			return nil, fieldErr(FieldTiers, "%q: %v", part, err)
		}
		tiers = append(tiers, Tier{Over: o, Rate: r})
	}
	return tiers, nil
}

// TiersText writes tiers as ParseTiers reads them.
func TiersText(tiers []Tier) string {
	parts := make([]string, len(tiers))
	for i, t := range tiers {
		parts[i] = FormatValue(t.Over) + ":" + FormatValue(t.Rate)
	}
	return strings.Join(parts, ", ")
}
