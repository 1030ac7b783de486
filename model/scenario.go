package model

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// ScenarioKind says which calculation a scenario holds.
type ScenarioKind string

// The scenario kinds.
const (
	// CategoryScenario is the buyer's view: does the proposal grow his
	// category after cannibalization?
	CategoryScenario ScenarioKind = "category"
	// ProfitScenario is our view: the pocket price and what we keep.
	ProfitScenario ScenarioKind = "profitability"
)

// Valid reports whether k is a known scenario kind.
func (k ScenarioKind) Valid() bool { return k == CategoryScenario || k == ProfitScenario }

// Scenario holds the inputs of one calculation behind a proposal. A category
// scenario uses Impact, a profitability scenario uses Profit.
type Scenario struct {
	ID       uint64
	Name     string
	Kind     ScenarioKind
	ForBuyer bool // the category scenario shown to the buyer
	Impact   CategoryImpact
	Profit   Profitability
	Stamp    // UID and Updated, set by the store
}

// CategoryImpact is the buyer's category before the proposal and the lines
// the proposal adds. Percentages are written as numbers of percent (30 = 30 %).
type CategoryImpact struct {
	BaselineTurnover decimal.Decimal
	BaselineMargin   decimal.Decimal // %
	// OurSales is our current sales in the category at this account, for
	// our share before and after the proposal; blank when not known. It is
	// our invoice turnover unless OurSalesAtShelf says it is our sell-out at
	// shelf prices; invoice turnover is grossed up by the baseline margin to
	// compare like with like, and the share is then an estimate (DESIGN 5.8).
	OurSales        decimal.NullDecimal
	OurSalesAtShelf bool
	Lines           []ImpactLine
}

// ImpactLine is one product of the proposal.
type ImpactLine struct {
	Product        string
	Units          decimal.Decimal // a year
	Price          decimal.Decimal // shelf price per unit
	Margin         decimal.Decimal // retailer margin %
	CannibalRate   decimal.Decimal // % of its sales taken from other products of the category
	CannibalMargin decimal.Decimal // retailer margin % on what it cannibalizes
	Allowance      decimal.Decimal // supplier-funded allowances, in money, for the line
}

// Profitability is our side of one product or package: from list price to
// pocket price and the profit we keep. Percentages are numbers of percent.
type Profitability struct {
	ListPrice        decimal.Decimal
	Discount         decimal.Decimal // on-invoice %
	Rebate           decimal.Decimal // off-invoice %
	AllowancePerUnit decimal.Decimal
	CostToServe      decimal.Decimal // per unit
	CostOfGoods      decimal.Decimal // per unit
	Volume           decimal.Decimal // units a year
}

var hundred = decimal.NewFromInt(100)

// pct turns a number of percent into a fraction.
func pct(d decimal.Decimal) decimal.Decimal { return d.Div(hundred) }

// Validate says what is wrong with the scenario.
func (s Scenario) Validate() error {
	if err := CheckSizes(s); err != nil {
		return err
	}
	if strings.TrimSpace(s.Name) == "" {
		return fmt.Errorf("the scenario needs a name")
	}
	switch s.Kind {
	case CategoryScenario:
		return s.Impact.Validate()
	case ProfitScenario:
		return s.Profit.Validate()
	}
	return fmt.Errorf("scenario kind %q is not category or profitability", s.Kind)
}

// Validate says what is wrong with the category inputs.
func (c CategoryImpact) Validate() error {
	if c.BaselineTurnover.IsNegative() {
		return fmt.Errorf("baseline turnover cannot be negative")
	}
	if c.OurSales.Valid && (c.OurSales.Decimal.IsNegative() || c.OurSales.Decimal.GreaterThan(c.BaselineTurnover)) {
		return fmt.Errorf("our sales in the category %s should be between 0 and the baseline turnover", c.OurSales.Decimal)
	}
	if err := percentRange("baseline margin", c.BaselineMargin); err != nil {
		return err
	}
	for i, l := range c.Lines {
		name := l.Product
		if strings.TrimSpace(name) == "" {
			return fmt.Errorf("line %d needs a product", i+1)
		}
		if l.Units.IsNegative() || l.Price.IsNegative() || l.Allowance.IsNegative() {
			return fmt.Errorf("%s: units, price and allowance cannot be negative", name)
		}
		for _, p := range []struct {
			label string
			v     decimal.Decimal
		}{{"margin", l.Margin}, {"cannibalization rate", l.CannibalRate}, {"cannibalized margin", l.CannibalMargin}} {
			if err := percentRange(name+": "+p.label, p.v); err != nil {
				return err
			}
		}
	}
	return nil
}

// Validate says what is wrong with the profitability inputs.
func (p Profitability) Validate() error {
	for _, f := range []struct {
		label string
		v     decimal.Decimal
	}{{"list price", p.ListPrice}, {"allowance per unit", p.AllowancePerUnit}, {"cost to serve", p.CostToServe},
		{"cost of goods", p.CostOfGoods}, {"volume", p.Volume}} {
		if f.v.IsNegative() {
			return fmt.Errorf("%s cannot be negative", f.label)
		}
	}
	if err := percentRange("discount", p.Discount); err != nil {
		return err
	}
	return percentRange("rebate", p.Rebate)
}

func percentRange(label string, v decimal.Decimal) error {
	if v.IsNegative() || v.GreaterThan(hundred) {
		return fmt.Errorf("%s %s%% should be between 0 and 100", label, v)
	}
	return nil
}

// CategoryResult is what the proposal does to the buyer's category.
type CategoryResult struct {
	Gross             decimal.Decimal // Σ units × price
	Cannibalized      decimal.Decimal // Σ units × price × rate
	NetTurnover       decimal.Decimal // gross − cannibalized
	NetProfit         decimal.Decimal // margin on new sales − margin lost + allowances
	Growth            decimal.Decimal // % of baseline turnover
	GrowthKnown       bool            // false when the baseline is zero
	ProfitGrowth      decimal.Decimal // % of baseline category profit
	ProfitGrowthKnown bool
	// ShareBefore and ShareAfter are our % of the category's turnover before
	// and after the proposal, known when our sales and the baseline are.
	ShareBefore, ShareAfter decimal.Decimal
	ShareKnown              bool
	// ShareEstimated: our sales were invoice turnover, grossed up by the
	// retailer margin to shelf prices.
	ShareEstimated bool
}

// OurSellOut is our sales in the category at shelf prices, and whether it
// is an estimate: invoice turnover ÷ (1 − the category's retailer margin).
func (c CategoryImpact) OurSellOut() (v decimal.Decimal, estimated, ok bool) {
	if !c.OurSales.Valid {
		return v, false, false
	}
	if c.OurSalesAtShelf {
		return c.OurSales.Decimal, false, true
	}
	keep := one.Sub(pct(c.BaselineMargin))
	if !keep.IsPositive() {
		return v, true, false
	}
	return c.OurSales.Decimal.Div(keep), true, true
}

// Result computes the category impact.
func (c CategoryImpact) Result() CategoryResult {
	var r CategoryResult
	for _, l := range c.Lines {
		sales := l.Units.Mul(l.Price)
		cannibal := sales.Mul(pct(l.CannibalRate))
		r.Gross = r.Gross.Add(sales)
		r.Cannibalized = r.Cannibalized.Add(cannibal)
		r.NetProfit = r.NetProfit.Add(sales.Mul(pct(l.Margin))).
			Sub(cannibal.Mul(pct(l.CannibalMargin))).
			Add(l.Allowance)
	}
	r.NetTurnover = r.Gross.Sub(r.Cannibalized)
	if c.BaselineTurnover.IsPositive() {
		r.Growth = r.NetTurnover.Div(c.BaselineTurnover).Mul(hundred)
		r.GrowthKnown = true
		if baseProfit := c.BaselineTurnover.Mul(pct(c.BaselineMargin)); baseProfit.IsPositive() {
			r.ProfitGrowth = r.NetProfit.Div(baseProfit).Mul(hundred)
			r.ProfitGrowthKnown = true
		}
		// The proposal's products are ours; what they cannibalize is taken
		// from the rest of the category.
		// Shares compare sales at shelf prices on both sides (DESIGN 5.8).
		ours, estimated, ok := c.OurSellOut()
		if after := c.BaselineTurnover.Add(r.NetTurnover); ok && after.IsPositive() {
			r.ShareBefore = ours.Div(c.BaselineTurnover).Mul(hundred)
			r.ShareAfter = ours.Add(r.Gross).Div(after).Mul(hundred)
			r.ShareKnown, r.ShareEstimated = true, estimated
		}
	}
	return r
}

// Verdict says in plain words whether the category grows, in turnover and in profit.
func (r CategoryResult) Verdict() string {
	word := func(d decimal.Decimal) string {
		switch d.Sign() {
		case 1:
			return "net increase"
		case -1:
			return "net decrease"
		}
		return "no change"
	}
	return fmt.Sprintf("%s in category turnover, %s in category profit", word(r.NetTurnover), word(r.NetProfit))
}

// ProfitResult is our pocket price and what the business leaves us.
type ProfitResult struct {
	InvoicePrice decimal.Decimal // list × (1 − discount)
	PocketPrice  decimal.Decimal // invoice × (1 − rebate) − allowance − cost to serve
	PocketMargin decimal.Decimal // % of the pocket price left after cost of goods
	MarginKnown  bool            // false when the pocket price is not positive
	UnitProfit   decimal.Decimal // pocket − cost of goods
	AnnualProfit decimal.Decimal // unit profit × volume
	Revenue      decimal.Decimal // pocket price × volume
}

// Result computes the pocket price waterfall. Discounts stack: each applies
// to what the previous one left.
func (p Profitability) Result() ProfitResult {
	one := decimal.NewFromInt(1)
	var r ProfitResult
	r.InvoicePrice = p.ListPrice.Mul(one.Sub(pct(p.Discount)))
	r.PocketPrice = r.InvoicePrice.Mul(one.Sub(pct(p.Rebate))).Sub(p.AllowancePerUnit).Sub(p.CostToServe)
	r.UnitProfit = r.PocketPrice.Sub(p.CostOfGoods)
	r.AnnualProfit = r.UnitProfit.Mul(p.Volume)
	r.Revenue = r.PocketPrice.Mul(p.Volume)
	if r.PocketPrice.IsPositive() {
		r.PocketMargin = r.UnitProfit.Div(r.PocketPrice).Mul(hundred)
		r.MarginKnown = true
	}
	return r
}

// Field reads one input of the scenario by its name, for agenda links.
func (s Scenario) Field(name string) (decimal.Decimal, bool) {
	for _, f := range ScenarioFields(s.Kind) {
		if f.Name == name {
			return f.get(&s), true
		}
	}
	return decimal.Zero, false
}

// WithField returns a copy of the scenario with one input set, for showing
// what an agenda position would do to the result.
func (s Scenario) WithField(name string, v decimal.Decimal) (Scenario, bool) {
	for _, f := range ScenarioFields(s.Kind) {
		if f.Name == name {
			s.Impact.Lines = append([]ImpactLine(nil), s.Impact.Lines...)
			f.set(&s, v)
			return s, true
		}
	}
	return s, false
}

// ScenarioField is an input of a scenario that an agenda item can link to.
type ScenarioField struct {
	Name  string // stable key stored in links
	Label string
	get   func(*Scenario) decimal.Decimal
	set   func(*Scenario, decimal.Decimal)
}

// ScenarioFields lists the linkable inputs of a kind of scenario.
func ScenarioFields(kind ScenarioKind) []ScenarioField {
	if kind == CategoryScenario {
		return []ScenarioField{
			{"baseline_turnover", "baseline turnover",
				func(s *Scenario) decimal.Decimal { return s.Impact.BaselineTurnover },
				func(s *Scenario, v decimal.Decimal) { s.Impact.BaselineTurnover = v }},
			{"baseline_margin", "baseline margin %",
				func(s *Scenario) decimal.Decimal { return s.Impact.BaselineMargin },
				func(s *Scenario, v decimal.Decimal) { s.Impact.BaselineMargin = v }},
		}
	}
	p := func(name, label string, field func(*Profitability) *decimal.Decimal) ScenarioField {
		return ScenarioField{name, label,
			func(s *Scenario) decimal.Decimal { return *field(&s.Profit) },
			func(s *Scenario, v decimal.Decimal) { *field(&s.Profit) = v }}
	}
	return []ScenarioField{
		p("list_price", "list price", func(p *Profitability) *decimal.Decimal { return &p.ListPrice }),
		p("discount", "discount %", func(p *Profitability) *decimal.Decimal { return &p.Discount }),
		p("rebate", "rebate %", func(p *Profitability) *decimal.Decimal { return &p.Rebate }),
		p("allowance", "allowance per unit", func(p *Profitability) *decimal.Decimal { return &p.AllowancePerUnit }),
		p("cost_to_serve", "cost to serve", func(p *Profitability) *decimal.Decimal { return &p.CostToServe }),
		p("cost_of_goods", "cost of goods", func(p *Profitability) *decimal.Decimal { return &p.CostOfGoods }),
		p("volume", "volume", func(p *Profitability) *decimal.Decimal { return &p.Volume }),
	}
}
