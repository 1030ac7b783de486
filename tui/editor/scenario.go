package editor

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
)

// The scenario forms' fields; a product line's are keyed "line<n>.<field>".
const (
	keyName             form.Key = "name"
	keyScenarioKind     form.Key = "kind"
	keyBaselineTurnover form.Key = "baseline-turnover"
	keyBaselineMargin   form.Key = "baseline-margin"
	keyOurSales         form.Key = "our-sales"
	keyListPrice        form.Key = "list-price"
	keyDiscount         form.Key = "discount"
	keyRebate           form.Key = "rebate"
	keyAllowance        form.Key = "allowance"
	keyCostToServe      form.Key = "cost-to-serve"
	keyCostOfGoods      form.Key = "cost-of-goods"
	keyVolume           form.Key = "volume"
)

// newScenarioForm asks which kind of scenario to add, then hands on to its
// form. Nothing is written until that form is saved.
func newScenarioForm(env Env) *form.Form {
	kind := form.Choice(keyScenarioKind, "Kind", []string{string(model.CategoryScenario), string(model.ProfitScenario)},
		[]string{"category impact (the buyer's view)", "profitability (ours: pocket price, annual profit)"},
		string(model.CategoryScenario)).WithHint("←→ or c/p choose · enter go on")
	return form.New(env.St, form.Ref{}, "New scenario", []*form.Field{kind}, func(*form.Form) (tea.Msg, error) {
		k := model.ScenarioKind(kind.Value())
		return vocab.EditMsg{Kind: vocab.Kind(k), Record: model.Scenario{Kind: k}}, nil
	})
}

// scenarioForm adds (ID 0) or edits a scenario. Its results are worked out
// as the numbers are typed; newLine puts the cursor on a new product line.
func scenarioForm(env Env, sc model.Scenario, newLine bool) *form.Form {
	name := form.Text(keyName, "Name", sc.Name).Required().WithHint("e.g. \"6 SKUs at 2.49\" or \"2027 package at target\"")
	if sc.Kind == model.CategoryScenario {
		fm := categoryForm(env, sc, name)
		if newLine {
			fm.FocusField(len(fm.Fields()) - impactLineFieldCount)
		}
		return fm
	}
	return profitForm(env, sc, name)
}

// num makes a number field of a scenario form. Zero shows as blank (blank
// reads as zero), so that a value can be typed without deleting a 0 first.
func num(make func(form.Key, string, string) *form.Field, key form.Key, label string, v decimal.Decimal, hint string) *form.Field {
	text := ""
	if !v.IsZero() {
		text = model.FormatValue(v)
	}
	return make(key, label, text).WithHint(hint)
}

// impactLineFields are the fields of one proposal line. A line whose product
// is cleared is removed on save; the blank line at the end adds one.
type impactLineFields struct {
	product, units, price, margin, rate, cannibalMargin, allowance *form.Field
	existing                                                       bool
}

func newImpactLineFields(n int, l model.ImpactLine, existing bool) impactLineFields {
	tag := fmt.Sprintf("L%d ", n)
	key := func(name string) form.Key { return form.Key(fmt.Sprintf("line%d.%s", n, name)) }
	g := impactLineFields{existing: existing, product: form.Text(key("product"), tag+"product", l.Product).WithHint("clear it to remove the line")}
	if !existing {
		g.product.Hint = "type a product to add a line"
	}
	g.units = num(form.Number, key("units"), tag+"units a year", l.Units, "units sold a year")
	g.price = num(form.Number, key("price"), tag+"shelf price", l.Price, "shelf price per unit")
	g.margin = num(form.Percent, key("margin"), tag+"margin %", l.Margin, "retailer margin %")
	g.rate = num(form.Percent, key("rate"), tag+"cannibalization %", l.CannibalRate, "share of its sales taken from other products")
	g.cannibalMargin = num(form.Percent, key("cannibal-margin"), tag+"cannibalized margin %", l.CannibalMargin, "retailer margin % on what it takes")
	g.allowance = num(form.Number, key("allowance"), tag+"allowances", l.Allowance, "supplier-funded, money for the line")
	return g
}

// impactLineFieldCount is how many fields a proposal line has.
const impactLineFieldCount = 7

func (g impactLineFields) fields() []*form.Field {
	return []*form.Field{g.product, g.units, g.price, g.margin, g.rate, g.cannibalMargin, g.allowance}
}

// blank reports whether nothing but (maybe) the product is filled in.
func (g impactLineFields) blankNumbers() bool {
	for _, f := range g.fields()[1:] {
		if f.Value() != "" {
			return false
		}
	}
	return true
}

func (g impactLineFields) line() model.ImpactLine {
	return model.ImpactLine{Product: g.product.Value(), Units: g.units.Decimal(), Price: g.price.Decimal(),
		Margin: g.margin.Decimal(), CannibalRate: g.rate.Decimal(), CannibalMargin: g.cannibalMargin.Decimal(),
		Allowance: g.allowance.Decimal()}
}

// categoryForm edits the baseline and every proposal line in one form, with
// a blank line at the end to add one.
func categoryForm(env Env, sc model.Scenario, name *form.Field) *form.Form {
	turnover := num(form.Number, keyBaselineTurnover, "Baseline turnover", sc.Impact.BaselineTurnover, "the category's turnover a year; blank when unknown")
	margin := num(form.Percent, keyBaselineMargin, "Baseline margin %", sc.Impact.BaselineMargin, "the category's retailer margin %")
	ours := form.Number(keyOurSales, "Our sales in it", numberText(sc.Impact.OurSales)).WithHint("our turnover in the category at this account: our share before and after")
	fields := []*form.Field{name, turnover, margin, ours}
	var groups []impactLineFields
	for i, l := range sc.Impact.Lines {
		groups = append(groups, newImpactLineFields(i+1, l, true))
	}
	groups = append(groups, newImpactLineFields(len(groups)+1, model.ImpactLine{}, false))
	for _, g := range groups {
		fields = append(fields, g.fields()...)
	}
	build := func() (model.Scenario, []string, error) {
		v := sc
		v.Name = name.Value()
		v.Impact = model.CategoryImpact{BaselineTurnover: turnover.Decimal(), BaselineMargin: margin.Decimal(), OurSales: ours.Optional()}
		var notes []string
		for i, g := range groups {
			switch {
			case g.product.Value() != "":
				v.Impact.Lines = append(v.Impact.Lines, g.line())
			case g.existing:
				notes = append(notes, fmt.Sprintf("Line %d (%s) is removed on save.", i+1, sc.Impact.Lines[i].Product))
			case !g.blankNumbers():
				return v, nil, fmt.Errorf("line %d needs a product (or clear its numbers)", i+1)
			}
		}
		return v, notes, v.Validate()
	}
	title := "New category impact"
	if sc.ID != 0 {
		title = "Edit category impact: " + sc.Name
	}
	fm := form.New(env.St, form.Ref{Kind: vocab.KindCategory, ID: sc.ID}, title, fields, func(f *form.Form) (tea.Msg, error) {
		v, _, err := build()
		if err != nil {
			return nil, err
		}
		return save(f, fmt.Sprintf("Saved %s: %s", v.Name, v.Impact.Result().Verdict()), act.SaveScenario(env.negID(), v)), nil
	})
	return fm.WithPreview(func(*form.Form) []string {
		v, notes, err := build()
		if err != nil {
			return []string{env.St.Warn.Render("✗ " + err.Error())}
		}
		out := categoryPreview(v.Impact, env.St)
		for _, n := range notes {
			out = append(out, env.St.Warn.Render(n))
		}
		return out
	})
}

// profitForm edits our profitability inputs; its numbers are private.
func profitForm(env Env, sc model.Scenario, name *form.Field) *form.Form {
	p := sc.Profit
	list := num(form.Number, keyListPrice, "List price", p.ListPrice, "per unit, before any discount")
	discount := num(form.Percent, keyDiscount, "Discount %", p.Discount, "on-invoice")
	rebate := num(form.Percent, keyRebate, "Rebate %", p.Rebate, "off-invoice, on what the discount leaves")
	allowance := num(form.Number, keyAllowance, "Allowance per unit", p.AllowancePerUnit, "money per unit")
	serve := num(form.Number, keyCostToServe, "Cost to serve", p.CostToServe, "per unit: logistics, merchandising, …")
	goods := num(form.Number, keyCostOfGoods, "Cost of goods", p.CostOfGoods, "per unit")
	volume := num(form.Number, keyVolume, "Volume", p.Volume, "units a year")
	inputs := []*form.Field{list, discount, rebate, allowance, serve, goods, volume}
	for _, f := range inputs {
		hideUnless(env.privacy().Part(model.PartProfitability), f)
	}
	build := func() (model.Scenario, error) {
		v := sc
		v.Name = name.Value()
		v.Profit = model.Profitability{ListPrice: list.Decimal(), Discount: discount.Decimal(), Rebate: rebate.Decimal(),
			AllowancePerUnit: allowance.Decimal(), CostToServe: serve.Decimal(), CostOfGoods: goods.Decimal(), Volume: volume.Decimal()}
		return v, v.Validate()
	}
	title := "New profitability scenario"
	if sc.ID != 0 {
		title = "Edit profitability: " + sc.Name
	}
	fm := form.New(env.St, form.Ref{Kind: vocab.KindProfit, ID: sc.ID}, title, append([]*form.Field{name}, inputs...), func(f *form.Form) (tea.Msg, error) {
		v, err := build()
		if err != nil {
			return nil, err
		}
		return save(f, "Saved "+v.Name, act.SaveScenario(env.negID(), v)), nil
	})
	return fm.WithPreview(func(*form.Form) []string {
		v, err := build()
		if err != nil {
			return []string{env.St.Warn.Render("✗ " + err.Error())}
		}
		return profitPreview(v.Profit, env.St, env.privacy())
	})
}
