package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"
)

// Authority and approvals (DESIGN 12): a move of a named person past the
// limit model.Authority sets them is kept, marked with the approval it
// waits on (the deal does not count it), and a walk-away set past it is
// kept at its old value until approved. Both are decided in the change's
// own transaction (hold, from guard), so no way of writing a move (the
// capture line, a form, a command) can pass a limit unasked.

type limitRecord struct {
	Who      string `json:"who"`
	Lever    string `json:"lever"`
	Value    exact  `json:"value"`
	Relative bool   `json:"relative,omitempty"`
}

type approvalRecord struct {
	ID            uint64    `json:"id"`
	NegotiationID uint64    `json:"negotiation"`
	ItemID        uint64    `json:"item"`
	ConcessionID  uint64    `json:"concession,omitempty"`
	WalkAway      optExact  `json:"walk_away,omitzero"`
	To            exact     `json:"to"`
	Why           string    `json:"why"`
	Limit         optExact  `json:"limit,omitzero"`
	By            string    `json:"by"`
	Approver      string    `json:"approver,omitempty"`
	Asked         time.Time `json:"asked"`
	Status        string    `json:"status"`
	Decided       time.Time `json:"decided,omitzero"`
	Decider       string    `json:"decider,omitempty"`
	Note          string    `json:"note,omitempty"`
}

func approvalToRecord(a model.Approval) approvalRecord {
	return approvalRecord{ID: a.ID, NegotiationID: a.NegotiationID, ItemID: a.ItemID, ConcessionID: a.ConcessionID,
		WalkAway: optional(a.WalkAway), To: exact(a.To), Why: a.Why, Limit: optional(a.Limit), By: a.By, Approver: a.Approver, Asked: a.Asked,
		Status: string(a.Status), Decided: a.Decided, Decider: a.Decider, Note: a.Note}
}

func (r approvalRecord) model() model.Approval {
	return model.Approval{ID: r.ID, NegotiationID: r.NegotiationID, ItemID: r.ItemID, ConcessionID: r.ConcessionID,
		WalkAway: r.WalkAway.null(), To: decimal.Decimal(r.To), Why: r.Why, Limit: r.Limit.null(), By: r.By, Approver: r.Approver,
		Asked: r.Asked, Status: model.ApprovalStatus(r.Status), Decided: r.Decided, Decider: r.Decider, Note: r.Note}
}

func limitKey(who string, lever model.LeverKind) []byte { return []byte(who + "\x00" + string(lever)) }

// SetLimit sets (or replaces) a role's or a person's limit on a lever.
func (s *Store) SetLimit(l model.Limit) error {
	if err := l.Validate(); err != nil {
		return err
	}
	return s.change(fmt.Sprintf("set the authority of %s on %s to %s", l.Who, l.Lever, l), func(tx *bolt.Tx) error {
		people, err := s.mayManage(tx)
		if err != nil {
			return err
		}
		if _, ok := people[l.Who]; !ok && !model.Role(l.Who).Valid() {
			return fmt.Errorf("%q is neither a role (kam, manager, admin) nor one of the file's people", l.Who)
		}
		b, err := teamBucket(tx, bucketAuthority)
		if err != nil {
			return err
		}
		return putJSON(b, limitKey(l.Who, l.Lever), limitRecord{Who: l.Who, Lever: string(l.Lever), Value: exact(l.Value), Relative: l.Relative})
	})
}

// Authority reads every limit set, by who and lever.
func (s *Store) Authority() (model.Authority, error) {
	var out model.Authority
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = readAuthority(tx)
		return err
	})
	return out, err
}

func readAuthority(tx *bolt.Tx) (model.Authority, error) {
	var out model.Authority
	b := tx.Bucket(bucketAuthority)
	if b == nil {
		return nil, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var r limitRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return recordDamaged(fmt.Sprintf("authority %q", k))
		}
		out = append(out, model.Limit{Who: r.Who, Lever: model.LeverKind(r.Lever), Value: decimal.Decimal(r.Value), Relative: r.Relative})
		return nil
	})
	return out, err
}

// hold looks at every move and walk-away the change wrote and holds those
// past the mover's authority for approval.
func (s *Store) hold(tx *bolt.Tx, l *lens, j *journal) error {
	me := l.people[l.person]
	auth, err := readAuthority(tx)
	if err != nil || len(auth) == 0 {
		return err
	}
	moves := slices.Clone(j.team.moves) // holding one writes again
	for _, e := range moves {
		negID := btoi(e.Path[1])
		var err error
		if bytes.Equal(e.Path[2], bucketLedger) {
			err = s.holdMove(tx, l, j, me, auth, negID, e)
		} else {
			err = s.holdWalkAway(tx, l, j, me, auth, negID, e)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) holdMove(tx *bolt.Tx, l *lens, j *journal, me model.Person, auth model.Authority, negID uint64, e edit) error {
	var now concessionRecord
	if json.Unmarshal(e.After, &now) != nil || now.By != string(model.Us) || now.Approval != 0 {
		return nil
	}
	if e.Before != nil {
		var was concessionRecord
		if json.Unmarshal(e.Before, &was) == nil && was.By == now.By && decimal.Decimal(was.To).Equal(decimal.Decimal(now.To)) {
			return nil // the trade or the note edited: no new move
		}
	}
	it, ok, err := itemOf(tx, negID, now.ItemID)
	if err != nil || !ok {
		return err
	}
	limit, why, held := auth.Holds(me, it, decimal.Decimal(now.To))
	if !held {
		return nil
	}
	a, err := s.ask(tx, l, j, model.Approval{NegotiationID: negID, ItemID: it.ID, ConcessionID: now.ID, To: decimal.Decimal(now.To), Why: why,
		Limit: boundOf(limit, it)})
	if err != nil {
		return err
	}
	now.Approval = a.ID
	b, err := child(tx, negID, bucketLedger)
	if err != nil {
		return err
	}
	return putRecord(b, itob(now.ID), &now)
}

func (s *Store) holdWalkAway(tx *bolt.Tx, l *lens, j *journal, me model.Person, auth model.Authority, negID uint64, e edit) error {
	var now, was itemRecord
	if json.Unmarshal(e.After, &now) != nil || !now.OurWalkAway.valid {
		return nil
	}
	if e.Before != nil && json.Unmarshal(e.Before, &was) == nil && was.OurWalkAway.valid &&
		decimal.Decimal(was.OurWalkAway.value).Equal(decimal.Decimal(now.OurWalkAway.value)) {
		return nil
	}
	it := now.model()
	limit, why, held := auth.Holds(me, it, it.OurWalkAway.Decimal)
	if !held {
		return nil
	}
	if _, err := s.ask(tx, l, j, model.Approval{NegotiationID: negID, ItemID: it.ID, WalkAway: it.OurWalkAway,
		To: it.OurWalkAway.Decimal, Why: "walk-away: " + why, Limit: boundOf(limit, it)}); err != nil {
		return err
	}
	now.OurWalkAway = was.OurWalkAway // the old one stands until approved (none for a new item)
	b, err := child(tx, negID, bucketItems)
	if err != nil {
		return err
	}
	return putRecord(b, itob(now.ID), &now)
}

// ask writes a request for approval by the session's person, of whoever
// decides theirs.
func (s *Store) ask(tx *bolt.Tx, l *lens, j *journal, a model.Approval) (model.Approval, error) {
	b, err := teamBucket(tx, bucketApprovals)
	if err != nil {
		return a, err
	}
	if a.ID, err = b.NextSequence(); err != nil {
		return a, err
	}
	a.By, a.Approver, a.Asked, a.Status = l.person, l.people.Approver(l.person), j.now(), model.Pending
	if err := putJSON(b, itob(a.ID), approvalToRecord(a)); err != nil {
		return a, err
	}
	j.team.held = append(j.team.held, a)
	return a, nil
}

// boundOf is the limit a request passes, in the item's unit, kept with it:
// the limit may change later, the request was asked against this one.
func boundOf(l model.Limit, it model.AgendaItem) decimal.NullDecimal {
	b, ok := l.Bound(it)
	if model.Places(b) < -int(b.Exponent()) {
		b = b.Round(model.MaxDecimals) // a share of last year may carry more decimals than a record keeps
	}
	return decimal.NullDecimal{Decimal: b, Valid: ok}
}

func itemOf(tx *bolt.Tx, negID, itemID uint64) (model.AgendaItem, bool, error) {
	b, err := child(tx, negID, bucketItems)
	if err != nil {
		return model.AgendaItem{}, false, err
	}
	var r itemRecord
	found, err := getJSON(b.Bucket, itob(itemID), &r)
	return r.model(), found, err
}

// heldBy keeps, per session (its author token), what its last change held
// for approval, until the session takes it (Held).
var heldBy sync.Map // author → []model.Approval

// Decide approves or rejects a pending request, with a note, in one
// transaction: an approved move counts from then on, a rejected one leaves
// the ledger; an approved walk-away is set on its item.
func (s *Store) Decide(id uint64, approve bool, note string) (model.Approval, error) {
	var a model.Approval
	verb := map[bool]string{true: "approved", false: "rejected"}[approve]
	err := s.change(fmt.Sprintf("%s request %d", verb, id), func(tx *bolt.Tx) error {
		journalOf(tx).team.decided = true
		people, err := readPeople(tx)
		if err != nil {
			return err
		}
		b, err := teamBucket(tx, bucketApprovals)
		if err != nil {
			return err
		}
		var r approvalRecord
		found, err := getJSON(b.Bucket, itob(id), &r)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("request %d: %w", id, ErrNotFound)
		}
		a = r.model()
		if a.Status != model.Pending {
			return fmt.Errorf("request %d was %s by %s already", id, a.Status, a.Decider)
		}
		if !people.MayDecide(s.person, a) {
			return fmt.Errorf("request %d is not yours to decide: it is asked of %s", id, a.AskedOf())
		}
		if err := settle(tx, a, approve); err != nil {
			return err
		}
		a.Status, a.Decided, a.Decider, a.Note = model.Rejected, journalOf(tx).now(), s.person, model.CleanText(note, false)
		if approve {
			a.Status = model.Approved
		}
		return putJSON(b, itob(id), approvalToRecord(a))
	})
	return a, err
}

// settle makes a decision's change to the negotiation.
func settle(tx *bolt.Tx, a model.Approval, approve bool) error {
	if a.ConcessionID != 0 {
		b, err := child(tx, a.NegotiationID, bucketLedger)
		if err != nil {
			return err
		}
		var c concessionRecord
		found, err := getJSON(b.Bucket, itob(a.ConcessionID), &c)
		if err != nil || !found {
			return err // the move was deleted since: the decision is kept all the same
		}
		if !approve {
			if err := unlinkConcessions(tx, a.NegotiationID, map[uint64]bool{c.ID: true}); err != nil {
				return err
			}
			return b.Delete(itob(c.ID))
		}
		c.Approval = 0
		return putRecord(b, itob(c.ID), &c)
	}
	if !approve {
		return nil
	}
	b, err := child(tx, a.NegotiationID, bucketItems)
	if err != nil {
		return err
	}
	var it itemRecord
	found, err := getJSON(b.Bucket, itob(a.ItemID), &it)
	if err != nil || !found {
		return err
	}
	it.OurWalkAway = optional(a.WalkAway)
	return putRecord(b, itob(it.ID), &it)
}
