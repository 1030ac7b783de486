package store

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"
)

// Staying ahead of the other side (DESIGN 5.6–5.7): today's budgets, owed
// trade-backs cleared by hand, and value suggestions accepted or dismissed.
// Each negotiation keeps them in three nested buckets:
//
//	budgets       budget id → budgetRecord
//	owed          concession id → clearedRecord (a trade-back the KAM cleared)
//	suggestions   decision id → decisionRecord

var (
	bucketBudgets     = []byte("budgets")
	bucketOwed        = []byte("owed")
	bucketSuggestions = []byte("suggestions")
)

// aheadBuckets are the nested buckets this file adds to every negotiation.
var aheadBuckets = [][]byte{bucketBudgets, bucketOwed, bucketSuggestions}

type budgetRecord struct {
	ID        uint64    `json:"id"`
	ItemID    uint64    `json:"item_id"`
	MeetingID uint64    `json:"meeting_id,omitempty"`
	Value     exact     `json:"value"`
	At        time.Time `json:"at"`
	stamp
}

func budgetToRecord(b model.Budget) budgetRecord {
	return budgetRecord{stamp: fromModel(b.Stamp), ID: b.ID, ItemID: b.ItemID, MeetingID: b.MeetingID, Value: exact(b.Value), At: b.At}
}

func (r budgetRecord) model() model.Budget {
	return model.Budget{Stamp: r.toModel(), ID: r.ID, ItemID: r.ItemID, MeetingID: r.MeetingID, Value: decimal.Decimal(r.Value), At: r.At}
}

type clearedRecord struct {
	ConcessionID uint64    `json:"concession_id"`
	At           time.Time `json:"at"`
	stamp
}

func clearedToRecord(c model.OwedClear) clearedRecord {
	return clearedRecord{stamp: fromModel(c.Stamp), ConcessionID: c.ConcessionID, At: c.At}
}

func (r clearedRecord) model() model.OwedClear {
	return model.OwedClear{Stamp: r.toModel(), ConcessionID: r.ConcessionID, At: r.At}
}

type decisionRecord struct {
	ID       uint64    `json:"id"`
	ItemID   uint64    `json:"item_id"`
	After    int       `json:"after_meeting"`
	Value    int       `json:"value"`
	Accepted bool      `json:"accepted,omitempty"`
	At       time.Time `json:"at"`
	stamp
}

func decisionToRecord(d model.SuggestionDecision) decisionRecord {
	return decisionRecord{stamp: fromModel(d.Stamp), ID: d.ID, ItemID: d.ItemID, After: d.After, Value: d.Value, Accepted: d.Accepted, At: d.At}
}

func (r decisionRecord) model() model.SuggestionDecision {
	return model.SuggestionDecision{Stamp: r.toModel(), ID: r.ID, ItemID: r.ItemID, After: r.After, Value: r.Value, Accepted: r.Accepted, At: r.At}
}

// SaveBudget sets today's budget on an item (DESIGN 5.6), after checking in
// the same transaction that it lies between our position and our walk-away.
func (s *Store) SaveBudget(negID uint64, b *model.Budget) error {
	return s.change(fmt.Sprintf("set today's budget on item %d to %s", b.ItemID, b.Value), func(tx *bolt.Tx) error {
		id, err := addBudget(tx, negID, *b)
		b.ID = id
		return err
	})
}

func addBudget(tx *bolt.Tx, negID uint64, b model.Budget) (uint64, error) {
	d, err := loadDeal(tx, negID)
	if err != nil {
		return 0, err
	}
	if err := d.CheckBudget(b); err != nil {
		return 0, err
	}
	if b.MeetingID != 0 {
		if err := exists(tx, negID, bucketMeetings, b.MeetingID, "meeting"); err != nil {
			return 0, err
		}
	}
	bb, err := child(tx, negID, bucketBudgets)
	if err != nil {
		return 0, err
	}
	_, err = putNew(bb, &b.ID, func() budgetRecord { return budgetToRecord(b) })
	return b.ID, err
}

// ClearOwed marks an unreciprocated concession of ours as no longer owed.
func (s *Store) ClearOwed(negID, concessionID uint64, at time.Time) error {
	return s.change(fmt.Sprintf("cleared the trade-back owed for concession %d", concessionID), func(tx *bolt.Tx) error {
		if err := exists(tx, negID, bucketLedger, concessionID, "concession"); err != nil {
			return err
		}
		b, err := child(tx, negID, bucketOwed)
		if err != nil {
			return err
		}
		return putRecord(b, itob(concessionID), &clearedRecord{ConcessionID: concessionID, At: at})
	})
}

// AcceptSuggestion sets the item's value to them to the suggested value and
// records the decision, in one transaction; the trade plan re-ranks from it.
func (s *Store) AcceptSuggestion(negID uint64, sg model.Suggestion, at time.Time) error {
	return s.decide(negID, sg, true, at)
}

// DismissSuggestion records that the KAM dismissed the suggestion: it stays
// hidden until another meeting ends.
func (s *Store) DismissSuggestion(negID uint64, sg model.Suggestion, at time.Time) error {
	return s.decide(negID, sg, false, at)
}

func (s *Store) decide(negID uint64, sg model.Suggestion, accept bool, at time.Time) error {
	return s.DecideSuggestions(negID, []model.Suggestion{sg}, accept, at)
}

// DecideSuggestions accepts or dismisses several suggestions as one change
// (the workbench's Y): all of them are written, or none, and one undo takes
// them all back.
func (s *Store) DecideSuggestions(negID uint64, sgs []model.Suggestion, accept bool, at time.Time) error {
	for _, sg := range sgs {
		if sg.Value < 0 || sg.Value > 100 {
			return fmt.Errorf("value to them %d should be between 0 and 100", sg.Value)
		}
	}
	verb := "dismissed"
	if accept {
		verb = "accepted"
	}
	label := fmt.Sprintf("%s %d suggestions", verb, len(sgs))
	if len(sgs) == 1 {
		label = fmt.Sprintf("%s the suggestion for item %d", verb, sgs[0].Item.ID)
	}
	return s.change(label, func(tx *bolt.Tx) error {
		for _, sg := range sgs {
			if err := decideTx(tx, negID, sg, accept, at); err != nil {
				return err
			}
		}
		return nil
	})
}

// decideTx records one decision on a suggestion in tx.
func decideTx(tx *bolt.Tx, negID uint64, sg model.Suggestion, accept bool, at time.Time) error {
	items, err := child(tx, negID, bucketItems)
	if err != nil {
		return err
	}
	var it itemRecord
	if found, err := getJSON(items.Bucket, itob(sg.Item.ID), &it); err != nil {
		return err
	} else if !found {
		return fmt.Errorf("item %d: %w", sg.Item.ID, ErrNotFound)
	}
	if accept {
		it.ValueToThem = sg.Value
		if err := putRecord(items, itob(it.ID), &it); err != nil {
			return err
		}
	}
	b, err := child(tx, negID, bucketSuggestions)
	if err != nil {
		return err
	}
	var id uint64
	_, err = putNew(b, &id, func() decisionRecord {
		return decisionRecord{ID: id, ItemID: it.ID, After: sg.After, Value: sg.Value, Accepted: accept, At: at}
	})
	return err
}

// addAheadBuckets gives every negotiation the budgets, owed and suggestions
// buckets (the migration that brings them in).
func addAheadBuckets(tx *bolt.Tx) error {
	root := tx.Bucket(bucketNegotiations)
	if root == nil {
		return nil
	}
	return root.ForEachBucket(func(k []byte) error {
		nb := root.Bucket(k)
		for _, name := range aheadBuckets {
			if _, err := nb.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("negotiation %d: create %s: %w", btoi(k), name, err)
			}
		}
		return nil
	})
}
