package store

import (
	"slices"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Saving and deleting each kind of a negotiation's records, on saveChild
// and deleteChild: a save checks in its transaction what the record points
// at, and a delete mends what pointed at the record.

// SaveItem creates (ID 0) or replaces an agenda item, after checking in the
// same transaction that the ledger still holds with it (model.Dossier.CheckItem).
// A new item with no order goes to the end of the agenda.
func (s *Store) SaveItem(negID uint64, it *model.AgendaItem) error {
	*it = it.Cleaned() // text is cleaned where it enters
	if err := it.Validate(); err != nil {
		return err
	}
	return saveChild(s, negID, bucketItems, "item", it, func(v *model.AgendaItem) *uint64 { return &v.ID },
		itemToRecord,
		func(tx *bolt.Tx, it *model.AgendaItem) error {
			if it.Link.ScenarioID != 0 {
				if err := exists(tx, negID, bucketScenarios, it.Link.ScenarioID, "scenario"); err != nil {
					return err
				}
			}
			if it.ID != 0 {
				// The ledger as the file holds it must still hold with the edit.
				d, err := loadDeal(tx, negID)
				if err != nil {
					return err
				}
				return d.CheckItem(*it)
			}
			if it.Order != 0 {
				return nil
			}
			b, err := child(tx, negID, bucketItems)
			if err != nil {
				return err
			}
			items, err := loadAll[itemRecord](b.Bucket)
			for _, r := range items {
				it.Order = max(it.Order, r.Order)
			}
			it.Order++
			return err
		})
}

// DeleteItem removes an agenda item, the concessions made on it, and the
// item tag of notes that pointed at it.
func (s *Store) DeleteItem(negID, itemID uint64) error {
	return s.deleteChild(negID, bucketItems, "item", itemID, func(tx *bolt.Tx) error {
		dropped := map[uint64]bool{}
		err := rewrite(tx, negID, bucketLedger, func(r concessionRecord) uint64 { return r.ID },
			func(r *concessionRecord) (bool, bool) {
				if r.ItemID == itemID {
					dropped[r.ID] = true
					return false, false
				}
				return true, false
			})
		if err != nil {
			return err
		}
		if err := unlinkConcessions(tx, negID, dropped); err != nil {
			return err
		}
		if err := dropPackageValues(tx, negID, itemID); err != nil {
			return err
		}
		// Today's budgets and the suggestion decisions on the item go with it.
		err = rewrite(tx, negID, bucketBudgets, func(r budgetRecord) uint64 { return r.ID },
			func(r *budgetRecord) (bool, bool) { return r.ItemID != itemID, false })
		if err != nil {
			return err
		}
		err = rewrite(tx, negID, bucketSuggestions, func(r decisionRecord) uint64 { return r.ID },
			func(r *decisionRecord) (bool, bool) { return r.ItemID != itemID, false })
		if err != nil {
			return err
		}
		return rewrite(tx, negID, bucketNotes, func(r noteRecord) uint64 { return r.ID },
			func(r *noteRecord) (bool, bool) {
				if r.ItemID != itemID {
					return true, false
				}
				r.ItemID = 0
				return true, true
			})
	})
}

// unlinkConcessions clears "traded against" links to concessions being
// removed, and their cleared trade-backs.
func unlinkConcessions(tx *bolt.Tx, negID uint64, gone map[uint64]bool) error {
	if len(gone) == 0 {
		return nil
	}
	err := rewrite(tx, negID, bucketOwed, func(r clearedRecord) uint64 { return r.ConcessionID },
		func(r *clearedRecord) (bool, bool) { return !gone[r.ConcessionID], false })
	if err != nil {
		return err
	}
	return rewrite(tx, negID, bucketLedger, func(r concessionRecord) uint64 { return r.ID },
		func(r *concessionRecord) (bool, bool) {
			if gone[r.ID] {
				return false, false
			}
			if !gone[r.TradedAgainst] {
				return true, false
			}
			r.TradedAgainst = 0
			return true, true
		})
}

// SaveOrder puts the agenda in the order of ids, in one transaction.
func (s *Store) SaveOrder(negID uint64, ids []uint64) error {
	order := make(map[uint64]int, len(ids))
	for i, id := range ids {
		order[id] = i + 1
	}
	return s.change("reordered the agenda", func(tx *bolt.Tx) error {
		return rewrite(tx, negID, bucketItems, func(r itemRecord) uint64 { return r.ID },
			func(r *itemRecord) (bool, bool) {
				o, ok := order[r.ID]
				if !ok || o == r.Order {
					return true, false
				}
				r.Order = o
				return true, true
			})
	})
}

// SaveMeeting creates (ID 0) or replaces a meeting.
func (s *Store) SaveMeeting(negID uint64, m *model.Meeting) error {
	*m = m.Cleaned() // text is cleaned where it enters
	if err := m.Validate(); err != nil {
		return err
	}
	return saveChild(s, negID, bucketMeetings, "meeting", m, func(v *model.Meeting) *uint64 { return &v.ID },
		meetingToRecord, nil)
}

// SaveConcession creates (ID 0) or replaces a concession, after checking in
// the same transaction that it is a real move toward the other side on the
// ledger as the file holds it (model.Dossier.CheckConcession) and that what
// it points at exists.
func (s *Store) SaveConcession(negID uint64, c *model.Concession) error {
	*c = c.Cleaned() // text is cleaned where it enters
	if err := c.Validate(); err != nil {
		return err
	}
	return saveChild(s, negID, bucketLedger, "concession", c, func(v *model.Concession) *uint64 { return &v.ID },
		concessionToRecord,
		func(tx *bolt.Tx, c *model.Concession) error {
			if err := checkConcessionLinks(tx, negID, *c); err != nil {
				return err
			}
			return checkMove(tx, negID, *c)
		})
}

func checkConcessionLinks(tx *bolt.Tx, negID uint64, c model.Concession) error {
	if err := exists(tx, negID, bucketItems, c.ItemID, "item"); err != nil {
		return err
	}
	if c.MeetingID != 0 {
		if err := exists(tx, negID, bucketMeetings, c.MeetingID, "meeting"); err != nil {
			return err
		}
	}
	if c.TradedAgainst != 0 {
		return exists(tx, negID, bucketLedger, c.TradedAgainst, "concession")
	}
	return nil
}

// DeleteConcession removes a concession and the links to it.
func (s *Store) DeleteConcession(negID, id uint64) error {
	return s.deleteChild(negID, bucketLedger, "concession", id, func(tx *bolt.Tx) error {
		return unlinkConcessions(tx, negID, map[uint64]bool{id: true})
	})
}

// SaveNote creates (ID 0) or replaces a note, action or question.
func (s *Store) SaveNote(negID uint64, n *model.Note) error {
	*n = n.Cleaned() // text is cleaned where it enters
	if err := n.Validate(); err != nil {
		return err
	}
	return saveChild(s, negID, bucketNotes, "note", n, func(v *model.Note) *uint64 { return &v.ID },
		noteToRecord,
		func(tx *bolt.Tx, n *model.Note) error { return checkNoteLinks(tx, negID, *n) })
}

func checkNoteLinks(tx *bolt.Tx, negID uint64, n model.Note) error {
	if n.ItemID != 0 {
		if err := exists(tx, negID, bucketItems, n.ItemID, "item"); err != nil {
			return err
		}
	}
	if n.MeetingID != 0 {
		return exists(tx, negID, bucketMeetings, n.MeetingID, "meeting")
	}
	return nil
}

// DeleteNote removes a note.
func (s *Store) DeleteNote(negID, id uint64) error {
	return s.deleteChild(negID, bucketNotes, "note", id, nil)
}

// SaveFollowUp creates (ID 0) or replaces a follow-up line.
func (s *Store) SaveFollowUp(negID uint64, f *model.FollowUp) error {
	*f = f.Cleaned() // text is cleaned where it enters
	if err := f.Validate(); err != nil {
		return err
	}
	return saveChild(s, negID, bucketFollowUps, "follow-up", f, func(v *model.FollowUp) *uint64 { return &v.ID },
		followUpToRecord, nil)
}

// DeleteFollowUp removes a follow-up line.
func (s *Store) DeleteFollowUp(negID, id uint64) error {
	return s.deleteChild(negID, bucketFollowUps, "follow-up", id, nil)
}

// ReplaceFollowUps replaces the whole checklist (e.g. with a fresh template)
// in one transaction; the lines get new IDs.
func (s *Store) ReplaceFollowUps(negID uint64, lines []model.FollowUp) ([]model.FollowUp, error) {
	lines = slices.Clone(lines)
	for i := range lines {
		lines[i] = lines[i].Cleaned()
	}
	for _, f := range lines {
		if err := f.Validate(); err != nil {
			return nil, err
		}
	}
	err := s.change("filled the follow-up checklist", func(tx *bolt.Tx) error {
		nb, err := negotiationBucket(tx, negID)
		if err != nil {
			return err
		}
		if err := nb.DeleteBucket(bucketFollowUps); err != nil {
			return err
		}
		b, err := nb.CreateBucket(bucketFollowUps)
		if err != nil {
			return err
		}
		return putFollowUps(b, lines)
	})
	if err != nil {
		return nil, err
	}
	return lines, nil
}

// SaveScenario creates (ID 0) or replaces a scenario. Marking one as shown to
// the buyer unmarks the others, in the same transaction.
func (s *Store) SaveScenario(negID uint64, sc *model.Scenario) error {
	*sc = sc.Cleaned() // text is cleaned where it enters
	if err := sc.Validate(); err != nil {
		return err
	}
	return saveChild(s, negID, bucketScenarios, "scenario", sc, func(v *model.Scenario) *uint64 { return &v.ID },
		scenarioToRecord,
		func(tx *bolt.Tx, sc *model.Scenario) error {
			if !sc.ForBuyer {
				return nil
			}
			return rewrite(tx, negID, bucketScenarios, func(r scenarioRecord) uint64 { return r.ID },
				func(r *scenarioRecord) (bool, bool) {
					if r.ID == sc.ID || !r.ForBuyer || r.Kind != string(sc.Kind) {
						return true, false
					}
					r.ForBuyer = false
					return true, true
				})
		})
}

// DeleteScenario removes a scenario and the agenda links to it.
func (s *Store) DeleteScenario(negID, id uint64) error {
	return s.deleteChild(negID, bucketScenarios, "scenario", id, func(tx *bolt.Tx) error {
		return rewrite(tx, negID, bucketItems, func(r itemRecord) uint64 { return r.ID },
			func(r *itemRecord) (bool, bool) {
				if r.LinkScenario != id {
					return true, false
				}
				r.LinkScenario, r.LinkField = 0, ""
				return true, true
			})
	})
}
