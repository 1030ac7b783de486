package model

import (
	"testing"
	"time"
)

// ledgerDossier is a small agenda for checking concessions:
//
//	10 list price   up   ours 100, theirs 80
//	20 payment days down ours 30,  theirs 90
//	30 listing      text only
//	40 volume       up   agreed
//	50 contract     up   ours 36, their opening unknown
//
// with two concessions of ours on the price already logged: 100 → 97 → 95.
func ledgerDossier() *Dossier {
	return &Dossier{
		Items: []AgendaItem{
			{ID: 10, Topic: TopicPrice, Title: "List price", Better: Up, Status: ItemOpen,
				OurOpening: opt("100"), OurTarget: opt("95"), OurWalkAway: opt("90"), TheirOpening: opt("80")},
			{ID: 20, Topic: TopicTerms, Title: "Payment days", Better: Down, Status: ItemOpen,
				OurOpening: opt("30"), OurTarget: opt("45"), OurWalkAway: opt("60"), TheirOpening: opt("90")},
			{ID: 30, Topic: TopicOther, Title: "Listing", Status: ItemOpen},
			{ID: 40, Topic: TopicVolume, Title: "Volume", Better: Up, Status: ItemAgreed, AgreedAt: t0,
				OurOpening: opt("200"), TheirOpening: opt("150")},
			{ID: 50, Topic: TopicSupply, Title: "Contract", Better: Up, Status: ItemOpen, OurOpening: opt("36")},
		},
		Ledger: []Concession{
			{ID: 1, ItemID: 10, By: Us, To: dec("97"), At: t0.Add(time.Minute)},
			{ID: 2, ItemID: 10, By: Us, To: dec("95"), At: t0.Add(2 * time.Minute)},
			{ID: 3, ItemID: 10, By: Them, To: dec("85"), At: t0.Add(3 * time.Minute)},
		},
	}
}

func TestCheckConcession(t *testing.T) {
	at := t0.Add(time.Hour)
	tests := []struct {
		name string
		c    Concession
		want string // "" when accepted
	}{
		// Accepted.
		{"ours on price, after our 95", Concession{ItemID: 10, By: Us, To: dec("93"), At: at}, ""},
		{"theirs on price, after their 85", Concession{ItemID: 10, By: Them, To: dec("88"), At: at}, ""},
		{"ours on days: down is better, so more days is a concession", Concession{ItemID: 20, By: Us, To: dec("45"), At: at}, ""},
		{"theirs on days: fewer days", Concession{ItemID: 20, By: Them, To: dec("75"), At: at}, ""},
		{"to the other side's position is a move", Concession{ItemID: 10, By: Us, To: dec("85"), At: at}, ""},
		{"traded against one of theirs", Concession{ItemID: 10, By: Us, To: dec("94"), At: at, TradedAgainst: 3}, ""},
		{"their concession with no traded-for", Concession{ItemID: 20, By: Them, To: dec("89.5"), At: at}, ""},
		// Refused.
		{"unknown item", Concession{ItemID: 99, By: Us, To: dec("1"), At: at}, "there is no such item on the agenda"},
		{"text-only item", Concession{ItemID: 30, By: Us, To: dec("1"), At: at}, `"Listing" has no numbers: mark it agreed instead of logging a concession`},
		{"agreed item", Concession{ItemID: 40, By: Us, To: dec("180"), At: at}, `"Volume" is already agreed: reopen it to log a concession`},
		{"theirs without their opening", Concession{ItemID: 50, By: Them, To: dec("24"), At: at}, `their opening on "Contract" is not set: enter it on the agenda first`},
		{"ours away from them", Concession{ItemID: 10, By: Us, To: dec("96"), At: at}, `that is no concession: we are at 95 on "List price" and 96 moves away from the other side`},
		{"ours no move", Concession{ItemID: 10, By: Us, To: dec("95.00"), At: at}, `we are already at 95 on "List price"`},
		{"theirs away from us", Concession{ItemID: 10, By: Them, To: dec("84"), At: at}, `that is no concession: they are at 85`},
		{"theirs no move", Concession{ItemID: 10, By: Them, To: dec("85"), At: at}, `they are already at 85 on "List price"`},
		{"ours on days, fewer days", Concession{ItemID: 20, By: Us, To: dec("25"), At: at}, "moves away from the other side"},
		{"theirs on days, more days", Concession{ItemID: 20, By: Them, To: dec("95"), At: at}, "moves away from the other side"},
		{"ours past their position", Concession{ItemID: 10, By: Us, To: dec("70"), At: at}, "they ask 85; to settle there type `agree 1`"},
		{"theirs past our position", Concession{ItemID: 10, By: Them, To: dec("96"), At: at}, "we ask 95; to settle there type `agree 1`"},
		{"traded against one of ours", Concession{ItemID: 10, By: Us, To: dec("94"), At: at, TradedAgainst: 1}, "a concession is traded against one by the other side"},
		{"traded against a missing one", Concession{ItemID: 10, By: Us, To: dec("94"), At: at, TradedAgainst: 42}, "the concession it is traded against does not exist"},
		{"no time", Concession{ItemID: 10, By: Us, To: dec("94")}, "the concession has no time"},
		{"no party", Concession{ItemID: 10, To: dec("94"), At: at}, "say who conceded"},
		// Edits of a logged concession are checked against both neighbours.
		{"edit first: still between opening and next", Concession{ID: 1, ItemID: 10, By: Us, To: dec("96"), At: t0.Add(time.Minute)}, ""},
		{"edit first: next would no longer be a move", Concession{ID: 1, ItemID: 10, By: Us, To: dec("94"), At: t0.Add(time.Minute)},
			`the next concession on "List price" (to 95) would no longer be a move`},
		{"edit first: equal to next", Concession{ID: 1, ItemID: 10, By: Us, To: dec("95"), At: t0.Add(time.Minute)},
			"would no longer be a move"},
		{"edit first: not a move from the opening", Concession{ID: 1, ItemID: 10, By: Us, To: dec("100"), At: t0.Add(time.Minute)},
			`we are already at 100 on "List price"`},
		{"edit last: measured from the one before", Concession{ID: 2, ItemID: 10, By: Us, To: dec("97"), At: t0.Add(2 * time.Minute)},
			`we are already at 97 on "List price"`},
		{"edit last: further is fine", Concession{ID: 2, ItemID: 10, By: Us, To: dec("92"), At: t0.Add(2 * time.Minute)}, ""},
		{"edit theirs", Concession{ID: 3, ItemID: 10, By: Them, To: dec("81"), At: t0.Add(3 * time.Minute)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ledgerDossier()
			assertErr(t, d.CheckConcession(tt.c), tt.want)
		})
	}
}

// linkedDossier is ledgerDossier with an account, a negotiation, a meeting,
// a note, a follow-up and a scenario linked to the price: valid, with a
// record of every kind for a test to break.
func linkedDossier() *Dossier {
	d := ledgerDossier()
	d.Account = Account{ID: 1, Name: "Hollis", Kind: Retail}
	d.Negotiation = Negotiation{ID: 1, AccountID: 1, Title: "2027 terms", Stage: StageBargain, Status: Active, Currency: "EUR"}
	d.Meetings = []Meeting{{ID: 5, Number: 1, Started: t0, Ended: t0.Add(time.Hour)}}
	d.Notes = []Note{{ID: 1, MeetingID: 5, ItemID: 10, Kind: KindNote, Text: "x", At: t0}}
	d.FollowUps = []FollowUp{{ID: 1, Side: CustomerSide, Role: "buyers", Action: "Confirm"}}
	d.Scenarios = []Scenario{{ID: 7, Name: "Package", Kind: ProfitScenario, Profit: Profitability{ListPrice: dec("100")}}}
	d.Items[0].Link = ScenarioLink{ScenarioID: 7, Field: "list_price"}
	return d
}

func TestDossierValidateLinks(t *testing.T) {
	base := linkedDossier
	tests := []struct {
		name string
		edit func(*Dossier)
		want string
	}{
		{"valid", func(*Dossier) {}, ""},
		{"account", func(d *Dossier) { d.Account.Name = "" }, "account: the account needs a name"},
		{"negotiation", func(d *Dossier) { d.Negotiation.Currency = "" }, `negotiation "2027 terms": currency`},
		{"item", func(d *Dossier) { d.Items[1].Weight = 200 }, `item "Payment days": weight 200`},
		{"duplicate item id", func(d *Dossier) { d.Items[1].ID = 10 }, `item "Payment days": id 10 is used twice`},
		{"missing scenario", func(d *Dossier) { d.Items[0].Link.ScenarioID = 8 }, `item "List price" links to a missing scenario`},
		{"missing field", func(d *Dossier) { d.Items[0].Link.Field = "baseline_turnover" },
			`item "List price" links to "baseline_turnover", which scenario "Package" does not have`},
		{"meeting", func(d *Dossier) { d.Meetings[0].Number = 0 }, "meeting number 0"},
		{"duplicate meeting id", func(d *Dossier) {
			d.Meetings = append(d.Meetings, Meeting{ID: 5, Number: 2, Started: t0.AddDate(0, 0, 7)})
		}, "meeting 2: id 5 is used twice"},
		{"duplicate concession id", func(d *Dossier) { d.Ledger[1].ID = 1 }, "concession 1: id used twice"},
		{"concession", func(d *Dossier) { d.Ledger[0].At = time.Time{} }, "concession 1: the concession has no time"},
		{"concession item", func(d *Dossier) { d.Ledger[0].ItemID = 77 }, "concession 1 is on an item that does not exist"},
		{"concession meeting", func(d *Dossier) { d.Ledger[0].MeetingID = 6 }, "concession 1 belongs to a meeting that does not exist"},
		{"traded against", func(d *Dossier) { d.Ledger[2].TradedAgainst = 9 }, "concession 3 is traded against a concession that does not exist"},
		{"note", func(d *Dossier) { d.Notes[0].Text = "" }, "note 1: the note is empty"},
		{"note item", func(d *Dossier) { d.Notes[0].ItemID = 77 }, "note 1 is tagged to an item that does not exist"},
		{"note meeting", func(d *Dossier) { d.Notes[0].MeetingID = 6 }, "note 1 belongs to a meeting that does not exist"},
		{"follow-up", func(d *Dossier) { d.FollowUps[0].Action = "" }, "follow-up 1: the follow-up needs an action"},
		{"scenario", func(d *Dossier) { d.Scenarios[0].Profit.Discount = dec("101") }, `scenario "Package": discount 101%`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.edit(d)
			assertErr(t, d.Validate(), tt.want)
		})
	}
}

func TestDossierLookupsAndSort(t *testing.T) {
	d := &Dossier{
		Items:     []AgendaItem{{ID: 3, Order: 2}, {ID: 1, Order: 1}, {ID: 2, Order: 2}},
		Meetings:  []Meeting{{ID: 9, Number: 2, Started: t0.Add(48 * time.Hour)}, {ID: 8, Number: 1, Started: t0, Ended: t0.Add(time.Hour)}},
		Ledger:    []Concession{{ID: 2, At: t0.Add(time.Minute)}, {ID: 3, At: t0}, {ID: 1, At: t0}},
		Notes:     []Note{{ID: 5, At: t0.Add(time.Hour)}, {ID: 4, At: t0}},
		FollowUps: []FollowUp{{ID: 1, Order: 2}, {ID: 2, Order: 1}},
		Scenarios: []Scenario{{ID: 2}, {ID: 1}},
	}
	d.Sort()
	ids := func(n int, id func(int) uint64) []uint64 {
		out := make([]uint64, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	check := func(what string, got []uint64, want ...uint64) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s order %v, want %v", what, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s order %v, want %v", what, got, want)
				return
			}
		}
	}
	check("items", ids(3, func(i int) uint64 { return d.Items[i].ID }), 1, 2, 3)
	check("meetings", ids(2, func(i int) uint64 { return d.Meetings[i].ID }), 8, 9)
	check("ledger", ids(3, func(i int) uint64 { return d.Ledger[i].ID }), 1, 3, 2)
	check("notes", ids(2, func(i int) uint64 { return d.Notes[i].ID }), 4, 5)
	check("follow-ups", ids(2, func(i int) uint64 { return d.FollowUps[i].ID }), 2, 1)
	check("scenarios", ids(2, func(i int) uint64 { return d.Scenarios[i].ID }), 1, 2)

	if i := d.ItemIndex(2); i != 1 {
		t.Errorf("ItemIndex(2) = %d, want 1", i)
	}
	if i := d.ItemIndex(42); i != -1 {
		t.Errorf("ItemIndex(42) = %d, want -1", i)
	}
	if _, ok := d.Item(42); ok {
		t.Error("Item(42) found")
	}
	if m, ok := d.Meeting(9); !ok || m.Number != 2 {
		t.Errorf("Meeting(9) = %+v, %v", m, ok)
	}
	if m, ok := d.RunningMeeting(); !ok || m.ID != 9 {
		t.Errorf("RunningMeeting = %+v, %v; want meeting 9", m, ok)
	}
	if n := d.NextMeetingNumber(); n != 3 {
		t.Errorf("NextMeetingNumber = %d, want 3", n)
	}
	if _, ok := d.Scenario(3); ok {
		t.Error("Scenario(3) found")
	}
	empty := &Dossier{}
	if n := empty.NextMeetingNumber(); n != 1 {
		t.Errorf("NextMeetingNumber of no meetings = %d, want 1", n)
	}
	if _, ok := empty.RunningMeeting(); ok {
		t.Error("RunningMeeting found one in an empty dossier")
	}
}

// The two moves issue 11 found saved as concessions: each passes the other
// side's position and is refused with the hint to agree.
func TestMovePastTheOtherSideIsRefused(t *testing.T) {
	d := &Dossier{Items: []AgendaItem{
		{ID: 1, Topic: TopicPrice, Title: "List price", Better: Up, OurOpening: opt("10.20"), TheirOpening: opt("9.50"), Status: ItemOpen},
		{ID: 2, Topic: TopicSupply, Title: "Service level", Better: Down, OurOpening: opt("95"), TheirOpening: opt("99"), Status: ItemOpen},
	}, Ledger: []Concession{{ID: 1, ItemID: 1, By: Them, To: dec("9.80"), At: t0}}}
	for _, line := range []struct{ text, want string }{
		{"they s 3", "we ask 95; to settle there type `agree 2`"},
		{"we price 9.60", "they ask 9.80; to settle there type `agree 1`"},
	} {
		c, err := ParseCapture(line.text, d.Items)
		if err != nil {
			t.Fatalf("%s: %v", line.text, err)
		}
		assertErr(t, d.CheckConcession(c.Concession(t0.Add(time.Hour), 0)), line.want)
	}
}
