package model

import (
	"strings"
	"testing"
	"time"
)

// section is the text of the brief from heading to the next heading of the
// same or a higher level.
func section(t *testing.T, text, heading string) string {
	t.Helper()
	i := strings.Index(text, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("no section %q in\n%s", heading, text)
	}
	rest := text[i+1+len(heading):]
	level := strings.Repeat("#", strings.Count(strings.Fields(heading)[0], "#"))
	for _, l := range strings.Split(rest, "\n") {
		if strings.HasPrefix(l, "#") && len(strings.Fields(l)[0]) <= len(level) {
			return rest[:strings.Index(rest, "\n"+l+"\n")]
		}
	}
	return rest
}

// withMeeting3 is the demo after a third meeting typed in the workbench:
// a note, an action, an answered question and a move, then a note after it.
func withMeeting3() *Dossier {
	d := Demo(demoNow)
	start := demoNow.Add(-2 * time.Hour).Truncate(time.Minute)
	m3 := Meeting{ID: 3, Number: 3, Started: start, Ended: start.Add(time.Hour), Place: "Video call",
		Attendees: []string{"Dana Whitlock", "Marc Oyelaran"}, Summary: "Dana softened on price."}
	d.Meetings = append(d.Meetings, m3)
	at := func(min int) time.Time { return start.Add(time.Duration(min) * time.Minute) }
	d.Notes = append(d.Notes,
		Note{ID: 20, MeetingID: 3, Kind: KindNote, At: at(5), Text: "Finance director set 60 days as a group floor"},
		Note{ID: 21, MeetingID: 3, Kind: KindAction, At: at(10), Text: "Marc: confirm the delivery slots"},
		Note{ID: 22, MeetingID: 3, Kind: KindQuestion, At: at(15), Text: "Is the leaflet in week 12?", Answer: "Yes, and week 14"},
		Note{ID: 23, Kind: KindNote, At: at(90), Text: "Called Lena after the meeting"},
	)
	d.Ledger = append(d.Ledger, Concession{ID: 30, MeetingID: 3, ItemID: 1, By: Them, To: dec("23.60"), At: at(12)})
	d.Sort()
	return d
}

func TestBriefMeetingRecord(t *testing.T) {
	d := withMeeting3()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	brief := Brief(d, BriefOptions{Now: demoNow})
	m3 := d.Meetings[2]
	record := section(t, brief, "## Meeting record")
	heading := "### Meeting 3 · " + m3.Started.Format("2006-01-02 15:04") + "–" + m3.Ended.Format("15:04") + " · Video call"
	got := section(t, record, heading)
	want := []string{
		"Attendees: Dana Whitlock, Marc Oyelaran",
		"Summary: Dana softened on price.",
		"- " + m3.Started.Add(5*time.Minute).Format("15:04") + " note: Finance director set 60 days as a group floor",
		"- " + m3.Started.Add(10*time.Minute).Format("15:04") + " action (open): Marc: confirm the delivery slots",
		"- " + m3.Started.Add(12*time.Minute).Format("15:04") + " they moved **List price per case** 23.40 → 23.60 EUR/case",
		"- " + m3.Started.Add(15*time.Minute).Format("15:04") + " question: Is the leaflet in week 12? — answer: Yes, and week 14",
	}
	last := -1
	for _, w := range want {
		i := strings.Index(got, w+"\n")
		if i < 0 {
			t.Errorf("meeting 3 lacks %q:\n%s", w, got)
			continue
		}
		if i < last {
			t.Errorf("%q is out of time order", w)
		}
		last = i
	}
	// The periods outside meetings have one name each, as in the ledger.
	for _, h := range []string{"### Before meeting 1", "### Between meetings 1 and 2", "### After meeting 3"} {
		section(t, record, h)
	}
	between := section(t, record, "### Between meetings 1 and 2")
	assertContains(t, between, "they moved **Payment terms** 75 → 60 days for e-invoicing from January (note: By e-mail after the meeting.)")
	assertContains(t, section(t, record, "### After meeting 3"), "note: Called Lena after the meeting")
	assertContains(t, section(t, record, "### Before meeting 1"),
		"question: Does their 4% rebate ask include the logistics bonus? #rebate _(Annual growth rebate)_ — answer: No: the logistics bonus is separate and stays at 0.5%.")
	// Meeting 2 keeps the note the issue missed.
	assertContains(t, record, "note: Dana: 23.40 is 'as far as I go' unless the rebate drops #price")
}

func TestBriefMeetingRecordRedacted(t *testing.T) {
	d := withMeeting3()
	for i, n := range d.Notes {
		if strings.HasPrefix(n.Text, "Marc: confirm") || strings.HasPrefix(n.Text, "Is the leaflet") {
			d.Notes[i].Shared = true
		}
	}
	brief := Brief(d, BriefOptions{Now: demoNow, Redact: true})
	record := section(t, brief, "## Meeting record")
	assertContains(t, record, "Attendees: Dana Whitlock, Marc Oyelaran", "action (open): Marc: confirm the delivery slots",
		"question: Is the leaflet in week 12? — answer: Yes, and week 14", "they moved **List price per case** 23.40 → 23.60 EUR/case",
		"they moved **Payment terms** 75 → 60 days for e-invoicing from January")
	// Summaries, plain notes and concession notes are internal.
	assertLacks(t, record, "Summary:", "Dana softened", "Finance director set", "as far as I go", "By e-mail after the meeting",
		"Called Lena", "Given to keep the mood",
		"pull our on-time-in-full history") // an action not marked shared
}

func TestBriefNextMeeting(t *testing.T) {
	brief, d := demoBrief(false)
	next := section(t, brief, "## Next meeting")
	assertContains(t, next, "Meeting 3 · deadline "+d.Negotiation.Deadline.Format(DateLayout)+", in 20 days.")
	ask := section(t, next, "### What to ask for")
	// The volume: their 170,000 → our 200,000 through their offer's waterfall.
	if m, err := d.Replay().ConcessionMoney(Them, 4, dec("200000")); err != nil || !hasLine(ask, "| Annual volume commitment | 170,000 | 200,000 | 30,000 | gains us "+FormatMoney(m)+" |") {
		t.Errorf("ask-for lacks the volume row (%v):\n%s", err, ask)
	}
	trade := section(t, next, "### What we can trade")
	// Payment terms: room 60 − 45 = 15 days; meeting them (60) is our walk-away too.
	gv, err := d.Replay().GapValue(1)
	if err != nil {
		t.Fatal(err)
	}
	if !hasLine(trade, "| Payment terms | give first | 45 → 60 | 15 | "+FormatMoney(gv)+" | "+FormatMoney(gv)+" |") {
		t.Errorf("trade lacks the payment terms row:\n%s", trade)
	}
	// Items worth more to us are asked for, not traded; closed items are not traded.
	assertLacks(t, trade, "Annual volume commitment", "Contract length")

	redacted := section(t, Brief(d, BriefOptions{Now: demoNow, Redact: true}), "## Next meeting")
	assertContains(t, redacted, "Meeting 3.")
	assertLacks(t, redacted, "deadline", "What to ask for", "What we can trade", "give first", FormatMoney(gv))
}

func TestBriefDeadlineText(t *testing.T) {
	d := Demo(demoNow)
	for _, tt := range []struct {
		deadline time.Time
		want     string
	}{
		{time.Time{}, "no deadline set"},
		{demoNow.AddDate(0, 0, 1), ", in 1 day"},
		{demoNow, ", today"},
		{demoNow.AddDate(0, 0, -3), ", passed 3 days ago"},
	} {
		d.Negotiation.Deadline = tt.deadline
		b := &briefWriter{d: d, now: demoNow}
		if got := b.deadlineText(); !strings.HasSuffix(got, tt.want) {
			t.Errorf("deadline %v: %q, want …%q", tt.deadline, got, tt.want)
		}
	}
}

func TestBriefContacts(t *testing.T) {
	d := Demo(demoNow)
	d.Account.Contacts[0].Email, d.Account.Contacts[0].Phone = "dana@hollis.example", "+44 113 496 0000"
	full := section(t, Brief(d, BriefOptions{Now: demoNow}), "## Contacts")
	assertContains(t, full, "| customer | Dana Whitlock | category buyer | dana@hollis.example | +44 113 496 0000 |",
		"| internal | Tom Becker | order processor | — | — |")
	redacted := section(t, Brief(d, BriefOptions{Now: demoNow, Redact: true}), "## Contacts")
	assertContains(t, redacted, "Dana Whitlock")
	assertLacks(t, redacted, "Tom Becker", "internal")
}

func TestPeriodNames(t *testing.T) {
	d := Demo(demoNow)
	m1, m2 := d.Meetings[0], d.Meetings[1]
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{m1.Started.Add(-time.Hour), "Before meeting 1"},
		{m1.Ended.Add(time.Hour), "Between meetings 1 and 2"},
		{m2.Ended.Add(time.Minute), "After meeting 2"},
	} {
		if got := d.PeriodAt(tt.at); got != tt.want {
			t.Errorf("PeriodAt(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
	if got := (&Dossier{}).PeriodAt(demoNow); got != "Before meeting 1" {
		t.Errorf("no meetings: %q", got)
	}
	if got := d.WhereAt(m2.ID, m2.Started); got != "Meeting 2" {
		t.Errorf("WhereAt in meeting 2 = %q", got)
	}
}
