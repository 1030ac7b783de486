package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// Store is what the workbench needs of the database. *store.Store has it.
type Store interface {
	Current() (uint64, error)
	SetCurrent(id uint64) error
	Dossier(negID uint64) (*model.Dossier, error)
	Accounts() ([]model.Account, error)
	Negotiations() ([]model.Negotiation, error)
	SaveAccount(a *model.Account) error
	DeleteAccount(id uint64) error
	SaveNegotiation(n *model.Negotiation) error
	DeleteNegotiation(id uint64) error
	AddDossier(d *model.Dossier) (uint64, error)

	SaveItem(negID uint64, it *model.AgendaItem) error
	DeleteItem(negID, itemID uint64) error
	SaveOrder(negID uint64, ids []uint64) error
	SaveMeeting(negID uint64, m *model.Meeting) error
	SaveConcession(negID uint64, c *model.Concession) error
	DeleteConcession(negID, id uint64) error
	SaveNote(negID uint64, n *model.Note) error
	DeleteNote(negID, id uint64) error
	SaveFollowUp(negID uint64, f *model.FollowUp) error
	DeleteFollowUp(negID, id uint64) error
	ReplaceFollowUps(negID uint64, lines []model.FollowUp) ([]model.FollowUp, error)
	SaveScenario(negID uint64, sc *model.Scenario) error
	DeleteScenario(negID, id uint64) error
	Capture(negID uint64, c model.Capture, at time.Time, meetingID uint64, draftKey string) (uint64, error)

	Draft(key string) (string, error)
	Drafts(prefix string) (map[string]string, error)
	SaveDraft(key, text string) error
}

// loadedMsg brings a negotiation read from the store (nil when the file has none).
type loadedMsg struct {
	dossier    *model.Dossier
	formDrafts map[string]string // every form draft in the file
	err        error
}

// changedMsg reports a write that reached the file (or failed). apply brings
// the workbench's copy up to date without reading the file again; reload asks
// for a fresh read when the change touched more than one record.
type changedMsg struct {
	origin int // the form or line that asked for the write, 0 for none
	status string
	apply  func(d *model.Dossier)
	reload bool
	err    error
}

// draftMsg brings a draft read at start-up.
type draftMsg struct {
	negID uint64
	text  string
	err   error
}

// errMsg is a failure to show in the footer.
type errMsg struct{ err error }

// infoMsg is a message to show in the footer.
type infoMsg struct{ text string }

// loadCmd reads one negotiation, or the current one when negID is 0.
func loadCmd(s Store, negID uint64) tea.Cmd {
	return func() tea.Msg {
		drafts, err := s.Drafts(formDraftPrefix)
		if err != nil {
			return loadedMsg{err: fmt.Errorf("read the kept drafts: %w", err)}
		}
		id := negID
		if id == 0 {
			if id, err = s.Current(); err != nil {
				return loadedMsg{err: err}
			}
			if id == 0 {
				return loadedMsg{formDrafts: drafts}
			}
		} else if err := s.SetCurrent(id); err != nil {
			return loadedMsg{err: err}
		}
		d, err := s.Dossier(id)
		if err != nil {
			return loadedMsg{err: fmt.Errorf("open negotiation %d: %w", id, err)}
		}
		return loadedMsg{dossier: d, formDrafts: drafts}
	}
}

// draftCmd reads the draft of a negotiation's capture line.
func draftCmd(s Store, negID uint64, key string) tea.Cmd {
	return func() tea.Msg {
		text, err := s.Draft(key)
		return draftMsg{negID: negID, text: text, err: err}
	}
}

// saveDraftCmd keeps the capture line's text in the file.
func saveDraftCmd(s Store, key, text string) tea.Cmd {
	return func() tea.Msg {
		if err := s.SaveDraft(key, text); err != nil {
			return errMsg{fmt.Errorf("draft not kept: %w", err)}
		}
		return nil
	}
}

// writeCmd runs one store write off the UI goroutine and reports it. op gets
// only the store: every value it writes must be a copy made by the caller.
func writeCmd(s Store, origin int, status string, op func(Store) (func(*model.Dossier), error)) tea.Cmd {
	return func() tea.Msg {
		apply, err := op(s)
		return changedMsg{origin: origin, status: status, apply: apply, err: err}
	}
}

// reloadCmd runs a write that touches several records, then asks for a reload.
func reloadCmd(s Store, origin int, status string, op func(Store) error) tea.Cmd {
	return func() tea.Msg {
		err := op(s)
		return changedMsg{origin: origin, status: status, reload: err == nil, err: err}
	}
}

// upsert replaces the element with the same ID or appends it.
func upsert[T any](list []T, v T, id func(T) uint64) []T {
	for i := range list {
		if id(list[i]) == id(v) {
			list[i] = v
			return list
		}
	}
	return append(list, v)
}

// find returns the element with the given ID.
func find[T any](list []T, target uint64, id func(T) uint64) (T, bool) {
	for _, v := range list {
		if id(v) == target {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// remove drops the element with the given ID.
func remove[T any](list []T, target uint64, id func(T) uint64) []T {
	out := list[:0]
	for _, v := range list {
		if id(v) != target {
			out = append(out, v)
		}
	}
	return out
}
