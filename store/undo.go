package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/parley-app/parley/internal/storeerr"
	bolt "go.etcd.io/bbolt"
)

// Errors of Undo and Redo, for errors.Is.
var (
	// ErrNothingToUndo: the journal holds no change that is done.
	ErrNothingToUndo = storeerr.ErrNothingToUndo
	// ErrNothingToRedo: no change was undone since the last change.
	ErrNothingToRedo = storeerr.ErrNothingToRedo
	// ErrChangedSince: a record the change touched was changed since (by
	// another process, or by a change that is no longer in the journal).
	ErrChangedSince = storeerr.ErrChangedSince
	// ErrTooLargeToUndo: the change was too large to keep in the journal.
	ErrTooLargeToUndo = errors.New("is too large to undo")
)

// Undo takes back the newest change made in the file that is not undone,
// whoever made it (`parley undo`), in one transaction, and names it. It
// refuses, changing nothing, when a record the change touched no longer
// holds what the change left there.
func (s *Store) Undo() (label string, err error) { return s.step(true, "") }

// Redo makes again the change undone last, unless a change was made since.
func (s *Store) Redo() (label string, err error) { return s.step(false, "") }

// UndoOwn takes back the newest change this session made (the workbench's
// u): changes made by other processes are left alone, and one of them that
// changed the same record since makes the undo refuse.
func (s *Store) UndoOwn() (label string, err error) { return s.step(true, s.author) }

// RedoOwn makes again the change this session undid last, unless it made
// another change since.
func (s *Store) RedoOwn() (label string, err error) { return s.step(false, s.author) }

// step undoes or redoes one entry by author ("" for anyone).
func (s *Store) step(undo bool, author string) (label string, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		key, e, err := pick(tx, undo, author)
		if err != nil {
			return err
		}
		label = e.Label
		if e.TooLarge {
			return fmt.Errorf("%s %w", e.Label, ErrTooLargeToUndo)
		}
		var edits []edit
		jb := tx.Bucket(bucketJournal)
		if err := json.Unmarshal(jb.Get(editsKey(key)), &edits); err != nil {
			return recordDamaged(fmt.Sprintf("journal %d", key))
		}
		deps := dependentsOf(tx, edits)
		if err := replay(tx, edits, undo); err != nil {
			return fmt.Errorf("%s: %w", e.Label, err)
		}
		if err := deps.check(tx); err != nil {
			return fmt.Errorf("%s: %w", e.Label, err)
		}
		if err := s.guardStep(tx, edits); err != nil {
			return fmt.Errorf("%s: %w", e.Label, err)
		}
		if err := refreshSummaries(tx, touchedBy(edits), s.clock().UTC()); err != nil {
			return err
		}
		verb := map[bool]string{true: "undid ", false: "redid "}[undo]
		if err := s.auditStep(tx, verb+e.Label, s.clock().UTC(), edits); err != nil {
			return err
		}
		e.Undone = undo
		data, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := jb.Put(headKey(key), data); err != nil {
			return err
		}
		_, err = jb.NextSequence() // the change counter
		return err
	})
	return label, err
}

// pick finds the entry to undo (the newest done one by author) or to redo
// (the oldest undone one by author after its newest done one).
func pick(tx *bolt.Tx, undo bool, author string) (uint64, entry, error) {
	none := ErrNothingToRedo
	if undo {
		none = ErrNothingToUndo
	}
	jb := tx.Bucket(bucketJournal)
	if jb == nil {
		return 0, entry{}, none
	}
	var redoKey uint64
	var redo entry
	c := jb.Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		if len(k) != 9 || k[8] != 'h' {
			continue
		}
		var e entry
		if err := json.Unmarshal(v, &e); err != nil {
			return 0, entry{}, recordDamaged(fmt.Sprintf("journal %d", btoi(k[:8])))
		}
		if author != "" && e.By != author {
			continue
		}
		if !e.Undone {
			if undo {
				return btoi(k[:8]), e, nil
			}
			break
		}
		redoKey, redo = btoi(k[:8]), e
	}
	if undo || redoKey == 0 {
		return 0, entry{}, none
	}
	return redoKey, redo, nil
}

// replay writes the before-images of edits, newest first (undo), or their
// after-images in order (redo), checking each key still holds the other.
func replay(tx *bolt.Tx, edits []edit, undo bool) error {
	for i := range edits {
		e := edits[i]
		if undo {
			e = edits[len(edits)-1-i]
		}
		want, put := e.After, e.Before
		wantExists, exists := e.Exists, e.Existed
		if !undo {
			want, put = e.Before, e.After
			wantExists, exists = e.Existed, e.Exists
		}
		if e.Bucket {
			loggedBy(tx).record(e.Path, nil)
			if err := setBucket(tx, e.Path, wantExists, exists, e.Seq); err != nil {
				return err
			}
			continue
		}
		b := bucketAt(tx, e.Path)
		if b == nil {
			return fmt.Errorf("a record %w: its negotiation is gone", ErrChangedSince)
		}
		if !bytes.Equal(b.Get(e.Key), want) {
			return fmt.Errorf("a record it touched %w", ErrChangedSince)
		}
		loggedBy(tx).record(e.Path, e.Key)
		var err error
		if put == nil {
			err = b.Delete(e.Key)
		} else {
			err = b.Put(e.Key, put)
		}
		if err != nil {
			return err
		}
	}
	return keepSequencesAhead(tx, edits)
}

// keepSequencesAhead makes sure no bucket the edits touched would hand out
// an ID already in use: a bucket made again by undo or redo starts from the
// sequence it had, and must never be behind its own records.
func keepSequencesAhead(tx *bolt.Tx, edits []edit) error {
	seen := map[string]bool{}
	for _, e := range edits {
		path := e.Path
		if e.Bucket && len(path) > 1 {
			path = path[:len(path)-1] // the parent holds the bucket's ID as a key
		}
		for _, p := range [][][]byte{path, e.Path} {
			k := string(bytes.Join(p, []byte{0}))
			if seen[k] {
				continue
			}
			seen[k] = true
			b := bucketAt(tx, p)
			if b == nil {
				continue
			}
			if last, _ := b.Cursor().Last(); len(last) == 8 && btoi(last) > b.Sequence() {
				if err := b.SetSequence(btoi(last)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// setBucket makes or removes the bucket at path, which must be as the
// change left it; a bucket to remove must be empty by then.
func setBucket(tx *bolt.Tx, path [][]byte, wasThere, create bool, seq uint64) error {
	parent := bucketAt(tx, path[:len(path)-1])
	name := path[len(path)-1]
	if len(path) > 1 && parent == nil {
		return fmt.Errorf("a bucket %w", ErrChangedSince)
	}
	var cur *bolt.Bucket
	if parent != nil {
		cur = parent.Bucket(name)
	} else {
		cur = tx.Bucket(name)
	}
	if (cur != nil) != wasThere {
		return fmt.Errorf("a negotiation %w", ErrChangedSince)
	}
	if !create {
		if k, _ := cur.Cursor().First(); k != nil {
			return fmt.Errorf("a negotiation %w: it holds records added since", ErrChangedSince)
		}
		if parent == nil {
			return tx.DeleteBucket(name)
		}
		return parent.DeleteBucket(name)
	}
	var nb *bolt.Bucket
	var err error
	if parent == nil {
		nb, err = tx.CreateBucket(name)
	} else {
		nb, err = parent.CreateBucket(name)
	}
	if err != nil {
		return err
	}
	return nb.SetSequence(seq)
}

// bucketAt follows a path of bucket names from the root; nil when missing.
func bucketAt(tx *bolt.Tx, path [][]byte) *bolt.Bucket {
	if len(path) == 0 {
		return nil
	}
	b := tx.Bucket(path[0])
	for _, name := range path[1:] {
		if b == nil {
			return nil
		}
		b = b.Bucket(name)
	}
	return b
}
