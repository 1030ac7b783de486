// Package calendar writes a negotiation's follow-up lines with due dates as
// an iCalendar file (RFC 5545), for any calendar to import: each open line
// is an all-day event on its due date.
//
// It writes the few properties it needs itself (every one RFC 5545 requires:
// VERSION, PRODID, UID, DTSTAMP), escapes text values (3.3.11) and folds
// lines at 75 octets (3.1, fold.go). It used github.com/emersion/go-ical,
// whose recurrence-rule dependency compiled its patterns at the start of
// every command, `parley note` included (issue 23); the tests still read
// every file back with that library, so a file it would refuse fails here
// and not in the KAM's calendar.
package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

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
	var c content
	c.line("BEGIN", "VCALENDAR")
	c.line("VERSION", "2.0")
	c.line("PRODID", ProductID)
	n := 0
	for _, f := range d.FollowUps {
		if f.Done || f.Due.IsZero() {
			continue
		}
		c.event(d, f, now)
		n++
	}
	if n == 0 {
		return 0, ErrNothingDue
	}
	c.line("END", "VCALENDAR")
	if _, err := w.Write(fold(c.Bytes())); err != nil {
		return 0, fmt.Errorf("calendar: %w", err)
	}
	return n, nil
}

// content is a calendar's content lines, before folding.
type content struct{ bytes.Buffer }

// line writes one content line: name (with its parameters) and value.
func (c *content) line(name, value string) {
	c.WriteString(name)
	c.WriteByte(':')
	c.WriteString(value)
	c.WriteString("\r\n")
}

// event is one follow-up line as an all-day event on its due date: it ends
// the day after (DTEND is exclusive).
func (c *content) event(d *model.Dossier, f model.FollowUp, now time.Time) {
	y, m, day := f.Due.Date()
	due := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	c.line("BEGIN", "VEVENT")
	c.line("UID", text(eventUID(d, f)))
	c.line("DTSTAMP", now.UTC().Format("20060102T150405Z"))
	c.line("DTSTART;VALUE=DATE", due.Format("20060102"))
	c.line("DTEND;VALUE=DATE", due.AddDate(0, 0, 1).Format("20060102"))
	c.line("SUMMARY", text(summary(d, f)))
	c.line("DESCRIPTION", text(description(d, f)))
	c.line("TRANSP", "TRANSPARENT") // a reminder, not a busy slot
	c.line("END", "VEVENT")
}

// text escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and
// comma are escaped, a line break is written \n.
var text = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace

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
// file (text escapes newlines, commas and semicolons).
func clean(s string) string {
	out := make([]string, 0, 4)
	for _, l := range strings.Split(s, "\n") {
		out = append(out, model.CleanText(l, false))
	}
	return strings.Join(out, "\n")
}
