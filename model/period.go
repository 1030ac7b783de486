package model

import (
	"fmt"
	"time"
)

// A record made outside any meeting (a note typed at the desk, a concession
// by e-mail) belongs to the period between two meetings and counts toward
// the next one (DESIGN 2). The period has one name everywhere: the brief,
// the minutes, `parley note` and the workbench's ledger and notes.

// EpochAt is the number of the meeting a record made at t outside any
// meeting counts toward: the first meeting that had not ended by then, or
// the next one after the last.
func (d *Dossier) EpochAt(t time.Time) int {
	for _, m := range d.Meetings {
		if m.Ended.IsZero() || !t.After(m.Ended) {
			return m.Number
		}
	}
	return d.NextMeetingNumber()
}

// PeriodName names the time outside meetings that counts toward meeting
// number next: "Before meeting 1", "Between meetings 1 and 2", or "After
// meeting 2" once the last meeting has ended.
func (d *Dossier) PeriodName(next int) string {
	prev, found := 0, false
	for _, m := range d.Meetings {
		if m.Number < next {
			prev = max(prev, m.Number)
		}
		if m.Number == next {
			found = true
		}
	}
	switch {
	case prev == 0 && found:
		return fmt.Sprintf("Before meeting %d", next)
	case prev == 0:
		return "Before meeting 1"
	case !found:
		return fmt.Sprintf("After meeting %d", prev)
	}
	return fmt.Sprintf("Between meetings %d and %d", prev, next)
}

// PeriodAt names the period a record made at t outside any meeting belongs to.
func (d *Dossier) PeriodAt(t time.Time) string { return d.PeriodName(d.EpochAt(t)) }

// WhereAt names where a record of meeting meetingID (0: none) made at t
// belongs: "Meeting 2", or the period between meetings.
func (d *Dossier) WhereAt(meetingID uint64, t time.Time) string {
	if m, ok := d.Meeting(meetingID); ok && meetingID != 0 {
		return fmt.Sprintf("Meeting %d", m.Number)
	}
	return d.PeriodAt(t)
}
