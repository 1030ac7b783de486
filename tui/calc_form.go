package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// openNewScenario asks which kind of scenario to add, then opens its form.
// Nothing is written until that form is saved.
func (m *Model) openNewScenario() {
	kind := newChoice("Kind", []string{string(model.CategoryScenario), string(model.ProfitScenario)},
		[]string{"category impact (the buyer's view)", "profitability (ours: pocket price, annual profit)"}, string(model.CategoryScenario))
	kind.hint = "←→ or c/p choose · enter go on"
	m.form = newForm("New scenario", []*field{kind}, func(*form) (tea.Cmd, error) {
		m.openScenarioForm(model.Scenario{Kind: model.ScenarioKind(kind.value())}, false)
		return nil, nil
	})
}

// openScenarioForm adds (ID 0) or edits a scenario. Its results are worked
// out as the numbers are typed; newLine puts the cursor on a new product line.
func (m *Model) openScenarioForm(sc model.Scenario, newLine bool) {
	name := newField("Name", textField, sc.Name)
	name.required = true
	name.hint = "e.g. \"6 SKUs at 2.49\" or \"2027 package at target\""
	name.check()
	// Zero shows as blank (blank reads as zero), so that a value can be
	// typed without deleting a 0 first.
	num := func(label string, kind fieldKind, v decimal.Decimal, hint string) *field {
		text := ""
		if !v.IsZero() {
			text = model.FormatValue(v)
		}
		f := newField(label, kind, text)
		f.hint = hint
		return f
	}
	var fm *form
	if sc.Kind == model.CategoryScenario {
		fm = m.categoryForm(sc, name, num)
	} else {
		fm = m.profitForm(sc, name, num)
	}
	if newLine {
		fm.focusField(len(fm.fields) - impactLineFieldCount)
	}
	fm.setPrivate(m.private)
	m.showForm(fm, formRef{string(sc.Kind), sc.ID})
}

// numberInput makes a number field of a scenario form.
type numberInput func(label string, kind fieldKind, v decimal.Decimal, hint string) *field

// impactLineFields are the fields of one proposal line. A line whose product
// is cleared is removed on save; the blank line at the end adds one.
type impactLineFields struct {
	product, units, price, margin, rate, cannibalMargin, allowance *field
	existing                                                       bool
}

func newImpactLineFields(n int, l model.ImpactLine, existing bool, num numberInput) impactLineFields {
	tag := fmt.Sprintf("L%d ", n)
	g := impactLineFields{existing: existing, product: newField(tag+"product", textField, l.Product)}
	g.product.hint = "clear it to remove the line"
	if !existing {
		g.product.hint = "type a product to add a line"
	}
	g.units = num(tag+"units a year", numberField, l.Units, "units sold a year")
	g.price = num(tag+"shelf price", numberField, l.Price, "shelf price per unit")
	g.margin = num(tag+"margin %", percentField, l.Margin, "retailer margin %")
	g.rate = num(tag+"cannibalization %", percentField, l.CannibalRate, "share of its sales taken from other products")
	g.cannibalMargin = num(tag+"cannibalized margin %", percentField, l.CannibalMargin, "retailer margin % on what it takes")
	g.allowance = num(tag+"allowances", numberField, l.Allowance, "supplier-funded, money for the line")
	return g
}

// impactLineFieldCount is how many fields a proposal line has.
const impactLineFieldCount = 7

func (g impactLineFields) fields() []*field {
	return []*field{g.product, g.units, g.price, g.margin, g.rate, g.cannibalMargin, g.allowance}
}

// blank reports whether nothing but (maybe) the product is filled in.
func (g impactLineFields) blankNumbers() bool {
	for _, f := range g.fields()[1:] {
		if f.value() != "" {
			return false
		}
	}
	return true
}

func (g impactLineFields) line() model.ImpactLine {
	return model.ImpactLine{Product: g.product.value(), Units: g.units.decimal(), Price: g.price.decimal(),
		Margin: g.margin.decimal(), CannibalRate: g.rate.decimal(), CannibalMargin: g.cannibalMargin.decimal(),
		Allowance: g.allowance.decimal()}
}

// categoryForm edits the baseline and every proposal line in one form, with
// a blank line at the end to add one.
func (m *Model) categoryForm(sc model.Scenario, name *field, num numberInput) *form {
	turnover := num("Baseline turnover", numberField, sc.Impact.BaselineTurnover, "the category's turnover a year; blank when unknown")
	margin := num("Baseline margin %", percentField, sc.Impact.BaselineMargin, "the category's retailer margin %")
	fields := []*field{name, turnover, margin}
	var groups []impactLineFields
	for i, l := range sc.Impact.Lines {
		groups = append(groups, newImpactLineFields(i+1, l, true, num))
	}
	groups = append(groups, newImpactLineFields(len(groups)+1, model.ImpactLine{}, false, num))
	for _, g := range groups {
		fields = append(fields, g.fields()...)
	}
	build := func() (model.Scenario, []string, error) {
		v := sc
		v.Name = name.value()
		v.Impact = model.CategoryImpact{BaselineTurnover: turnover.decimal(), BaselineMargin: margin.decimal()}
		var notes []string
		for i, g := range groups {
			switch {
			case g.product.value() != "":
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
	fm := newForm(title, fields, func(f *form) (tea.Cmd, error) {
		v, _, err := build()
		if err != nil {
			return nil, err
		}
		return m.saveScenarioCmd(f.id, v, fmt.Sprintf("Saved %s: %s", v.Name, v.Impact.Result().Verdict())), nil
	})
	fm.preview = func(*form) []string {
		v, notes, err := build()
		if err != nil {
			return []string{m.st.Warn.Render("✗ " + err.Error())}
		}
		out := categoryPreview(v.Impact, m.st)
		for _, n := range notes {
			out = append(out, m.st.Warn.Render(n))
		}
		return out
	}
	return fm
}

// profitForm edits our profitability inputs; its numbers are private.
func (m *Model) profitForm(sc model.Scenario, name *field, num numberInput) *form {
	p := sc.Profit
	list := num("List price", numberField, p.ListPrice, "per unit, before any discount")
	discount := num("Discount %", percentField, p.Discount, "on-invoice")
	rebate := num("Rebate %", percentField, p.Rebate, "off-invoice, on what the discount leaves")
	allowance := num("Allowance per unit", numberField, p.AllowancePerUnit, "money per unit")
	serve := num("Cost to serve", numberField, p.CostToServe, "per unit: logistics, merchandising, …")
	goods := num("Cost of goods", numberField, p.CostOfGoods, "per unit")
	volume := num("Volume", numberField, p.Volume, "units a year")
	inputs := []*field{list, discount, rebate, allowance, serve, goods, volume}
	for _, f := range inputs {
		f.private = true
	}
	build := func() (model.Scenario, error) {
		v := sc
		v.Name = name.value()
		v.Profit = model.Profitability{ListPrice: list.decimal(), Discount: discount.decimal(), Rebate: rebate.decimal(),
			AllowancePerUnit: allowance.decimal(), CostToServe: serve.decimal(), CostOfGoods: goods.decimal(), Volume: volume.decimal()}
		return v, v.Validate()
	}
	title := "New profitability scenario"
	if sc.ID != 0 {
		title = "Edit profitability: " + sc.Name
	}
	fm := newForm(title, append([]*field{name}, inputs...), func(f *form) (tea.Cmd, error) {
		v, err := build()
		if err != nil {
			return nil, err
		}
		return m.saveScenarioCmd(f.id, v, "Saved "+v.Name), nil
	})
	fm.preview = func(*form) []string {
		v, err := build()
		if err != nil {
			return []string{m.st.Warn.Render("✗ " + err.Error())}
		}
		return profitPreview(v.Profit, m.st, m.private)
	}
	return fm
}
