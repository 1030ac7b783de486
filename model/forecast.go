package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The landing forecast (DESIGN 5.5): where each side is heading on each item,
// from its own pattern of moves and the meetings left before the deadline,
// and what the package where the sides are likely to meet earns us.
//
// Readings of DESIGN 5.5 and 5.8 this file makes, so that the numbers can
// be checked by hand:
//
//   - d_1..d_k are a side's moves on the item counted per meeting: the sizes
//     of all its moves whose epoch is one meeting are added up, and a move
//     between meetings counts toward the next meeting (DESIGN 2). The decay r
//     is a decay from one meeting to the next, and m counts meetings, so a
//     step of the projection is one meeting's movement.
//   - A side with fewer than two moves on an item has no projection (5.8):
//     it is taken to hold where it stands, and no number is shown for it.
//   - A projection stops at the side's walk-away (ours, or our estimate of
//     theirs) and at the other side's current position.
//   - Where no agreement is expected, the landing package takes the
//     midpoint of the two projections, capped at our walk-away; the line
//     names those items.
//   - The headline gives a contribution only when the items with a landing
//     (agreed, or projected to agree) carry at least half the weight of the
//     numeric items; else "too few moves to tell (k of n items)".
//   - Meetings left count from today: m = max(1, ⌊(deadline − today)/mean
//     interval⌋) in calendar days, 0 once the deadline has passed. The mean
//     interval is (last − first)/(n − 1) meeting days; with fewer than two
//     meeting days it is unknown and taken as 7 days.
//   - With no deadline, m = 1: one more meeting, and the forecast says so.
//   - Landings and midpoints round to the item's step.

// OriginLanding marks the derived package of the likely landing.
const OriginLanding PackageOrigin = "landing"

// Forecast is the landing forecast of the whole negotiation.
type Forecast struct {
	Items []ItemForecast // numeric items, in agenda order
	// LastMeeting is the number of the last meeting held or running (0: none yet).
	LastMeeting int
	// MeetingsLeft is m; LandingMeeting the meeting by which the package lands.
	MeetingsLeft   int
	LandingMeeting int
	// IntervalDays is the mean interval between meetings used, and
	// IntervalKnown whether it came from the meetings (else 7 days).
	IntervalDays  decimal.Decimal
	IntervalKnown bool
	// Deadline is false when the negotiation has none (m is then 1).
	Deadline bool
	// Notes say what was assumed: no deadline, interval unknown.
	Notes []string
	// Landing is the landing package priced and judged by the waterfall.
	Landing PackageResult
	// Disagree counts the items on which no agreement is expected;
	// NoAgreement names them.
	Disagree    int
	NoAgreement []string
	// Landed and Numeric count the items with a landing and the numeric
	// items; HasLanding says the landed ones carry at least half the weight,
	// so that the headline may give a contribution.
	Landed, Numeric int
	HasLanding      bool
	// DeadlinePassed: no meeting is left.
	DeadlinePassed bool
	// Floor is the deal floor the landing is set against.
	Floor decimal.NullDecimal
}

// Reason is why the headline gives no contribution: "too few moves to
// tell (k of n items)"; "" when it gives one.
func (fc Forecast) Reason() string {
	if fc.HasLanding {
		return ""
	}
	return fmt.Sprintf("too few moves to tell (%d of %d items)", fc.Landed, fc.Numeric)
}

// Line is the brief's header line: "Likely landing: contribution 790,000.00
// (floor 800,000.00) by meeting 4", with what it rests on when items are
// not expected to agree or the contribution cannot be computed; "Likely
// landing: too few moves to tell (2 of 8 items)" when the landed items
// carry less than half the weight (DESIGN 5.8).
func (fc Forecast) Line() string {
	if !fc.HasLanding {
		line := "Likely landing: " + fc.Reason()
		if fc.DeadlinePassed {
			line += " · deadline passed"
		}
		return line
	}
	pr := fc.Landing
	var b strings.Builder
	b.WriteString("Likely landing: ")
	if pr.Err != nil {
		fmt.Fprintf(&b, "contribution cannot be computed (%s)", pr.Err)
	} else {
		b.WriteString("contribution " + FormatMoney(pr.Waterfall.Contribution))
	}
	if fc.Floor.Valid {
		fmt.Fprintf(&b, " (floor %s)", FormatMoney(fc.Floor.Decimal))
	}
	if fc.DeadlinePassed {
		b.WriteString(" · deadline passed")
	} else {
		fmt.Fprintf(&b, " by meeting %d", fc.LandingMeeting)
	}
	var more []string
	if pr.Scored {
		more = append(more, fmt.Sprintf("score %.0f", pr.Score))
	}
	if pr.Err == nil || pr.PastWalkAway > 0 {
		more = append(more, pr.Verdict())
	}
	if fc.Disagree > 0 {
		more = append(more, fmt.Sprintf("no agreement expected on %s (priced midway, at most our walk-away)",
			strings.Join(fc.NoAgreement, "; ")))
	}
	if len(more) > 0 {
		b.WriteString(" · " + strings.Join(more, " · "))
	}
	return b.String()
}

// Forecast projects every numeric item and prices the landing package. now
// dates the forecast when no meeting has been held yet.
func (r *Replay) Forecast(now time.Time) Forecast {
	d := r.dossier
	fc := Forecast{}
	last, _ := d.lastMeeting(now)
	fc.LastMeeting = last
	fc.MeetingsLeft, fc.IntervalDays, fc.IntervalKnown = d.meetingsLeft(dateOf(now))
	fc.Deadline = !d.Negotiation.Deadline.IsZero()
	fc.DeadlinePassed = fc.Deadline && fc.MeetingsLeft == 0
	if !fc.Deadline {
		fc.Notes = append(fc.Notes, "no deadline: one more meeting assumed")
	}
	if !fc.IntervalKnown {
		fc.Notes = append(fc.Notes, "interval between meetings unknown: 7 days assumed")
	}
	sizes := r.sizesByMeeting()
	landing := Package{Name: "Likely landing", Origin: OriginLanding, Values: Values{}}
	fc.LandingMeeting = last
	var landedWeight, totalWeight int
	for i, it := range d.Items {
		if !it.Numeric() {
			continue
		}
		f := r.forecastItem(i, sizes[i], fc.MeetingsLeft, last)
		landing.Values[it.ID] = f.PackageValue
		fc.Numeric++
		totalWeight += it.Weight
		switch {
		case !f.TheirsKnown:
			// Priced at our projection; it says nothing of when the sides meet.
		case f.Agrees || f.Settled:
			fc.LandingMeeting = max(fc.LandingMeeting, f.Meeting)
			fc.Landed++
			landedWeight += it.Weight
		default:
			fc.Disagree++
			fc.NoAgreement = append(fc.NoAgreement, it.Title)
		}
		fc.Items = append(fc.Items, f)
	}
	// At least half the weight (by count when no item is weighted); half of
	// a positive weight is some landed item's.
	if totalWeight > 0 {
		fc.HasLanding = 2*landedWeight >= totalWeight
	} else {
		fc.HasLanding = fc.Numeric > 0 && 2*fc.Landed >= fc.Numeric
	}
	if fc.Disagree > 0 {
		fc.LandingMeeting = last + fc.MeetingsLeft
	}
	fc.Landing = r.Evaluate(landing)
	fc.Floor = d.Negotiation.Deal.Floor
	return fc
}
