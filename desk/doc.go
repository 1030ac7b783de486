// Package desk is one person's session on a Parley file, with no UI: what
// the workbench, the command line and (next) the team server share.
//
//	cmd/parley ──┐
//	tui ─────────┼──▶ desk.Session ──▶ store.Store (one bbolt file) ──▶ model
//	serve ───────┘        │  ▲
//	                      │  └── events: this process's commits (a hub per
//	                      │      file) and other processes' (the file watched)
//	                      └── snapshots: a negotiation read once, never changed
//
// A Session acts for one person ("" is the file's one user, as on a
// laptop): their drafts, their current negotiation, their undo history.
// Every user action is an act.Change: a plain value (it can be logged,
// compared and broadcast) that Do runs as one write transaction, in which the store
// runs the model's own rules on the file as it is then (a move toward the
// other side, not past it; a move of ours past our walk-away or over
// today's budget only once confirmed; a record not changed elsewhere since
// it was read, by its Updated time) and works out the negotiation's summary
// (model.Summarize) for the portfolio. After the commit, and never inside
// it, every session of the file in this process hears of it as an Event;
// sessions in other processes hear of it through the file (watch.go).
//
// A Snapshot is immutable: a change never edits one in place, it leads to
// a new one read from the file.
package desk
