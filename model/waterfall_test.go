package model

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// leverItem is a numeric item with a lever; its opening is the value given.
func leverItem(id uint64, title string, better Direction, lever Lever, opening string) AgendaItem {
	return AgendaItem{ID: id, Topic: TopicPrice, Title: title, Better: better, OurOpening: opt(opening),
		Status: ItemOpen, Lever: lever}
}

// workedExample is DESIGN 5.2's example: list 24.20; on-invoice 4 %; rebate
// 2 % of invoice; allowance 0.70; listing fee 37,000 a year; 60 days at 8 %;
// volume 185,000; cost of goods 15.60; cost to serve 1.35.
func workedExample() (DealBasis, []AgendaItem, Values) {
	basis := DealBasis{CostOfGoods: opt("15.60"), CostToServe: opt("1.35"), CostOfCapital: opt("8")}
	items := []AgendaItem{
		leverItem(1, "List price", Up, Lever{Kind: LeverListPrice}, "24.20"),
		leverItem(2, "On-invoice discount", Down, Lever{Kind: LeverDiscount}, "4"),
		leverItem(3, "Rebate", Down, Lever{Kind: LeverRebate}, "2"),
		leverItem(4, "Promotional allowance", Down, Lever{Kind: LeverAllowance}, "0.70"),
		leverItem(5, "Listing fee", Down, Lever{Kind: LeverLumpSum}, "37000"),
		leverItem(6, "Payment terms", Down, Lever{Kind: LeverPaymentDays}, "60"),
		leverItem(7, "Volume", Up, Lever{Kind: LeverVolume}, "185000"),
	}
	values := Values{1: dec("24.20"), 2: dec("4"), 3: dec("2"), 4: dec("0.70"), 5: dec("37000"), 6: dec("60"), 7: dec("185000")}
	return basis, items, values
}

// assertRounded compares a figure rounded to the places of want.
func assertRounded(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	w := dec(want)
	if r := got.Round(-w.Exponent()); !r.Equal(w) {
		t.Errorf("%s = %s (rounded %s), want %s", what, got, r, want)
	}
}

// The figures below were worked out by hand from DESIGN 5.2:
// invoice 24.20 × 0.96 = 23.232; rebate 2 % of it = 0.46464; fee 37,000 /
// 185,000 = 0.20; net-net 23.232 − 0.46464 − 0.70 − 0.20 = 21.86736; payment
// 23.232 × 0.08 × 60 / 365 = 0.3055167; pocket 21.5618433; margin −15.60
// −1.35 = 4.6118433 (21.4 % of pocket); × 185,000 = 853,191.01.
func TestWaterfallWorkedExample(t *testing.T) {
	basis, items, values := workedExample()
	w, err := ComputeWaterfall(basis, items, values)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what string
		got  decimal.Decimal
		want string
	}{
		{"invoice", w.Invoice, "23.232"},
		{"rebates", w.Rebates, "0.46464"},
		{"allowances", w.Allowances, "0.70"},
		{"lump sums", w.LumpSums, "0.20"},
		{"net-net", w.NetNet, "21.86736"},
		{"payment cost", w.PaymentCost, "0.3055167"},
		{"pocket price", w.Pocket, "21.5618433"},
		{"pocket margin", w.Margin, "4.6118433"},
		{"annual contribution", w.Contribution, "853191.01"},
		{"turnover", w.Turnover, "4297920"},
	} {
		assertRounded(t, c.what, c.got, c.want)
	}
	share, ok := w.MarginShare()
	if !ok {
		t.Fatal("margin share unknown")
	}
	assertRounded(t, "margin share", share, "21.4")
}

// Price 24.20 → 23.90: invoice −0.288 a unit, rebate −0.00576, payment cost
// −0.0037874, so the margin falls 0.2784526 a unit: 51,513.73 a year.
func TestWaterfallPriceMoveCosts(t *testing.T) {
	basis, items, values := workedExample()
	before, err := ComputeWaterfall(basis, items, values)
	if err != nil {
		t.Fatal(err)
	}
	values[1] = dec("23.90")
	after, err := ComputeWaterfall(basis, items, values)
	if err != nil {
		t.Fatal(err)
	}
	assertRounded(t, "cost of 24.20 → 23.90", before.Contribution.Sub(after.Contribution), "51513.73")
}

// Growth rebate 3 % with last year's turnover 4,000,000: turnover 23.232 ×
// 185,000 = 4,297,920; rebate 3 % of the 297,920 growth = 8,937.60 a year.
func TestWaterfallGrowthRebate(t *testing.T) {
	basis, items, values := workedExample()
	basis.LastYearTurnover = opt("4000000")
	items[2].Lever.Base = BaseGrowth
	values[3] = dec("3")
	w, err := ComputeWaterfall(basis, items, values)
	if err != nil {
		t.Fatal(err)
	}
	assertRounded(t, "turnover", w.Turnover, "4297920")
	assertRounded(t, "growth rebate a year", w.Rebates.Mul(w.Volume), "8937.60")
}

// Each lever alone on a plain package: list 10, 1,000 units, cost of goods 6,
// cost to serve 1, so 3,000 a year before the lever.
func TestWaterfallEachLever(t *testing.T) {
	base := func() (DealBasis, []AgendaItem) {
		return DealBasis{Volume: opt("1000"), CostOfGoods: opt("6"), CostToServe: opt("1"), CostOfCapital: opt("10"),
				LastYearTurnover: opt("8000")},
			[]AgendaItem{leverItem(1, "List price", Up, Lever{Kind: LeverListPrice}, "10")}
	}
	tests := []struct {
		name         string
		item         AgendaItem
		value        string
		contribution string
	}{
		{"no lever: score only", leverItem(2, "Review", Up, Lever{}, "1"), "5", "3000"},
		{"discount 10 %: invoice 9", leverItem(2, "Discount", Down, Lever{Kind: LeverDiscount}, "5"), "10", "2000"},
		{"rebate 5 % of 10", leverItem(2, "Rebate", Down, Lever{Kind: LeverRebate}, "1"), "5", "2500"},
		{"growth rebate 10 % of 10,000 − 8,000", leverItem(2, "Growth rebate", Down, Lever{Kind: LeverRebate, Base: BaseGrowth}, "1"), "10", "2800"},
		{"allowance 0.25 a unit", leverItem(2, "Allowance", Down, Lever{Kind: LeverAllowance}, "0"), "0.25", "2750"},
		{"lump sum 500 a year", leverItem(2, "Listing fee", Down, Lever{Kind: LeverLumpSum}, "0"), "500", "2500"},
		{"73 days at 10 %: 10 × 0.1 × 73/365 = 0.2", leverItem(2, "Payment", Down, Lever{Kind: LeverPaymentDays}, "30"), "73", "2800"},
		{"volume 2,000 replaces the basis", leverItem(2, "Volume", Up, Lever{Kind: LeverVolume}, "2000"), "2000", "6000"},
		{"service level 99 past a threshold of 97 at 300 a point", leverItem(2, "Service level", Down,
			Lever{Kind: LeverThreshold, Threshold: opt("97"), PerPoint: opt("300")}, "95"), "99", "2400"},
		{"service level 96 inside the threshold costs nothing", leverItem(2, "Service level", Down,
			Lever{Kind: LeverThreshold, Threshold: opt("97"), PerPoint: opt("300")}, "95"), "96", "3000"},
		{"contract 12 months short of 24 at 10 a month", leverItem(2, "Contract", Up,
			Lever{Kind: LeverThreshold, Threshold: opt("24"), PerPoint: opt("10")}, "36"), "12", "2880"},
		{"money per unit: 15 days past last year's 30 at 20", withLastYear(leverItem(2, "Days", Down,
			Lever{Kind: LeverMoneyPerUnit, Amount: opt("20")}, "20"), "30"), "45", "2700"},
		{"money per unit: 5 days better than last year gains", withLastYear(leverItem(2, "Days", Down,
			Lever{Kind: LeverMoneyPerUnit, Amount: opt("20")}, "20"), "30"), "25", "3100"},
		{"money per unit counts from our opening without last year", leverItem(2, "SKUs", Up,
			Lever{Kind: LeverMoneyPerUnit, Amount: opt("100")}, "8"), "6", "2800"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			basis, items := base()
			items = append(items, tt.item)
			w, err := ComputeWaterfall(basis, items, Values{1: dec("10"), 2: dec(tt.value)})
			if err != nil {
				t.Fatal(err)
			}
			assertRounded(t, "contribution", w.Contribution, tt.contribution)
		})
	}
}

func withLastYear(it AgendaItem, v string) AgendaItem {
	it.LastYear = opt(v)
	return it
}

// A figure that cannot be computed says why, and names the field when one is missing.
func TestWaterfallBadInput(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*DealBasis, []AgendaItem, Values) []AgendaItem
		field string // "" when the error is not about one field
		want  string
	}{
		{"threshold lever without its threshold", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			v[8] = dec("99")
			return append(items, leverItem(8, "Service level", Down, Lever{Kind: LeverThreshold, PerPoint: opt("1")}, "95"))
		}, FieldThreshold, "needs the threshold"},
		{"threshold lever without its cost per point", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			v[8] = dec("99")
			return append(items, leverItem(8, "Service level", Down, Lever{Kind: LeverThreshold, Threshold: opt("97")}, "95"))
		}, FieldPerPoint, "cost per point"},
		{"money per unit without its amount", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			v[8] = dec("3")
			return append(items, leverItem(8, "SKUs", Up, Lever{Kind: LeverMoneyPerUnit}, "8"))
		}, FieldAmount, "amount a year"},
		{"volume zero", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			v[7] = decimal.Zero
			return items
		}, FieldVolume, "the volume is 0"},
		{"no volume anywhere", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			return items[:6]
		}, FieldVolume, "no item has the volume lever"},
		{"growth rebate without last year's turnover", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			items[2].Lever.Base = BaseGrowth
			return items
		}, FieldLastYearTurnover, "Rebate is paid on growth"},
		{"payment days without the cost of capital", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			b.CostOfCapital = none
			return items
		}, FieldCostOfCapital, "Payment terms costs money only with the cost of capital"},
		{"no cost of goods", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			b.CostOfGoods = none
			return items
		}, FieldCostOfGoods, "cost of goods"},
		{"no list price", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			return items[1:]
		}, FieldLever, "no item or standing term has the list price lever"},
		{"a value missing from the package", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			delete(v, 4)
			return items
		}, "", "Promotional allowance: the package has no value for it"},
		{"two list prices", func(b *DealBasis, items []AgendaItem, v Values) []AgendaItem {
			v[8] = dec("3")
			return append(items, leverItem(8, "Second price", Up, Lever{Kind: LeverListPrice}, "3"))
		}, "", "two items have the list price lever"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			basis, items, values := workedExample()
			items = tt.edit(&basis, items, values)
			w, err := ComputeWaterfall(basis, items, values)
			if err == nil {
				t.Fatalf("no error; contribution %s", w.Contribution)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			var fe *FieldError
			switch {
			case tt.field != "" && !errors.As(err, &fe):
				t.Errorf("error %q names no field, want %q", err, tt.field)
			case tt.field != "" && fe.Field != tt.field:
				t.Errorf("error names field %q, want %q", fe.Field, tt.field)
			}
			if !w.Contribution.IsZero() {
				t.Errorf("a failed waterfall returned a contribution %s", w.Contribution)
			}
		})
	}
}

func TestLeverValidateAndHint(t *testing.T) {
	assertErr(t, Lever{Kind: "bonus"}.Validate(), `"bonus" is not a lever`)
	assertErr(t, Lever{Kind: LeverAllowance, Base: BaseGrowth}.Validate(), "only a rebate has a base")
	assertErr(t, DealBasis{CostOfCapital: opt("120")}.Validate(), "cost of capital: 120% a year")
	assertErr(t, DealBasis{Floor: opt("-1")}.Validate(), "deal floor: -1 cannot be negative")
	assertErr(t, DealBasis{Standing: []StandingTerm{{Lever: Lever{Kind: LeverVolume}}}}.Validate(), `cannot be "volume"`)
	it := leverItem(1, "Rebate", Up, Lever{Kind: LeverRebate}, "2")
	if h := it.LeverHint(); !strings.Contains(h, "did you mean lower?") {
		t.Errorf("hint %q", h)
	}
	it.Better = Down
	if h := it.LeverHint(); h != "" {
		t.Errorf("hint %q for a rebate that is better down", h)
	}
}
