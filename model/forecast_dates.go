package model

import (
	"time"

	"github.com/shopspring/decimal"
)

// The calendar behind the landing forecast (DESIGN 5.5): which meeting was
// the last, and how many are left before the deadline.

// unknownInterval is the days between meetings assumed when they are unknown.
const unknownInterval = 7

// lastMeeting is the number and day of the last meeting held or running;
// with none yet, 0 and today.
func (d *Dossier) lastMeeting(now time.Time) (int, time.Time) {
	if len(d.Meetings) == 0 {
		return 0, dateOf(now)
	}
	m := d.Meetings[len(d.Meetings)-1]
	for _, x := range d.Meetings {
		if x.Number > m.Number {
			m = x
		}
	}
	return m.Number, dateOf(m.Started)
}

// meetingsLeft is m = max(1, ⌊(deadline − today)/mean interval⌋) in whole
// calendar days, 0 after the deadline (DESIGN 5.8), with the interval used
// and whether it was known.
func (d *Dossier) meetingsLeft(today time.Time) (m int, interval decimal.Decimal, known bool) {
	spanDays, gaps := 0, 0
	if n := len(d.Meetings); n >= 2 {
		first, last := dateOf(d.Meetings[0].Started), dateOf(d.Meetings[0].Started)
		for _, x := range d.Meetings {
			day := dateOf(x.Started)
			if day.Before(first) {
				first = day
			}
			if day.After(last) {
				last = day
			}
		}
		spanDays, gaps = daysBetween(first, last), n-1
	}
	known = spanDays > 0
	if !known {
		spanDays, gaps = unknownInterval, 1
	}
	interval = decimal.NewFromInt(int64(spanDays)).Div(decimal.NewFromInt(int64(gaps)))
	if d.Negotiation.Deadline.IsZero() {
		return 1, interval, known
	}
	left := daysBetween(today, dateOf(d.Negotiation.Deadline))
	// ⌊left / (span/gaps)⌋ = ⌊left·gaps / span⌋, in whole numbers.
	if left < 0 {
		return 0, interval, known
	}
	return max(1, left*gaps/spanDays), interval, known
}

// daysBetween counts the days from one calendar date (a UTC midnight) to
// another, without a time.Duration, which cannot hold more than 292 years.
func daysBetween(from, to time.Time) int { return int((to.Unix() - from.Unix()) / 86400) }
