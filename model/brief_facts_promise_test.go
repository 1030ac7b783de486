package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// The brief says each fact the dossier holds: the category, the account's
// notes, a deadline passed, the trade plan's rule, the checklist's
// progress, who attended, what their moves say and the interaction of
// items moving together; the redacted brief leaves out what is internal.
func TestBriefSaysEachFactTheDossierHolds(t *testing.T) {
	now := time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC)
	d := Demo(now)
	d.Negotiation.Deadline = now.AddDate(0, 0, -3)
	d.FollowUps[0].Done = true
	brief := Brief(d, BriefOptions{Now: now})
	done, total := d.FollowUpProgress()
	for _, want := range []string{
		"category " + d.Account.Category,
		"> " + strings.Join(strings.Fields(d.Account.Notes), " "),
		"passed 3 days ago",
		"worth at least " + times(1/AskForAt) + " as much to us as to them",
		fmt.Sprintf("Progress: %d/%d `%s`", done, total, Bar(float64(done)/float64(total), 20)),
		"Attendees: " + strings.Join(d.Meetings[0].Attendees, ", "),
		"### What their moves say",
		"Interaction (items moving together)",
	} {
		if !strings.Contains(brief, want) {
			t.Errorf("the brief does not say %q", want)
		}
	}
	if done == 0 || done == total {
		t.Fatalf("the test wants a checklist part done: %d/%d", done, total)
	}
	redacted := Brief(d, BriefOptions{Now: now, Redact: true})
	for _, internal := range []string{d.Account.Notes[:20], "### What their moves say"} {
		if strings.Contains(redacted, internal) {
			t.Errorf("the redacted brief says %q", internal)
		}
	}
	owed := d.Replay().Owed()
	if len(owed) == 0 || owed[0].Err != nil {
		t.Fatalf("the demo owes a priced trade-back: %+v", owed)
	}
	if want := "(" + FormatMoney(owed[0].Money) + " " + d.Negotiation.Currency + " a year)"; !strings.Contains(brief, want) {
		t.Errorf("the owed trade-back's money %q is not in the brief", want)
	}

	// The buyer's people come first, whatever order the file keeps them in.
	slices.Reverse(d.Account.Contacts)
	contacts := Brief(d, BriefOptions{Now: now})
	contacts = contacts[strings.Index(contacts, "## Contacts"):]
	if rows := strings.Split(contacts, "\n"); len(rows) < 5 || !strings.HasPrefix(rows[4], "| customer |") {
		t.Errorf("the contacts do not start with the buyer's people:\n%s", contacts[:min(len(contacts), 400)])
	}

	yesterday := Demo(now)
	yesterday.Negotiation.Deadline = now.AddDate(0, 0, -1)
	if !strings.Contains(Brief(yesterday, BriefOptions{Now: now}), "passed 1 day ago") {
		t.Error(`a deadline passed yesterday is not "passed 1 day ago"`)
	}

	// A category scenario without product lines draws no empty table.
	bare := Demo(now)
	for i := range bare.Scenarios {
		bare.Scenarios[i].Impact.Lines = nil
	}
	if strings.Contains(Brief(bare, BriefOptions{Now: now}), "| Product | Units a year |") {
		t.Error("the brief draws a table of product lines for a scenario that has none")
	}
	if !strings.Contains(brief, "| Product | Units a year |") {
		t.Error("the demo's product lines are not in the brief")
	}

	running := Demo(now)
	running.Meetings[1].Ended = time.Time{} // one meeting ended: too soon to read their moves
	if strings.Contains(Brief(running, BriefOptions{Now: now}), "### What their moves say") {
		t.Error("the brief reads their moves after one meeting")
	}
	d.Account.Category = ""
	if strings.Contains(Brief(d, BriefOptions{Now: now}), " account · category ") {
		t.Error("the brief names a category the account has not")
	}
}
