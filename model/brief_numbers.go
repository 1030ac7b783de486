package model

// The brief's numbers beyond the agenda: the category-impact scenarios and
// what the open items cost through the waterfall.

import "fmt"

func (b *briefWriter) scenarios() {
	for _, s := range b.d.Scenarios {
		if !b.p.Scenario(s) {
			continue
		}
		switch s.Kind {
		case CategoryScenario:
			b.categoryImpact(s)
		}
	}
	if b.p.Part(PartConcessionCosts) {
		b.concessionCosts()
	}
}

func (b *briefWriter) categoryImpact(s Scenario) {
	shown := ""
	if s.ForBuyer {
		shown = " (shown to the buyer)"
	}
	b.line("## Category impact: %s%s", s.Name, shown)
	b.line("")
	c := s.Impact
	if ours, estimated, ok := c.OurSellOut(); ok {
		how := "at shelf prices"
		if estimated {
			how = fmt.Sprintf("estimated at shelf prices from our invoice turnover %s", FormatMoney(c.OurSales.Decimal))
		}
		b.line("Baseline category turnover %s at shelf prices, %s%% margin, of which our sales %s (%s).", FormatMoney(c.BaselineTurnover),
			FormatValue(c.BaselineMargin), FormatMoney(ours), how)
	} else {
		b.line("Baseline category turnover %s at %s%% margin.", FormatMoney(c.BaselineTurnover), FormatValue(c.BaselineMargin))
	}
	b.line("")
	var rows [][]string
	for _, l := range c.Lines {
		rows = append(rows, []string{l.Product, FormatValue(l.Units), FormatMoney(l.Price), FormatValue(l.Margin) + "%",
			FormatValue(l.CannibalRate) + "%", FormatValue(l.CannibalMargin) + "%", FormatMoney(l.Allowance)})
	}
	if len(rows) > 0 {
		b.table([]string{"Product", "Units a year", "Shelf price", "Margin", "Cannibalization", "Cannibalized margin", "Allowances"}, rows)
	}
	r := c.Result()
	growth := "n/a (no baseline)"
	if r.GrowthKnown {
		growth = FormatSigned(r.Growth.Round(1), 1) + "%"
	}
	results := [][]string{
		{"Gross new sales", FormatMoney(r.Gross)},
		{"Cannibalized sales", FormatMoney(r.Cannibalized)},
		{"Net category turnover change", FormatSigned(r.NetTurnover, 2)},
		{"Net category profit change", FormatSigned(r.NetProfit, 2)},
		{"Category growth", growth},
	}
	if r.ProfitGrowthKnown {
		results = append(results, []string{"Category profit growth", FormatSigned(r.ProfitGrowth.Round(1), 1) + "%"})
	}
	if r.ShareKnown {
		share := FormatNumber(r.ShareBefore, 1) + "% → " + FormatNumber(r.ShareAfter, 1) + "%"
		if r.ShareEstimated {
			share += " (estimated)"
		}
		results = append(results, []string{"Our share of the category", share})
	}
	b.table([]string{"Result", b.d.Negotiation.Currency}, results)
	b.line("Verdict: %s.", r.Verdict())
	b.line("")
}

func (b *briefWriter) concessionCosts() {
	costs, err := b.r.OpenItemCosts()
	if err != nil {
		b.line("## What the open items cost")
		b.line("")
		b.line("Cannot be priced: %s.", err)
		b.line("")
		return
	}
	if len(costs) == 0 {
		return
	}
	b.line("## What the open items cost")
	b.line("")
	b.line("Changes in the annual contribution of our offer.")
	b.line("")
	var rows [][]string
	for _, c := range costs {
		it := b.d.Items[c.Index]
		rows = append(rows, []string{it.Title, FormatMoney(c.GivenSoFar), FormatMoney(c.ToClose), it.Lever.Kind.Label()})
	}
	if given, toClose, err := b.r.Interaction(costs); err == nil {
		sumGiven, sumClose := given, toClose
		for _, c := range costs {
			sumGiven, sumClose = sumGiven.Add(c.GivenSoFar), sumClose.Add(c.ToClose)
		}
		rows = append(rows, []string{"Interaction (items moving together)", FormatSigned(given, 2), FormatSigned(toClose, 2), ""},
			[]string{"**Whole deal**", FormatMoney(sumGiven), FormatMoney(sumClose), ""})
	}
	b.table([]string{"Item", "Given so far (" + b.d.Negotiation.Currency + ")", "To close at their position", "Lever"}, rows)
}
