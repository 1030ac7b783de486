package model

// TradedAgainstCandidates lists the concessions a concession by party by can
// be traded against: the other side's moves, in ledger order, without the
// concession itself (id, 0 for a new one). A `they` concession is traded
// against one of ours and never against their own.
func (d *Dossier) TradedAgainstCandidates(by Party, id uint64) []Concession {
	var out []Concession
	for _, c := range d.Ledger {
		if c.By != by && c.ID != id {
			out = append(out, c)
		}
	}
	return out
}
