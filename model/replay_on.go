package model

// On is the replay read against d, a copy of the dossier it replayed: its
// moves and states are shared, read-only, and every record it looks up
// (items, meetings, the deal basis, budgets, decisions) comes from d. The
// workbench takes such a copy, without the ledger and the notes, to work
// the forecast and the owed trade-backs out off its UI goroutine while it
// goes on changing its own. d must hold the same records as the replayed
// dossier apart from the ledger, which a replay already holds as its moves.
func (r *Replay) On(d *Dossier) *Replay {
	cp := *r
	cp.dossier = d
	return &cp
}
