package model

import (
	"fmt"
	"strings"
)

// Stage is where the negotiation stands in the usual sequence of a round.
type Stage string

// The stages, in order.
const (
	StagePrepare  Stage = "prepare"
	StageExplore  Stage = "explore"
	StagePropose  Stage = "propose"
	StageBargain  Stage = "bargain"
	StageAgree    Stage = "agree"
	StageFollowUp Stage = "follow-up"
)

// Stages lists the stages in order.
var Stages = []Stage{StagePrepare, StageExplore, StagePropose, StageBargain, StageAgree, StageFollowUp}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool { return s.Index() >= 0 }

// Index is the stage's place in the sequence, or -1.
func (s Stage) Index() int {
	for i, known := range Stages {
		if s == known {
			return i
		}
	}
	return -1
}

// Next is the stage after s; the last stage has none.
func (s Stage) Next() (Stage, bool) {
	i := s.Index()
	if i < 0 || i == len(Stages)-1 {
		return s, false
	}
	return Stages[i+1], true
}

// Purpose says in a few words what the stage is for.
func (s Stage) Purpose() string {
	switch s {
	case StagePrepare:
		return "set the agenda, our positions and our estimates of theirs"
	case StageExplore:
		return "learn the buyer's needs and test our estimates"
	case StagePropose:
		return "table our proposal and the category numbers behind it"
	case StageBargain:
		return "trade concessions, never give one away"
	case StageAgree:
		return "settle every item and confirm the package"
	case StageFollowUp:
		return "make the deal happen on both sides"
	}
	return ""
}

func stageList() string {
	names := make([]string, len(Stages))
	for i, s := range Stages {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// Check is one outcome the app can verify for a stage.
type Check struct {
	Label  string
	OK     bool
	Detail string // what is missing, when not OK
	// Reveals is the internal part of the privacy rule (privacy.go) the
	// check tells about, whether it passes or not; empty when it tells
	// nothing the buyer may not see.
	Reveals Part
}

// Checks lists the outcome checks of a stage against the dossier.
func (d *Dossier) Checks(s Stage) []Check {
	switch s {
	case StagePrepare:
		return d.prepareChecks()
	case StageExplore:
		return d.exploreChecks()
	case StagePropose:
		return d.proposeChecks()
	case StageBargain:
		return d.bargainChecks()
	case StageAgree:
		return d.agreeChecks()
	case StageFollowUp:
		return d.followUpChecks()
	}
	return nil
}

// Readiness sums up the prepare checks in one line, e.g. "2 items lack a walk-away".
func (d *Dossier) Readiness() string {
	var missing []string
	for _, c := range d.prepareChecks() {
		if !c.OK {
			missing = append(missing, c.Detail)
		}
	}
	if len(missing) == 0 {
		return "ready: every item has its positions, estimates and weights"
	}
	return strings.Join(missing, "; ")
}

func check(label string, failing int, detail string) Check {
	if failing == 0 {
		return Check{Label: label, OK: true}
	}
	return Check{Label: label, Detail: fmt.Sprintf(detail, failing, plural(failing, "item", "items"), plural(failing, "lacks", "lack"))}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// itemsCheck checks that no item lacks what, naming the items that do by
// their agenda number and title, "2 items lack a target: 3 Annual growth
// rebate, 5 Promotional allowance" (the first three, then how many more).
func (d *Dossier) itemsCheck(label string, lacks func(AgendaItem) bool, what string) Check {
	var names []string
	for i, it := range d.Items {
		if lacks(it) {
			names = append(names, fmt.Sprintf("%d %s", i+1, it.Title))
		}
	}
	c := check(label, len(names), "%d %s %s "+what)
	if len(names) > 3 {
		names = append(names[:3], fmt.Sprintf("%d more", len(names)-3))
	}
	if !c.OK {
		c.Detail += ": " + strings.Join(names, ", ")
	}
	return c
}

func (d *Dossier) countItems(pred func(AgendaItem) bool) int {
	n := 0
	for _, it := range d.Items {
		if pred(it) {
			n++
		}
	}
	return n
}

func (d *Dossier) prepareChecks() []Check {
	checks := []Check{{Label: "the agenda has items", OK: len(d.Items) > 0, Detail: "the agenda is empty"}}
	numeric := func(pred func(AgendaItem) bool) func(AgendaItem) bool {
		return func(it AgendaItem) bool { return it.Numeric() && pred(it) }
	}
	checks = append(checks,
		d.itemsCheck("every numeric item has a target", numeric(func(it AgendaItem) bool { return !it.OurTarget.Valid }), "a target"),
		d.itemsCheck("every numeric item has a walk-away", numeric(func(it AgendaItem) bool { return !it.OurWalkAway.Valid }), "a walk-away"),
		d.itemsCheck("their opening is estimated", numeric(func(it AgendaItem) bool { return !it.TheirOpening.Valid }), "an estimate of their opening"),
		d.itemsCheck("weights are set", func(it AgendaItem) bool { return it.Weight == 0 }, "a weight"),
		d.itemsCheck("value to them is estimated", func(it AgendaItem) bool { return it.ValueToThem == 0 }, "a value to them"),
	)
	for i := range checks {
		checks[i].Reveals = PartReadiness
	}
	return checks
}

func (d *Dossier) openNotes(kind NoteKind) int {
	n := 0
	for _, note := range d.Notes {
		if note.Kind == kind && note.Open() {
			n++
		}
	}
	return n
}

func (d *Dossier) exploreChecks() []Check {
	held := 0
	for _, m := range d.Meetings {
		if !m.Ended.IsZero() {
			held++
		}
	}
	q := d.openNotes(KindQuestion)
	return []Check{
		{Label: "a meeting has been held", OK: held > 0, Detail: "no meeting has ended yet"},
		{Label: "every question is answered", OK: q == 0, Detail: fmt.Sprintf("%d open %s", q, plural(q, "question", "questions"))},
	}
}

func (d *Dossier) proposeChecks() []Check {
	var shown *Scenario
	for i, s := range d.Scenarios {
		if s.Kind == CategoryScenario && (shown == nil || s.ForBuyer) {
			shown = &d.Scenarios[i]
		}
	}
	c := Check{Label: "the category impact shows a net gain after cannibalization"}
	switch {
	case shown == nil:
		c.Detail = "no category-impact scenario yet"
	default:
		if !BuyerSafeScenario(*shown) {
			c.Reveals = PartUnmarkedScenario
		}
		r := shown.Impact.Result()
		c.OK = r.NetTurnover.IsPositive() && r.NetProfit.IsPositive()
		c.Detail = fmt.Sprintf("%q: %s", shown.Name, r.Verdict())
	}
	rank := d.countItems(func(it AgendaItem) bool { return it.Status == ItemOpen && it.Weight == 0 && it.ValueToThem == 0 })
	ranked := check("the trade plan ranks every open item", rank, "%d %s %s weight and value to them")
	ranked.Reveals = PartTradePlan
	return []Check{
		check("their position is known on every numeric item", d.countItems(func(it AgendaItem) bool { return it.Numeric() && !it.TheirOpening.Valid }), "%d %s %s their position"),
		c,
		ranked,
	}
}

func (d *Dossier) bargainChecks() []Check {
	r := d.Replay()
	flag := func(label string, f Flag, detail string) Check {
		n := r.Flagged(f)
		return Check{Label: label, OK: n == 0, Detail: fmt.Sprintf(detail, n, plural(n, "concession", "concessions")), Reveals: PartFlags}
	}
	return []Check{
		flag("every concession of ours was traded", Unreciprocated, "%d unreciprocated %s"),
		flag("our concessions get smaller", Increasing, "%d increasing %s"),
		flag("nothing past our walk-away", PastWalkAway, "%d %s past our walk-away"),
	}
}

func (d *Dossier) agreeChecks() []Check {
	open := d.countItems(func(it AgendaItem) bool { return it.Status == ItemOpen })
	return []Check{
		{Label: "every item is agreed or parked", OK: open == 0, Detail: fmt.Sprintf("%d %s still open", open, plural(open, "item", "items"))},
		{Label: "the follow-up checklist exists", OK: len(d.FollowUps) > 0, Detail: "no follow-up lines yet"},
	}
}

func (d *Dossier) followUpChecks() []Check {
	done, total := d.FollowUpProgress()
	return []Check{
		{Label: "the negotiation is marked agreed", OK: d.Negotiation.Status == Agreed, Detail: "status is " + string(d.Negotiation.Status)},
		{Label: "every follow-up is done", OK: total > 0 && done == total, Detail: fmt.Sprintf("%d/%d done", done, total),
			Reveals: PartInternalFollowUps},
	}
}

// FollowUpProgress counts the follow-up lines done and in all.
func (d *Dossier) FollowUpProgress() (done, total int) {
	for _, f := range d.FollowUps {
		if f.Done {
			done++
		}
	}
	return done, len(d.FollowUps)
}
