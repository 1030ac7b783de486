package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Party is who made a concession.
type Party string

// The two parties at the table.
const (
	Us   Party = "us"
	Them Party = "them"
)

// Valid reports whether p is us or them.
func (p Party) Valid() bool { return p == Us || p == Them }

// Other is the party across the table.
func (p Party) Other() Party {
	if p == Us {
		return Them
	}
	return Us
}

// Concession is one move of one party on one item, to a new position. The
// position it moved from is not stored: it is derived by replaying the ledger.
type Concession struct {
	ID        uint64
	MeetingID uint64 // 0 when made between meetings
	ItemID    uint64
	By        Party
	To        decimal.Decimal
	TradedFor string // what we got (or gave) in return, in words
	// TradedAgainst optionally links the concession it was traded against.
	TradedAgainst uint64
	At            time.Time
	Note          string
	// Approval is the request for approval the move waits on (DESIGN 12):
	// past its mover's authority, it stays in the ledger, marked, and the
	// deal does not count it until approved. 0: it counts.
	Approval uint64
	Stamp    // UID and Updated, set by the store
}

// Held reports whether the move waits for approval and so does not count.
func (c Concession) Held() bool { return c.Approval != 0 }

// Reciprocated reports whether something was traded for the concession.
func (c Concession) Reciprocated() bool {
	return strings.TrimSpace(c.TradedFor) != "" || c.TradedAgainst != 0
}

// Validate checks the concession on its own; whether it is a move in the
// right direction depends on the ledger and is checked by Dossier.CheckConcession.
func (c Concession) Validate() error {
	if err := CheckSizes(c); err != nil {
		return err
	}
	if !c.By.Valid() {
		return fmt.Errorf("say who conceded: us or them")
	}
	if c.ItemID == 0 {
		return fmt.Errorf("the concession names no agenda item")
	}
	if c.At.IsZero() {
		return fmt.Errorf("the concession has no time")
	}
	if c.TradedAgainst != 0 && c.TradedAgainst == c.ID {
		return fmt.Errorf("a concession cannot be traded against itself")
	}
	return nil
}

// NoteKind distinguishes plain notes from actions and open questions.
type NoteKind string

// The note kinds.
const (
	KindNote     NoteKind = "note"
	KindAction   NoteKind = "action"
	KindQuestion NoteKind = "question"
)

// Valid reports whether k is a known note kind.
func (k NoteKind) Valid() bool { return k == KindNote || k == KindAction || k == KindQuestion }

// Note is something said or to be done, captured before or during a meeting.
type Note struct {
	ID        uint64
	MeetingID uint64 // 0 for preparation
	ItemID    uint64 // 0 when not tagged to an item
	Kind      NoteKind
	At        time.Time
	Text      string
	Done      bool      // an action that has been done
	DoneAt    time.Time // when it was marked done
	Answer    string    // the answer to a question, once known
	// Shared marks a line the buyer may see (DESIGN 9): `+` on the capture
	// line, or a key in the Notes pane. Every other line is internal.
	Shared bool
	Stamp  // UID and Updated, set by the store
}

// Open reports whether the note still asks for something: an action not done
// or a question without an answer.
func (n Note) Open() bool {
	switch n.Kind {
	case KindAction:
		return !n.Done
	case KindQuestion:
		return strings.TrimSpace(n.Answer) == ""
	}
	return false
}

// Validate says what is wrong with the note.
func (n Note) Validate() error {
	if err := CheckSizes(n); err != nil {
		return err
	}
	if !n.Kind.Valid() {
		return fmt.Errorf("note kind %q is not note, action or question", n.Kind)
	}
	if strings.TrimSpace(n.Text) == "" {
		return fmt.Errorf("the %s is empty", n.Kind)
	}
	if n.At.IsZero() {
		return fmt.Errorf("the %s has no time", n.Kind)
	}
	return nil
}

// FollowUp is one line of the after-the-deal checklist: who, on which side and
// in which role, does what by when.
type FollowUp struct {
	ID     uint64
	Side   Side
	Role   string
	Person string
	Action string
	Due    time.Time // a date; zero when none is set
	Done   bool
	DoneAt time.Time
	Order  int
	// Commitment is the agreed term or the trade the line checks, with
	// whose it is ("they: 170,000 cases committed"); "" for a template line.
	Commitment string
	// Source names the agreed item or the move the commitment comes from
	// (Commitment.Source): agreeing again updates this line; "" for a
	// template line or one written by hand.
	Source string
	Stamp  // UID and Updated, set by the store
}

// Overdue reports whether the line is not done and its due date is before today.
func (f FollowUp) Overdue(now time.Time) bool {
	if f.Done || f.Due.IsZero() {
		return false
	}
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, f.Due.Location())
	return f.Due.Before(today)
}

// Validate says what is wrong with the follow-up line.
func (f FollowUp) Validate() error {
	if err := CheckSizes(f); err != nil {
		return err
	}
	if !f.Side.Valid() {
		return fmt.Errorf("side %q is not customer or internal", f.Side)
	}
	if strings.TrimSpace(f.Role) == "" && strings.TrimSpace(f.Person) == "" {
		return fmt.Errorf("the follow-up needs a role or a person")
	}
	if strings.TrimSpace(f.Action) == "" {
		return fmt.Errorf("the follow-up needs an action")
	}
	return nil
}
