package model

import (
	"time"

	"github.com/shopspring/decimal"
)

// DemoWelcome is the line the workbench shows when it opens the demo: what
// to try first.
const DemoWelcome = "Try it: press n, type they 1 23.60 and Enter: their move on the list price is logged and the gap closes."

// Demo builds a realistic negotiation a key account manager would recognise:
// a grocery chain's 2027 annual terms, in the bargain stage after two
// meetings. Times are counted back from now. IDs are local to the dossier;
// the store gives it fresh ones when it is written.
func Demo(now time.Time) *Dossier {
	now = now.Truncate(time.Minute)
	day := func(daysAgo int, hour, minute int) time.Time {
		y, m, d := now.AddDate(0, 0, -daysAgo).Date()
		return time.Date(y, m, d, hour, minute, 0, 0, now.Location())
	}
	num := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	opt := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(num(s)) }

	d := &Dossier{
		Account: Account{
			ID: 1, Name: "Hollis Foodstores", Kind: Retail, Category: "Biscuits",
			Notes: "Regional grocery chain, 142 branches in the North and Midlands; category reviews in March and September.",
			Contacts: []Contact{
				{Name: "Dana Whitlock", Role: "category buyer", Side: CustomerSide},
				{Name: "Marc Oyelaran", Role: "stock controller", Side: CustomerSide},
				{Name: "Priya Natarajan", Role: "merchandising and marketing staff", Side: CustomerSide},
				{Name: "Tom Becker", Role: "order processor", Side: InternalSide},
				{Name: "Lena Ruiz", Role: "field sales manager", Side: InternalSide},
				{Name: "Sam Okafor", Role: "marketing specialist", Side: InternalSide},
			},
		},
		Negotiation: Negotiation{
			ID: 1, AccountID: 1, Title: "2027 annual terms", Stage: StageBargain, Status: Active,
			Currency: "EUR", Created: day(35, 9, 0), Deadline: day(-20, 0, 0),
			// One volume story: last year 175,000 cases at 23.80 list, 4 % on invoice.
			Deal: DealBasis{
				CostOfGoods: opt("15.60"), CostToServe: opt("1.35"), CostOfCapital: opt("8"),
				LastYearVolume: opt("175000"), LastYearTurnover: opt("3998400"), Floor: opt("800000"),
				// Volume may come in 10 % under or 5 % over what is agreed;
				// list price rises 2 % a year from year 2 of a longer contract.
				VolumeLow: opt("10"), VolumeHigh: opt("5"), Indexation: opt("2"),
				Standing: []StandingTerm{
					{Lever: Lever{Kind: LeverDiscount}, Value: num("4")},
					{Lever: Lever{Kind: LeverLumpSum}, Value: num("37000")},
				},
			},
		},
	}

	d.Items = []AgendaItem{
		{ID: 1, Topic: TopicPrice, Title: "List price per case", Unit: "EUR/case", Better: Up,
			OurOpening: opt("24.80"), OurTarget: opt("24.20"), OurWalkAway: opt("23.60"),
			TheirOpening: opt("22.90"), TheirWalkAway: opt("24.00"),
			Weight: 90, ValueToThem: 80, MoneyPerUnit: opt("182000"),
			LastYear: opt("23.80"), Lever: Lever{Kind: LeverListPrice},
			Note: "182,000 cases a year across the range; every cent is EUR 1,820."},
		{ID: 2, Topic: TopicTerms, Title: "Payment terms", Unit: "days", Better: Down,
			OurOpening: opt("30"), OurTarget: opt("45"), OurWalkAway: opt("60"),
			TheirOpening: opt("90"), TheirWalkAway: opt("60"),
			Weight: 40, ValueToThem: 70, MoneyPerUnit: opt("482"),
			LastYear: opt("45"), Lever: Lever{Kind: LeverPaymentDays},
			Note: "Our cost of capital is 8 % a year: each day of credit on the invoice turnover comes off the pocket price."},
		{ID: 3, Topic: TopicDiscounts, Title: "Annual growth rebate", Unit: "%", Better: Down,
			OurOpening: opt("1.0"), OurTarget: opt("2.0"), OurWalkAway: opt("3.0"),
			TheirOpening: opt("4.0"), TheirWalkAway: opt("2.5"),
			Weight: 70, ValueToThem: 85, MoneyPerUnit: opt("44000"),
			LastYear: opt("1.5"), Lever: Lever{Kind: LeverRebate, Base: BaseGrowth},
			Note: "Paid only on invoice turnover above 2026's 3,998,400, so each pp is worth far less than 1 % of turnover."},
		{ID: 4, Topic: TopicVolume, Title: "Annual volume commitment", Unit: "cases", Better: Up,
			OurOpening: opt("200000"), OurTarget: opt("185000"), OurWalkAway: opt("170000"),
			TheirOpening: opt("150000"),
			Weight:       60, ValueToThem: 30, MoneyPerUnit: opt("5.10"),
			LastYear: opt("175000"), Lever: Lever{Kind: LeverVolume},
			Note: "The one volume story: every package is priced at its own volume; last year 175,000 cases."},
		{ID: 5, Topic: TopicDiscounts, Title: "Promotional allowance", Unit: "EUR/case", Better: Down,
			OurOpening: opt("0.40"), OurTarget: opt("0.70"), OurWalkAway: opt("1.00"),
			TheirOpening: opt("1.50"), TheirWalkAway: opt("0.90"),
			Weight: 50, ValueToThem: 75, MoneyPerUnit: opt("182000"),
			LastYear: opt("0.50"), Lever: Lever{Kind: LeverAllowance}},
		{ID: 6, Topic: TopicCannibalization, Title: "SKUs listed, Crunch Oat range", Unit: "SKUs", Better: Up,
			OurOpening: opt("8"), OurTarget: opt("6"), OurWalkAway: opt("4"),
			TheirOpening: opt("3"), TheirWalkAway: opt("6"),
			Weight: 55, ValueToThem: 40, MoneyPerUnit: opt("38000"),
			LastYear: opt("4"), Lever: Lever{Kind: LeverMoneyPerUnit, Amount: opt("38000")},
			Note: "The buyer fears the range takes sales from own-label oat biscuits; the category scenario answers that."},
		{ID: 7, Topic: TopicSupply, Title: "Contract length", Unit: "months", Better: Up,
			OurOpening: opt("36"), OurTarget: opt("24"), OurWalkAway: opt("12"),
			TheirOpening: opt("12"), LastYear: opt("12"),
			Weight: 45, ValueToThem: 35, Lever: Lever{Kind: LeverContract}},
		{ID: 8, Topic: TopicSupply, Title: "Service level, on time in full", Unit: "%", Better: Down,
			OurOpening: opt("95"), OurTarget: opt("97"), OurWalkAway: opt("98.5"),
			TheirOpening: opt("99.5"),
			Weight:       30, ValueToThem: 80, MoneyPerUnit: opt("12000"),
			LastYear: opt("96"), Lever: Lever{Kind: LeverThreshold, Threshold: opt("97"), PerPoint: opt("12000")},
			Note: "Up to 97 % our network delivers anyway; each point above costs about 12,000 a year in safety stock."},
		{ID: 9, Topic: TopicOther, Title: "Quarterly joint business plan review", Better: Up,
			Weight: 10, ValueToThem: 50, Note: "Text only: agree the format and who attends."},
	}
	for i := range d.Items {
		d.Items[i].Order = i + 1
		d.Items[i].Status = ItemOpen
	}

	m1 := Meeting{ID: 1, Number: 1, Started: day(14, 10, 0), Ended: day(14, 11, 30), Place: "Hollis head office, Leeds",
		Attendees: []string{"Dana Whitlock", "Priya Natarajan", "Lena Ruiz"},
		Summary:   "Exploratory. Dana pushes hard on payment days and rebate; open to the Crunch Oat range if we show it does not eat own-label."}
	m2 := Meeting{ID: 2, Number: 2, Started: day(7, 14, 0), Ended: day(7, 15, 45), Place: "Hollis head office, Leeds",
		Attendees: []string{"Dana Whitlock", "Lena Ruiz"},
		Summary:   "Price and volume moved together. We gave rebate without getting anything: must be traded back next time."}
	d.Meetings = []Meeting{m1, m2}

	at := func(m Meeting, minutes int) time.Time { return m.Started.Add(time.Duration(minutes) * time.Minute) }
	d.Ledger = []Concession{
		{ID: 1, MeetingID: 1, ItemID: 6, By: Them, To: num("5"), TradedFor: "payment at 45 days", At: at(m1, 25)},
		{ID: 2, MeetingID: 1, ItemID: 2, By: Us, To: num("45"), TradedFor: "two more Crunch Oat SKUs", TradedAgainst: 1, At: at(m1, 27)},
		{ID: 3, MeetingID: 1, ItemID: 7, By: Them, To: num("24"), TradedFor: "service level 97%", At: at(m1, 50)},
		{ID: 4, MeetingID: 1, ItemID: 8, By: Us, To: num("97"), TradedFor: "24-month contract", TradedAgainst: 3, At: at(m1, 52)},
		{ID: 5, MeetingID: 1, ItemID: 2, By: Them, To: num("75"), At: at(m1, 70), Note: "Said their finance director set 60 days as a group floor."},
		{ID: 6, MeetingID: 0, ItemID: 2, By: Them, To: num("60"), TradedFor: "e-invoicing from January", At: day(10, 16, 20),
			Note: "By e-mail after the meeting."},
		{ID: 7, MeetingID: 2, ItemID: 1, By: Us, To: num("24.50"), TradedFor: "170,000 cases committed", At: at(m2, 20)},
		{ID: 8, MeetingID: 2, ItemID: 4, By: Them, To: num("170000"), TradedFor: "list price at 24.50", TradedAgainst: 7, At: at(m2, 22)},
		{ID: 9, MeetingID: 2, ItemID: 1, By: Them, To: num("23.40"), At: at(m2, 40)},
		{ID: 10, MeetingID: 2, ItemID: 3, By: Us, To: num("1.75"), At: at(m2, 61), Note: "Given to keep the mood; nothing in return."},
		{ID: 11, MeetingID: 2, ItemID: 3, By: Them, To: num("3.0"), TradedFor: "keep talking on the allowance", At: at(m2, 75)},
		{ID: 12, MeetingID: 2, ItemID: 5, By: Us, To: num("0.60"), TradedFor: "two feature weeks in the spring leaflet", At: at(m2, 90)},
	}

	d.Notes = []Note{
		{ID: 1, Kind: KindNote, At: day(16, 9, 30), Text: "Dana took over total ambient in March: she sees the whole aisle now, not just biscuits."},
		{ID: 2, Kind: KindAction, ItemID: 6, At: day(16, 9, 40), Text: "Send the Crunch Oat cannibalization study to Dana #sku",
			Done: true, DoneAt: day(15, 11, 0)},
		{ID: 3, Kind: KindQuestion, ItemID: 3, At: day(16, 9, 45), Text: "Does their 4% rebate ask include the logistics bonus? #rebate",
			Answer: "No: the logistics bonus is separate and stays at 0.5%."},
		{ID: 4, MeetingID: 1, ItemID: 6, Kind: KindNote, At: at(m1, 12), Text: "Own-label oat biscuits lost 6% share last year #sku"},
		{ID: 5, MeetingID: 1, ItemID: 2, Kind: KindNote, At: at(m1, 30), Text: "They want 90 days because group finance set a working-capital target #payment"},
		{ID: 6, MeetingID: 1, ItemID: 8, Kind: KindAction, At: at(m1, 55), Text: "Lena: pull our on-time-in-full history for Q3 #service",
			Done: true, DoneAt: day(12, 15, 0)},
		{ID: 7, MeetingID: 1, Kind: KindQuestion, At: at(m1, 80), Text: "Who signs off promotions: Dana or marketing?",
			Answer: "Priya in marketing plans them; Dana approves the budget.", Shared: true},
		{ID: 8, MeetingID: 2, ItemID: 1, Kind: KindNote, At: at(m2, 41), Text: "Dana: 23.40 is 'as far as I go' unless the rebate drops #price"},
		{ID: 9, MeetingID: 2, ItemID: 6, Kind: KindAction, At: at(m2, 95), Text: "Send the revised category impact with 6 SKUs before Friday #sku",
			Shared: true},
		{ID: 10, MeetingID: 2, ItemID: 5, Kind: KindQuestion, At: at(m2, 100), Text: "Can they commit to two leaflet weeks in Q2? #promo", Shared: true},
	}

	d.Scenarios = []Scenario{
		{ID: 1, Name: "Crunch Oat listing, 6 SKUs", Kind: CategoryScenario, ForBuyer: true,
			Impact: CategoryImpact{
				BaselineTurnover: num("12400000"), BaselineMargin: num("28"), OurSales: opt("3998400"),
				Lines: []ImpactLine{
					{Product: "Crunch Oat Original 300g", Units: num("96000"), Price: num("2.49"), Margin: num("30"), CannibalRate: num("35"), CannibalMargin: num("26"), Allowance: num("12000")},
					{Product: "Crunch Oat Chocolate 300g", Units: num("72000"), Price: num("2.69"), Margin: num("30"), CannibalRate: num("40"), CannibalMargin: num("26"), Allowance: num("8000")},
					{Product: "Crunch Oat Honey 300g", Units: num("54000"), Price: num("2.69"), Margin: num("31"), CannibalRate: num("40"), CannibalMargin: num("27"), Allowance: num("6000")},
					{Product: "Crunch Oat Minis 6-pack", Units: num("48000"), Price: num("3.29"), Margin: num("32"), CannibalRate: num("45"), CannibalMargin: num("27"), Allowance: num("6000")},
					{Product: "Crunch Oat Thins 200g", Units: num("40000"), Price: num("1.99"), Margin: num("29"), CannibalRate: num("50"), CannibalMargin: num("25")},
					{Product: "Crunch Oat Gluten-free 250g", Units: num("22000"), Price: num("3.49"), Margin: num("33"), CannibalRate: num("20"), CannibalMargin: num("27")},
				},
			}},
		{ID: 2, Name: "2027 package at target", Kind: ProfitScenario,
			Profit: Profitability{
				ListPrice: num("24.20"), Discount: num("4"), Rebate: num("2"), AllowancePerUnit: num("0.70"),
				CostToServe: num("1.35"), CostOfGoods: num("15.60"), Volume: num("185000"),
			}},
	}
	d.Items[2].Link = ScenarioLink{ScenarioID: 2, Field: "rebate"}

	// The follow-up checklist, planned from the deadline: who on each side
	// sees that the agreement is carried out, people picked by role.
	d.FollowUps = FollowUpTemplate(d.Account.Kind, d.Negotiation.Deadline, d.Account.Contacts)
	for i := range d.FollowUps {
		d.FollowUps[i].ID = uint64(i + 1)
	}
	d.Sort()
	return d
}
