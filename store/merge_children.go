package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/parley-app/parley/model"
)

// negMerge merges the records of one negotiation. Its maps take the input's
// IDs to the local ones, kind by kind, so that links can be mapped.
type negMerge struct {
	m       *merger
	negID   uint64
	nb      *bucket
	created bool // the negotiation is new: every record of it is added

	items, meetings, ledger, scenarios idMap
}

// keyed is a record kind with its local ID.
type keyed[R any] interface {
	recordPtr[R]
	key() *uint64
}

func (r *accountRecord) key() *uint64     { return &r.ID }
func (r *negotiationRecord) key() *uint64 { return &r.ID }
func (r *itemRecord) key() *uint64        { return &r.ID }
func (r *meetingRecord) key() *uint64     { return &r.ID }
func (r *concessionRecord) key() *uint64  { return &r.ID }
func (r *noteRecord) key() *uint64        { return &r.ID }
func (r *followUpRecord) key() *uint64    { return &r.ID }
func (r *scenarioRecord) key() *uint64    { return &r.ID }
func (r *packageRecord) key() *uint64     { return &r.ID }
func (r *budgetRecord) key() *uint64      { return &r.ID }
func (r *clearedRecord) key() *uint64     { return &r.ConcessionID }
func (r *decisionRecord) key() *uint64    { return &r.ID }

// children merges every kind in the order links point: a record's links
// are mapped before it is compared or written.
func (nm *negMerge) children(d *model.Dossier) error {
	mapped := func(ids idMap) func(uint64) uint64 {
		return func(id uint64) uint64 {
			if id == 0 {
				return 0
			}
			return ids[id]
		}
	}
	item, meeting, concession := mapped(nm.items), mapped(nm.meetings), mapped(nm.ledger)
	steps := []func() error{
		func() error {
			return mergeKind(nm, bucketScenarios, mapRecords(d.Scenarios, scenarioToRecord), nm.scenarios, nil,
				func(*scenarioRecord) uint64 { return 0 })
		},
		func() error {
			return mergeKind(nm, bucketItems, mapRecords(d.Items, itemToRecord), nm.items,
				func(r *itemRecord) { r.LinkScenario = mapped(nm.scenarios)(r.LinkScenario) },
				func(r *itemRecord) uint64 { return r.ID })
		},
		func() error {
			return mergeKind(nm, bucketMeetings, mapRecords(d.Meetings, meetingToRecord), nm.meetings, nil,
				func(*meetingRecord) uint64 { return 0 })
		},
		func() error {
			return mergeKind(nm, bucketLedger, mapRecords(d.Ledger, concessionToRecord), nm.ledger,
				func(r *concessionRecord) {
					r.ItemID, r.MeetingID, r.TradedAgainst = item(r.ItemID), meeting(r.MeetingID), concession(r.TradedAgainst)
				},
				func(r *concessionRecord) uint64 { return r.ItemID })
		},
		func() error {
			return mergeKind(nm, bucketNotes, mapRecords(d.Notes, noteToRecord), idMap{},
				func(r *noteRecord) { r.ItemID, r.MeetingID = item(r.ItemID), meeting(r.MeetingID) },
				func(r *noteRecord) uint64 { return r.ItemID })
		},
		func() error {
			return mergeKind(nm, bucketPackages, mapRecords(d.Packages, packageToRecord), idMap{},
				func(r *packageRecord) {
					r.TabledMeeting = meeting(r.TabledMeeting)
					for i := range r.Values {
						r.Values[i].ItemID = item(r.Values[i].ItemID)
					}
					slices.SortFunc(r.Values, func(a, b packageValueRecord) int { return cmp.Compare(a.ItemID, b.ItemID) })
				},
				func(*packageRecord) uint64 { return 0 })
		},
		func() error {
			return mergeKind(nm, bucketFollowUps, mapRecords(d.FollowUps, followUpToRecord), idMap{}, nil,
				func(*followUpRecord) uint64 { return 0 })
		},
		func() error {
			return mergeKind(nm, bucketBudgets, mapRecords(d.Budgets, budgetToRecord), idMap{},
				func(r *budgetRecord) { r.ItemID, r.MeetingID = item(r.ItemID), meeting(r.MeetingID) },
				func(r *budgetRecord) uint64 { return r.ItemID })
		},
		func() error {
			return mergeKind(nm, bucketSuggestions, mapRecords(d.Decisions, decisionToRecord), idMap{},
				func(r *decisionRecord) { r.ItemID = item(r.ItemID) },
				func(r *decisionRecord) uint64 { return r.ItemID })
		},
		func() error {
			// Keyed by the concession they clear: no IDs of their own to map.
			return mergeKind(nm, bucketOwed, mapRecords(d.Cleared, clearedToRecord), nil,
				func(r *clearedRecord) { r.ConcessionID = concession(r.ConcessionID) },
				func(*clearedRecord) uint64 { return 0 })
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// mergeKind merges the records of one kind into the bucket name. First every
// record gets its local ID (the one of the record with its UID, or the
// bucket's next), so that links within the kind (a concession traded
// against a later one) map too; then each record's links are mapped by
// link and it is settled. ids takes the input's IDs to the local ones; nil
// for records keyed by what they link to (cleared trade-backs). itemOf says
// which item a conflict's note goes on.
func mergeKind[R any, P keyed[R]](nm *negMerge, name []byte, recs []R, ids idMap, link func(*R), itemOf func(*R) uint64) error {
	b := nm.nb.sub(name)
	if b == nil {
		return fmt.Errorf("the %s bucket is missing: %w", name, ErrDamaged)
	}
	local := map[string]R{}
	if !nm.created {
		all, err := loadAll[R](b.Bucket)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, r := range all {
			if uid := P(&r).stamped().UID; uid != "" {
				local[uid] = r
			}
		}
	}
	for i := range recs {
		p := P(&recs[i])
		nm.m.incoming(p.stamped())
		if ids == nil {
			continue
		}
		if ours, ok := local[p.stamped().UID]; ok {
			ids[*p.key()] = *P(&ours).key()
			continue
		}
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		ids[*p.key()] = id
	}
	for i := range recs {
		theirs := P(&recs[i])
		if ids != nil {
			*theirs.key() = ids[*theirs.key()]
		}
		if link != nil {
			link(&recs[i])
		}
		key := itob(*theirs.key())
		ours, ok := local[theirs.stamped().UID]
		if !ok {
			if ids == nil && b.Get(key) != nil {
				nm.m.counts.Same++ // cleared here too, independently
				continue
			}
			nm.m.counts.Added++
			if err := nm.m.put(b, key, theirs); err != nil {
				return err
			}
			continue
		}
		v, err := nm.m.settle(b, key, theirs, P(&ours), kindNames[string(name)])
		if err != nil {
			return err
		}
		if err := nm.note(itemOf(&recs[i]), v); err != nil {
			return err
		}
	}
	return nil
}

// version is the losing side of a conflict, to keep as a note; text ""
// when there was no conflict. kept: the database's version stayed.
type version struct {
	uid, text string
	kept      bool
}

// kindNames name each kind of record in a conflict's note.
var kindNames = map[string]string{"items": "item", "meetings": "meeting", "ledger": "concession", "notes": "note",
	"followups": "follow-up", "scenarios": "scenario", "packages": "package", "budgets": "budget",
	"suggestions": "suggestion decision", "owed": "cleared trade-back"}

// settle compares the file's version of a record with the database's
// (theirs already carries the local ID and links) and keeps the newer; it
// returns the older one to note.
func (m *merger) settle(b *bucket, key []byte, theirs, ours record, what string) (version, error) {
	t, o := content(theirs), content(ours)
	if bytes.Equal(t, o) {
		m.counts.Same++
		return version{}, nil
	}
	ts, os := *theirs.stamped(), *ours.stamped()
	label := strings.TrimSpace(what + " " + quoteLabel(describe(ours)))
	if ts.Updated.After(os.Updated) {
		m.counts.Updated++
		return version{uid: derivedUID(os.Updated, os.UID+"\x00"+string(o)),
			text: conflictText(label, "theirs", ts, "yours", os, o, t)}, m.put(b, key, theirs)
	}
	return version{uid: derivedUID(ts.Updated, ts.UID+"\x00"+string(t)), kept: true,
		text: conflictText(label, "yours", os, "theirs", ts, t, o)}, nil
}

// note writes the older version of a conflict as a note on the item (0:
// on the negotiation), unless an earlier import of the same version did.
// A conflict where the database's version stays counts as kept, or, when
// that note is there already (it was settled then), as the same.
func (nm *negMerge) note(itemID uint64, v version) error {
	if v.text == "" {
		return nil
	}
	b := nm.nb.sub(bucketNotes)
	seen, ok := nm.m.notes[nm.negID]
	if !ok {
		all, err := loadAll[noteRecord](b.Bucket)
		if err != nil {
			return fmt.Errorf("notes: %w", err)
		}
		seen = map[string]bool{}
		for _, r := range all {
			seen[r.UID] = true
		}
		nm.m.notes[nm.negID] = seen
	}
	if seen[v.uid] {
		nm.m.counts.Same++
		return nil
	}
	seen[v.uid] = true
	if v.kept {
		nm.m.counts.Kept++
	}
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	n := noteRecord{stamp: stamp{UID: v.uid, Updated: nm.m.now}, ID: id, ItemID: itemID, Kind: string(model.KindNote),
		At: nm.m.now, Text: v.text}
	return nm.m.put(b, itob(id), &n)
}

// content is a record as JSON without its stamp: what two versions of it
// are compared by.
func content(r record) []byte {
	st := *r.stamped()
	*r.stamped() = stamp{}
	data, err := json.Marshal(r)
	*r.stamped() = st
	if err != nil {
		return nil
	}
	return data
}
