package editor

import (
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// GrowthText is a growth percentage, or why there is none.
func GrowthText(g decimal.Decimal, known bool) string {
	if !known {
		return "n/a (no baseline)"
	}
	return model.FormatSigned(g.Round(1), 1) + "%"
}

// categoryPreview is the category results in a few lines, for the form.
func categoryPreview(c model.CategoryImpact, st *ui.Styles) []string {
	r := c.Result()
	b := st.Bold.Render
	return []string{
		"Gross new sales " + b(model.FormatMoney(r.Gross)) + " · cannibalized " + b(model.FormatMoney(r.Cannibalized)),
		"Net category turnover " + b(model.FormatSigned(r.NetTurnover, 2)) + " · growth " + GrowthText(r.Growth, r.GrowthKnown),
		"Net category profit " + b(model.FormatSigned(r.NetProfit, 2)) + " · growth " + GrowthText(r.ProfitGrowth, r.ProfitGrowthKnown),
		"Verdict: " + r.Verdict(),
	}
}

// profitPreview is the pocket price waterfall in a few lines, for the form.
func profitPreview(p model.Profitability, st *ui.Styles, priv model.Privacy) []string {
	if !priv.Part(model.PartProfitability) {
		return []string{st.Dim.Render("Results hidden while privacy is on (p)")}
	}
	r := p.Result()
	b := st.Bold.Render
	margin := "n/a"
	if r.MarginKnown {
		margin = model.FormatNumber(r.PocketMargin, 1) + "%"
	}
	return []string{
		"Invoice price " + b(model.FormatMoney(r.InvoicePrice)) + " · pocket price " + b(model.FormatMoney(r.PocketPrice)),
		"Pocket margin " + b(margin) + " · unit profit " + b(model.FormatMoney(r.UnitProfit)) +
			" · annual profit " + b(model.FormatMoney(r.AnnualProfit)),
	}
}
