package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/internal/sentinel"
	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

func TestMinutesHoldNothingInternal(t *testing.T) {
	now := time.Date(2027, time.March, 15, 10, 0, 0, 0, time.UTC)
	set := sentinel.Negotiation(now)
	minutes, err := model.Minutes(set.Dossier, 1, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range set.Internal {
		if strings.Contains(minutes, s) {
			t.Errorf("the minutes show internal %q", s)
		}
	}
	// What the minutes are for: names, place, attendee, the moves with what
	// they were traded for, the action and the question.
	for _, s := range []string{"SENTINEL-SAFE-ACCOUNT", "SENTINEL-SAFE-TITLE", "SENTINEL-SAFE-PLACE", "SENTINEL-SAFE-ATTENDEE",
		"SENTINEL-SAFE-ITEM-PRICE", "SENTINEL-SAFE-TRADED-FOR", "SENTINEL-SAFE-ACTION", "SENTINEL-SAFE-QUESTION",
		model.FormatValue(decimal.RequireFromString("8999990.75"))} {
		if !strings.Contains(minutes, s) {
			t.Errorf("the minutes lack buyer-safe %q", s)
		}
	}
	if t.Failed() {
		t.Logf("minutes:\n%s", minutes)
	}
}

func TestMinutesOfTheDemo(t *testing.T) {
	now := time.Date(2027, 2, 15, 12, 0, 0, 0, time.UTC)
	d := model.Demo(now)
	// A trade typed with a move's number: the minutes say it in words.
	m2 := d.Meetings[1]
	d.Ledger = append(d.Ledger, model.Concession{ID: 13, MeetingID: m2.ID, ItemID: 3, By: model.Them,
		To: decimal.RequireFromString("2.5"), TradedFor: "#10", At: m2.Started.Add(100 * time.Minute)})
	minutes, err := model.Minutes(d, 2, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Minutes: Hollis Foodstores › 2027 annual terms, meeting 2",
		"- Attendees: Dana Whitlock, Lena Ruiz",
		"Hollis Foodstores moved on:",
		"- Payment terms: from 75 to 60 days, for e-invoicing from January (between meetings 1 and 2)",
		"- Annual volume commitment: from 150,000 to 170,000 cases, for list price at 24.50",
		"We moved on:",
		"- List price per case: from 24.80 to 24.50 EUR/case, for 170,000 cases committed",
		"- List price per case: you 23.40 EUR/case, we 24.50 EUR/case, 1.10 apart",
		"- [ ] Send the revised category impact with 6 SKUs before Friday (owner: us)",
		"- Can they commit to two leaflet weeks in Q2? (open)",
		"- Annual growth rebate: from 3.0 to 2.5 %, for Annual growth rebate at 1.75 %",
		"Meeting 3: date to be agreed.",
	} {
		if !strings.Contains(minutes, want+"\n") {
			t.Errorf("minutes lack the line %q", want)
		}
	}
	// No target, walk-away, weight, score, money, plain note or summary.
	for _, internal := range []string{"24.20", "23.60", "98.5", "Weight", "score", "Score", "contribution", "800,000",
		"as far as I go", "Exploratory", "Price and volume moved together", "Given to keep the mood", "unreciprocated", "#sku",
		"#10", "deadline", d.Negotiation.Deadline.Format(model.DateLayout), "in 20 days"} {
		if strings.Contains(minutes, internal) {
			t.Errorf("minutes show internal %q", internal)
		}
	}
	// Meeting 1's internal action (our own people's errand) stays out; its
	// shared question, asked of the buyer, is in.
	m1, _ := model.Minutes(d, 1, now)
	if strings.Contains(m1, "on-time-in-full history") || !strings.Contains(m1, "- Who signs off promotions: Dana or marketing? Answer: Priya") {
		t.Errorf("meeting 1's minutes:\n%s", m1)
	}
	// A shared action names its owner from the contacts.
	d.Notes[5].Shared = true
	if m1, _ = model.Minutes(d, 1, now); !strings.Contains(m1, "- [x] pull our on-time-in-full history for Q3 (owner: Lena Ruiz)") {
		t.Errorf("meeting 1's shared action lacks its owner:\n%s", m1)
	}
	// Default: the last meeting; an unknown meeting is refused.
	if last, _ := model.Minutes(d, 0, now); last != minutes {
		t.Error("the default is not the last meeting")
	}
	if _, err := model.Minutes(d, 7, now); err == nil || !strings.Contains(err.Error(), "no meeting 7") {
		t.Errorf("meeting 7: %v", err)
	}
}
