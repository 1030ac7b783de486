package spar

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Words for the debrief, shared by `parley spar` and the sparring page.

// Heading is the session in one line: case, tactic, seed and length.
func (rec Record) Heading() string {
	return heading(rec.Case, Tactic{Name: rec.Tactic, E: rec.E}, rec.Seed, rec.Meetings, rec.Rounds)
}

// Heading is the session's heading without working out its debrief.
func (s *Session) Heading() string {
	d := s.Case.Dossier
	return heading(caseName(d), s.Config.Tactic, s.Config.Seed, s.Config.Rounds()/RoundsPerMeeting, s.Config.Rounds())
}

func heading(name string, tc Tactic, seed uint64, meetings, rounds int) string {
	return fmt.Sprintf("%s · tactic %s · seed %d · %d %s (%d rounds)", name, tc, seed, meetings, plural(meetings, "meeting"), rounds)
}

// caseName is the account and negotiation the case was copied from.
func caseName(d *model.Dossier) string { return d.Account.Name + " › " + d.Negotiation.Title }

// DebriefLines is the debrief in lines, as a trainee reads it.
func (rec Record) DebriefLines() []string {
	db := rec.Debrief
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	rounds := 0
	if n := len(rec.Transcript); n > 0 {
		rounds = rec.Transcript[n-1].Round
	}
	add("Debrief: %s after %d %s", db.Outcome, rounds, plural(rounds, "round"))
	if db.Deal {
		add("  Deal: %s", rec.line(db.Values))
		add("  Our score %s · contribution %s (%s)", orDash(db.OurScore), money(db.Contribution), db.Verdict)
		add("  Buyer's utility %s · joint gain %s", orDash(db.BuyerUtility), orDash(db.JointGain))
		add("  Distance to the Pareto frontier %s · to the Nash point %s", orDash(db.ParetoDistance), orDash(db.NashDistance))
	}
	switch {
	case db.Frontier.NoZone != "":
		add("  No deal was possible inside both sides' walk-aways: %s", db.Frontier.NoZone)
	case db.Deal && db.BetterTrade != nil:
		add("  A better trade: %s (our score %.2f, theirs %.2f)", rec.line(db.BetterTrade.Values), db.BetterTrade.OurScore, db.BetterTrade.BuyerUtility)
	case db.Deal:
		add("  The deal is on the Pareto frontier: no trade was better for both.")
	case db.BetterTrade != nil:
		add("  A deal both would have taken (the Nash point): %s (our score %.2f, theirs %.2f)",
			rec.line(db.BetterTrade.Values), db.BetterTrade.OurScore, db.BetterTrade.BuyerUtility)
	}
	add("  Our concessions (our score):        %s", curve(db.OurCurve))
	add("  Their concessions (their utility):  %s", curve(db.TheirCurve))
	if len(db.Flags) == 0 {
		add("  Flags: none")
	}
	for _, f := range db.Flags {
		add("  Flag: round %d, item %d (%s): %s", f.Round, f.Item, rec.title(f.Item), strings.Join(f.Flags, ", "))
	}
	grid := fmt.Sprintf("  (frontier: %d efficient points over the value grid", db.Frontier.Points)
	if db.Frontier.Thinned {
		grid += fmt.Sprintf(", thinned to %d while adding issues", db.Frontier.Kept)
	}
	for _, a := range db.Frontier.Grid {
		if a.Coarsened {
			grid += fmt.Sprintf("; item %d at a step of %s", a.Item, a.Step)
		}
	}
	return append(out, grid+")")
}

// Summary is the session in one line, for a list of sessions: tactic,
// seed, rounds played, outcome, our score, contribution and flags.
func (rec Record) Summary() string {
	rounds := 0
	if n := len(rec.Transcript); n > 0 {
		rounds = rec.Transcript[n-1].Round
	}
	db := rec.Debrief
	contribution := "—" // no deal, nothing to price
	if db.Deal {
		contribution = money(db.Contribution)
	}
	return fmt.Sprintf("%-10s seed %d  %2d %s  %s  score %s  contribution %s  flags %d", rec.Tactic, rec.Seed,
		rounds, plural(rounds, "round"), db.Outcome, orDash(db.OurScore), contribution, len(db.Flags))
}

// line is a package keyed by agenda number as the trainee types one.
func (rec Record) line(v map[string]string) string {
	parts := make([]string, 0, len(rec.Issues))
	for _, is := range rec.Issues {
		if x, ok := v[strconv.Itoa(is.Item)]; ok {
			parts = append(parts, fmt.Sprintf("%d %s", is.Item, x))
		}
	}
	return strings.Join(parts, ", ")
}

func (rec Record) title(item int) string {
	for _, is := range rec.Issues {
		if is.Item == item {
			return is.Title
		}
	}
	return "?"
}

func curve(points []CurveRecord) string {
	if len(points) == 0 {
		return "—"
	}
	parts := make([]string, len(points))
	for i, p := range points {
		parts[i] = strconv.FormatFloat(p.Utility, 'f', 2, 64)
	}
	return strings.Join(parts, " → ")
}

func orDash(x *float64) string {
	if x == nil {
		return "—"
	}
	return strconv.FormatFloat(*x, 'f', 2, 64)
}

// money writes a stored amount with separators; one that does not read as
// a number is shown as stored.
func money(s *string) string {
	if s == nil {
		return "unknown"
	}
	d, err := decimal.NewFromString(*s)
	if err != nil {
		return *s
	}
	return model.FormatMoney(d)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
