package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Topic groups agenda items the way a KAM thinks of them.
type Topic string

// The agenda topics.
const (
	TopicPrice           Topic = "price"
	TopicDiscounts       Topic = "discounts" // discounts, rebates, allowances, listing fees
	TopicTerms           Topic = "terms"
	TopicVolume          Topic = "volume"
	TopicProfitability   Topic = "profitability"
	TopicCannibalization Topic = "cannibalization"
	TopicSupply          Topic = "supply"
	TopicOther           Topic = "other"
)

// Topics lists the topics in agenda order.
var Topics = []Topic{TopicPrice, TopicDiscounts, TopicTerms, TopicVolume, TopicProfitability, TopicCannibalization, TopicSupply, TopicOther}

// Valid reports whether t is a known topic.
func (t Topic) Valid() bool {
	for _, known := range Topics {
		if t == known {
			return true
		}
	}
	return false
}

// Direction says which way a value is better for us.
type Direction string

// The two directions.
const (
	Up   Direction = "up"   // more is better for us: price, volume, contract months
	Down Direction = "down" // less is better for us: payment days, rebate, listing fees
)

// Valid reports whether d is up or down.
func (d Direction) Valid() bool { return d == Up || d == Down }

// Sign is s in the formulas: +1 when up is better for us, −1 when down is.
func (d Direction) Sign() decimal.Decimal {
	if d == Down {
		return minusOne
	}
	return plusOne
}

// The signs of a direction, made once: the replay asks for them per move.
var (
	plusOne  = decimal.NewFromInt(1)
	minusOne = decimal.NewFromInt(-1)
)

// ItemStatus is whether an agenda item is still being negotiated.
type ItemStatus string

// The item statuses.
const (
	ItemOpen   ItemStatus = "open"
	ItemAgreed ItemStatus = "agreed"
	ItemParked ItemStatus = "parked"
)

// Valid reports whether s is a known item status.
func (s ItemStatus) Valid() bool { return s == ItemOpen || s == ItemAgreed || s == ItemParked }

// AgendaItem is one point to negotiate. Numeric items carry our opening,
// target and walk-away and our estimate of the buyer's; text-only items (a
// listing, a clause) carry none and count as closed only once agreed.
type AgendaItem struct {
	ID     uint64
	Topic  Topic
	Title  string
	Unit   string
	Better Direction

	OurOpening    decimal.NullDecimal
	OurTarget     decimal.NullDecimal
	OurWalkAway   decimal.NullDecimal
	TheirOpening  decimal.NullDecimal // our estimate until they say it
	TheirWalkAway decimal.NullDecimal // our estimate, optional

	Weight      int // 0–100: what the item is worth to us
	ValueToThem int // 0–100: our estimate of its worth to them

	// LastYear is the value agreed last year, when there was one.
	LastYear decimal.NullDecimal
	// Lever is how the item's value enters the deal waterfall.
	Lever Lever
	// Step is the smallest tradeable move; blank takes the default of the
	// item's unit (DefaultStep).
	Step decimal.NullDecimal

	// MoneyPerUnit is what one unit of gap is worth.
	//
	// Deprecated: the lever (money per unit, or any other) prices the item
	// through the waterfall. Kept as stored: migration 2 reads it into the
	// lever, and older exports carry it; nothing prices by it.
	MoneyPerUnit decimal.NullDecimal

	Status   ItemStatus
	AgreedAt time.Time // when it was marked agreed; zero otherwise
	Order    int
	Note     string

	// Link points the item at a field of a scenario (e.g. the rebate item at
	// the profitability scenario's rebate %), so its money effect can be shown.
	//
	// Deprecated: the lever replaces the link. Kept as stored (migration 2
	// reads it, older exports carry it); nothing prices by it.
	Link  ScenarioLink
	Stamp // UID and Updated, set by the store
}

// ScenarioLink names one input of one scenario. The zero value links nothing.
type ScenarioLink struct {
	ScenarioID uint64
	Field      string
}

// Numeric reports whether the item carries numbers (an opening of ours).
func (it AgendaItem) Numeric() bool { return it.OurOpening.Valid }

// Tracked reports whether the gap of the item can be computed: both openings known.
func (it AgendaItem) Tracked() bool { return it.OurOpening.Valid && it.TheirOpening.Valid }

// Scored reports whether our score can be computed: target and walk-away set.
func (it AgendaItem) Scored() bool { return it.OurTarget.Valid && it.OurWalkAway.Valid }

// Validate says what is wrong with the item, in the user's words.
func (it AgendaItem) Validate() error {
	if err := CheckSizes(it); err != nil {
		return err
	}
	if strings.TrimSpace(it.Title) == "" {
		return fmt.Errorf("the item needs a title")
	}
	if !it.Topic.Valid() {
		return fmt.Errorf("topic %q is not one of %s", it.Topic, topicList())
	}
	if !it.Status.Valid() {
		return fmt.Errorf("status %q is not open, agreed or parked", it.Status)
	}
	if it.Weight < 0 || it.Weight > 100 {
		return fmt.Errorf("weight %d should be between 0 and 100", it.Weight)
	}
	if it.ValueToThem < 0 || it.ValueToThem > 100 {
		return fmt.Errorf("value to them %d should be between 0 and 100", it.ValueToThem)
	}
	if it.MoneyPerUnit.Valid && it.MoneyPerUnit.Decimal.IsNegative() {
		return fmt.Errorf("money per unit %s cannot be negative", it.MoneyPerUnit.Decimal)
	}
	anyNumber := it.OurOpening.Valid || it.OurTarget.Valid || it.OurWalkAway.Valid ||
		it.TheirOpening.Valid || it.TheirWalkAway.Valid
	if !anyNumber {
		return nil
	}
	if !it.Better.Valid() {
		return fmt.Errorf("say which way is better for us: up or down")
	}
	if !it.OurOpening.Valid {
		return fmt.Errorf("a numeric item needs our opening")
	}
	if err := it.validateOrder(); err != nil {
		return err
	}
	if err := it.Lever.Validate(); err != nil {
		return err
	}
	for _, p := range it.positions() {
		if p.value.Valid {
			if err := it.Lever.CheckValue(p.value.Decimal); err != nil {
				return fmt.Errorf("%s: %w", p.name, err)
			}
		}
	}
	if it.Step.Valid && !it.Step.Decimal.IsPositive() {
		return fmt.Errorf("step %s should be above 0", it.Step.Decimal)
	}
	if it.Lever.Kind == LeverThreshold && !it.Better.Valid() {
		return fieldErr(FieldLever, "a threshold cost needs to know which way is better for us")
	}
	return nil
}

type namedValue struct {
	name  string
	value decimal.NullDecimal
}

// positions are the item's values with their names, for checks.
func (it AgendaItem) positions() []namedValue {
	return []namedValue{{"last year", it.LastYear}, {"our opening", it.OurOpening}, {"our target", it.OurTarget},
		{"our walk-away", it.OurWalkAway}, {"their opening", it.TheirOpening}, {"their walk-away", it.TheirWalkAway}}
}

// LeverHint is the question a form asks when the item's direction
// disagrees with the one its lever suggests ("did you mean lower?"), or "".
func (it AgendaItem) LeverHint() string {
	want, ok := it.Lever.Kind.Better()
	if !ok || it.Better == "" || it.Better == want {
		return ""
	}
	word := "higher"
	if want == Down {
		word = "lower"
	}
	return fmt.Sprintf("%s is usually better for us %s: did you mean %s?", withArticle(it.Lever.Kind.Label()), want, word)
}

// validateOrder checks that opening, target and walk-away run from best to
// worst for us, and that the buyer's estimates run the other way.
func (it AgendaItem) validateOrder() error {
	s := it.Better.Sign()
	better := func(a, b decimal.Decimal) bool { return s.Mul(a.Sub(b)).IsPositive() }
	word := "higher"
	if it.Better == Down {
		word = "lower"
	}
	open := it.OurOpening.Decimal
	if it.OurTarget.Valid && better(it.OurTarget.Decimal, open) {
		return fmt.Errorf("target %s is better for us than our opening %s: with %s better, open at or beyond the target",
			it.OurTarget.Decimal, open, word)
	}
	if it.OurWalkAway.Valid {
		walk := it.OurWalkAway.Decimal
		if better(walk, open) {
			return fmt.Errorf("walk-away %s is better for us than our opening %s: it should be the worst we accept",
				walk, open)
		}
		if it.OurTarget.Valid && !better(it.OurTarget.Decimal, walk) {
			return fmt.Errorf("walk-away %s should be worse for us than the target %s (%s is better)",
				walk, it.OurTarget.Decimal, word)
		}
	}
	if it.TheirOpening.Valid && it.TheirWalkAway.Valid && better(it.TheirOpening.Decimal, it.TheirWalkAway.Decimal) {
		return fmt.Errorf("their walk-away %s should be at least as good for us as their opening %s",
			it.TheirWalkAway.Decimal, it.TheirOpening.Decimal)
	}
	return nil
}

// Leverage is the trade leverage of giving the item: what it is worth to them
// for each point it is worth to us. Give high-leverage items first, ask for
// low-leverage ones.
func (it AgendaItem) Leverage() float64 {
	return float64(it.ValueToThem) / float64(max(it.Weight, 1))
}

func topicList() string {
	names := make([]string, len(Topics))
	for i, t := range Topics {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// Places is how many decimals the item's values are written with: the most
// any of its positions was typed with.
func (it AgendaItem) Places() int {
	p := 0
	for _, v := range []decimal.NullDecimal{it.LastYear, it.OurOpening, it.OurTarget, it.OurWalkAway, it.TheirOpening, it.TheirWalkAway} {
		if v.Valid {
			p = max(p, Places(v.Decimal))
		}
	}
	return p
}

// Format writes a value of the item (a position, a gap, a move) with the
// item's decimals, or more when the value itself was typed with more.
func (it AgendaItem) Format(v decimal.Decimal) string {
	return FormatNumber(v, max(it.Places(), Places(v)))
}

var (
	stepMoney   = decimal.RequireFromString("0.01")
	stepPercent = decimal.RequireFromString("0.05")
	stepVolume  = decimal.NewFromInt(1000)
	bigVolume   = decimal.NewFromInt(10000)
)

// StepOf is the smallest tradeable move of the item (DESIGN 5.8): its Step,
// else a default by unit and lever: 0.01 for money, 1 for days or months,
// 0.05 for %, 1,000 for volumes from 10,000, else one unit of the item's
// last decimal place.
func (it AgendaItem) StepOf() decimal.Decimal {
	if it.Step.Valid && it.Step.Decimal.IsPositive() {
		return it.Step.Decimal
	}
	unit := strings.ToLower(strings.TrimSpace(it.Unit))
	switch {
	case it.Lever.Kind == LeverPaymentDays || it.Lever.Kind == LeverContract ||
		strings.HasPrefix(unit, "day") || strings.HasPrefix(unit, "month"):
		return one
	case unit == "%" || it.Lever.Kind == LeverDiscount || it.Lever.Kind == LeverRebate || it.Lever.Kind == LeverCashDiscount:
		return stepPercent
	case it.Lever.Kind == LeverVolume && it.OurOpening.Valid && it.OurOpening.Decimal.Abs().GreaterThanOrEqual(bigVolume):
		return stepVolume
	case it.Lever.Kind == LeverListPrice || it.Lever.Kind == LeverAllowance || it.Lever.Kind == LeverLumpSum ||
		strings.Contains(unit, "eur") || strings.Contains(unit, "usd") || strings.Contains(unit, "gbp") || strings.ContainsAny(unit, "€$£"):
		return stepMoney
	}
	return decimal.New(1, -int32(it.Places()))
}

// RoundToStep rounds v to the nearest multiple of the item's step.
func (it AgendaItem) RoundToStep(v decimal.Decimal) decimal.Decimal {
	s := it.StepOf()
	return trim(v.Div(s).Round(0).Mul(s))
}

// FormatStep writes v rounded to the item's step, with the step's decimals
// or the item's, whichever has more (DESIGN 5.8: 23.2969 → 23.30, 59.77
// days → 60).
func (it AgendaItem) FormatStep(v decimal.Decimal) string {
	return FormatNumber(it.RoundToStep(v), max(it.Places(), Places(it.StepOf())))
}
