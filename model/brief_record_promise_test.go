package model

import (
	"strings"
	"testing"
	"time"
)

// The meeting record shows every meeting, saying when nothing was recorded
// in one, and every period between meetings that holds something; the gap
// table says "they only" of a meeting where only they moved, and "—" of
// one where nobody did.
func TestTheRecordShowsEachMeetingAndWhoMoved(t *testing.T) {
	now := time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC)
	d := Demo(now)
	m2 := d.Meetings[1]
	m3 := Meeting{ID: 3, Number: 3, Started: m2.Started.AddDate(0, 0, 3), Ended: m2.Started.AddDate(0, 0, 3).Add(time.Hour), Place: "by phone"}
	d.Meetings = append(d.Meetings, m3)
	b := Brief(d, BriefOptions{Now: now})
	record := b[strings.Index(b, "## Meeting record"):]
	if !strings.Contains(record, "### Between meetings 1 and 2\n\n- ") {
		t.Errorf("the period between meetings 1 and 2, which holds a move, is not in the record:\n%s", record)
	}
	third := record[strings.Index(record, "### Meeting 3"):]
	if !strings.HasPrefix(third[strings.Index(third, "\n\n")+2:], "Nothing recorded.") {
		t.Errorf("meeting 3, with nothing in it, does not say so:\n%s", third)
	}
	if strings.Contains(third, "Attendees:") {
		t.Errorf("meeting 3, with no one listed, names attendees:\n%s", third)
	}
	if first := record[:strings.Index(record, "### Meeting 3")]; strings.Contains(first, "Nothing recorded.") {
		t.Errorf("a meeting with entries says nothing was recorded:\n%s", first)
	}
	if !strings.Contains(b, "| 3 | "+m3.Started.Format(DateLayout)+" | 44% | 0 | 0 | — |") {
		t.Errorf("meeting 3, where nobody moved, has a reciprocity:\n%s", b[strings.Index(b, "## Gap closed"):strings.Index(b, "## Meeting record")])
	}

	// Only they move in meeting 3: "they only".
	for _, it := range d.Items {
		if it.Title == "Payment terms" {
			d.Ledger = append(d.Ledger, Concession{ID: 99, MeetingID: 3, ItemID: it.ID, By: Them, To: dec("55"), At: m3.Started.Add(10 * time.Minute)})
		}
	}
	b = Brief(d, BriefOptions{Now: now})
	gaps := b[strings.Index(b, "## Gap closed"):strings.Index(b, "## Meeting record")]
	if !strings.Contains(gaps, "| 0 | 1 | they only |") {
		t.Errorf("meeting 3, where only they moved, is not 'they only':\n%s", gaps)
	}
}

// A budget names an agenda item.
func TestABudgetNamesAnItem(t *testing.T) {
	if err := (Budget{Value: dec("50")}).Validate(); err == nil {
		t.Error("a budget on no item was taken")
	}
}
