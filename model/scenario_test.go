package model

import (
	"testing"
)

// designLine is the worked example of DESIGN section 5.
var designLine = ImpactLine{Product: "Crunch Oat", Units: dec("1000"), Price: dec("70.00"),
	Margin: dec("30"), CannibalRate: dec("40"), CannibalMargin: dec("25")}

func TestCategoryImpactDesignExample(t *testing.T) {
	r := CategoryImpact{BaselineTurnover: dec("1000000"), BaselineMargin: dec("28"), Lines: []ImpactLine{designLine}}.Result()
	// gross 1,000 × 70 = 70,000; cannibalized 70,000 × 40 % = 28,000;
	// net turnover 70,000 − 28,000 = 42,000;
	// net profit 70,000 × 30 % − 28,000 × 25 % = 21,000 − 7,000 = 14,000.
	assertDec(t, "gross", r.Gross, "70000")
	assertDec(t, "cannibalized", r.Cannibalized, "28000")
	assertDec(t, "net turnover", r.NetTurnover, "42000")
	assertDec(t, "net profit", r.NetProfit, "14000")
	// growth 42,000 / 1,000,000 = 4.2 %; profit growth 14,000 / 280,000 = 5 %.
	if !r.GrowthKnown || !r.ProfitGrowthKnown {
		t.Fatalf("growth known %v, profit growth known %v", r.GrowthKnown, r.ProfitGrowthKnown)
	}
	assertDec(t, "growth", r.Growth, "4.2")
	assertDec(t, "profit growth", r.ProfitGrowth, "5")
	if v := r.Verdict(); v != "net increase in category turnover, net increase in category profit" {
		t.Errorf("verdict %q", v)
	}
}

func TestCategoryImpactSeveralLines(t *testing.T) {
	second := ImpactLine{Product: "Crunch Oat Thins", Units: dec("500"), Price: dec("2.50"),
		Margin: dec("20"), CannibalRate: dec("50"), CannibalMargin: dec("30"), Allowance: dec("100")}
	r := CategoryImpact{BaselineTurnover: dec("100000"), BaselineMargin: dec("25"), Lines: []ImpactLine{designLine, second}}.Result()
	// second: sales 500 × 2.50 = 1,250; cannibalized 625; profit 250 − 187.50 + 100 = 162.50.
	// gross 71,250; cannibalized 28,625; net turnover 42,625; net profit 14,162.50.
	assertDec(t, "gross", r.Gross, "71250")
	assertDec(t, "cannibalized", r.Cannibalized, "28625")
	assertDec(t, "net turnover", r.NetTurnover, "42625")
	assertDec(t, "net profit", r.NetProfit, "14162.50")
	// growth 42,625 / 100,000 = 42.625 %; profit growth 14,162.50 / 25,000 = 56.65 %.
	assertDec(t, "growth", r.Growth, "42.625")
	assertDec(t, "profit growth", r.ProfitGrowth, "56.65")
}

func TestCategoryImpactZeroBaseline(t *testing.T) {
	r := CategoryImpact{Lines: []ImpactLine{designLine}}.Result()
	if r.GrowthKnown || r.ProfitGrowthKnown {
		t.Errorf("growth known without a baseline: %+v", r)
	}
	assertDec(t, "net turnover", r.NetTurnover, "42000")

	// A baseline turnover without a margin: growth known, profit growth not.
	r = CategoryImpact{BaselineTurnover: dec("84000"), Lines: []ImpactLine{designLine}}.Result()
	if !r.GrowthKnown || r.ProfitGrowthKnown {
		t.Errorf("known %v/%v, want true/false", r.GrowthKnown, r.ProfitGrowthKnown)
	}
	assertDec(t, "growth", r.Growth, "50") // 42,000 / 84,000
}

func TestCategoryImpactNegativeVerdict(t *testing.T) {
	// A line that mostly cannibalizes better-margin products:
	// sales 1,000 × 10 = 10,000, margin 20 % = 2,000; cannibalized 90 % = 9,000 at 40 % = 3,600.
	// net turnover +1,000; net profit 2,000 − 3,600 = −1,600.
	eater := ImpactLine{Product: "Me-too", Units: dec("1000"), Price: dec("10"), Margin: dec("20"), CannibalRate: dec("90"), CannibalMargin: dec("40")}
	r := CategoryImpact{BaselineTurnover: dec("100000"), BaselineMargin: dec("30"), Lines: []ImpactLine{eater}}.Result()
	assertDec(t, "net turnover", r.NetTurnover, "1000")
	assertDec(t, "net profit", r.NetProfit, "-1600")
	if v := r.Verdict(); v != "net increase in category turnover, net decrease in category profit" {
		t.Errorf("verdict %q", v)
	}
	// An allowance of 1,600 brings the profit change to zero exactly.
	eater.Allowance = dec("1600")
	r = CategoryImpact{Lines: []ImpactLine{eater}}.Result()
	if v := r.Verdict(); v != "net increase in category turnover, no change in category profit" {
		t.Errorf("verdict %q", v)
	}
	// Full cannibalization: no turnover gained.
	full := ImpactLine{Product: "Swap", Units: dec("10"), Price: dec("5"), Margin: dec("30"), CannibalRate: dec("100"), CannibalMargin: dec("40")}
	r = CategoryImpact{Lines: []ImpactLine{full}}.Result()
	if v := r.Verdict(); v != "no change in category turnover, net decrease in category profit" {
		t.Errorf("verdict %q", v)
	}
}

func TestProfitability(t *testing.T) {
	tests := []struct {
		name                                   string
		p                                      Profitability
		invoice, pocket, unit, annual, revenue string
		margin                                 string // "" when unknown
	}{
		{
			// Stacked: 100 × 0.9 × 0.9 = 81, not 100 × (1 − 0.2) = 80.
			name:    "stacked discounts multiply",
			p:       Profitability{ListPrice: dec("100"), Discount: dec("10"), Rebate: dec("10"), Volume: dec("1")},
			invoice: "90", pocket: "81", unit: "81", annual: "81", revenue: "81", margin: "100",
		},
		{
			// pocket 81 − 1 − 2 = 78; unit profit 78 − 50 = 28; margin 28/78 = 35.897…%;
			// annual 28 × 1,000 = 28,000; revenue 78,000.
			name: "pocket margin and annual profit",
			p: Profitability{ListPrice: dec("100"), Discount: dec("10"), Rebate: dec("10"),
				AllowancePerUnit: dec("1"), CostToServe: dec("2"), CostOfGoods: dec("50"), Volume: dec("1000")},
			invoice: "90", pocket: "78", unit: "28", annual: "28000", revenue: "78000", margin: "35.897",
		},
		{
			// The demo package: 24.20 × 0.96 = 23.232; × 0.98 = 22.76736; − 0.70 − 1.35 = 20.71736;
			// unit 20.71736 − 15.60 = 5.11736; annual × 185,000 = 946,711.60.
			name: "demo package at target",
			p: Profitability{ListPrice: dec("24.20"), Discount: dec("4"), Rebate: dec("2"), AllowancePerUnit: dec("0.70"),
				CostToServe: dec("1.35"), CostOfGoods: dec("15.60"), Volume: dec("185000")},
			invoice: "23.232", pocket: "20.71736", unit: "5.11736", annual: "946711.6", revenue: "3832711.6", margin: "24.701",
		},
		{
			// pocket 10 − 12 = −2: margin unknown; annual (−2 − 5) × 100 = −700.
			name:    "pocket price below zero",
			p:       Profitability{ListPrice: dec("10"), CostToServe: dec("12"), CostOfGoods: dec("5"), Volume: dec("100")},
			invoice: "10", pocket: "-2", unit: "-7", annual: "-700", revenue: "-200",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.p.Result()
			assertDec(t, "invoice", r.InvoicePrice, tt.invoice)
			assertDec(t, "pocket", r.PocketPrice, tt.pocket)
			assertDec(t, "unit profit", r.UnitProfit, tt.unit)
			assertDec(t, "annual profit", r.AnnualProfit, tt.annual)
			assertDec(t, "revenue", r.Revenue, tt.revenue)
			if tt.margin == "" {
				if r.MarginKnown {
					t.Errorf("margin known: %s", r.PocketMargin)
				}
				return
			}
			if !r.MarginKnown {
				t.Fatal("margin unknown")
			}
			assertDec(t, "pocket margin (3 places)", r.PocketMargin.Round(3), tt.margin)
		})
	}
}

func TestScenarioFieldAndWithField(t *testing.T) {
	profit := Scenario{ID: 1, Name: "Package", Kind: ProfitScenario, Profit: Profitability{
		ListPrice: dec("100"), Discount: dec("10"), Rebate: dec("10"), AllowancePerUnit: dec("1"),
		CostToServe: dec("2"), CostOfGoods: dec("50"), Volume: dec("1000")}}
	for name, want := range map[string]string{
		"list_price": "100", "discount": "10", "rebate": "10", "allowance": "1",
		"cost_to_serve": "2", "cost_of_goods": "50", "volume": "1000",
	} {
		got, ok := profit.Field(name)
		if !ok {
			t.Errorf("Field(%q) unknown", name)
			continue
		}
		assertDec(t, name, got, want)
	}
	if _, ok := profit.Field("baseline_turnover"); ok {
		t.Error("a profitability scenario has a baseline turnover")
	}

	// Rebate 10 → 20: pocket 90 × 0.8 − 3 = 69; annual (69 − 50) × 1,000 = 19,000.
	changed, ok := profit.WithField("rebate", dec("20"))
	if !ok {
		t.Fatal("WithField(rebate) refused")
	}
	assertDec(t, "annual at rebate 20", changed.Profit.Result().AnnualProfit, "19000")
	assertDec(t, "original rebate", profit.Profit.Rebate, "10")
	if _, ok := profit.WithField("nonsense", dec("1")); ok {
		t.Error("WithField accepted an unknown field")
	}

	category := Scenario{ID: 2, Name: "Listing", Kind: CategoryScenario, Impact: CategoryImpact{
		BaselineTurnover: dec("1000000"), BaselineMargin: dec("28"), Lines: []ImpactLine{designLine}}}
	if v, ok := category.Field("baseline_margin"); !ok || !v.Equal(dec("28")) {
		t.Errorf("Field(baseline_margin) = %s, %v", v, ok)
	}
	if _, ok := category.Field("rebate"); ok {
		t.Error("a category scenario has a rebate")
	}
	changedCat, ok := category.WithField("baseline_turnover", dec("2000000"))
	if !ok {
		t.Fatal("WithField(baseline_turnover) refused")
	}
	assertDec(t, "growth at 2m", changedCat.Impact.Result().Growth, "2.1") // 42,000 / 2,000,000
	// The copy does not share its lines with the original.
	changedCat.Impact.Lines[0].Units = dec("1")
	assertDec(t, "original units", category.Impact.Lines[0].Units, "1000")

	for _, kind := range []ScenarioKind{CategoryScenario, ProfitScenario} {
		for _, f := range ScenarioFields(kind) {
			if f.Name == "" || f.Label == "" {
				t.Errorf("%s: field %+v lacks a name or label", kind, f)
			}
		}
	}
}

// Our share of the category: DESIGN 5.1's example line in a category of
// 200,000 of which we sell 50,000 (25 %); the proposal adds 70,000 of ours
// and, after cannibalization, 42,000 to the category: 120,000 / 242,000.
func TestCategoryShare(t *testing.T) {
	c := CategoryImpact{BaselineTurnover: dec("200000"), BaselineMargin: dec("30"), OurSales: opt("50000"), OurSalesAtShelf: true,
		Lines: []ImpactLine{{Product: "New", Units: dec("1000"), Price: dec("70"), Margin: dec("30"), CannibalRate: dec("40"), CannibalMargin: dec("25")}}}
	r := c.Result()
	if !r.ShareKnown || r.ShareEstimated {
		t.Fatalf("share known %v estimated %v", r.ShareKnown, r.ShareEstimated)
	}
	assertDec(t, "share before", r.ShareBefore, "25")
	assertDec(t, "share after", r.ShareAfter.Round(4), "49.5868") // 120,000 / 242,000
	// On one base (DESIGN 5.8): 35,000 of invoice turnover at a 30 %
	// retailer margin is 35,000 / 0.70 = 50,000 at shelf prices, the same
	// share, marked estimated. Compared as it was (issue 19), invoice
	// against shelf, it would read 17.5 %.
	c.OurSales, c.OurSalesAtShelf = opt("35000"), false
	r = c.Result()
	if !r.ShareEstimated {
		t.Error("a share from invoice turnover is not marked estimated")
	}
	assertDec(t, "estimated share before", r.ShareBefore, "25")
	assertDec(t, "estimated share after", r.ShareAfter.Round(4), "49.5868")
	c.OurSales = none
	if c.Result().ShareKnown {
		t.Error("share known without our sales")
	}
	c.OurSales = opt("250000")
	assertErr(t, c.Validate(), "should be between 0 and the baseline turnover")
}
