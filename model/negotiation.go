package model

import (
	"fmt"
	"strings"
	"time"
)

// Status is where a negotiation stands as a whole.
type Status string

// The negotiation statuses.
const (
	Active    Status = "active"
	Agreed    Status = "agreed"
	Abandoned Status = "abandoned"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s == Active || s == Agreed || s == Abandoned }

// Negotiation is one round with one account, e.g. "2027 annual terms".
type Negotiation struct {
	ID        uint64
	AccountID uint64
	Title     string
	Stage     Stage
	Status    Status
	Currency  string // ISO code such as EUR, GBP, USD
	Created   time.Time
	Deadline  time.Time // zero when none is set
	Deal      DealBasis // what the waterfall of every package stands on
	// DecimalComma: numbers are typed 9,90 and 1.000,50 in this negotiation.
	DecimalComma bool
	Stamp        // UID and Updated, set by the store
}

// Numbers is how numbers are typed in the negotiation.
func (n Negotiation) Numbers() NumberFormat { return NumberFormat{DecimalComma: n.DecimalComma} }

// Validate says what is wrong with the negotiation, in the user's words.
func (n Negotiation) Validate() error {
	if err := CheckSizes(n); err != nil {
		return err
	}
	if strings.TrimSpace(n.Title) == "" {
		return fmt.Errorf("the negotiation needs a title")
	}
	if n.AccountID == 0 {
		return fmt.Errorf("the negotiation %q belongs to no account", n.Title)
	}
	if !n.Stage.Valid() {
		return fmt.Errorf("stage %q is not one of %s", n.Stage, stageList())
	}
	if !n.Status.Valid() {
		return fmt.Errorf("status %q is not active, agreed or abandoned", n.Status)
	}
	if err := ValidateCurrency(n.Currency); err != nil {
		return err
	}
	if err := n.Deal.Validate(); err != nil {
		return err
	}
	if !n.Deadline.IsZero() && !n.Created.IsZero() && dateOf(n.Deadline).Before(dateOf(n.Created)) {
		return fmt.Errorf("the deadline %s is before the negotiation was created", n.Deadline.Format(DateLayout))
	}
	return nil
}

// dateOf is the calendar date of t where it was taken, as UTC midnight, so
// that dates typed as text (UTC) and clock times (local) compare by the day
// the user sees.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ValidateCurrency accepts a three-letter currency code such as EUR.
func ValidateCurrency(code string) error {
	if len(code) != 3 || strings.ToUpper(code) != code || strings.IndexFunc(code, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return fmt.Errorf("currency %q should be a three-letter code such as EUR, GBP or USD", code)
	}
	return nil
}

// DateLayout is how dates are written and read everywhere in Parley.
const DateLayout = "2006-01-02"

// Meeting is one sitting with the customer. A meeting that has started and not
// ended is running: notes and concessions captured meanwhile belong to it.
type Meeting struct {
	ID        uint64
	Number    int
	Started   time.Time
	Ended     time.Time // zero while the meeting runs
	Place     string
	Attendees []string
	Summary   string
	Stamp     // UID and Updated, set by the store
}

// Running reports whether the meeting has started and not yet ended.
func (m Meeting) Running() bool { return !m.Started.IsZero() && m.Ended.IsZero() }

// Validate says what is wrong with the meeting.
func (m Meeting) Validate() error {
	if err := CheckSizes(m); err != nil {
		return err
	}
	if m.Number < 1 {
		return fmt.Errorf("meeting number %d should be 1 or more", m.Number)
	}
	if m.Started.IsZero() {
		return fmt.Errorf("meeting %d has no start time", m.Number)
	}
	if !m.Ended.IsZero() && m.Ended.Before(m.Started) {
		return fmt.Errorf("meeting %d ends before it starts", m.Number)
	}
	return nil
}
