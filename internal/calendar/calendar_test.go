package calendar

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/parley-app/parley/model"
)

func TestWriteParsesBack(t *testing.T) {
	now := time.Date(2027, 3, 15, 10, 30, 0, 0, time.UTC)
	d := model.Demo(now)
	d.Negotiation.ID = 4
	d.FollowUps = []model.FollowUp{
		{ID: 1, Stamp: model.Stamp{UID: "01JD2Q8Y4W3M0N7F5K6R9T2V1X"}, Side: model.CustomerSide, Role: model.RoleStockControllers, Person: "Marc Oyelaran",
			Action: "Check it is kept, today; tomorrow", Due: time.Date(2027, 3, 22, 0, 0, 0, 0, time.UTC),
			Commitment: "they: 170,000 cases committed"},
		{ID: 2, Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Load the prices\x1b]0;pwned\x07",
			Due: time.Date(2027, 3, 20, 0, 0, 0, 0, time.UTC)},
		{ID: 3, Side: model.InternalSide, Role: "training", Action: "No date"},
		{ID: 4, Side: model.InternalSide, Role: "training", Action: "Done already", Due: now, Done: true},
	}
	var buf bytes.Buffer
	n, err := Write(&buf, d, now)
	if err != nil || n != 2 {
		t.Fatalf("Write = %d, %v; want 2 events", n, err)
	}
	if strings.ContainsRune(buf.String(), '\x1b') {
		t.Error("a control character reached the file")
	}
	cal, err := ical.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatalf("the file does not parse back: %v", err)
	}
	if v, _ := cal.Props.Text(ical.PropVersion); v != "2.0" {
		t.Errorf("VERSION %q", v)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	first := events[0]
	if s, _ := first.Props.Text(ical.PropSummary); s != "Hollis Foodstores: they: 170,000 cases committed" {
		t.Errorf("SUMMARY %q", s)
	}
	desc, _ := first.Props.Text(ical.PropDescription)
	for _, want := range []string{"Action: Check it is kept, today; tomorrow", "Commitment: they: 170,000 cases committed",
		"Who: customer side, stock controllers: Marc Oyelaran"} {
		if !strings.Contains(desc, want) {
			t.Errorf("DESCRIPTION %q lacks %q", desc, want)
		}
	}
	start, err := first.DateTimeStart(time.UTC)
	if err != nil || !start.Equal(time.Date(2027, 3, 22, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("DTSTART %v, %v", start, err)
	}
	if p := first.Props.Get(ical.PropDateTimeStart); p.ValueType() != ical.ValueDate {
		t.Errorf("DTSTART is %v, want an all-day DATE", p.ValueType())
	}
	if uid, _ := first.Props.Text(ical.PropUID); uid != "parley-followup-01JD2Q8Y4W3M0N7F5K6R9T2V1X@parley.local" {
		t.Errorf("UID %q", uid)
	}
	// Nothing due: refused, not an empty calendar.
	d.FollowUps = d.FollowUps[2:]
	if _, err := Write(&bytes.Buffer{}, d, now); !errors.Is(err, ErrNothingDue) {
		t.Errorf("nothing due: %v", err)
	}
}

// Issue 18, finding 12: every line of the file is at most 75 octets (RFC
// 5545 3.1), folded without splitting a character, and unfolds to the text.
func TestWriteFoldsLongLines(t *testing.T) {
	now := time.Date(2027, 3, 15, 10, 30, 0, 0, time.UTC)
	d := model.Demo(now)
	long := strings.Repeat("Confirm the €2.40 display allowance › spring leaflet ", 6)
	d.FollowUps = []model.FollowUp{{ID: 1, Stamp: model.Stamp{UID: "01JD2Q8Y4W3M0N7F5K6R9T2V1X"}, Side: model.InternalSide,
		Role: model.RoleOrderProcessors, Action: long, Due: time.Date(2027, 3, 22, 0, 0, 0, 0, time.UTC)}}
	var buf bytes.Buffer
	if _, err := Write(&buf, d, now); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	folded := 0
	for _, l := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("a line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("a fold splits a character: %q", l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Fatalf("nothing was folded:\n%s", text)
	}
	cal, err := ical.NewDecoder(strings.NewReader(text)).Decode()
	if err != nil {
		t.Fatalf("the folded file does not parse: %v", err)
	}
	if s, _ := cal.Events()[0].Props.Text(ical.PropSummary); s != "Hollis Foodstores: "+long {
		t.Errorf("SUMMARY unfolds to %q", s)
	}
}
