// Package tui is Parley's workbench: the root of a Bubble Tea program with
// six panes (Agenda, Ledger, Notes, Follow-up, Calculator, Deal), a header with
// the gap closed, the capture line, and a stack of modal forms and dialogs.
//
// The root routes; it does not draw the panes or build the forms. A key goes
// to the top of the modal stack if there is one, else to the open capture
// line, else to pane switching and the workbench's own keys, else to the
// focused pane. Components (tui/pane/..., tui/capture, tui/dialog,
// tui/form via tui/editor) get their data through SetData and SetSize, keys
// through Update, and ask the root for everything else with the messages of
// tui/vocab: open a form, ask a question, write a change (an act.Change),
// show a status. The root runs every write in a command through the narrow
// Store interface declared here (a desk.Session), with explicit arguments
// and a typed answer (vocab.SavedMsg);
// Update does no IO. Derived numbers (the ledger replay, pane rows) are
// computed once when the data changes, never in View, and panes render only
// their visible rows.
package tui
