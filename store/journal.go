package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// The undo journal. Every user change (a save, a delete, a capture line, a
// reorder, a template, the demo, an import) is one write transaction that
// also appends an entry to the journal bucket: the before- and after-image
// of every key it changed, and of every bucket it made or removed (with the
// bucket's sequence, so that IDs are never handed out twice). Undo writes
// the before-images back, redo the after-images, each in one transaction
// and only when the file still holds what the entry left there: a record
// another process changed since is never overwritten.
//
// Writes reach the file through bucket (below), which records into the
// journal of its transaction when it has one. Drafts and "which negotiation
// is current" are written around it and never journaled.

var bucketJournal = []byte("journal")

// JournalSize is how many changes the journal keeps at least (up to
// trimBatch more); older ones cannot be undone.
const JournalSize = 100

// maxEntryBytes caps one entry: a change larger than this (a big import,
// deleting a negotiation of thousands of notes) is recorded as a barrier
// that says it cannot be undone, so that the journal stays small (at most
// JournalSize+trimBatch entries of this size) and a save never carries it.
const maxEntryBytes = 256 << 10

// entry is the header of one journaled change: what it was, who made it
// (a session's token, see Store.author) and whether it is undone.
type entry struct {
	Label    string    `json:"label"`
	At       time.Time `json:"at"`
	By       string    `json:"by"`
	Undone   bool      `json:"undone,omitempty"`
	TooLarge bool      `json:"too_large,omitempty"`
}

// edit is one key or bucket changed: Key nil means the bucket at Path
// itself (Existed/Exists and its sequence); else the value of Key in the
// bucket at Path (nil when absent).
type edit struct {
	Path    [][]byte `json:"path"`
	Key     []byte   `json:"key,omitempty"`
	Before  []byte   `json:"before,omitempty"`
	After   []byte   `json:"after,omitempty"`
	Bucket  bool     `json:"bucket,omitempty"`
	Existed bool     `json:"existed,omitempty"`
	Exists  bool     `json:"exists,omitempty"`
	Seq     uint64   `json:"seq,omitempty"`
}

// journal collects the edits of one transaction.
type journal struct {
	label string    // set from within the transaction, once the record is known
	at    time.Time // the change's time: every record it writes is Updated then
	edits []edit
	size  int
	// deals are the negotiations whose summary the change may alter,
	// known even when the edits themselves are too large to keep.
	deals map[uint64]bool
	team  teamEdits // what the team's rules look at (team.go)
	// moves are the ledger records loadDeal decoded in this transaction,
	// per negotiation (deal_tx.go).
	moves map[uint64]movesRead
	// summaries are the summaries this change wrote, by negotiation.
	summaries map[uint64][]byte
}

// journals maps a write transaction to the journal it records into.
var journals sync.Map // *bolt.Tx → *journal

func journalOf(tx *bolt.Tx) *journal {
	if j, ok := journals.Load(tx); ok {
		return j.(*journal)
	}
	return nil
}

// now is the time of the change being recorded (a write outside one: the clock's).
func (j *journal) now() time.Time {
	if j == nil || j.at.IsZero() {
		return time.Now().UTC()
	}
	return j.at
}

func (j *journal) add(e edit) {
	if j == nil {
		return
	}
	j.team.note(e)
	if id, ok := dealTouched(e.Path); ok {
		if j.deals == nil {
			j.deals = map[uint64]bool{}
		}
		j.deals[id] = true
	}
	j.size += len(e.Before) + len(e.After) + 64
	if j.size <= maxEntryBytes {
		j.edits = append(j.edits, e)
	}
}

// bucket is a bbolt bucket whose writes are journaled when its transaction
// has a journal. Reads go straight to the embedded bucket.
type bucket struct {
	*bolt.Bucket
	path [][]byte
	j    *journal
	t    *touched // what the transaction log says it wrote (txlog.go)
}

// wrap makes a bucket found at path journal into tx's journal.
func wrap(tx *bolt.Tx, b *bolt.Bucket, path ...[]byte) *bucket {
	if b == nil {
		return nil
	}
	return &bucket{Bucket: b, path: path, j: journalOf(tx), t: loggedBy(tx)}
}

// topBucket is a top-level bucket.
func topBucket(tx *bolt.Tx, name []byte) *bucket { return wrap(tx, tx.Bucket(name), name) }

// sub is a nested bucket, nil when missing.
func (b *bucket) sub(name []byte) *bucket {
	nb := b.Bucket.Bucket(name)
	if nb == nil {
		return nil
	}
	return &bucket{Bucket: nb, path: append(clonePath(b.path), name), j: b.j, t: b.t}
}

// Put writes a value, keeping what was there.
func (b *bucket) Put(key, value []byte) error {
	b.j.add(edit{Path: b.path, Key: clone(key), Before: clone(b.Get(key)), After: clone(value)})
	b.t.record(b.path, key)
	return b.Bucket.Put(key, value)
}

// Delete removes a key, keeping what was there.
func (b *bucket) Delete(key []byte) error {
	if old := b.Get(key); old != nil {
		b.j.add(edit{Path: b.path, Key: clone(key), Before: clone(old)})
	}
	b.t.record(b.path, key)
	return b.Bucket.Delete(key)
}

// CreateBucket makes a nested bucket.
func (b *bucket) CreateBucket(name []byte) (*bucket, error) {
	if _, err := b.Bucket.CreateBucket(name); err != nil {
		return nil, err
	}
	nb := b.sub(name)
	b.j.add(edit{Path: nb.path, Bucket: true, Exists: true})
	b.t.recordBucket(b.path, name)
	return nb, nil
}

// DeleteBucket removes a nested bucket with everything in it, keeping every
// record and bucket of it (deepest first, so that undo rebuilds it in order).
func (b *bucket) DeleteBucket(name []byte) error {
	if nb := b.sub(name); nb != nil && b.j != nil {
		if err := nb.recordRemoval(); err != nil {
			return err
		}
	}
	b.t.recordBucket(b.path, name)
	return b.Bucket.DeleteBucket(name)
}

func (b *bucket) recordRemoval() error {
	err := b.ForEach(func(k, v []byte) error {
		if v == nil {
			return b.sub(k).recordRemoval()
		}
		b.j.add(edit{Path: b.path, Key: clone(k), Before: clone(v)})
		return nil
	})
	b.j.add(edit{Path: b.path, Bucket: true, Existed: true, Seq: b.Sequence()})
	return err
}

func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return bytes.Clone(b)
}

func clonePath(p [][]byte) [][]byte { return append([][]byte(nil), p...) }

// change runs one user change as one write transaction: fn's writes through
// bucket are journaled under label, the redo history is dropped, the change
// counter rises (Changed), and the journal keeps its last JournalSize entries.
func (s *Store) change(label string, fn func(*bolt.Tx) error) error {
	var held []model.Approval
	var j *journal
	var at fileVersion
	err := s.update(func(tx *bolt.Tx) error {
		j, at = &journal{at: s.clock().UTC()}, writingVersion(tx, s.path)
		journals.Store(tx, j)
		defer journals.Delete(tx)
		if err := fn(tx); err != nil {
			return err
		}
		if err := s.guard(tx, j); err != nil {
			return err
		}
		held = j.team.held
		if err := refreshSummaries(tx, j.deals, j.at); err != nil {
			return err
		}
		if j.label != "" {
			label = j.label
		}
		e, edits := entry{Label: label, At: j.at, By: s.author}, j.edits
		if j.size > maxEntryBytes {
			e.TooLarge, edits = true, nil
		}
		if err := appendEntry(tx, e, edits); err != nil {
			return err
		}
		return s.audit(tx, label, j)
	})
	if err != nil {
		return err
	}
	if len(held) > 0 {
		heldBy.Store(s.author, held)
	} else {
		heldBy.Delete(s.author) // Held is the last change's: what an earlier one held and nobody took is stale
	}
	s.written.Store(&written{at: at, summaries: j.summaries})
	return nil
}

// An entry is two keys of the journal bucket, next to each other so that a
// save dirties one leaf: its sequence number followed by 'h' (the header)
// and by 'e' (the edits, decoded only to undo or redo it). The bucket's
// sequence, raised by every change, undo and redo, is the change counter
// Changed compares.
func headKey(seq uint64) []byte  { return append(itob(seq), 'h') }
func editsKey(seq uint64) []byte { return append(itob(seq), 'e') }

// appendEntry adds e, trims the journal to the last JournalSize sequence
// numbers and so counts the change. Entries undone before it stay until
// trimmed, but can no longer be redone: redo only looks past its author's
// newest done entry.
func appendEntry(tx *bolt.Tx, e entry, edits []edit) error {
	jb, err := tx.CreateBucketIfNotExists(bucketJournal)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	jb.FillPercent = 0.9 // appended at the end: fill pages rather than split them in half
	seq, err := jb.NextSequence()
	if err != nil {
		return err
	}
	head, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	body, err := json.Marshal(edits)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if err := jb.Put(editsKey(seq), body); err != nil {
		return err
	}
	if err := jb.Put(headKey(seq), head); err != nil {
		return err
	}
	// Trim in batches: deleting at the front dirties the first pages of
	// the bucket, so it happens once every trimBatch changes, not on each.
	c := jb.Cursor()
	if k, _ := c.First(); k == nil || btoi(k[:8])+JournalSize+trimBatch > seq {
		return nil
	}
	for k, _ := c.First(); k != nil && btoi(k[:8])+JournalSize <= seq; k, _ = c.First() {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// trimBatch is how far past JournalSize the journal may grow before it is trimmed.
const trimBatch = 20

// changesOf is the change counter: the journal bucket's sequence.
func changesOf(tx *bolt.Tx) uint64 {
	if jb := tx.Bucket(bucketJournal); jb != nil {
		return jb.Sequence()
	}
	return 0
}
