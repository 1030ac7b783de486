package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/parley-app/parley/model"
)

// An all-day event ends the day after it starts (RFC 5545 3.6.1: DTEND is
// exclusive), both as DATE values; across a month's end too.
func TestAllDayEventsEndTheNextDay(t *testing.T) {
	now := time.Date(2027, 3, 15, 10, 30, 0, 0, time.UTC)
	d := model.Demo(now)
	d.FollowUps = []model.FollowUp{
		{ID: 1, Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Load the prices",
			Due: time.Date(2027, 3, 22, 0, 0, 0, 0, time.UTC)},
		{ID: 2, Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Check the first invoice",
			Due: time.Date(2027, 3, 31, 15, 0, 0, 0, time.UTC)},
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, d, now); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"DTSTART;VALUE=DATE:20270322", "DTEND;VALUE=DATE:20270323",
		"DTSTART;VALUE=DATE:20270331", "DTEND;VALUE=DATE:20270401"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the calendar lacks %s:\n%s", want, buf.String())
		}
	}
	cal, err := ical.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range cal.Events() {
		start, err1 := e.DateTimeStart(time.UTC)
		end, err2 := e.DateTimeEnd(time.UTC)
		if err1 != nil || err2 != nil || !end.Equal(start.AddDate(0, 0, 1)) {
			t.Errorf("an event from %v to %v (%v, %v), want one whole day", start, end, err1, err2)
		}
		if p := e.Props.Get(ical.PropDateTimeEnd); p == nil || p.ValueType() != ical.ValueDate {
			t.Error("DTEND is not a DATE")
		}
	}
}

// A text value reads back as it was written, whatever it holds that
// RFC 5545 escapes: backslash, semicolon, comma and a line break.
func TestTextValuesReadBackAsWritten(t *testing.T) {
	now := time.Date(2027, 3, 15, 10, 30, 0, 0, time.UTC)
	d := model.Demo(now)
	action := `Send the file from C:\offers\2027, rev; B`
	d.FollowUps = []model.FollowUp{{ID: 1, Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: action,
		Due: time.Date(2027, 3, 22, 0, 0, 0, 0, time.UTC)}}
	var buf bytes.Buffer
	if _, err := Write(&buf, d, now); err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatal(err)
	}
	e := cal.Events()[0]
	if got, _ := e.Props.Text(ical.PropSummary); got != d.Account.Name+": "+action {
		t.Errorf("SUMMARY reads back %q", got)
	}
	desc, _ := e.Props.Text(ical.PropDescription)
	if lines := strings.Split(desc, "\n"); len(lines) != 3 || lines[1] != "Action: "+action {
		t.Errorf("DESCRIPTION reads back as %d lines: %q", len(lines), desc)
	}
}
