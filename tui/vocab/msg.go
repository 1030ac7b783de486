// Package vocab is what the workbench's components and its root say to
// each other: the snapshot a component is given (SetData) and the messages
// by which it asks the root for what it may not do itself. tui/ui is the
// visual kit; act is the actions a save message carries.
package vocab

import (
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
)

// The messages by which components ask the root for what they may not do
// themselves: open a form or a question, write to the file, show a status.
// A component returns one of these from a command (see Cmd); the root
// decides what happens and who hears the answer.

// StatusMsg puts a message in the footer.
type StatusMsg struct{ Text string }

// ErrorMsg puts a failure in the footer.
type ErrorMsg struct{ Err error }

// ConfirmMsg asks a yes/no question. Yes is delivered as a message when the
// user says yes; No when the user says no — by default the footer saying
// nothing changed, so that it does not keep an earlier "Saved: …".
type ConfirmMsg struct {
	Question, Detail string
	Yes              tea.Msg
	No               tea.Msg
}

// ChooseMsg asks which lines of a list to write: each starts chosen; space
// toggles the marked one, enter delivers Yes(chosen), esc delivers No.
// Hidden counts lines not shown (privacy is on); they keep their choice.
type ChooseMsg struct {
	Question, Detail string
	Lines            []string
	Hidden           []int // indexes of lines not shown
	Yes              func(chosen []bool) tea.Msg
	No               tea.Msg
}

// NothingChanged is the footer's message after a no.
const NothingChanged = "No: nothing changed"

// EditMsg asks for the form of a record: Record is the model value to edit
// (ID 0 for a new one), or a NegotiationRecord for a negotiation.
type EditMsg struct {
	Kind   Kind
	Record any
}

// NegotiationRecord is what the negotiation form edits: the negotiation and
// the account it belongs to.
type NegotiationRecord struct {
	Negotiation model.Negotiation
	Account     model.Account
}

// SaveMsg asks the root to write a change. Origin names the form or line
// that asked (0 for none): the answer goes back to it.
type SaveMsg struct {
	Origin int
	Status string // the footer's message once the change is in the file
	Change act.Change
}

// SavedMsg answers a SaveMsg once the change is in the file (Err nil) or
// was refused.
type SavedMsg struct {
	Origin int
	Status string
	Change act.Change
	Err    error
}

// CaptureMsg opens the capture line.
type CaptureMsg struct{}

// OpenMsg opens a negotiation by ID (0: the current one); with Move, at
// that move of the ledger (a request for approval's).
type OpenMsg struct {
	NegID uint64
	Move  uint64
}

// AccountsMsg opens the accounts and negotiations (the picker).
type AccountsMsg struct{}

// MinutesMsg writes the buyer-safe minutes of meeting number Meeting (0:
// the last) to a file.
type MinutesMsg struct{ Meeting int }

// DemoMsg adds the demo negotiation and opens it.
type DemoMsg struct{}

// QuitMsg leaves the workbench, keeping what is being typed as a draft.
type QuitMsg struct{}

// KeepDraftMsg keeps text being typed in the file (empty text drops it).
type KeepDraftMsg struct{ Key, Text string }

// DraftKeptMsg says a draft reached the file.
type DraftKeptMsg struct{ Key, Text string }

// Cmd delivers msg as a command's result.
func Cmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Error is a command that shows err in the footer.
func Error(err error) tea.Cmd { return Cmd(ErrorMsg{err}) }

// Status is a command that shows text in the footer.
func Status(text string) tea.Cmd { return Cmd(StatusMsg{text}) }

var origins atomic.Int64

// NewOrigin numbers a form or a line, so that the answer of a write it asked
// for finds it.
func NewOrigin() int { return int(origins.Add(1)) }

// Kind names a kind of record a form edits. The names are part of the keys
// of form drafts kept in the file: they never change.
type Kind string

// The kinds of form.
const (
	KindItem         Kind = "item"
	KindConcession   Kind = "concession"
	KindNote         Kind = "note"
	KindAnswer       Kind = "answer"
	KindFollowUp     Kind = "followup"
	KindCategory     Kind = "category"      // a category-impact scenario
	KindProfit       Kind = "profitability" // a profitability scenario
	KindScenario     Kind = "scenario"      // a new scenario: first its kind
	KindMeeting      Kind = "meeting"
	KindMeetingStart Kind = "meeting-start"
	KindMeetingEnd   Kind = "meeting-end"
	KindAccount      Kind = "account"
	KindNegotiation  Kind = "negotiation"
	KindBudget       Kind = "budget" // today's budget on an item: its Ref ID is the item's
)

// PaneView is what a pane shows besides the data, kept across a restart:
// the selected row, the filter as typed and the pane's mode (e.g. the
// agenda's trade plan). Each pane writes and reads its own; empty fields
// leave the pane as it opens.
type PaneView struct {
	Row    string `json:"row,omitempty"`
	Filter string `json:"filter,omitempty"`
	Mode   string `json:"mode,omitempty"`
}
