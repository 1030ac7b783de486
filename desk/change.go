package desk

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// Change is one user action, as data: what it is, on which negotiation,
// with every value it writes. Session.Do runs it; the store checks it by
// the model's rules inside the transaction that writes it.
type Change interface {
	// Negotiation is the negotiation it changes (0: none in particular).
	Negotiation() uint64
	// Describe says what it does, in the user's words.
	Describe() string
	run(st *store.Store) (Result, error)
}

// Capture is one capture line: a concession, an agreement, a budget, or a
// note, action or question (model.ParseCapture).
type Capture struct {
	NegID     uint64
	Line      model.Capture
	At        time.Time
	MeetingID uint64
	DraftKey  string // the person's draft of the line, dropped in the same transaction
	// Confirmed: the person said yes to a move past our walk-away or over
	// today's budget; without it such a move is refused (*model.AskFirstError).
	Confirmed bool
}

func (c Capture) Negotiation() uint64 { return c.NegID }
func (c Capture) Describe() string    { return "captured " + c.Line.Format(nil) }
func (c Capture) run(st *store.Store) (Result, error) {
	id, err := st.Capture(c.NegID, c.Line, c.At, c.MeetingID, c.DraftKey, c.Confirmed)
	return Result{ID: id}, err
}

// SaveConcession creates (ID 0) or replaces a concession. A replaced one
// carries the Updated time it was read at: changed elsewhere since, it is
// refused (store.ErrConflict).
type SaveConcession struct {
	NegID      uint64
	Concession model.Concession
}

func (c SaveConcession) Negotiation() uint64 { return c.NegID }
func (c SaveConcession) Describe() string    { return fmt.Sprintf("saved concession %d", c.Concession.ID) }
func (c SaveConcession) run(st *store.Store) (Result, error) {
	v := c.Concession
	err := st.SaveConcession(c.NegID, &v)
	return Result{ID: v.ID}, err
}

// SaveNote creates (ID 0) or replaces a note, action or question.
type SaveNote struct {
	NegID uint64
	Note  model.Note
}

func (c SaveNote) Negotiation() uint64 { return c.NegID }
func (c SaveNote) Describe() string    { return fmt.Sprintf("saved note %d", c.Note.ID) }
func (c SaveNote) run(st *store.Store) (Result, error) {
	v := c.Note
	err := st.SaveNote(c.NegID, &v)
	return Result{ID: v.ID}, err
}

// SaveItem creates (ID 0) or replaces an agenda item.
type SaveItem struct {
	NegID uint64
	Item  model.AgendaItem
}

func (c SaveItem) Negotiation() uint64 { return c.NegID }
func (c SaveItem) Describe() string    { return fmt.Sprintf("saved item %q", c.Item.Title) }
func (c SaveItem) run(st *store.Store) (Result, error) {
	v := c.Item
	err := st.SaveItem(c.NegID, &v)
	return Result{ID: v.ID}, err
}

// DecideSuggestions accepts or dismisses value-to-them suggestions, all in
// one transaction (the workbench's Y).
type DecideSuggestions struct {
	NegID       uint64
	Suggestions []model.Suggestion
	Accept      bool
	At          time.Time
}

func (c DecideSuggestions) Negotiation() uint64 { return c.NegID }
func (c DecideSuggestions) Describe() string {
	verb := "dismissed"
	if c.Accept {
		verb = "accepted"
	}
	return fmt.Sprintf("%s %d suggestions", verb, len(c.Suggestions))
}
func (c DecideSuggestions) run(st *store.Store) (Result, error) {
	return Result{}, st.DecideSuggestions(c.NegID, c.Suggestions, c.Accept, c.At)
}
