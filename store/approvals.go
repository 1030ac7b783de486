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
// newest first. The requests of a version of the file are read once for
// every session of the Store (shared.go): the header of each workbench on
// a team server asks after every commit.
func (s *Store) Approvals(all bool) ([]model.Approval, error) {
	v, err := s.version()
	if err != nil {
		return nil, err
	}
	list, err := s.approvalsAt(v)
	if err != nil {
		return nil, err
	}
	t, err := s.teamAt(v)
	if err != nil {
		return nil, err
	}
	var l *lens
	if len(t.people) > 0 {
		if l, err = s.lensFrom(t.people, t.access); err != nil {
			return nil, err
		}
	}
	var out []model.Approval
	for _, x := range list {
		if s.listed(t.people, x.Approval, l == nil || (x.known && l.seesAccount(x.account)), all) {
			out = append(out, x.Approval)
		}
	}
	slices.Reverse(out)
	return out, nil
}

// listedApproval is a request with the account of its negotiation.
type listedApproval struct {
	model.Approval
	account uint64
	known   bool // the negotiation is there, and so its account
}

// approvalsAt is every request in the file at version v, read once for
// every session of the Store.
func (s *Store) approvalsAt(v fileVersion) ([]listedApproval, error) {
	s.shared.fillApprovals.Lock()
	defer s.shared.fillApprovals.Unlock()
	s.shared.mu.Lock()
	if sh := s.shared.of(v); sh.approvals != nil {
		s.shared.mu.Unlock()
		return *sh.approvals, nil
	}
	s.shared.mu.Unlock()
	list := []listedApproval{}
	stable, err := s.sharedRead(v, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketApprovals)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var r approvalRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return recordDamaged(fmt.Sprintf("approval %d", btoi(k)))
			}
			x := listedApproval{Approval: r.model()}
			x.account, x.known = accountOfNegotiation(tx, x.NegotiationID)
			list = append(list, x)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	if stable {
		s.shared.mu.Lock()
		s.shared.of(v).approvals = &list
		s.shared.mu.Unlock()
	}
	return list, nil
}

// listed says whether a request is in the session person's list: one they
// may decide, or with all, one they may see (seen: the team's rule lets
// them see its negotiation).
func (s *Store) listed(people model.People, a model.Approval, seen, all bool) bool {
	if !seen {
		return false
	}
	decides := a.Status == model.Pending && people.MayDecide(s.person, a)
	return decides || (all && (s.person == "" || a.By == s.person || people.MayDecide(s.person, a)))
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
	team, err := s.teamIn(tx)
	if err != nil {
		return nil, err
	}
	people := team.people
	l, err := s.lensFrom(people, team.access) // the lens of the team just read, not read again
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
		if a := r.model(); s.listed(people, a, l.seesNegotiation(tx, a.NegotiationID) == nil, all) {
			out = append(out, a)
		}
		return nil
	})
	slices.Reverse(out)
	return out, err
}
