package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The numbers a controller signs (DESIGN 5.8), each worked by hand in the
// comments. The plain package: list 10, 1,000 units, cost of goods 6, cost
// to serve 1, cost of capital 10 %: 3,000 a year before the lever tested.

func plainBasis() DealBasis {
	return DealBasis{Volume: opt("1000"), CostOfGoods: opt("6"), CostToServe: opt("1"), CostOfCapital: opt("10")}
}

func plainPrice() AgendaItem {
	return leverItem(1, "List price", Up, Lever{Kind: LeverListPrice}, "10")
}

func TestRebatesAsWritten(t *testing.T) {
	tiers := []Tier{{Over: dec("5"), Rate: dec("2")}, {Over: dec("20"), Rate: dec("3")}}
	tests := []struct {
		name         string
		lever        Lever
		rate         string
		volume       string // the basis's volume; turnover = 10 × volume
		lyTurnover   string
		lyVolume     string
		contribution string
	}{
		// Invoice: 2 % of 10,000 = 200.
		{"invoice", Lever{Kind: LeverRebate}, "2", "1000", "8000", "", "2800"},
		// Growth: 10 % of 10,000 − 8,000 = 200.
		{"growth in turnover", Lever{Kind: LeverRebate, Base: BaseGrowth}, "10", "1000", "8000", "", "2800"},
		// Retro 2 %, threshold 5 %: 10,000 / 8,000 = +25 % ≥ 5: 2 % of all 10,000 = 200.
		{"retro above its threshold", Lever{Kind: LeverRebate, Base: BaseRetro, Threshold: opt("5")}, "2", "1000", "8000", "", "2800"},
		// 10,000 / 9,800 = +2.04 % < 5: nothing.
		{"retro below its threshold", Lever{Kind: LeverRebate, Base: BaseRetro, Threshold: opt("5")}, "2", "1000", "9800", "", "3000"},
		// Threshold 4: 10,000 / 9,600 = +4.17 % ≥ 4: 200.
		{"retro just over its threshold", Lever{Kind: LeverRebate, Base: BaseRetro, Threshold: opt("4")}, "2", "1000", "9600", "", "2800"},
		// Turnover not above last year's: nothing, even with no threshold.
		{"retro without growth", Lever{Kind: LeverRebate, Base: BaseRetro}, "2", "1000", "10000", "", "3000"},
		// Tiers {5 → 2, 20 → 3} on a retro at 1 %: +25 % → 3 % of 10,000 = 300.
		{"retro tiers, top tier", Lever{Kind: LeverRebate, Base: BaseRetro, Tiers: tiers}, "1", "1000", "8000", "", "2700"},
		// +11.1 % (9,000): the 5 % tier, 2 % = 200.
		{"retro tiers, first tier", Lever{Kind: LeverRebate, Base: BaseRetro, Tiers: tiers}, "1", "1000", "9000", "", "2800"},
		// +2.04 % (9,800): below every tier, the item's 1 % = 100.
		{"retro tiers, below the tiers", Lever{Kind: LeverRebate, Base: BaseRetro, Tiers: tiers}, "1", "1000", "9800", "", "2900"},
		// Growth with tiers {20 → 15}: +25 %: 15 % of 2,000 = 300.
		{"growth tiers", Lever{Kind: LeverRebate, Base: BaseGrowth, Tiers: []Tier{{Over: dec("20"), Rate: dec("15")}}}, "10", "1000", "8000", "", "2700"},
		// Our price rise (last year 1,000 units for 8,000): in turnover the
		// growth is 2,000, 10 % = 200; in volume 1,000 − 1,000 = 0: nothing.
		{"growth in volume: a price rise earns nothing", Lever{Kind: LeverRebate, Base: BaseGrowth, InVolume: true}, "10", "1000", "8000", "1000", "3000"},
		// 1,100 units (3,300 before the rebate): volume growth 100 × 10 = 1,000,
		// 10 % = 100; in turnover 11,000 − 8,000 = 3,000, 10 % = 300.
		{"growth in volume", Lever{Kind: LeverRebate, Base: BaseGrowth, InVolume: true}, "10", "1100", "8000", "1000", "3200"},
		{"growth in turnover, more volume", Lever{Kind: LeverRebate, Base: BaseGrowth}, "10", "1100", "8000", "1000", "3000"},
		// Retro in volume, threshold 5 %: +10 % ≥ 5: 2 % of 11,000 = 220.
		{"retro in volume", Lever{Kind: LeverRebate, Base: BaseRetro, InVolume: true, Threshold: opt("5")}, "2", "1100", "8000", "1000", "3080"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			basis := plainBasis()
			basis.Volume = opt(tt.volume)
			basis.LastYearTurnover = opt(tt.lyTurnover)
			if tt.lyVolume != "" {
				basis.LastYearVolume = opt(tt.lyVolume)
			}
			items := []AgendaItem{plainPrice(), leverItem(2, "Rebate", Down, tt.lever, "0")}
			if err := items[1].Validate(); err != nil {
				t.Fatal(err)
			}
			w, err := ComputeWaterfall(basis, items, Values{1: dec("10"), 2: dec(tt.rate)})
			if err != nil {
				t.Fatal(err)
			}
			assertRounded(t, "contribution", w.Contribution, tt.contribution)
		})
	}
}

// Cash discount 2 % within 10 days, payment terms 60 days at 10 %:
// without it 10 × 10 % × 60/365 × 1,000 = 164.38356: 2,835.61644. With it:
// 2 % of 10,000 = 200, and the payment cost falls to 10 days,
// 10 × 10 % × 10/365 × 1,000 = 27.39726: 3,000 − 227.39726 = 2,772.60274.
func TestCashDiscount(t *testing.T) {
	items := []AgendaItem{plainPrice(), leverItem(2, "Payment terms", Down, Lever{Kind: LeverPaymentDays}, "60"),
		leverItem(3, "Cash discount", Down, Lever{Kind: LeverCashDiscount, Days: opt("10")}, "0")}
	for _, tc := range []struct{ cash, want string }{{"0", "2835.61644"}, {"2", "2772.60274"}} {
		w, err := ComputeWaterfall(plainBasis(), items, Values{1: dec("10"), 2: dec("60"), 3: dec(tc.cash)})
		if err != nil {
			t.Fatal(err)
		}
		assertRounded(t, "contribution with cash discount "+tc.cash, w.Contribution, tc.want)
	}
	assertErr(t, Lever{Kind: LeverCashDiscount}.Validate(), "needs the days")
}

// Values out of range are refused where they are typed, captured or
// imported (issue 19: a 150 % discount, a negative price, −10 days).
func TestLeverRanges(t *testing.T) {
	tests := []struct {
		lever Lever
		value string
		want  string // "" when fine
	}{
		{Lever{Kind: LeverDiscount}, "150", "from 0 to below 100"},
		{Lever{Kind: LeverDiscount}, "100", "from 0 to below 100"},
		{Lever{Kind: LeverDiscount}, "99.9", ""},
		{Lever{Kind: LeverRebate}, "-1", "from 0 to below 100"},
		{Lever{Kind: LeverListPrice}, "-2", "must be above 0"},
		{Lever{Kind: LeverListPrice}, "0", "must be above 0"},
		{Lever{Kind: LeverPaymentDays}, "-10", "from 0 to 365"},
		{Lever{Kind: LeverPaymentDays}, "365", ""},
		{Lever{Kind: LeverPaymentDays}, "366", "from 0 to 365"},
		{Lever{Kind: LeverVolume}, "-1", "cannot be negative"},
		{Lever{Kind: LeverVolume}, "0", ""},
	}
	for _, tt := range tests {
		err := tt.lever.CheckValue(dec(tt.value))
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s %s: %v", tt.lever.Kind, tt.value, err)
			}
			continue
		}
		assertErr(t, err, tt.want)
		// The item form refuses it too.
		it := leverItem(1, "X", Down, tt.lever, tt.value)
		if tt.lever.Kind == LeverListPrice || tt.lever.Kind == LeverVolume {
			it.Better = Up
		}
		assertErr(t, it.Validate(), tt.want)
	}
}

// Money per unit of movement is other contribution after the pocket
// margin, never inside the pocket price: 6 SKUs against last year's 4 at
// 1,000 a SKU adds 2,000 a year; the pocket price stays 10.
func TestMoneyPerUnitIsOtherContribution(t *testing.T) {
	sku := withLastYear(leverItem(2, "SKUs", Up, Lever{Kind: LeverMoneyPerUnit, Amount: opt("1000")}, "8"), "4")
	w, err := ComputeWaterfall(plainBasis(), []AgendaItem{plainPrice(), sku}, Values{1: dec("10"), 2: dec("6")})
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "pocket price", w.Pocket, "10")
	assertDec(t, "other contribution", w.Other, "2000")
	assertDec(t, "contribution", w.Contribution, "5000")
}

// Price elasticity −2 (volume % for 1 % of list price above last year's
// 10): list 10.50 is +5 %, volume −10 % = 900: (10.50 − 7) × 900 = 3,150.
// A volume item commits volume, and the elasticity is not used.
func TestElasticity(t *testing.T) {
	basis := plainBasis()
	basis.Elasticity = opt("-2")
	price := withLastYear(plainPrice(), "10")
	w, err := ComputeWaterfall(basis, []AgendaItem{price}, Values{1: dec("10.50")})
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "volume", w.Volume, "900")
	assertDec(t, "contribution", w.Contribution, "3150")
	vol := leverItem(2, "Volume", Up, Lever{Kind: LeverVolume}, "1000")
	w, err = ComputeWaterfall(basis, []AgendaItem{price, vol}, Values{1: dec("10.50"), 2: dec("1000")})
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "committed volume", w.Volume, "1000")
}

// controllerDossier: list price (last year 10, ours 10.50, theirs 9.50)
// and an allowance (last year 0.10, ours 0.20, theirs 0.40), no volume
// item: this year 1,000 units, last year 900.
//
//	last year  (10 − 0.10 − 7) × 900   = 2,610
//	our offer  (10.50 − 0.20 − 7) × 1,000 = 3,300, change +690
func controllerDossier() *Dossier {
	d := &Dossier{Negotiation: Negotiation{Currency: "EUR", Deal: DealBasis{Volume: opt("1000"), LastYearVolume: opt("900"),
		CostOfGoods: opt("6"), CostToServe: opt("1"), CostOfCapital: opt("10"), VolumeLow: opt("10"), VolumeHigh: opt("20")}}}
	d.Items = []AgendaItem{
		{ID: 1, Topic: TopicPrice, Title: "List price", Unit: "EUR", Better: Up, LastYear: opt("10"), OurOpening: opt("10.50"),
			OurTarget: opt("10.20"), OurWalkAway: opt("9.80"), TheirOpening: opt("9.50"), Weight: 60, ValueToThem: 50,
			Status: ItemOpen, Lever: Lever{Kind: LeverListPrice}},
		{ID: 2, Topic: TopicDiscounts, Title: "Allowance", Unit: "EUR", Better: Down, LastYear: opt("0.10"), OurOpening: opt("0.20"),
			OurTarget: opt("0.30"), OurWalkAway: opt("0.40"), TheirOpening: opt("0.40"), Weight: 40, ValueToThem: 50,
			Status: ItemOpen, Lever: Lever{Kind: LeverAllowance}},
	}
	return d
}

// Last year's package is priced at last year's volume (issue 19: it was
// priced at this year's), and the bridge walks to our offer by hand:
// price (10.50 − 10) × 900 = 450; volume 3.40 × (1,000 − 900) = 340;
// allowances −0.10 × 1,000 = −100; the rest 0. 450 + 340 − 100 = 690.
func TestBridgeWorkedExample(t *testing.T) {
	d := controllerDossier()
	dl := d.Replay().AnalysedDeal()
	last, _ := dl.Result(OriginLastYear)
	assertDec(t, "last year", last.Waterfall.Contribution, "2610")
	ours, _ := dl.Result(OriginOurs)
	assertDec(t, "our offer", ours.Waterfall.Contribution, "3300")
	assertDec(t, "change", ours.Change, "690")
	want := []BridgeStep{{"price and on-invoice discounts", dec("450")}, {"volume", dec("340")}, {"rebates", dec("0")},
		{"allowances and lump sums", dec("-100")}, {"payment terms", dec("0")}, {"other", dec("0")}}
	got := ours.Analysis.Bridge
	if len(got) != len(want) {
		t.Fatalf("bridge %v", got)
	}
	for i, w := range want {
		if got[i].Step != w.Step || !got[i].Amount.Equal(w.Amount) {
			t.Errorf("step %d: %s %s, want %s %s", i, got[i].Step, got[i].Amount, w.Step, w.Amount)
		}
	}
}

// Low 10 % under and high 20 % over the expected 1,000 units:
// 3.30 × 900 = 2,970 and 3.30 × 1,200 = 3,960.
func TestVolumeRange(t *testing.T) {
	ours, _ := controllerDossier().Replay().AnalysedDeal().Result(OriginOurs)
	rg := ours.Analysis.Range
	assertDec(t, "low", rg.Low, "2970")
	assertDec(t, "expected", rg.Expected, "3300")
	assertDec(t, "high", rg.High, "3960")
}

// Tornado of our offer (3,300), largest first: price to their 9.50,
// (9.50 − 7.20) × 1,000 = 2,300, size 1,000; volume ±10 %: 2,970–3,630,
// size 660; cost of goods ±5 % (±0.30 × 1,000): 3,000–3,600, size 600;
// allowance to their 0.40: 3,100, size 200.
func TestTornadoOrder(t *testing.T) {
	ours, _ := controllerDossier().Replay().AnalysedDeal().Result(OriginOurs)
	want := []struct{ what, low, high string }{
		{"List price at their 9.50", "2300", "3300"},
		{"volume ±10%", "2970", "3630"},
		{"cost of goods ±5%", "3000", "3600"},
		{"Allowance at their 0.40", "3100", "3300"},
	}
	got := ours.Analysis.Tornado
	if len(got) != len(want) {
		t.Fatalf("tornado %v", got)
	}
	for i, w := range want {
		if got[i].What != w.what {
			t.Errorf("bar %d is %q, want %q", i, got[i].What, w.what)
		}
		assertDec(t, w.what+" low", got[i].Low, w.low)
		assertDec(t, w.what+" high", got[i].High, w.high)
	}
}

// Term: 36 months, list-price indexation 2 % from year 2, a one-off
// listing fee of 500, cost of capital 10 %:
//
//	year 1  (10 − 7) × 1,000 − 500        = 2,500
//	year 2  (10.20 − 7) × 1,000           = 3,200
//	year 3  (10.404 − 7) × 1,000          = 3,404
//	average 9,104 / 3 = 3,034.67; discounted 2,500/1.1 + 3,200/1.21 + 3,404/1.331 = 7,474.83
//
// 18 months with the fee a year and no indexation: 2,500 and half of a
// second 2,500; average 3,750/1.5 = 2,500; discounted 2,272.73 + 1,033.06 = 3,305.79.
func TestTerm(t *testing.T) {
	build := func(months, index string, oneOff bool) *Dossier {
		d := &Dossier{Negotiation: Negotiation{Deal: plainBasis()}}
		d.Negotiation.Deal.ContractMonths = opt(months)
		if index != "" {
			d.Negotiation.Deal.Indexation = opt(index)
		}
		d.Items = []AgendaItem{plainPrice(), leverItem(2, "Listing fee", Down, Lever{Kind: LeverLumpSum, OneOff: oneOff}, "500")}
		return d
	}
	for _, tc := range []struct {
		name, months, index        string
		oneOff                     bool
		year1, average, discounted string
		years                      string
	}{
		{"36 months indexed, one-off fee", "36", "2", true, "2500", "3034.67", "7474.83", "3"},
		{"18 months, fee a year", "18", "", false, "2500", "2500", "3305.79", "1.5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ours, _ := build(tc.months, tc.index, tc.oneOff).Replay().AnalysedDeal().Result(OriginOurs)
			a := ours.Analysis
			if a.TermErr != nil {
				t.Fatal(a.TermErr)
			}
			assertDec(t, "years", a.Term.Years, tc.years)
			assertRounded(t, "year 1", a.Term.Year1, tc.year1)
			assertRounded(t, "average", a.Term.Average, tc.average)
			assertRounded(t, "discounted total", a.Term.DiscountedTotal, tc.discounted)
		})
	}
	// A contract-length item sets the term: 36 months is worth more than 12.
	d := build("12", "", false)
	d.Items = append(d.Items, leverItem(3, "Contract length", Up, Lever{Kind: LeverContract}, "36"))
	ours, _ := d.Replay().AnalysedDeal().Result(OriginOurs)
	assertDec(t, "years from the item", ours.Analysis.Term.Years, "3")
}

// The bridge adds up to the change exactly on every package of the demo.
func TestBridgeAddsUpOnTheDemo(t *testing.T) {
	for _, pr := range Demo(demoNow).Replay().AnalysedDeal().Results {
		checkBridge(t, pr)
	}
}

func checkBridge(t *testing.T, pr PackageResult) {
	t.Helper()
	if pr.Package.Origin == OriginLastYear || pr.Err != nil {
		return
	}
	if pr.Analysis == nil || pr.Analysis.BridgeErr != nil || !pr.ChangeKnown {
		t.Errorf("%s: no bridge (%v)", pr.Package.Name, pr.Analysis)
		return
	}
	sum := decimal.Zero
	for _, s := range pr.Analysis.Bridge {
		sum = sum.Add(s.Amount)
	}
	if !sum.Equal(pr.Change) {
		t.Errorf("%s: bridge adds up to %s, change %s", pr.Package.Name, sum, pr.Change)
	}
	bars := pr.Analysis.Tornado
	if !slices.IsSortedFunc(bars, func(a, b TornadoBar) int { return b.Size().Cmp(a.Size()) }) {
		t.Errorf("%s: tornado not sorted by size", pr.Package.Name)
	}
}

// Property: over 300 generated negotiations with last-year values (some
// missing), rebate bases, last year's volume and elasticity, every
// package's bridge adds up to its change exactly.
func TestBridgeAddsUpProperty(t *testing.T) {
	bridges := 0
	for seed := range uint64(300) {
		d := genNegotiation(seed)
		rng := rand.New(rand.NewPCG(seed, 7))
		b := &d.Negotiation.Deal
		b.LastYearVolume = decimal.NewNullDecimal(b.Volume.Decimal.Mul(dec("0.9")).Round(0))
		if rng.IntN(2) == 0 {
			b.Elasticity = opt("-1.5")
		}
		b.Floor = opt("100000")
		for i := range d.Items {
			it := &d.Items[i]
			if rng.IntN(4) > 0 {
				it.LastYear = it.OurTarget
			}
			if it.Lever.Kind == LeverRebate && rng.IntN(2) == 0 {
				it.Lever.Base, it.Lever.Threshold = BaseRetro, opt("3")
			}
		}
		for _, pr := range d.Replay().AnalysedDeal().Results {
			if pr.Err == nil && pr.Package.Origin != OriginLastYear {
				bridges++
			}
			checkBridge(t, pr)
		}
	}
	if bridges < 300 {
		t.Errorf("only %d bridges checked", bridges)
	}
}

// A package without a value for an item is priced at our offer and says
// so; the verdict names the items and the shortfall.
func TestVerdictInWords(t *testing.T) {
	d := controllerDossier()
	d.Negotiation.Deal.Floor = opt("3000")
	d.Packages = []Package{{ID: 1, Name: "Half", Origin: OriginProposal, Values: Values{1: dec("9.70")}}}
	pr, _ := d.Replay().AnalysedDeal().Result(OriginProposal)
	// 9.70 past our walk-away 9.80; allowance assumed at our 0.20:
	// (9.70 − 0.20 − 7) × 1,000 = 2,500, 500 under the floor.
	if got, want := pr.Verdict(), "past our walk-away on 1 item (List price) and below the deal floor by 500.00"; got != want {
		t.Errorf("verdict %q, want %q", got, want)
	}
	if got := pr.AssumesText(); !strings.Contains(got, "assumes our offer on Allowance") {
		t.Errorf("assumes %q", got)
	}
}

// Moves between meetings count toward the next meeting in move counts and
// reciprocity too (DESIGN 2, 5.8). On the demo their move on payment terms
// 75 → 60 between meetings 1 and 2 counts in meeting 2 (issue 19 found 3
// moves shown).
func TestReciprocityCountsMovesBetweenMeetings(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()
	m2 := r.Meetings[1]
	between := 0
	for _, mv := range r.Moves {
		if mv.MeetingID == 0 && mv.Epoch == 2 {
			between++
		}
	}
	if between == 0 {
		t.Fatal("the demo has no move between meetings 1 and 2")
	}
	inMeeting := 0
	for _, mv := range r.Moves {
		if mv.Epoch == 2 {
			inMeeting++
		}
	}
	// DESIGN's rule gives 4 moves and reciprocity 1.99 (1.74 without the move between).
	if math.Round(m2.Reciprocity*100)/100 != 1.99 {
		t.Errorf("meeting 2 reciprocity %.4f, want 1.99", m2.Reciprocity)
	}
	if got := m2.OurMoves + m2.TheirMoves; got != inMeeting || m2.TheirMoves != 4 {
		t.Errorf("meeting 2 counts %d moves, want %d (with %d between meetings)", got, inMeeting, between)
	}
}

// The bridge in cents adds up to the change between the contributions as
// printed, on every package of the demo and of 300 generated negotiations.
func TestBridgeInCentsAddsUp(t *testing.T) {
	check := func(dl Deal) {
		last, ok := dl.Result(OriginLastYear)
		if !ok || last.Err != nil {
			return
		}
		for _, pr := range dl.Results {
			if pr.Err != nil || pr.Package.Origin == OriginLastYear {
				continue
			}
			sum := decimal.Zero
			for _, s := range pr.BridgeInCents() {
				if s.Amount.Exponent() < -2 && !s.Amount.Equal(s.Amount.Round(2)) {
					t.Errorf("%s: step %s not in cents: %s", pr.Package.Name, s.Step, s.Amount)
				}
				sum = sum.Add(s.Amount)
			}
			want := pr.Waterfall.Contribution.Round(2).Sub(last.Waterfall.Contribution.Round(2))
			if !sum.Equal(want) {
				t.Errorf("%s: bridge in cents %s, printed change %s", pr.Package.Name, sum, want)
			}
		}
	}
	check(Demo(demoNow).Replay().AnalysedDeal())
	for seed := range uint64(300) {
		d := genNegotiation(seed)
		d.Negotiation.Deal.LastYearVolume = decimal.NewNullDecimal(d.Negotiation.Deal.Volume.Decimal.Mul(dec("0.9")).Round(0))
		for i := range d.Items {
			d.Items[i].LastYear = d.Items[i].OurTarget
		}
		check(d.Replay().AnalysedDeal())
	}
}

func TestMoneyWordsFollowTheSign(t *testing.T) {
	for v, want := range map[string]string{"-335274": "costs us 335,274.00", "1234.5": "gains us 1,234.50", "0": "gains us 0.00"} {
		if got := MoneyWords(dec(v)); got != want {
			t.Errorf("%s: %q, want %q", v, got, want)
		}
	}
}

// The gap priced item by item plus the interaction line is the whole
// deal's gap: on the demo, our offer against every open item at their
// position (issue 19: the items added up to 713,499, the deal to 647,097).
func TestInteractionAddsUpToTheWholeDeal(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()
	costs, err := r.OpenItemCosts()
	if err != nil {
		t.Fatal(err)
	}
	_, toClose, err := r.Interaction(costs)
	if err != nil {
		t.Fatal(err)
	}
	sum := toClose
	for _, c := range costs {
		sum = sum.Add(c.ToClose)
	}
	ours, _ := d.Waterfall(r.Positions(OriginOurs).Values)
	theirs := r.Positions(OriginOurs)
	for i, it := range d.Items {
		if st := r.Items[i]; it.Status == ItemOpen && it.Lever.Kind != LeverNone && st.HasTheirs && st.Gap.IsPositive() {
			theirs = theirs.With(it.ID, st.Theirs)
		}
	}
	all, _ := d.Waterfall(theirs.Values)
	if want := ours.Contribution.Sub(all.Contribution); !sum.Equal(want) || toClose.IsZero() {
		t.Errorf("items + interaction = %s, whole deal %s (interaction %s)", sum, want, toClose)
	}
}

// BenchmarkDeal compares pricing the demo's packages with and without the
// controller's figures (range, term, bridge, tornado).
func BenchmarkDeal(b *testing.B) {
	r := Demo(demoNow).Replay()
	b.Run("plain", func(b *testing.B) {
		for range b.N {
			_ = r.Deal()
		}
	})
	b.Run("analysed", func(b *testing.B) {
		for range b.N {
			_ = r.AnalysedDeal()
		}
	})
}
