package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/capture"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/vocab"
)

// Store is what the workbench needs of the file: one person's session on
// it, which runs every change (act.Change) as one transaction checked by
// the model's rules, and reads. *desk.Session has it.
type Store interface {
	// Do runs one change; the values the file decided are in it afterwards.
	Do(c act.Change) error
	Current() (uint64, error)
	SetCurrent(id uint64) error
	// Dossier reads a negotiation with its text cleaned (a file written
	// before the store cleaned what it writes may hold text that would act
	// on the terminal); it may share records with the one read before, so
	// it is never changed.
	Dossier(negID uint64) (*model.Dossier, error)
	Accounts() ([]model.Account, error)
	Negotiations() ([]model.Negotiation, error)
	AddDossier(d *model.Dossier) (uint64, error)

	Draft(key string) (string, error)
	Drafts(prefix string) (map[string]string, error)
	SaveDraft(key, text string) error

	// Changed reports a change made by another process (or session) since
	// this one last looked; its own writes do not count.
	Changed() (bool, error)
	// UndoOwn and RedoOwn take back, or make again, this workbench's last
	// change in the file, and name it.
	UndoOwn() (string, error)
	RedoOwn() (string, error)
}

// loadedMsg brings a negotiation read from the store (nil when the file has none).
type loadedMsg struct {
	dossier    *model.Dossier
	formDrafts map[string]string // every form draft in the file
	accounts   int               // with no negotiation to open: how many accounts the file has
	demo       bool              // the demo, just added: the footer says what to try first
	view       string            // what was on screen when it was last left (view.go)
	access     vocab.Access      // what the person may do with the negotiation
	move       uint64            // a move to show in the ledger (opened from the approvals page)
	partial    bool              // the older notes are not in it yet: fullCmd reads them
	err        error
}

// loadCmd reads one negotiation, or the current one when negID is 0.
func loadCmd(s Store, negID uint64) tea.Cmd {
	return func() tea.Msg { return load(s, negID) }
}

func load(s Store, negID uint64) loadedMsg {
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
			accounts, err := s.Accounts()
			if err != nil {
				return loadedMsg{err: fmt.Errorf("read the accounts: %w", err)}
			}
			return loadedMsg{formDrafts: drafts, accounts: len(accounts)}
		}
	} else if err := s.SetCurrent(id); err != nil {
		return loadedMsg{err: err}
	}
	d, partial, err := readFirst(s, id)
	if err != nil {
		return loadedMsg{err: fmt.Errorf("open negotiation %d: %w", id, err)}
	}
	if !partial {
		collectAfterLoad(d)
	}
	access, err := accessTo(s, id)
	if err != nil {
		return loadedMsg{err: fmt.Errorf("open negotiation %d: %w", id, err)}
	}
	view, _ := s.Draft(viewKey(id)) // a view not read opens as new: no data is lost
	return loadedMsg{dossier: d, formDrafts: drafts, view: view, access: access, partial: partial}
}

// headReader reads a negotiation's first screen: all but its older notes
// (store.Store.Head); desk.Session has it.
type headReader interface {
	Head(negID uint64, notes int) (d *model.Dossier, complete bool, err error)
}

// headNotes is how many of the latest notes a negotiation opens with: more
// than a screen shows, a small part of a long negotiation's notes.
const headNotes = 400

// readFirst reads what a negotiation opens with: its head when the store
// reads heads (partial: the older notes follow, see fullCmd), else all of it.
func readFirst(s Store, negID uint64) (d *model.Dossier, partial bool, err error) {
	if h, ok := s.(headReader); ok {
		d, complete, err := h.Head(negID, headNotes)
		return d, !complete, err
	}
	d, err = s.Dossier(negID)
	return d, false, err
}

// changeAsker answers whether the person may change a negotiation, by the
// store's one rule (model.People.Writes); desk.Session has it.
type changeAsker interface {
	MayChange(negID uint64) (ok bool, whose string, err error)
}

// accessTo asks the store what the person may do with a negotiation; a
// store without people lets its one user change everything.
func accessTo(s Store, negID uint64) (vocab.Access, error) {
	var may bool
	var whose string
	var bounds model.Bounds
	var err error
	switch a := s.(type) {
	case standingAsker:
		may, whose, bounds, err = a.Standing(negID)
	case changeAsker:
		may, whose, err = a.MayChange(negID)
	default:
		return vocab.Access{}, nil
	}
	if err != nil {
		return vocab.Access{}, err
	}
	var access vocab.Access
	if len(bounds.Authority) > 0 {
		access.Bounds = &bounds
	}
	if !may {
		access.ReadOnly, access.Owner = true, model.CleanText(whose, false)
	}
	return access, nil
}

// standingAsker is a store that also knows how far its person may move
// before approval (a desk session on a team's file).
type standingAsker interface {
	Standing(negID uint64) (ok bool, whose string, bounds model.Bounds, err error)
}

// demoCmd adds the demo negotiation and opens it.
func demoCmd(s Store, d *model.Dossier) tea.Cmd {
	return func() tea.Msg {
		id, err := s.AddDossier(d)
		if err != nil {
			return vocab.ErrorMsg{Err: fmt.Errorf("demo not added: %w", err)}
		}
		msg := load(s, id)
		msg.demo = true
		return msg
	}
}

// writeCmd writes one change off the UI goroutine and answers with the
// outcome. The change holds copies of what it writes.
func writeCmd(s Store, req vocab.SaveMsg) tea.Cmd {
	return func() tea.Msg {
		err := s.Do(req.Change)
		msg := vocab.SavedMsg{Origin: req.Origin, Status: req.Status, Change: req.Change, Err: err}
		if h, ok := s.(interface{ Held() []model.Approval }); ok && err == nil {
			if held := h.Held(); len(held) > 0 {
				// Past the person's authority (a team's file): kept, but the deal waits.
				msg.Change = &act.Held{Change: req.Change, Approvals: held} // the status says so (heldStatus)
			}
		}
		return msg
	}
}

// draftCmd reads the draft of a negotiation's capture line.
func draftCmd(s Store, negID uint64) tea.Cmd {
	return func() tea.Msg {
		text, err := s.Draft(capture.DraftKey(negID))
		return capture.DraftMsg{NegID: negID, Text: model.CleanText(text, false), Err: err}
	}
}

// saveDraftCmd keeps typed text in the file (empty text drops it).
func saveDraftCmd(s Store, key, text string) tea.Cmd {
	return func() tea.Msg {
		if err := s.SaveDraft(key, text); err != nil {
			return vocab.ErrorMsg{Err: fmt.Errorf("draft not kept: %w", err)}
		}
		return vocab.DraftKeptMsg{Key: key, Text: text}
	}
}

// pickerDataCmd reads the accounts and negotiations for the picker.
func pickerDataCmd(s Store) tea.Cmd {
	return func() tea.Msg {
		accounts, err := s.Accounts()
		if err != nil {
			return dialog.PickerData{Err: err}
		}
		negs, err := s.Negotiations()
		for i := range accounts { // cleaned as a loaded negotiation is
			accounts[i] = accounts[i].Cleaned()
		}
		for i := range negs {
			negs[i] = negs[i].Cleaned()
		}
		return dialog.PickerData{Accounts: accounts, Negotiations: negs, Err: err}
	}
}
