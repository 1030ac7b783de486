// Package tui is Parley's workbench: a Bubble Tea program with five panes
// (Agenda, Ledger, Notes, Follow-up, Calculator), a header with the gap
// closed, the capture line, forms, a picker and help.
//
// The root model routes keys: a modal layer (confirm, form, picker, stage,
// help, capture line, filter) gets them first, then pane switching, then the
// focused pane. The workbench talks to the store only through tea.Cmds that
// return messages, through the Store interface declared here; Update does no
// IO. Derived numbers (the ledger replay, pane rows) are computed once when
// the data changes, never in View, and panes render only their visible rows.
package tui
