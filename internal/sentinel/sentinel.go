// Package sentinel builds negotiations whose every value is unique and easy
// to search for, for privacy tests: every internal value (DESIGN section 9)
// is a sentinel that must never appear in a buyer view, and every buyer-safe
// value is one that must, so that a test that finds nothing has looked.
package sentinel

import (
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Set is a generated negotiation and the renderings of its values to search for.
type Set struct {
	Dossier *model.Dossier
	// Internal holds texts and numbers (as Parley writes them) that a view
	// with privacy on, and the redacted brief, must never show.
	Internal []string
	// BuyerSafe holds values such a view must still show.
	BuyerSafe []string
}

func num(s string) decimal.Decimal         { return decimal.RequireFromString(s) }
func opt(s string) decimal.NullDecimal     { return decimal.NewNullDecimal(num(s)) }
func at(base time.Time, min int) time.Time { return base.Add(time.Duration(min) * time.Minute) }
func renderings(s string) []string         { d := num(s); return []string{s, model.FormatValue(d)} }
func (set *Set) internal(values ...string) { set.Internal = append(set.Internal, values...) }
func (set *Set) safe(values ...string)     { set.BuyerSafe = append(set.BuyerSafe, values...) }
func (set *Set) internalNumber(values ...string) {
	for _, v := range values {
		set.internal(renderings(v)...)
	}
}

// Negotiation is a negotiation after one meeting with every kind of record:
// two numeric items, a concession each way (ours unreciprocated, so that a
// discipline flag is raised), a plain note, an action and a question, a
// follow-up line on each side, the ★ category scenario, an internal category
// scenario and a profitability scenario.
func Negotiation(now time.Time) Set {
	var set Set
	start := now.Add(-48 * time.Hour).Truncate(time.Minute)
	d := &model.Dossier{
		Account: model.Account{ID: 1, Name: "SENTINEL-SAFE-ACCOUNT", Kind: model.Retail,
			Category: "SENTINEL-SAFE-CATEGORY", Notes: "SENTINEL-INTERNAL-ACCOUNT-NOTES",
			Contacts: []model.Contact{
				{Name: "SENTINEL-SAFE-CONTACT", Role: "buyer", Side: model.CustomerSide, Email: "safe@sentinel.example"},
				{Name: "SENTINEL-INTERNAL-CONTACT", Role: "order processor", Side: model.InternalSide, Email: "internal@sentinel.example"},
			}},
		Negotiation: model.Negotiation{ID: 1, AccountID: 1, Title: "SENTINEL-SAFE-TITLE", Stage: model.StageBargain,
			Status: model.Active, Currency: "EUR", Created: start.Add(-24 * time.Hour)},
		Items: []model.AgendaItem{
			{ID: 1, Topic: model.TopicPrice, Title: "SENTINEL-SAFE-ITEM-PRICE", Unit: "SENTINEL-SAFE-UNIT", Better: model.Up,
				OurOpening: opt("9000001.25"), OurTarget: opt("8765432.109"), OurWalkAway: opt("7654321.098"),
				TheirOpening: opt("1000002.5"), TheirWalkAway: opt("6543210.987"),
				Weight: 90, ValueToThem: 10, MoneyPerUnit: opt("4321.987"), Status: model.ItemOpen, Order: 1,
				Note: "SENTINEL-INTERNAL-ITEM-NOTE"},
			{ID: 2, Topic: model.TopicTerms, Title: "SENTINEL-SAFE-ITEM-DAYS", Unit: "days", Better: model.Down,
				OurOpening: opt("30.5"), OurTarget: opt("44.125"), OurWalkAway: opt("58.375"),
				TheirOpening: opt("90.5"), TheirWalkAway: opt("66.625"),
				Weight: 20, ValueToThem: 95, Status: model.ItemOpen, Order: 2},
		},
		// Today's budget, set after meeting 1: it holds for meeting 2.
		Ahead: model.Ahead{Budgets: []model.Budget{{ID: 1, ItemID: 1, Value: num("8888888.125"), At: at(start, 180)}}},
		Meetings: []model.Meeting{{ID: 1, Number: 1, Started: start, Ended: at(start, 90),
			Place: "SENTINEL-SAFE-PLACE", Attendees: []string{"SENTINEL-SAFE-ATTENDEE"}, Summary: "SENTINEL-INTERNAL-SUMMARY"},
			// A short second meeting: value suggestions come after two (DESIGN 5.8).
			{ID: 2, Number: 2, Started: at(start, 120), Ended: at(start, 150)}},
		Ledger: []model.Concession{
			{ID: 1, MeetingID: 1, ItemID: 1, By: model.Us, To: num("8999990.75"), At: at(start, 20),
				Note: "SENTINEL-INTERNAL-CONCESSION-NOTE"},
			{ID: 2, MeetingID: 1, ItemID: 2, By: model.Them, To: num("80.5"), TradedFor: "SENTINEL-SAFE-TRADED-FOR", At: at(start, 40)},
			// They moved on two items: after the meeting their moves suggest a value to them.
			{ID: 3, MeetingID: 1, ItemID: 1, By: model.Them, To: num("2000000.5"), At: at(start, 50)},
			{ID: 4, MeetingID: 2, ItemID: 2, By: model.Them, To: num("75.5"), At: at(start, 130)},
		},
		Notes: []model.Note{
			{ID: 1, MeetingID: 1, Kind: model.KindNote, At: at(start, 10), Text: "SENTINEL-INTERNAL-NOTE"},
			{ID: 2, MeetingID: 1, ItemID: 1, Kind: model.KindAction, At: at(start, 11), Text: "SENTINEL-SAFE-ACTION", Shared: true},
			{ID: 3, MeetingID: 1, Kind: model.KindQuestion, At: at(start, 12), Text: "SENTINEL-SAFE-QUESTION", Shared: true},
			// Lines are internal unless marked shared (DESIGN 9).
			{ID: 4, MeetingID: 1, Kind: model.KindNote, At: at(start, 13), Text: "SENTINEL-SAFE-NOTE", Shared: true},
			{ID: 5, MeetingID: 1, Kind: model.KindAction, At: at(start, 14), Text: "SENTINEL-INTERNAL-ACTION"},
			{ID: 6, MeetingID: 1, Kind: model.KindQuestion, At: at(start, 15), Text: "SENTINEL-INTERNAL-QUESTION"},
		},
		FollowUps: []model.FollowUp{
			{ID: 1, Side: model.CustomerSide, Role: "SENTINEL-SAFE-ROLE", Person: "SENTINEL-SAFE-PERSON",
				Action: "SENTINEL-SAFE-FOLLOWUP", Order: 1},
			{ID: 2, Side: model.InternalSide, Role: "SENTINEL-INTERNAL-ROLE", Person: "SENTINEL-INTERNAL-PERSON",
				Action: "SENTINEL-INTERNAL-FOLLOWUP", Order: 2},
		},
		Scenarios: []model.Scenario{
			{ID: 1, Name: "SENTINEL-SAFE-SCENARIO", Kind: model.CategoryScenario, ForBuyer: true,
				Impact: model.CategoryImpact{BaselineTurnover: num("3000000"), BaselineMargin: num("25"),
					Lines: []model.ImpactLine{{Product: "SENTINEL-SAFE-PRODUCT", Units: num("1000"), Price: num("70"),
						Margin: num("30"), CannibalRate: num("40"), CannibalMargin: num("25")}}}},
			{ID: 2, Name: "SENTINEL-INTERNAL-WORST-CASE", Kind: model.CategoryScenario,
				Impact: model.CategoryImpact{BaselineTurnover: num("987654.321"), BaselineMargin: num("21.5"),
					Lines: []model.ImpactLine{{Product: "SENTINEL-INTERNAL-PRODUCT", Units: num("777"), Price: num("12.34"),
						Margin: num("30"), CannibalRate: num("40"), CannibalMargin: num("25")}}}},
			{ID: 3, Name: "SENTINEL-INTERNAL-PROFIT", Kind: model.ProfitScenario,
				Profit: model.Profitability{ListPrice: num("76543.21"), Discount: num("4"), Rebate: num("2"),
					AllowancePerUnit: num("0.7"), CostToServe: num("1.35"), CostOfGoods: num("15.6"), Volume: num("185000")}},
		},
	}
	set.Dossier = d
	set.safe("SENTINEL-SAFE-CONTACT", "safe@sentinel.example", "SENTINEL-SAFE-ACCOUNT", "SENTINEL-SAFE-TITLE", "SENTINEL-SAFE-ITEM-PRICE", "SENTINEL-SAFE-ITEM-DAYS",
		"SENTINEL-SAFE-UNIT", "SENTINEL-SAFE-TRADED-FOR", "SENTINEL-SAFE-ACTION", "SENTINEL-SAFE-QUESTION",
		"SENTINEL-SAFE-NOTE", "SENTINEL-SAFE-FOLLOWUP", "SENTINEL-SAFE-SCENARIO", "SENTINEL-SAFE-PRODUCT",
		model.FormatValue(num("9000001.25")), model.FormatValue(num("1000002.5")), model.FormatValue(num("8999990.75")))
	set.internal("SENTINEL-INTERNAL-CONTACT", "internal@sentinel.example", "SENTINEL-INTERNAL-ACCOUNT-NOTES", "SENTINEL-INTERNAL-ITEM-NOTE", "SENTINEL-INTERNAL-SUMMARY",
		"SENTINEL-INTERNAL-CONCESSION-NOTE", "SENTINEL-INTERNAL-NOTE", "SENTINEL-INTERNAL-ACTION", "SENTINEL-INTERNAL-QUESTION", "SENTINEL-INTERNAL-ROLE", "SENTINEL-INTERNAL-PERSON",
		"SENTINEL-INTERNAL-FOLLOWUP", "SENTINEL-INTERNAL-WORST-CASE", "SENTINEL-INTERNAL-PRODUCT", "SENTINEL-INTERNAL-PROFIT")
	set.internalNumber("8765432.109", "7654321.098", "6543210.987", "4321.987", "44.125", "58.375", "66.625",
		"987654.321", "76543.21", "8888888.125")
	// Derived internal values: money of the gap and room left, as the views write them.
	r := d.Replay()
	gapValues, gapErrs := r.GapValues()
	for i := range d.Items {
		if gapErrs[i] == nil && !gapValues[i].IsZero() {
			set.internal(model.FormatMoney(gapValues[i]))
		}
		if rl, ok := r.RoomLeft(i); ok && !rl.IsZero() {
			set.internal(d.Items[i].Format(rl))
		}
	}
	// Words only internal parts use.
	set.internal("unrecip", "Reciprocity", "Trade plan", "Give first", "Package score", "Walk-away", "Target", "Weight", "Score")
	// Staying ahead (DESIGN 5.5–5.7): the forecast, the budget, the owed
	// trade-back (our move 1) and the value suggestion (item 1: 10 → 49).
	set.internal("Landing forecast", "Likely landing", "projected", "Today's budget", "budget left", "budget set",
		"owed 1 trade-back", "owed #", "Their moves say", "value-to-them")
	return set
}
