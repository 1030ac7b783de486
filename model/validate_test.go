package model

import (
	"testing"
	"time"
)

func TestAccountValidate(t *testing.T) {
	good := Account{Name: "Hollis Foodstores", Kind: Retail,
		Contacts: []Contact{{Name: "Dana", Role: "category buyer", Side: CustomerSide}}}
	tests := []struct {
		name string
		edit func(*Account)
		want string
	}{
		{"valid", func(*Account) {}, ""},
		{"industrial", func(a *Account) { a.Kind = Industrial }, ""},
		{"commercial", func(a *Account) { a.Kind = Commercial }, ""},
		{"blank name", func(a *Account) { a.Name = "  " }, "the account needs a name"},
		{"unknown kind", func(a *Account) { a.Kind = "wholesale" }, `account kind "wholesale" is not one of retail, industrial, commercial`},
		{"contact without name", func(a *Account) { a.Contacts = append(a.Contacts, Contact{Side: InternalSide}) }, "contact 2 needs a name"},
		{"contact side", func(a *Account) { a.Contacts[0].Side = "theirs" }, `contact Dana: side "theirs" is not customer or internal`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := good
			a.Contacts = append([]Contact(nil), good.Contacts...)
			tt.edit(&a)
			assertErr(t, a.Validate(), tt.want)
		})
	}
}

func TestNegotiationValidate(t *testing.T) {
	good := Negotiation{AccountID: 1, Title: "2027 annual terms", Stage: StagePrepare, Status: Active,
		Currency: "EUR", Created: t0, Deadline: t0.AddDate(0, 2, 0)}
	tests := []struct {
		name string
		edit func(*Negotiation)
		want string
	}{
		{"valid", func(*Negotiation) {}, ""},
		{"no deadline", func(n *Negotiation) { n.Deadline = time.Time{} }, ""},
		{"deadline the day it was created", func(n *Negotiation) { n.Deadline = t0.Truncate(24 * time.Hour) }, ""},
		{"blank title", func(n *Negotiation) { n.Title = "" }, "the negotiation needs a title"},
		{"no account", func(n *Negotiation) { n.AccountID = 0 }, `the negotiation "2027 annual terms" belongs to no account`},
		{"stage", func(n *Negotiation) { n.Stage = "haggle" }, `stage "haggle" is not one of prepare, explore, propose, bargain, agree, follow-up`},
		{"status", func(n *Negotiation) { n.Status = "won" }, `status "won" is not active, agreed or abandoned`},
		{"currency", func(n *Negotiation) { n.Currency = "eur" }, "three-letter code"},
		{"deadline before creation", func(n *Negotiation) { n.Deadline = t0.AddDate(0, 0, -3) }, "the deadline 2027-02-26 is before the negotiation was created"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := good
			tt.edit(&n)
			assertErr(t, n.Validate(), tt.want)
		})
	}
}

func TestValidateCurrency(t *testing.T) {
	for _, code := range []string{"EUR", "GBP", "USD", "CHF"} {
		assertErr(t, ValidateCurrency(code), "")
	}
	for _, code := range []string{"", "EU", "EURO", "eur", "E1R", "ÉUR"} {
		assertErr(t, ValidateCurrency(code), "should be a three-letter code such as EUR, GBP or USD")
	}
}

func TestMeetingValidateAndRunning(t *testing.T) {
	tests := []struct {
		name    string
		m       Meeting
		want    string
		running bool
	}{
		{"held", Meeting{Number: 1, Started: t0, Ended: t0.Add(time.Hour)}, "", false},
		{"running", Meeting{Number: 2, Started: t0}, "", true},
		{"number 0", Meeting{Number: 0, Started: t0}, "meeting number 0 should be 1 or more", true},
		{"no start", Meeting{Number: 3}, "meeting 3 has no start time", false},
		{"ends before it starts", Meeting{Number: 4, Started: t0, Ended: t0.Add(-time.Minute)}, "meeting 4 ends before it starts", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertErr(t, tt.m.Validate(), tt.want)
			if got := tt.m.Running(); got != tt.running {
				t.Errorf("Running() = %v, want %v", got, tt.running)
			}
		})
	}
}

func TestAgendaItemValidate(t *testing.T) {
	price := AgendaItem{Topic: TopicPrice, Title: "List price", Better: Up, Status: ItemOpen,
		OurOpening: opt("100"), OurTarget: opt("95"), OurWalkAway: opt("90"),
		TheirOpening: opt("80"), TheirWalkAway: opt("92"), Weight: 60, ValueToThem: 30}
	days := AgendaItem{Topic: TopicTerms, Title: "Payment terms", Better: Down, Status: ItemOpen,
		OurOpening: opt("30"), OurTarget: opt("45"), OurWalkAway: opt("60"),
		TheirOpening: opt("90"), TheirWalkAway: opt("60"), Weight: 40, ValueToThem: 80}
	tests := []struct {
		name string
		it   AgendaItem
		edit func(*AgendaItem)
		want string
	}{
		{"valid up", price, func(*AgendaItem) {}, ""},
		{"valid down", days, func(*AgendaItem) {}, ""},
		{"text only", AgendaItem{Topic: TopicOther, Title: "Joint business plan", Status: ItemOpen}, func(*AgendaItem) {}, ""},
		{"opening only", price, func(it *AgendaItem) {
			it.OurTarget, it.OurWalkAway, it.TheirOpening, it.TheirWalkAway = none, none, none, none
		}, ""},
		{"target equals opening", price, func(it *AgendaItem) { it.OurTarget = opt("100") }, ""},
		{"blank title", price, func(it *AgendaItem) { it.Title = " " }, "the item needs a title"},
		{"topic", price, func(it *AgendaItem) { it.Topic = "logistics" }, `topic "logistics" is not one of price, discounts, terms, volume, profitability, cannibalization, supply, other`},
		{"status", price, func(it *AgendaItem) { it.Status = "done" }, `status "done" is not open, agreed or parked`},
		{"weight over 100", price, func(it *AgendaItem) { it.Weight = 101 }, "weight 101 should be between 0 and 100"},
		{"negative weight", price, func(it *AgendaItem) { it.Weight = -1 }, "weight -1 should be between 0 and 100"},
		{"value to them", price, func(it *AgendaItem) { it.ValueToThem = 120 }, "value to them 120 should be between 0 and 100"},
		{"money per unit", price, func(it *AgendaItem) { it.MoneyPerUnit = opt("-5") }, "money per unit -5 cannot be negative"},
		{"no direction", price, func(it *AgendaItem) { it.Better = "" }, "say which way is better for us: up or down"},
		{"target without opening", price, func(it *AgendaItem) { it.OurOpening = none }, "a numeric item needs our opening"},
		{"up: target beyond opening", price, func(it *AgendaItem) { it.OurTarget = opt("105") },
			"target 105 is better for us than our opening 100: with higher better"},
		{"down: target beyond opening", days, func(it *AgendaItem) { it.OurTarget = opt("20") },
			"target 20 is better for us than our opening 30: with lower better"},
		{"up: walk-away beyond opening", price, func(it *AgendaItem) { it.OurTarget, it.OurWalkAway = none, opt("101") },
			"walk-away 101 is better for us than our opening 100"},
		{"up: walk-away equals target", price, func(it *AgendaItem) { it.OurWalkAway = opt("95") },
			"walk-away 95 should be worse for us than the target 95 (higher is better)"},
		{"down: walk-away before target", days, func(it *AgendaItem) { it.OurWalkAway = opt("40") },
			"walk-away 40 should be worse for us than the target 45 (lower is better)"},
		{"up: their walk-away worse than their opening", price, func(it *AgendaItem) { it.TheirWalkAway = opt("70") },
			"their walk-away 70 should be at least as good for us as their opening 80"},
		{"down: their walk-away worse than their opening", days, func(it *AgendaItem) { it.TheirWalkAway = opt("100") },
			"their walk-away 100 should be at least as good for us as their opening 90"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := tt.it
			tt.edit(&it)
			assertErr(t, it.Validate(), tt.want)
		})
	}
}

func TestAgendaItemPredicates(t *testing.T) {
	text := AgendaItem{Title: "Listing"}
	partial := AgendaItem{OurOpening: opt("10")}
	full := AgendaItem{OurOpening: opt("10"), TheirOpening: opt("5"), OurTarget: opt("9"), OurWalkAway: opt("8")}
	tests := []struct {
		name                     string
		it                       AgendaItem
		numeric, tracked, scored bool
	}{
		{"text only", text, false, false, false},
		{"our opening only", partial, true, false, false},
		{"full", full, true, true, true},
	}
	for _, tt := range tests {
		if tt.it.Numeric() != tt.numeric || tt.it.Tracked() != tt.tracked || tt.it.Scored() != tt.scored {
			t.Errorf("%s: Numeric/Tracked/Scored = %v/%v/%v, want %v/%v/%v", tt.name,
				tt.it.Numeric(), tt.it.Tracked(), tt.it.Scored(), tt.numeric, tt.tracked, tt.scored)
		}
	}
	if !Up.Sign().Equal(dec("1")) || !Down.Sign().Equal(dec("-1")) {
		t.Errorf("Sign: up %s, down %s", Up.Sign(), Down.Sign())
	}
}

func TestConcessionValidate(t *testing.T) {
	good := Concession{ID: 7, ItemID: 1, By: Us, To: dec("95"), At: t0}
	tests := []struct {
		name string
		edit func(*Concession)
		want string
	}{
		{"valid", func(*Concession) {}, ""},
		{"no party", func(c *Concession) { c.By = "" }, "say who conceded: us or them"},
		{"no item", func(c *Concession) { c.ItemID = 0 }, "the concession names no agenda item"},
		{"no time", func(c *Concession) { c.At = time.Time{} }, "the concession has no time"},
		{"traded against itself", func(c *Concession) { c.TradedAgainst = 7 }, "a concession cannot be traded against itself"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			tt.edit(&c)
			assertErr(t, c.Validate(), tt.want)
		})
	}
}

func TestConcessionReciprocatedAndParty(t *testing.T) {
	tests := []struct {
		c    Concession
		want bool
	}{
		{Concession{}, false},
		{Concession{TradedFor: "   "}, false},
		{Concession{TradedFor: "two feature weeks"}, true},
		{Concession{TradedAgainst: 3}, true},
	}
	for _, tt := range tests {
		if got := tt.c.Reciprocated(); got != tt.want {
			t.Errorf("Reciprocated(%+v) = %v, want %v", tt.c, got, tt.want)
		}
	}
	if Us.Other() != Them || Them.Other() != Us {
		t.Error("Other() does not swap us and them")
	}
	if Party("me").Valid() || !Us.Valid() || !Them.Valid() {
		t.Error("Party.Valid is wrong")
	}
}

func TestNoteValidateAndOpen(t *testing.T) {
	tests := []struct {
		name string
		n    Note
		want string
		open bool
	}{
		{"note", Note{Kind: KindNote, Text: "Dana leads ambient now", At: t0}, "", false},
		{"open action", Note{Kind: KindAction, Text: "Send the study", At: t0}, "", true},
		{"done action", Note{Kind: KindAction, Text: "Send the study", At: t0, Done: true}, "", false},
		{"open question", Note{Kind: KindQuestion, Text: "Who signs?", At: t0, Answer: "  "}, "", true},
		{"answered question", Note{Kind: KindQuestion, Text: "Who signs?", At: t0, Answer: "Dana"}, "", false},
		{"kind", Note{Kind: "memo", Text: "x", At: t0}, `note kind "memo" is not note, action or question`, false},
		{"empty action", Note{Kind: KindAction, Text: " ", At: t0}, "the action is empty", true},
		{"no time", Note{Kind: KindQuestion, Text: "Who?"}, "the question has no time", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertErr(t, tt.n.Validate(), tt.want)
			if got := tt.n.Open(); got != tt.open {
				t.Errorf("Open() = %v, want %v", got, tt.open)
			}
		})
	}
}

func TestFollowUpValidate(t *testing.T) {
	tests := []struct {
		name string
		f    FollowUp
		want string
	}{
		{"role", FollowUp{Side: CustomerSide, Role: "buyers", Action: "Confirm terms"}, ""},
		{"person only", FollowUp{Side: InternalSide, Person: "Tom", Action: "Load prices"}, ""},
		{"side", FollowUp{Side: "both", Role: "buyers", Action: "x"}, `side "both" is not customer or internal`},
		{"nobody", FollowUp{Side: CustomerSide, Role: " ", Action: "x"}, "the follow-up needs a role or a person"},
		{"no action", FollowUp{Side: CustomerSide, Role: "buyers"}, "the follow-up needs an action"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertErr(t, tt.f.Validate(), tt.want) })
	}
}

func TestFollowUpOverdue(t *testing.T) {
	due := time.Date(2027, 3, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		f    FollowUp
		now  time.Time
		want bool
	}{
		{"the day before", FollowUp{Due: due}, due.Add(-time.Hour), false},
		{"on the due day, late evening", FollowUp{Due: due}, due.Add(23 * time.Hour), false},
		{"the day after", FollowUp{Due: due}, due.AddDate(0, 0, 1).Add(time.Minute), true},
		{"done", FollowUp{Due: due, Done: true}, due.AddDate(0, 0, 5), false},
		{"no due date", FollowUp{}, due.AddDate(0, 0, 5), false},
	}
	for _, tt := range tests {
		if got := tt.f.Overdue(tt.now); got != tt.want {
			t.Errorf("%s: Overdue = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestScenarioValidate(t *testing.T) {
	line := ImpactLine{Product: "Crunch Oat", Units: dec("1000"), Price: dec("70"), Margin: dec("30"), CannibalRate: dec("40"), CannibalMargin: dec("25")}
	category := Scenario{Name: "Listing", Kind: CategoryScenario,
		Impact: CategoryImpact{BaselineTurnover: dec("1000000"), BaselineMargin: dec("28"), Lines: []ImpactLine{line}}}
	profit := Scenario{Name: "Package", Kind: ProfitScenario,
		Profit: Profitability{ListPrice: dec("100"), Discount: dec("10"), Rebate: dec("10"), CostOfGoods: dec("50"), Volume: dec("1000")}}
	tests := []struct {
		name string
		s    Scenario
		edit func(*Scenario)
		want string
	}{
		{"category", category, func(*Scenario) {}, ""},
		{"profitability", profit, func(*Scenario) {}, ""},
		{"no name", category, func(s *Scenario) { s.Name = "" }, "the scenario needs a name"},
		{"kind", category, func(s *Scenario) { s.Kind = "forecast" }, `scenario kind "forecast" is not category or profitability`},
		{"negative baseline", category, func(s *Scenario) { s.Impact.BaselineTurnover = dec("-1") }, "baseline turnover cannot be negative"},
		{"baseline margin", category, func(s *Scenario) { s.Impact.BaselineMargin = dec("101") }, "baseline margin 101% should be between 0 and 100"},
		{"line without product", category, func(s *Scenario) { s.Impact.Lines = []ImpactLine{{Units: dec("1")}} }, "line 1 needs a product"},
		{"negative units", category, func(s *Scenario) { s.Impact.Lines[0].Units = dec("-1") }, "Crunch Oat: units, price and allowance cannot be negative"},
		{"negative allowance", category, func(s *Scenario) { s.Impact.Lines[0].Allowance = dec("-1") }, "cannot be negative"},
		{"rate", category, func(s *Scenario) { s.Impact.Lines[0].CannibalRate = dec("140") }, "Crunch Oat: cannibalization rate 140% should be between 0 and 100"},
		{"cannibalized margin", category, func(s *Scenario) { s.Impact.Lines[0].CannibalMargin = dec("-2") }, "Crunch Oat: cannibalized margin -2%"},
		{"line margin", category, func(s *Scenario) { s.Impact.Lines[0].Margin = dec("100.5") }, "Crunch Oat: margin 100.5%"},
		{"list price", profit, func(s *Scenario) { s.Profit.ListPrice = dec("-1") }, "list price cannot be negative"},
		{"volume", profit, func(s *Scenario) { s.Profit.Volume = dec("-1") }, "volume cannot be negative"},
		{"discount", profit, func(s *Scenario) { s.Profit.Discount = dec("120") }, "discount 120% should be between 0 and 100"},
		{"rebate", profit, func(s *Scenario) { s.Profit.Rebate = dec("-3") }, "rebate -3% should be between 0 and 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.s
			s.Impact.Lines = append([]ImpactLine(nil), tt.s.Impact.Lines...)
			tt.edit(&s)
			assertErr(t, s.Validate(), tt.want)
		})
	}
}

func TestKindsValid(t *testing.T) {
	for _, k := range AccountKinds {
		if !k.Valid() {
			t.Errorf("%s not valid", k)
		}
	}
	for _, topic := range Topics {
		if !topic.Valid() {
			t.Errorf("%s not valid", topic)
		}
	}
	if AccountKind("").Valid() || Topic("pricing").Valid() || Direction("sideways").Valid() ||
		ItemStatus("closed").Valid() || Status("").Valid() || NoteKind("").Valid() || Side("").Valid() ||
		ScenarioKind("").Valid() {
		t.Error("an unknown value is valid")
	}
	if len(Topics) != 8 {
		t.Errorf("%d topics, DESIGN lists 8", len(Topics))
	}
}

// A deadline is a date (the forms read it with time.Parse(DateLayout), so UTC
// midnight); the creation time is a local clock time. The deadline is before
// the creation only when its date is before the date the negotiation was
// created on, where it was created.
func TestNegotiationDeadlineComparesLocalDates(t *testing.T) {
	newYork := time.FixedZone("EST", -5*3600)
	sydney := time.FixedZone("AEST", 10*3600)
	date := func(s string) time.Time {
		d, err := time.Parse(DateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name     string
		created  time.Time
		deadline time.Time
		want     string
	}{
		// 8 pm on 1 March in New York is already 2 March in UTC.
		{"same day, evening west of UTC", time.Date(2027, 3, 1, 20, 0, 0, 0, newYork), date("2027-03-01"), ""},
		{"day before, evening west of UTC", time.Date(2027, 3, 1, 20, 0, 0, 0, newYork), date("2027-02-28"), "is before the negotiation was created"},
		// 8 am on 1 March in Sydney is still 28 February in UTC.
		{"day before, morning east of UTC", time.Date(2027, 3, 1, 8, 0, 0, 0, sydney), date("2027-02-28"), "the deadline 2027-02-28 is before the negotiation was created"},
		{"same day, morning east of UTC", time.Date(2027, 3, 1, 8, 0, 0, 0, sydney), date("2027-03-01"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Negotiation{AccountID: 1, Title: "2027 terms", Stage: StagePrepare, Status: Active, Currency: "EUR",
				Created: tt.created, Deadline: tt.deadline}
			assertErr(t, n.Validate(), tt.want)
		})
	}
}
