package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/internal/sentinel"
	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

func TestRedactedBriefHoldsNothingInternal(t *testing.T) {
	now := time.Date(2027, time.March, 15, 10, 0, 0, 0, time.UTC)
	set := sentinel.Negotiation(now)
	if err := set.Dossier.Validate(); err != nil {
		t.Fatalf("the sentinel negotiation is invalid: %v", err)
	}
	redacted := model.Brief(set.Dossier, model.BriefOptions{Redact: true, Now: now})
	for _, s := range set.Internal {
		if strings.Contains(redacted, s) {
			t.Errorf("the redacted brief shows internal %q", s)
		}
	}
	for _, s := range set.BuyerSafe {
		if !strings.Contains(redacted, s) {
			t.Errorf("the redacted brief lacks buyer-safe %q", s)
		}
	}
	// The full brief shows the internal values: the sentinels are rendered where looked for.
	full := model.Brief(set.Dossier, model.BriefOptions{Now: now})
	for _, s := range []string{"SENTINEL-INTERNAL-WORST-CASE", "SENTINEL-INTERNAL-SUMMARY", "8,765,432.109", "unrecip", "Reciprocity", "Trade plan"} {
		if !strings.Contains(full, s) {
			t.Errorf("the full brief lacks %q: the sentinel is not where the test looks", s)
		}
	}
	if t.Failed() {
		t.Logf("redacted brief:\n%s", redacted)
	}
}

func TestPrivacyRule(t *testing.T) {
	p := model.Privacy{BuyerView: true}
	for f, want := range map[model.ItemField]bool{model.FieldTitle: true, model.FieldPositions: true, model.FieldGap: true,
		model.FieldTarget: false, model.FieldWalkAway: false, model.FieldTheirWalkAway: false, model.FieldWeight: false,
		model.FieldValueToThem: false, model.FieldScore: false, model.FieldMoney: false, model.FieldNote: false, model.FieldLeverage: false} {
		if p.Field(f) != want || !(model.Privacy{}).Field(f) {
			t.Errorf("field %q: buyer view shows %v, want %v", f, p.Field(f), want)
		}
	}
	for _, k := range []model.NoteKind{model.KindNote, model.KindAction, model.KindQuestion} {
		if p.Note(model.Note{Kind: k}) || !p.Note(model.Note{Kind: k, Shared: true}) {
			t.Errorf("%s: internal unless marked shared", k)
		}
	}
	if p.FollowUp(model.FollowUp{Side: model.InternalSide}) || !p.FollowUp(model.FollowUp{Side: model.CustomerSide}) {
		t.Error("follow-ups: only the customer's side is buyer-safe")
	}
	if p.Scenario(model.Scenario{Kind: model.CategoryScenario}) || !p.Scenario(model.Scenario{Kind: model.CategoryScenario, ForBuyer: true}) ||
		p.Scenario(model.Scenario{Kind: model.ProfitScenario, ForBuyer: true}) {
		t.Error("scenarios: only the ★ category scenario is buyer-safe")
	}
	for _, part := range []model.Part{model.PartMeetingSummary, model.PartFlags, model.PartReciprocity, model.PartTradePlan,
		model.PartAccountNotes, model.PartConcessionNote, model.PartProfitability, model.PartPackageScore,
		model.PartForecast, model.PartBudget, model.PartOwed, model.PartAuthority} {
		if p.Part(part) {
			t.Errorf("part %q is shown to the buyer", part)
		}
	}
}

func TestPrivacyOfStageChecks(t *testing.T) {
	set := sentinel.Negotiation(time.Date(2027, time.March, 15, 10, 0, 0, 0, time.UTC))
	d := set.Dossier
	p := model.Privacy{BuyerView: true}
	shown := func(s model.Stage) map[string]bool {
		out := map[string]bool{}
		for _, c := range d.Checks(s) {
			if !(model.Privacy{}).Check(c) {
				t.Errorf("%s: %q is hidden without privacy", s, c.Label)
			}
			out[c.Label] = p.Check(c)
		}
		return out
	}
	// Readiness names what lacks a target or walk-away; the discipline
	// flags and the trade plan are internal; meetings, questions and
	// agreed items are not.
	for label, want := range shown(model.StagePrepare) {
		if want {
			t.Errorf("prepare: %q is shown to the buyer", label)
		}
	}
	for label, want := range shown(model.StageBargain) {
		if want {
			t.Errorf("bargain: %q is shown to the buyer", label)
		}
	}
	propose := shown(model.StagePropose)
	if propose["the trade plan ranks every open item"] || !propose["the category impact shows a net gain after cannibalization"] {
		t.Errorf("propose: %v", propose)
	}
	if explore := shown(model.StageExplore); !explore["a meeting has been held"] || !explore["every question is answered"] {
		t.Errorf("explore: %v", explore)
	}
	if agree := shown(model.StageAgree); !agree["every item is agreed or parked"] {
		t.Errorf("agree: %v", agree)
	}
	if follow := shown(model.StageFollowUp); follow["every follow-up is done"] {
		t.Error("follow-up: the count of every follow-up line, internal ones too, is shown to the buyer")
	}
	// Without the ★ the check names an internal scenario.
	for i := range d.Scenarios {
		d.Scenarios[i].ForBuyer = false
	}
	if shown(model.StagePropose)["the category impact shows a net gain after cannibalization"] {
		t.Error("propose: the check naming a scenario not marked ★ is shown to the buyer")
	}
}

func TestPrivacyOfContacts(t *testing.T) {
	p := model.Privacy{BuyerView: true}
	if p.Contact(model.Contact{Side: model.InternalSide}) || !p.Contact(model.Contact{Side: model.CustomerSide}) {
		t.Error("contacts: only the customer's people are buyer-safe")
	}
}

// TestRedactedBriefHoldsNothingAhead: the forecast, today's budget and the
// owed trade-backs (PartForecast, PartBudget, PartOwed) are in the full
// brief and never in the redacted one.
func TestRedactedBriefHoldsNothingAhead(t *testing.T) {
	now := time.Date(2027, time.March, 15, 10, 0, 0, 0, time.UTC)
	set := sentinel.Negotiation(now)
	d := set.Dossier
	d.Budgets = []model.Budget{{ID: 1, ItemID: 1, Value: decimal.RequireFromString("8123456.789"), At: now}}
	if err := d.CheckBudget(d.Budgets[0]); err != nil {
		t.Fatalf("the sentinel budget is refused: %v", err)
	}
	if len(d.Replay().Owed()) == 0 {
		t.Fatal("the sentinel negotiation owes nothing: the owed lines are not where the test looks")
	}
	internal := []string{"Likely landing", "Owed trade-backs", "owed ", "Today's budget", "8,123,456.789", "budget left"}
	full := model.Brief(d, model.BriefOptions{Now: now})
	redacted := model.Brief(d, model.BriefOptions{Redact: true, Now: now})
	for _, s := range internal {
		if s != "budget left" && !strings.Contains(full, s) {
			t.Errorf("the full brief lacks %q: the sentinel is not where the test looks", s)
		}
		if strings.Contains(strings.ToLower(redacted), strings.ToLower(s)) {
			t.Errorf("the redacted brief shows internal %q", s)
		}
	}
	for _, s := range set.Internal {
		if strings.Contains(redacted, s) {
			t.Errorf("the redacted brief shows internal %q", s)
		}
	}
	if t.Failed() {
		t.Logf("redacted brief:\n%s", redacted)
	}
}

// Issue 18, finding 2: the redacted brief holds neither the stage's
// coaching hint nor our deadline (DESIGN 9: "its name, not our coaching
// hint"; "our deadline" is internal).
func TestRedactedBriefHoldsNoCoachingNorDeadline(t *testing.T) {
	now := time.Date(2027, 2, 15, 12, 0, 0, 0, time.UTC)
	d := model.Demo(now)
	hint, deadline := d.Negotiation.Stage.Purpose(), d.Negotiation.Deadline.Format(model.DateLayout)
	full := model.Brief(d, model.BriefOptions{Now: now})
	if !strings.Contains(full, hint) || !strings.Contains(full, deadline) {
		t.Fatalf("the full brief lacks %q or %q: the test looks in the wrong place", hint, deadline)
	}
	redacted := model.Brief(d, model.BriefOptions{Now: now, Redact: true})
	for _, s := range []string{hint, "never give one away", deadline, "deadline", "in 20 days"} {
		if strings.Contains(redacted, s) {
			t.Errorf("the redacted brief shows %q", s)
		}
	}
	if !strings.Contains(redacted, "stage **bargain**") {
		t.Error("the redacted brief lacks the stage's name")
	}
}
