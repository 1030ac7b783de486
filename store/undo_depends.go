package store

import (
	"bytes"
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// Undo and redo put back the images of the keys one change touched and
// check that each still holds what the change left there. That is not
// enough for a record others point at: undoing "added meeting 3" after
// another session logged a note in meeting 3 would leave the note in a
// meeting that does not exist, and the file's export would no longer
// import. So a step also checks, in its transaction, that every
// negotiation it touched still holds together (Dossier.Validate, the rule
// import applies) and that no negotiation belongs to an account it
// removed. A negotiation that did not hold together before the step is
// not held against it: the step must not make it worse, and cannot be
// asked to mend it.

// dependents is what a step must leave whole: the negotiations it touches
// (with whether each held together before it) and the accounts it touches.
type dependents struct {
	negotiations map[uint64]bool // ID → valid before the step
	accounts     map[uint64]bool
}

// dependentsOf notes, before a step, what its edits touch.
func dependentsOf(tx *bolt.Tx, edits []edit) dependents {
	deps := dependents{negotiations: map[uint64]bool{}, accounts: map[uint64]bool{}}
	for _, e := range edits {
		switch {
		case len(e.Path) >= 2 && bytes.Equal(e.Path[0], bucketNegotiations):
			if id := btoi(e.Path[1]); id != 0 {
				deps.negotiations[id] = false
			}
		case len(e.Path) == 1 && bytes.Equal(e.Path[0], bucketAccounts) && e.Key != nil:
			deps.accounts[btoi(e.Key)] = true
		}
	}
	for id := range deps.negotiations {
		deps.negotiations[id] = holdsTogether(tx, id) == nil
	}
	return deps
}

// check refuses the step when it left a negotiation that held together
// broken, or a negotiation whose account it removed.
func (deps dependents) check(tx *bolt.Tx) error {
	for _, id := range slices.Sorted(maps.Keys(deps.negotiations)) {
		if !deps.negotiations[id] || tx.Bucket(bucketNegotiations).Bucket(itob(id)) == nil {
			continue
		}
		if err := holdsTogether(tx, id); err != nil {
			return fmt.Errorf("a record it would remove %w: %v", ErrChangedSince, err)
		}
	}
	if len(deps.accounts) == 0 {
		return nil
	}
	accounts := tx.Bucket(bucketAccounts)
	negs, err := negotiations(tx)
	if err != nil {
		return err
	}
	for _, n := range negs {
		if deps.accounts[n.AccountID] && accounts.Get(itob(n.AccountID)) == nil {
			return fmt.Errorf("its account %w: negotiation %q was added to it", ErrChangedSince, n.Title)
		}
	}
	return nil
}

// holdsTogether loads a negotiation in tx and checks it as import would.
func holdsTogether(tx *bolt.Tx, negID uint64) error {
	d, err := loadDossier(tx, negID)
	if err != nil {
		return err
	}
	return d.Validate()
}
