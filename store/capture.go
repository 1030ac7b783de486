package store

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Capture saves one capture line in one transaction: the note or concession
// it makes (for `agree`, the closing moves and the item marked agreed), with
// the line's draft cleared. It returns the new record's ID (for `agree`, the
// item's). The line is checked in the same transaction by the model's one
// rule (model.Dossier.CheckCapture) on the file as it is: a move away from
// the other side is refused, and a move of ours past our walk-away or over
// today's budget is refused with *model.AskFirstError unless confirmed.
func (s *Store) Capture(negID uint64, c model.Capture, at time.Time, meetingID uint64, draftKey string, confirmed bool) (uint64, error) {
	c.Text, c.TradedFor = model.CleanText(c.Text, false), model.CleanText(c.TradedFor, false)
	var id uint64
	err := s.change(captureLabel(c), func(tx *bolt.Tx) error {
		var err error
		switch c.Kind {
		case model.CaptureConcession:
			d, lerr := loadDeal(tx, negID)
			if lerr != nil {
				return lerr
			}
			if err := d.CheckCapture(c, at, meetingID, confirmed); err != nil {
				return err
			}
			if it, ok := d.Item(c.ItemID); ok {
				relabel(tx, moveLabel(c.By, it, c.Value))
			}
			id, err = addConcession(tx, negID, c.Concession(at, meetingID))
		case model.CaptureAgree:
			id, err = agree(tx, negID, c, at, meetingID)
		case model.CaptureBudget:
			if d, lerr := loadDeal(tx, negID); lerr == nil {
				if it, ok := d.Item(c.ItemID); ok {
					relabel(tx, fmt.Sprintf("set today's budget on %s to %s", quoteLabel(it.Title), it.Format(c.Value)))
				}
			}
			id, err = addBudget(tx, negID, c.Budget(at, meetingID))
		default:
			id, err = addNote(tx, negID, c.Note(at, meetingID))
		}
		if err != nil {
			return err
		}
		if draftKey != "" {
			return tx.Bucket(bucketDrafts).Delete(s.draftKey(draftKey))
		}
		return nil
	})
	return id, err
}

func addConcession(tx *bolt.Tx, negID uint64, c model.Concession) (uint64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	if err := checkConcessionLinks(tx, negID, c); err != nil {
		return 0, err
	}
	b, err := child(tx, negID, bucketLedger)
	if err != nil {
		return 0, err
	}
	_, err = putNew(b, &c.ID, func() concessionRecord { return concessionToRecord(c) })
	return c.ID, err
}

func addNote(tx *bolt.Tx, negID uint64, n model.Note) (uint64, error) {
	if err := n.Validate(); err != nil {
		return 0, err
	}
	if err := checkNoteLinks(tx, negID, n); err != nil {
		return 0, err
	}
	b, err := child(tx, negID, bucketNotes)
	if err != nil {
		return 0, err
	}
	_, err = putNew(b, &n.ID, func() noteRecord { return noteToRecord(n) })
	return n.ID, err
}

// agree settles an item as model.Dossier.Agree says, reading the ledger in
// the same transaction that writes the closing moves.
func agree(tx *bolt.Tx, negID uint64, c model.Capture, at time.Time, meetingID uint64) (uint64, error) {
	d, err := loadDeal(tx, negID)
	if err != nil {
		return 0, err
	}
	a, err := d.Agree(c, at, meetingID)
	if err != nil {
		return 0, err
	}
	label := "agreed " + quoteLabel(a.Item.Title)
	if n := len(a.Moves); n > 0 {
		label += " at " + a.Item.Format(a.Moves[n-1].To)
	}
	relabel(tx, label)
	for _, m := range a.Moves {
		if _, err := addConcession(tx, negID, m); err != nil {
			return 0, fmt.Errorf("closing move on %q: %w", a.Item.Title, err)
		}
	}
	b, err := child(tx, negID, bucketItems)
	if err != nil {
		return 0, err
	}
	rec := itemToRecord(a.Item)
	return a.Item.ID, putRecord(b, itob(a.Item.ID), &rec)
}
