package calc

import (
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// scenarioView lays out one scenario's inputs and results for a width.
// With privacy on the pane lists only the scenario the buyer may see (the
// category impact marked ★), so a view never needs to mask a figure.
type scenarioView struct {
	st *ui.Styles
	w  int
}

// category is the buyer's view: the results and the verdict first, then
// the baseline and the proposal lines they come from.
func (v scenarioView) category(sc model.Scenario) []string {
	st, c := v.st, sc.Impact
	title := st.Bold.Render(sc.Name)
	if sc.ForBuyer {
		title += st.Warn.Render(" ★ shown to the buyer")
	}
	lines := []string{ui.Cut(title, v.w), st.Dim.Render(ui.Cut("Category impact: the buyer's view", v.w))}
	r := c.Result()
	lines = append(lines, v.figures([][2]string{
		{"Gross new sales", model.FormatMoney(r.Gross)},
		{"Cannibalized sales", model.FormatMoney(r.Cannibalized)},
		{"Net category turnover change", model.FormatSigned(r.NetTurnover, 2)},
		{"Net category profit change", model.FormatSigned(r.NetProfit, 2)},
		{"Category growth", editor.GrowthText(r.Growth, r.GrowthKnown)},
		{"Category profit growth", editor.GrowthText(r.ProfitGrowth, r.ProfitGrowthKnown)},
		{"Our share of the category", shareText(r)},
	})...)
	verdict := st.Good
	if r.NetTurnover.IsNegative() || r.NetProfit.IsNegative() {
		verdict = st.Bad
	}
	for _, l := range v.wrapText("Verdict: "+r.Verdict()+".", "  ") {
		lines = append(lines, verdict.Render(l))
	}
	lines = append(lines, "")
	lines = append(lines, v.wrap([]string{
		"baseline turnover " + model.FormatMoney(c.BaselineTurnover),
		"margin " + model.FormatValue(c.BaselineMargin) + "%",
	}, "")...)
	switch {
	case len(c.Lines) == 0:
		lines = append(lines, st.Dim.Render(ui.Cut("No product lines yet: l adds one.", v.w)))
	case v.w >= 72:
		lines = append(lines, v.lineTable(c.Lines)...)
	default:
		for _, l := range c.Lines {
			lines = append(lines, ui.Cut(l.Product, v.w))
			lines = append(lines, v.wrapFrom(lineParts(l), "  ", "  ")...)
		}
	}
	return lines
}

// lineParts describe one proposal line in words, for narrow panes.
func lineParts(l model.ImpactLine) []string {
	return []string{
		model.FormatValue(l.Units) + " units × " + model.FormatMoney(l.Price),
		"margin " + model.FormatValue(l.Margin) + "%",
		"cannibalizes " + model.FormatValue(l.CannibalRate) + "% at " + model.FormatValue(l.CannibalMargin) + "% margin",
		"allowances " + model.FormatMoney(l.Allowance),
	}
}

// lineTable is the proposal lines as a table, for wide panes.
func (v scenarioView) lineTable(lines []model.ImpactLine) []string {
	type col struct {
		title string
		width int
		cell  func(l model.ImpactLine) string
	}
	cols := []col{
		{"Units", 10, func(l model.ImpactLine) string { return model.FormatValue(l.Units) }},
		{"Shelf price", 11, func(l model.ImpactLine) string { return model.FormatMoney(l.Price) }},
		{"Margin", 7, func(l model.ImpactLine) string { return model.FormatValue(l.Margin) + "%" }},
		{"Cannib.", 7, func(l model.ImpactLine) string { return model.FormatValue(l.CannibalRate) + "%" }},
		{"at marg.", 8, func(l model.ImpactLine) string { return model.FormatValue(l.CannibalMargin) + "%" }},
		{"Allowances", 11, func(l model.ImpactLine) string { return model.FormatMoney(l.Allowance) }},
	}
	productW := v.w
	for _, c := range cols {
		productW -= c.width + 1
	}
	productW = max(1, productW)
	head := ui.Fit("Product", productW)
	for _, c := range cols {
		head += " " + ui.FitRight(c.title, c.width)
	}
	out := []string{v.st.Dim.Render(ui.Cut(head, v.w))}
	for _, l := range lines {
		row := ui.Fit(l.Product, productW)
		for _, c := range cols {
			row += " " + ui.FitRight(c.cell(l), c.width)
		}
		out = append(out, ui.Cut(row, v.w))
	}
	return out
}

// profitability is our view: the pocket price waterfall and its inputs,
// then what each open concession costs at our current position.
func (v scenarioView) profitability(sc model.Scenario, d *model.Dossier, r *model.Replay) []string {
	st, p := v.st, sc.Profit
	lines := []string{ui.Cut(st.Bold.Render(sc.Name), v.w), st.Dim.Render(ui.Cut("Our profitability: the supplier's view", v.w))}
	money := func(d decimal.Decimal) string { return model.FormatMoney(d) }
	value := func(d decimal.Decimal, suffix string) string { return model.FormatValue(d) + suffix }
	res := p.Result()
	margin := "n/a"
	if res.MarginKnown {
		margin = model.FormatNumber(res.PocketMargin, 1) + "%"
	}
	lines = append(lines, v.figures([][2]string{
		{"Invoice price", money(res.InvoicePrice)},
		{"Pocket price", money(res.PocketPrice)},
		{"Pocket margin", margin},
		{"Unit profit", money(res.UnitProfit)},
		{"Annual profit", money(res.AnnualProfit)},
	})...)
	for _, l := range v.wrap([]string{
		"list price " + money(p.ListPrice),
		"discount " + value(p.Discount, "%"),
		"rebate " + value(p.Rebate, "%"),
		"allowance " + money(p.AllowancePerUnit) + " a unit",
		"cost to serve " + money(p.CostToServe) + " a unit",
		"cost of goods " + money(p.CostOfGoods) + " a unit",
		"volume " + value(p.Volume, "") + " a year",
	}, "") {
		lines = append(lines, st.Dim.Render(l))
	}
	lines = append(lines, "", st.Bold.Render(ui.Cut("What each open concession costs (the deal's waterfall, pane 6)", v.w)))
	costs, err := r.OpenItemCosts()
	if err != nil {
		for _, l := range v.wrapText("Cannot be priced: "+err.Error(), "") {
			lines = append(lines, st.Warn.Render(l))
		}
	} else if len(costs) == 0 {
		for _, l := range v.wrapText("No open item has a lever: set one on the agenda form to price its moves.", "") {
			lines = append(lines, st.Dim.Render(l))
		}
	}
	for _, c := range costs {
		lines = append(lines, ui.Cut(d.Items[c.Index].Title, v.w))
		lines = append(lines, v.wrapFrom([]string{
			"given so far " + money(c.GivenSoFar),
			"to close at theirs " + money(c.ToClose),
			"via " + c.Via,
		}, "  ", "  ")...)
	}
	// Items priced one at a time miss how they move together (DESIGN 5.8):
	// with this line they add up to the whole deal.
	if given, toClose, err := r.Interaction(costs); err == nil && len(costs) > 0 {
		lines = append(lines, ui.Cut("Interaction (items moving together)", v.w))
		lines = append(lines, v.wrapFrom([]string{
			"given so far " + model.FormatSigned(given, 2),
			"to close at theirs " + model.FormatSigned(toClose, 2),
		}, "  ", "  ")...)
	}
	return lines
}

// figures are label … value rows with the values right-aligned together.
func (v scenarioView) figures(rows [][2]string) []string {
	valW := 0
	for _, r := range rows {
		valW = max(valW, ui.TextWidth(r[1]))
	}
	valW = min(valW, v.w)
	labelW := max(0, v.w-valW-1)
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, ui.Cut(v.st.Dim.Render(ui.Fit(r[0], labelW))+" "+v.st.Bold.Render(ui.FitRight(r[1], valW)), v.w))
	}
	return out
}

// wrap packs parts into lines of the view's width, " · " between them;
// lines after the first start with indent.
func (v scenarioView) wrap(parts []string, indent string) []string {
	return v.wrapFrom(parts, "", indent)
}

// wrapFrom is wrap with the first line's own indent.
func (v scenarioView) wrapFrom(parts []string, first, indent string) []string {
	var out []string
	cur := ""
	for _, part := range parts {
		switch {
		case cur == "" && len(out) == 0:
			cur = first + part
		case cur == "":
			cur = indent + part
		case ui.TextWidth(cur)+3+ui.TextWidth(part) <= v.w:
			cur += " · " + part
		default:
			out = append(out, cur)
			cur = indent + part
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	for i := range out {
		out[i] = ui.Cut(out[i], v.w)
	}
	return out
}

// wrapText breaks a sentence into lines of the view's width at spaces.
func (v scenarioView) wrapText(text, indent string) []string { return ui.WrapWords(text, v.w, indent) }

// shareText is our share of the category before and after the proposal, or
// what it needs.
func shareText(r model.CategoryResult) string {
	if !r.ShareKnown {
		return "unknown"
	}
	share := model.FormatNumber(r.ShareBefore, 1) + "% → " + model.FormatNumber(r.ShareAfter, 1) + "%"
	if r.ShareEstimated {
		share += " est." // from our invoice turnover: the brief says so in full
	}
	return share
}
