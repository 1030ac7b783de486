package model

// What a capture line, once read, makes: the canonical line written back,
// and the note, concession or budget it records.

import (
	"fmt"
	"time"
)

// Format writes the capture back as the canonical line that parses to it.
func (c Capture) Format(items []AgendaItem) string {
	share := ""
	if c.Shared {
		share = "+"
	}
	switch c.Kind {
	case CaptureAction:
		return share + "! " + c.Text
	case CaptureQuestion:
		return share + "? " + c.Text
	case CaptureNote:
		if c.Shared {
			return "+ " + c.Text
		}
	case CaptureConcession:
		line := fmt.Sprintf("%s %d %s", map[Party]string{Us: "we", Them: "they"}[c.By], itemNumber(c.ItemID, items), c.Value.String())
		if c.TradedFor != "" {
			line += " for " + c.TradedFor
		}
		return line
	case CaptureBudget:
		return fmt.Sprintf("budget %d %s", itemNumber(c.ItemID, items), c.Value.String())
	case CaptureAgree:
		line := fmt.Sprintf("agree %d", itemNumber(c.ItemID, items))
		if c.HasValue {
			line += " " + c.Value.String()
		}
		return line
	}
	return c.Text
}

// NoteKind is the kind of note the capture makes (for non-concessions).
func (c Capture) NoteKind() NoteKind {
	switch c.Kind {
	case CaptureAction:
		return KindAction
	case CaptureQuestion:
		return KindQuestion
	}
	return KindNote
}

// Note is the note a note, action or question capture makes.
func (c Capture) Note(at time.Time, meetingID uint64) Note {
	return Note{MeetingID: meetingID, ItemID: c.ItemID, Kind: c.NoteKind(), At: at, Text: c.Text, Shared: c.Shared}
}

// Concession is the concession a concession capture makes.
func (c Capture) Concession(at time.Time, meetingID uint64) Concession {
	return Concession{MeetingID: meetingID, ItemID: c.ItemID, By: c.By, To: c.Value, TradedFor: c.TradedFor, At: at}
}

// Budget is the budget a budget capture sets.
func (c Capture) Budget(at time.Time, meetingID uint64) Budget {
	return Budget{MeetingID: meetingID, ItemID: c.ItemID, Value: c.Value, At: at}
}
