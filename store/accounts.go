package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Accounts lists every account, by name.
func (s *Store) Accounts() ([]model.Account, error) {
	var out []model.Account
	err := s.view(func(tx *bolt.Tx) error {
		l, err := s.lensOf(tx)
		if err != nil {
			return err
		}
		recs, err := loadAll[accountRecord](tx.Bucket(bucketAccounts))
		for _, r := range recs {
			if l.seesAccount(r.ID) {
				out = append(out, r.model())
			}
		}
		return err
	})
	slices.SortStableFunc(out, func(a, b model.Account) int {
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return out, err
}

// Account reads one account.
func (s *Store) Account(id uint64) (model.Account, error) {
	var a model.Account
	err := s.view(func(tx *bolt.Tx) error {
		l, err := s.lensOf(tx)
		if err != nil {
			return err
		}
		if !l.seesAccount(id) {
			return fmt.Errorf("account %d %w", id, ErrNotYours)
		}
		a, err = account(tx, id)
		return err
	})
	return a, err
}

func account(tx *bolt.Tx, id uint64) (model.Account, error) {
	var r accountRecord
	found, err := getJSON(tx.Bucket(bucketAccounts), itob(id), &r)
	if err != nil {
		return model.Account{}, err
	}
	if !found {
		return model.Account{}, fmt.Errorf("account %d: %w", id, ErrNotFound)
	}
	return r.model(), nil
}

// SaveAccount creates the account (ID 0) or replaces it.
func (s *Store) SaveAccount(a *model.Account) error {
	*a = a.Cleaned() // text is cleaned where it enters
	if err := a.Validate(); err != nil {
		return err
	}
	v := *a
	if err := s.change(savedLabel("account", v.ID, v.Name), func(tx *bolt.Tx) error { return saveAccount(tx, &v) }); err != nil {
		return err
	}
	*a = v // the ID only once the account is on disk
	return nil
}

func saveAccount(tx *bolt.Tx, a *model.Account) error {
	b := topBucket(tx, bucketAccounts)
	if err := assignID(b, &a.ID, "account"); err != nil {
		return err
	}
	rec := accountToRecord(*a)
	if err := putRecord(b, itob(a.ID), &rec); err != nil {
		return err
	}
	a.Stamp = rec.toModel()
	return nil
}

// DeleteAccount removes the account and every negotiation of it.
func (s *Store) DeleteAccount(id uint64) error {
	return s.change(fmt.Sprintf("deleted account %d", id), func(tx *bolt.Tx) error {
		b := topBucket(tx, bucketAccounts)
		if err := mustExist(b.Bucket, id, "account"); err != nil {
			return err
		}
		negs, err := negotiations(tx)
		if err != nil {
			return err
		}
		for _, n := range negs {
			if n.AccountID == id {
				if err := topBucket(tx, bucketNegotiations).DeleteBucket(itob(n.ID)); err != nil {
					return err
				}
			}
		}
		return b.Delete(itob(id))
	})
}

// Negotiations lists every negotiation (its own record, not its contents),
// oldest first.
func (s *Store) Negotiations() ([]model.Negotiation, error) {
	var out []model.Negotiation
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = s.negotiationsSeen(tx)
		return err
	})
	return out, err
}

// negotiationsSeen is Negotiations in tx.
func (s *Store) negotiationsSeen(tx *bolt.Tx) ([]model.Negotiation, error) {
	l, err := s.lensOf(tx)
	if err != nil {
		return nil, err
	}
	all, err := negotiations(tx)
	var out []model.Negotiation
	for _, n := range all {
		if l.seesAccount(n.AccountID) {
			out = append(out, n)
		}
	}
	return out, err
}

// Active is the negotiation a line captured outside the workbench goes
// into (parley note): the current one when it is active, else the newest
// active one; 0 when none is. One look at the file.
func (s *Store) Active() (uint64, error) {
	var pick uint64
	err := s.view(func(tx *bolt.Tx) error {
		cur, err := s.current(tx)
		if err != nil {
			return err
		}
		// The current one, active and seen, is the answer without a look
		// at the others: every `ssh … note` asks, on a file of hundreds.
		if ok, err := s.activeAndSeen(tx, cur); err != nil || ok {
			pick = cur
			return err
		}
		negs, err := s.negotiationsSeen(tx)
		for _, n := range negs {
			if n.Status != model.Active {
				continue
			}
			if n.ID == cur {
				pick = cur
				break
			}
			pick = max(pick, n.ID)
		}
		return err
	})
	return pick, err
}

// activeAndSeen reports whether negotiation id is active and the
// session's person sees it.
func (s *Store) activeAndSeen(tx *bolt.Tx, id uint64) (bool, error) {
	nb := tx.Bucket(bucketNegotiations).Bucket(itob(id))
	if id == 0 || nb == nil {
		return false, nil
	}
	n, err := negotiationIn(nb, id)
	if err != nil {
		return false, err
	}
	if n.Status != model.Active {
		return false, nil
	}
	l, err := s.lensOf(tx)
	return err == nil && l.seesAccount(n.AccountID), err
}

func negotiations(tx *bolt.Tx) ([]model.Negotiation, error) {
	var out []model.Negotiation
	root := tx.Bucket(bucketNegotiations)
	err := root.ForEachBucket(func(k []byte) error {
		n, err := negotiationIn(root.Bucket(k), btoi(k))
		if err == nil {
			out = append(out, n)
		}
		return err
	})
	return out, err
}

// negotiationIn is the record of negotiation id, in its bucket nb.
func negotiationIn(nb *bolt.Bucket, id uint64) (model.Negotiation, error) {
	var r negotiationRecord
	if found, err := getJSON(nb, keyNegMeta, &r); err != nil || !found {
		return model.Negotiation{}, fmt.Errorf("negotiation %d: %w", id, cmp.Or(err, ErrCorrupt))
	}
	return r.model(), nil
}

// SaveNegotiation creates the negotiation (ID 0) with its buckets, or
// replaces its record. Creating one makes it the current negotiation.
func (s *Store) SaveNegotiation(n *model.Negotiation) error {
	*n = n.Cleaned() // text is cleaned where it enters
	if err := n.Validate(); err != nil {
		return err
	}
	v := *n
	err := s.change(savedLabel("negotiation", v.ID, v.Title), func(tx *bolt.Tx) error {
		if err := mustExist(tx.Bucket(bucketAccounts), v.AccountID, "account"); err != nil {
			return err
		}
		if v.ID != 0 {
			nb, err := negotiationBucket(tx, v.ID)
			if err != nil {
				return err
			}
			rec := negotiationToRecord(v)
			if err := putRecord(nb, keyNegMeta, &rec); err != nil {
				return err
			}
			v.Stamp = rec.toModel()
			return nil
		}
		return createNegotiation(tx, &v, nil)
	})
	if err != nil {
		return err
	}
	*n = v // the ID only once the negotiation is on disk
	return nil
}

// createNegotiation makes a negotiation's buckets and writes its record:
// stamped as new, or with st (an import keeps the record's UID and time).
func createNegotiation(tx *bolt.Tx, n *model.Negotiation, st *stamp) error {
	root := topBucket(tx, bucketNegotiations)
	id, err := root.NextSequence()
	if err != nil {
		return err
	}
	nb, err := root.CreateBucket(itob(id))
	if err != nil {
		return fmt.Errorf("create negotiation %d: %w", id, err)
	}
	for _, name := range childBuckets {
		if _, err := nb.CreateBucket(name); err != nil {
			return err
		}
	}
	n.ID = id
	rec := negotiationToRecord(*n)
	if st != nil {
		rec.stamp = *st
		err = putJSON(nb, keyNegMeta, rec)
	} else {
		err = putRecord(nb, keyNegMeta, &rec)
	}
	if err != nil {
		return err
	}
	n.Stamp = rec.toModel()
	return tx.Bucket(bucketMeta).Put(keyCurrent, itob(id))
}

// DeleteNegotiation removes the negotiation and everything in it.
func (s *Store) DeleteNegotiation(id uint64) error {
	return s.change(fmt.Sprintf("deleted negotiation %d", id), func(tx *bolt.Tx) error {
		if _, err := negotiationBucket(tx, id); err != nil {
			return err
		}
		return topBucket(tx, bucketNegotiations).DeleteBucket(itob(id))
	})
}

// Current is the negotiation to open on start: the one opened last, or the
// newest when that one is gone; 0 when there is none.
func (s *Store) Current() (uint64, error) {
	var id uint64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		id, err = s.current(tx)
		return err
	})
	return id, err
}

// current is Current in tx.
func (s *Store) current(tx *bolt.Tx) (uint64, error) {
	root := tx.Bucket(bucketNegotiations)
	if cur := btoi(tx.Bucket(bucketMeta).Get(s.currentKey())); cur != 0 && root.Bucket(itob(cur)) != nil {
		return cur, nil
	}
	// None chosen yet: the newest the person sees (on a team's file, a
	// KAM's first start must not open someone else's and be refused).
	l, err := s.lensOf(tx)
	if err != nil {
		return 0, err
	}
	c := root.Cursor()
	for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
		if l.seesNegotiation(tx, btoi(k)) == nil {
			return btoi(k), nil
		}
	}
	return 0, nil
}

// SetCurrent remembers the negotiation to open on the next start.
func (s *Store) SetCurrent(id uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		if _, err := negotiationBucket(tx, id); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(s.currentKey(), itob(id))
	})
}
