package model

// What the buyer may see (DESIGN section 9). This file is the one place that
// decides it: the redacted brief, the workbench with privacy on and the
// minutes ask these functions and decide nothing on their own. The rule: a
// screen with privacy on shows nothing the redacted brief leaves out.

// ItemField is one thing shown about an agenda item.
type ItemField string

// The item fields a renderer may show.
const (
	FieldTitle         ItemField = "title"
	FieldTopic         ItemField = "topic"
	FieldUnit          ItemField = "unit"
	FieldStatus        ItemField = "status"
	FieldOpenings      ItemField = "openings"        // both sides' openings
	FieldPositions     ItemField = "positions"       // both sides' current positions
	FieldGap           ItemField = "gap"             // in the item's unit
	FieldGapClosed     ItemField = "gap closed"      // share of the opening gap
	FieldTarget        ItemField = "target"          // ours
	FieldWalkAway      ItemField = "walk-away"       // ours
	FieldTheirWalkAway ItemField = "their walk-away" // our estimate
	FieldWeight        ItemField = "weight"
	FieldValueToThem   ItemField = "value to them"
	FieldScore         ItemField = "score"
	FieldRoomLeft      ItemField = "room left"
	FieldMoney         ItemField = "money" // money of the gap, of a concession, per unit
	FieldLeverage      ItemField = "leverage"
	FieldNote          ItemField = "note" // the item's own note
)

// BuyerSafeField reports whether an item's field may be shown to the buyer.
func BuyerSafeField(f ItemField) bool {
	switch f {
	case FieldTitle, FieldTopic, FieldUnit, FieldStatus, FieldOpenings, FieldPositions, FieldGap, FieldGapClosed:
		return true
	}
	return false
}

// Part is a part of a view that is not a field of one record.
type Part string

// The parts a renderer may show.
const (
	PartHeader          Part = "header"         // names, stage, status, meeting count
	PartDeadline        Part = "deadline"       // our deadline and the days left to it
	PartStageCoaching   Part = "stage coaching" // what a stage is for, as we coach ourselves ("never give one away")
	PartMeetingDates    Part = "meeting dates"  // dates, places, attendees
	PartMoves           Part = "moves"          // the ledger's moves with what they were traded for
	PartAccountNotes    Part = "account notes"
	PartMeetingSummary  Part = "meeting summary"
	PartConcessionNote  Part = "concession note"
	PartFlags           Part = "discipline flags"
	PartReciprocity     Part = "reciprocity"
	PartTradePlan       Part = "trade plan" // its order, advice and the "give first" line
	PartPackageScore    Part = "package score"
	PartReadiness       Part = "readiness" // the preparation checks name targets and walk-aways
	PartProfitability   Part = "profitability"
	PartDeal            Part = "deal" // packages, contributions, verdicts, the waterfall
	PartConcessionCosts Part = "concession costs"
	PartForecast        Part = "forecast"
	PartBudget          Part = "budget"
	PartOwed            Part = "owed"
	// PartUnmarkedScenario is what a category scenario not marked ★ says.
	PartUnmarkedScenario Part = "unmarked scenario"
	// PartInternalFollowUps is anything that counts or shows internal follow-up lines.
	PartInternalFollowUps Part = "internal follow-ups"
	// PartAuthority is how far we may go before a manager approves: the
	// limits, and what a move held for approval passes.
	PartAuthority Part = "authority"
)

// BuyerSafePart reports whether a part may be shown to the buyer.
func BuyerSafePart(p Part) bool {
	switch p {
	case PartHeader, PartMeetingDates, PartMoves:
		return true
	}
	return false
}

// BuyerSafeScenario reports whether a scenario may be shown to the buyer:
// only a category scenario marked for the buyer (★).
func BuyerSafeScenario(s Scenario) bool { return s.Kind == CategoryScenario && s.ForBuyer }

// BuyerSafeNote reports whether a note, action or question may be shown to
// the buyer: only when it is marked shared. Lines are internal by default:
// our own questions to ourselves and actions with our people's names are
// typed on the same line as what we promise the buyer.
func BuyerSafeNote(n Note) bool { return n.Shared }

// BuyerSafeFollowUp reports whether a follow-up line may be shown to the
// buyer: the customer's side only.
func BuyerSafeFollowUp(f FollowUp) bool { return f.Side == CustomerSide }

// BuyerSafeContact reports whether a contact may be shown to the buyer:
// the customer's people, not ours (they go with the internal follow-up lines).
func BuyerSafeContact(c Contact) bool { return c.Side == CustomerSide }

// Privacy is a renderer's answer to "may I show this?": with BuyerView off
// everything is shown; on, only what the functions above call buyer-safe.
type Privacy struct {
	BuyerView bool
}

// Field reports whether the item field is shown.
func (p Privacy) Field(f ItemField) bool { return !p.BuyerView || BuyerSafeField(f) }

// Part reports whether the part is shown.
func (p Privacy) Part(part Part) bool { return !p.BuyerView || BuyerSafePart(part) }

// Scenario reports whether the scenario is shown.
func (p Privacy) Scenario(s Scenario) bool { return !p.BuyerView || BuyerSafeScenario(s) }

// Note reports whether the note is shown.
func (p Privacy) Note(n Note) bool { return !p.BuyerView || BuyerSafeNote(n) }

// Check reports whether a stage's outcome check is shown.
func (p Privacy) Check(c Check) bool { return c.Reveals == "" || p.Part(c.Reveals) }

// Contact reports whether the contact is shown.
func (p Privacy) Contact(c Contact) bool { return !p.BuyerView || BuyerSafeContact(c) }

// FollowUp reports whether the follow-up line is shown.
func (p Privacy) FollowUp(f FollowUp) bool { return !p.BuyerView || BuyerSafeFollowUp(f) }
