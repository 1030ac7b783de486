// Package calendar writes a negotiation's follow-up lines with due dates as
// an iCalendar file (RFC 5545), for any calendar to import: each open line
// is an all-day event on its due date.
//
// It uses github.com/emersion/go-ical: a small, strict encoder and decoder
// that refuses to write a calendar missing a required property (VERSION,
// PRODID, UID, DTSTAMP), so a bad file fails here and not in the KAM's
// calendar; the same library reads the file back in the tests. The encoder
// does not fold long lines, which RFC 5545 asks for (3.1: 75 octets at
// most); Write folds them (fold.go).
package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/emersion/go-ical"
	"github.com/parley-app/parley/model"
)

// ErrNothingDue: no open follow-up line has a due date.
var ErrNothingDue = errors.New("no open follow-up line has a due date: nothing to put in a calendar")

// ProductID names Parley as the calendar's producer.
const ProductID = "-//Parley//Follow-up checklist//EN"

// Write encodes the open follow-up lines of d that have a due date as
// all-day events and returns how many it wrote. now stamps the events.
// Each event's UID is the follow-up line's own ULID: it stays the same from
// one export to the next, and across export and import into another file,
// so that a calendar importing the file again updates its events instead of
// adding them twice.
func Write(w io.Writer, d *model.Dossier, now time.Time) (int, error) {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, ProductID)
	for _, f := range d.FollowUps {
		if f.Done || f.Due.IsZero() {
			continue
		}
		cal.Children = append(cal.Children, event(d, f, now).Component)
	}
	if len(cal.Children) == 0 {
		return 0, ErrNothingDue
	}
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return 0, fmt.Errorf("calendar: %w", err)
	}
	if _, err := w.Write(fold(buf.Bytes())); err != nil {
		return 0, fmt.Errorf("calendar: %w", err)
	}
	return len(cal.Children), nil
}

// event is one follow-up line as an all-day event on its due date.
func event(d *model.Dossier, f model.FollowUp, now time.Time) *ical.Event {
	e := ical.NewEvent()
	e.Props.SetText(ical.PropUID, eventUID(d, f))
	e.Props.SetDateTime(ical.PropDateTimeStamp, now.UTC())
	y, m, day := f.Due.Date()
	due := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	e.Props.SetDate(ical.PropDateTimeStart, due)
	e.Props.SetDate(ical.PropDateTimeEnd, due.AddDate(0, 0, 1))
	e.Props.SetText(ical.PropSummary, summary(d, f))
	e.Props.SetText(ical.PropDescription, description(d, f))
	e.Props.SetText(ical.PropTransparency, "TRANSPARENT") // a reminder, not a busy slot
	return e
}

// eventUID names a follow-up line's event by the line's ULID, which no other
// file reuses for another line (a row ID is reused by every file). A line
// never stored has no ULID yet: it is named by the negotiation's and its own.
func eventUID(d *model.Dossier, f model.FollowUp) string {
	if f.UID != "" {
		return "parley-followup-" + f.UID + "@parley.local"
	}
	return fmt.Sprintf("parley-%s-followup-%d@parley.local", d.Negotiation.UID, f.ID)
}

func summary(d *model.Dossier, f model.FollowUp) string {
	s := f.Action
	if f.Commitment != "" {
		s = f.Commitment
	}
	return clean(d.Account.Name + ": " + s)
}

func description(d *model.Dossier, f model.FollowUp) string {
	lines := []string{d.Account.Name + " › " + d.Negotiation.Title, "Action: " + f.Action}
	if f.Commitment != "" {
		lines = append(lines, "Commitment: "+f.Commitment)
	}
	who := string(f.Side) + " side"
	if f.Role != "" {
		who += ", " + f.Role
	}
	if f.Person != "" {
		who += ": " + f.Person
	}
	return clean(strings.Join(append(lines, "Who: "+who), "\n"))
}

// clean keeps control characters stored before cleaning existed out of the
// file (the encoder escapes newlines, commas and semicolons itself).
func clean(s string) string {
	out := make([]string, 0, 4)
	for _, l := range strings.Split(s, "\n") {
		out = append(out, model.CleanText(l, false))
	}
	return strings.Join(out, "\n")
}
