package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// Issue 18, finding 2 (sentinel): the minutes of every meeting of the demo
// hold no line that is not marked shared, not our deadline, and no `#N`;
// a line shared with + on `parley note` is in them.
func TestMinutesOfEveryDemoMeetingHoldOnlySharedLines(t *testing.T) {
	db := demoDB(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Current()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Dossier(id)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Meetings) == 0 {
		t.Fatal("the demo has no meeting")
	}
	moveRef := regexp.MustCompile(`#\d`)
	shared := 0
	for _, m := range d.Meetings {
		code, minutes, stderr := parley(t, "--db", db, "minutes", "--meeting", fmt.Sprint(m.Number))
		if code != exitOK {
			t.Fatalf("minutes --meeting %d: exit %d: %s", m.Number, code, stderr)
		}
		for _, n := range d.Notes {
			if n.MeetingID != m.ID {
				continue
			}
			text := firstWords(n.Text)
			switch in := strings.Contains(minutes, text); {
			case n.Shared && !in:
				t.Errorf("meeting %d: the shared %s %q is not in the minutes", m.Number, n.Kind, text)
			case !n.Shared && in:
				t.Errorf("meeting %d: the minutes show the internal %s %q", m.Number, n.Kind, text)
			case n.Shared:
				shared++
			}
		}
		for _, internal := range []string{"deadline", d.Negotiation.Deadline.Format(model.DateLayout), " days."} {
			if strings.Contains(minutes, internal) {
				t.Errorf("meeting %d: the minutes show our deadline (%q):\n%s", m.Number, internal, minutes)
			}
		}
		if ref := moveRef.FindString(minutes); ref != "" {
			t.Errorf("meeting %d: the minutes hold %q:\n%s", m.Number, ref, minutes)
		}
	}
	if shared == 0 {
		t.Fatal("no shared line in the demo's minutes: the test looks at nothing")
	}
}

// firstWords is the start of a note's text as the minutes write it: an
// action's owner prefix and the #tags dropped.
func firstWords(text string) string {
	if _, rest, ok := strings.Cut(text, ": "); ok && len(strings.Fields(text[:strings.Index(text, ": ")])) == 1 {
		text = rest
	}
	words := strings.Fields(text)
	return strings.Join(words[:min(4, len(words))], " ")
}

// minutes --meeting 0 is refused as a usage error, not read as "the last
// meeting" (issue 24, finding 11).
func TestMinutesRefusesMeetingZero(t *testing.T) {
	db := demoDB(t)
	for _, arg := range []string{"0", "-1"} {
		code, stdout, stderr := parley(t, "--db", db, "minutes", "--meeting", arg)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, "1 or more") {
			t.Errorf("minutes --meeting %s: exit %d, %q, %q; want exit 2 and the rule", arg, code, stdout, stderr)
		}
	}
	if code, stdout, stderr := parley(t, "--db", db, "minutes"); code != exitOK || stdout == "" {
		t.Errorf("minutes (the last meeting): exit %d, %q", code, stderr)
	}
}
