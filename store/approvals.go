package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Held is what this session's last change held for approval (nothing when
// it was within authority), each once.
func (s *Store) Held() []model.Approval {
	v, ok := heldBy.LoadAndDelete(s.author)
	if !ok {
		return nil
	}
	return v.([]model.Approval)
}

// Approvals lists the requests for approval the session's person may
// decide, or with all, every one they may see (theirs, and those decided),
// newest first.
func (s *Store) Approvals(all bool) ([]model.Approval, error) {
	var out []model.Approval
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = s.approvalsIn(tx, all)
		return err
	})
	return out, err
}

// Requests is Approvals with the names a page shows them by: each
// negotiation's account and title, and the item moved as it is now (its
// text cleaned), read in the same transaction.
func (s *Store) Requests(all bool) ([]model.Request, error) {
	var out []model.Request
	err := s.view(func(tx *bolt.Tx) error {
		list, err := s.approvalsIn(tx, all)
		if err != nil {
			return err
		}
		for _, a := range list {
			r := model.Request{Approval: a}
			var n negotiationRecord
			var acc accountRecord
			if root := tx.Bucket(bucketNegotiations); root != nil && root.Bucket(itob(a.NegotiationID)) != nil {
				if _, err := getJSON(root.Bucket(itob(a.NegotiationID)), keyNegMeta, &n); err != nil {
					return err
				}
				if _, err := getJSON(tx.Bucket(bucketAccounts), itob(n.AccountID), &acc); err != nil {
					return err
				}
			}
			it, _, err := itemOf(tx, a.NegotiationID, a.ItemID)
			if err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			r.Account, r.Title, r.Item = model.CleanText(acc.Name, false), model.CleanText(n.Title, false), it.Cleaned()
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// approvalsIn is Approvals in tx.
func (s *Store) approvalsIn(tx *bolt.Tx, all bool) ([]model.Approval, error) {
	var out []model.Approval
	people, err := readPeople(tx)
	if err != nil {
		return nil, err
	}
	l, err := s.lensOf(tx)
	if err != nil {
		return nil, err
	}
	b := tx.Bucket(bucketApprovals)
	if b == nil {
		return nil, nil
	}
	err = b.ForEach(func(k, v []byte) error {
		var r approvalRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return recordDamaged(fmt.Sprintf("approval %d", btoi(k)))
		}
		a := r.model()
		if l.seesNegotiation(tx, a.NegotiationID) != nil {
			return nil
		}
		decides := a.Status == model.Pending && people.MayDecide(s.person, a)
		if decides || (all && (s.person == "" || a.By == s.person || people.MayDecide(s.person, a))) {
			out = append(out, a)
		}
		return nil
	})
	slices.Reverse(out)
	return out, err
}
