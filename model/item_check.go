package model

import (
	"fmt"
	"slices"
)

// CheckItem refuses an edit of an agenda item that would break the ledger:
// an item with concessions keeps its numbers (our opening, and their
// opening when they moved on it), and with the new openings every logged
// move must still be a move. A new item (ID 0) has no ledger to break. The
// item form asks it, and the store asks it again in the transaction that
// saves the item.
func (d *Dossier) CheckItem(v AgendaItem) error {
	if v.ID == 0 {
		return nil
	}
	for _, c := range d.Ledger {
		if c.ItemID != v.ID {
			continue
		}
		if !v.Numeric() {
			return fmt.Errorf("the item has concessions in the ledger: it needs our opening")
		}
		if c.By == Them && !v.TheirOpening.Valid {
			return fmt.Errorf("the item has concessions of theirs: it needs their opening")
		}
	}
	after := *d
	after.Items = slices.Clone(d.Items)
	for k := range after.Items {
		if after.Items[k].ID == v.ID {
			after.Items[k] = v
			after.Items[k].Status = ItemOpen // agreed items refuse new concessions, not old ones
		}
	}
	for _, mv := range after.Replay().Moves {
		if mv.ItemID == v.ID && !mv.Size.IsPositive() {
			return fmt.Errorf("with these openings the concession to %s would no longer be a move", v.Format(mv.To))
		}
	}
	return nil
}
