package model

import (
	"errors"
	"testing"
	"time"
)

// Our move past our walk-away is asked about before it is kept, unless
// confirmed; a note, their move or an agreement is not asked about.
func TestCheckCaptureAsksFirstOnlyForOurMovePastWalkAway(t *testing.T) {
	at := time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC)
	d := Demo(at)
	var price AgendaItem
	for _, it := range d.Items {
		if it.Title == "List price per case" {
			price = it
		}
	}
	past := Capture{Kind: CaptureConcession, By: Us, ItemID: price.ID, Value: dec("23.50")} // walk-away 23.60, higher is better
	var ask *AskFirstError
	if err := d.CheckCapture(past, at, 0, false); !errors.As(err, &ask) || !ask.Flags.Has(PastWalkAway) {
		t.Fatalf("our move to 23.50 past the walk-away 23.60: %v, want a question first", err)
	}
	if err := d.CheckCapture(past, at, 0, true); err != nil {
		t.Fatalf("the same move confirmed: %v", err)
	}
	within := past
	within.Value = dec("24.30")
	if err := d.CheckCapture(within, at, 0, false); err != nil {
		t.Fatalf("our move to 24.30, within the walk-away: %v", err)
	}
	note := Capture{Kind: CaptureNote, Text: "they want 23.50"}
	if err := d.CheckCapture(note, at, 0, false); err != nil {
		t.Fatalf("a note: %v", err)
	}
}
