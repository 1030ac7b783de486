package model

import (
	"strings"
	"testing"
	"time"
)

// minutesDossier is a small negotiation with Northfield: two items, two
// meetings held (the first at the buyer's office with two attendees, the
// second with none listed) and a third under way by video. In meeting 1
// we moved on price for a second leaflet week, they moved on payment
// terms, which were then agreed; the meeting's shared note, action and
// question are there, with one internal note. In meeting 2 they came to
// our price, which was agreed. Nothing has happened in meeting 3 yet.
func minutesDossier() *Dossier {
	m1 := Meeting{ID: 1, Number: 1, Started: t0, Ended: t0.Add(time.Hour), Place: "Leeds office", Attendees: []string{"Anna Maria Ruiz", "Tom Bell"}}
	m2 := Meeting{ID: 2, Number: 2, Started: t0.AddDate(0, 0, 7), Ended: t0.AddDate(0, 0, 7).Add(time.Hour)}
	m3 := Meeting{ID: 3, Number: 3, Started: t0.AddDate(0, 0, 14), Place: "Video call"}
	in := func(m Meeting, min int) time.Time { return m.Started.Add(time.Duration(min) * time.Minute) }
	return &Dossier{
		Account:     Account{Name: "Northfield", Kind: Retail},
		Negotiation: Negotiation{Title: "2027 terms"},
		Items: []AgendaItem{
			{ID: 1, Topic: TopicPrice, Title: "List price", Unit: "EUR/case", Better: Up, Status: ItemAgreed, AgreedAt: in(m2, 30),
				OurOpening: opt("24.80"), OurWalkAway: opt("23.60"), TheirOpening: opt("23.00"), Weight: 50, ValueToThem: 50},
			{ID: 2, Topic: TopicTerms, Title: "Payment terms", Unit: "days", Better: Down, Status: ItemAgreed, AgreedAt: in(m1, 50),
				OurOpening: opt("30"), OurWalkAway: opt("60"), TheirOpening: opt("90"), Weight: 50, ValueToThem: 50},
		},
		Meetings: []Meeting{m1, m2, m3},
		Ledger: []Concession{
			{ID: 1, MeetingID: 1, ItemID: 1, By: Us, To: dec("24.50"), TradedFor: "a second leaflet week", At: in(m1, 10)},
			{ID: 2, MeetingID: 1, ItemID: 2, By: Them, To: dec("75"), At: in(m1, 20)},
			{ID: 3, MeetingID: 2, ItemID: 1, By: Them, To: dec("24.50"), At: in(m2, 20)},
		},
		Notes: []Note{
			{ID: 1, MeetingID: 1, Kind: KindNote, At: in(m1, 5), Text: "Leaflet weeks welcome #promo", Shared: true},
			{ID: 2, MeetingID: 1, Kind: KindNote, At: in(m1, 6), Text: "They looked tired"},
			{ID: 3, MeetingID: 1, Kind: KindAction, At: in(m1, 30), Text: "Anna Maria Ruiz: send the Q3 volumes", Shared: true},
			{ID: 4, MeetingID: 1, Kind: KindQuestion, At: in(m1, 40), Text: "Who approves the leaflet?", Answer: "Tom", Shared: true},
		},
	}
}

// minutesOf is meeting n's minutes of d; the test stops when they fail.
func minutesOf(t *testing.T, d *Dossier, n int) string {
	t.Helper()
	s, err := Minutes(d, n, t0.AddDate(0, 0, 14))
	if err != nil {
		t.Fatalf("minutes of meeting %d: %v", n, err)
	}
	return s
}

// sectionsSay checks the text under heading in the minutes of each
// meeting of want against what want says for it.
func sectionsSay(t *testing.T, d *Dossier, heading string, want map[int]string) {
	t.Helper()
	for n, w := range want {
		if got := strings.TrimSpace(section(t, minutesOf(t, d, n), heading)); got != w {
			t.Errorf("meeting %d, %s:\n%q\nwant\n%q", n, heading, got, w)
		}
	}
}

// The buyer's moves are listed under the buyer's name and ours under "We",
// one each; a meeting where nobody moved says so.
func TestMinutesPutEachSideMovesUnderItsOwnName(t *testing.T) {
	d := minutesDossier()
	want := "Northfield moved on:\n\n- Payment terms: from 90 to 75 days\n\n" +
		"We moved on:\n\n- List price: from 24.80 to 24.50 EUR/case, for a second leaflet week"
	sectionsSay(t, d, "## What moved", map[int]string{1: want, 3: "Neither side moved."})
}

// Each meeting's minutes list the items agreed in it, not those agreed in
// an earlier meeting nor later; none says so.
func TestMinutesListOnlyTheItemsAgreedInThatMeeting(t *testing.T) {
	d := minutesDossier()
	sectionsSay(t, d, "## Agreed", map[int]string{
		1: "- Payment terms: 75 days",
		2: "- List price: 24.50 EUR/case",
		3: "No item was agreed in this meeting.",
	})
}

// The heading lists the attendees when some were recorded, and has no
// empty "Attendees" line when none were.
func TestMinutesListAttendeesOnlyWhenThereAreSome(t *testing.T) {
	d := minutesDossier()
	if m1 := minutesOf(t, d, 1); !strings.Contains(m1, "- Place: Leeds office\n- Attendees: Anna Maria Ruiz, Tom Bell\n\n") {
		t.Errorf("meeting 1 lacks its attendees:\n%s", m1)
	}
	if m2 := minutesOf(t, d, 2); !strings.Contains(m2, "- Date: 2027-03-08, 09:00–10:00\n\n## What moved") {
		t.Errorf("meeting 2 (no place, no attendees) has more in its heading:\n%s", m2)
	}
}

// The shared notes, actions (with their owner, whose name may be three
// words) and questions are listed; a meeting without them has no empty
// Notes or Questions heading, and says "No actions.".
func TestMinutesShowNotesActionsAndQuestionsOnlyWhenThereAreSome(t *testing.T) {
	d := minutesDossier()
	want := "## Notes\n\n- Leaflet weeks welcome\n\n" +
		"## Actions\n\n- [ ] send the Q3 volumes (owner: Anna Maria Ruiz)\n\n" +
		"## Questions\n\n- Who approves the leaflet? Answer: Tom\n\n## Next meeting"
	if m1 := minutesOf(t, d, 1); !strings.Contains(m1, want) {
		t.Errorf("meeting 1's minutes:\n%s\nlack\n%s", m1, want)
	}
	m2 := minutesOf(t, d, 2)
	if !strings.Contains(m2, "## Actions\n\nNo actions.\n\n## Next meeting") {
		t.Errorf("meeting 2's minutes do not say there are no actions:\n%s", m2)
	}
	if strings.Contains(m2, "## Notes") || strings.Contains(m2, "## Questions") {
		t.Errorf("meeting 2's minutes have an empty heading:\n%s", m2)
	}
}

// The next meeting is named with its date, and its place when it has one.
func TestMinutesNameTheNextMeetingAndItsPlace(t *testing.T) {
	d := minutesDossier()
	sectionsSay(t, d, "## Next meeting", map[int]string{
		1: "Meeting 2 on 2027-03-08 at 09:00.",
		2: "Meeting 3 on 2027-03-15 at 09:00, Video call.",
		3: "Meeting 4: date to be agreed.",
	})
}

// Asking for a meeting that does not exist says which ones do.
func TestMinutesOfAnUnknownMeetingSayWhichExist(t *testing.T) {
	_, err := Minutes(minutesDossier(), 7, t0)
	if want := "there is no meeting 7: the negotiation has meetings 1–3"; err == nil || err.Error() != want {
		t.Errorf("Minutes(meeting 7) = %v, want %q", err, want)
	}
}

// An action's owner is the contact or attendee its text starts with, by
// full name (up to three words) or first name; a longer prefix is not a
// name, and a blank name among the attendees (a meeting may store one)
// is passed over, not a crash.
func TestActionOwnerIsNamedByFullOrFirstName(t *testing.T) {
	acct := Account{Name: "Northfield", Contacts: []Contact{{Name: "Dana Whitlock", Side: CustomerSide}}}
	attendees := []string{"", " ", "Anna Maria Ruiz"}
	for _, c := range []struct{ text, owner, rest string }{
		{"Anna Maria Ruiz: send the Q3 volumes", "Anna Maria Ruiz", "send the Q3 volumes"},
		{"anna: send the Q3 volumes", "Anna Maria Ruiz", "send the Q3 volumes"},
		{"Dana: sign the grid", "Dana Whitlock", "sign the grid"},
		{"Ask the team in Leeds: who signs", "us", "Ask the team in Leeds: who signs"},
		{"Priya: plan the leaflet", "us", "Priya: plan the leaflet"},
	} {
		owner, rest := ActionOwner(Note{Kind: KindAction, Text: c.text}, acct, attendees)
		if owner != c.owner || rest != c.rest {
			t.Errorf("ActionOwner(%q) = %q, %q; want %q, %q", c.text, owner, rest, c.owner, c.rest)
		}
	}
}
