package store

import (
	"bytes"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Head reads the negotiation for a first screen: all of it but its notes,
// and of those only the last notes made (by the order they were made, which
// is their keys' order). complete reports whether that was every note. A
// large negotiation's notes are most of its bytes, and a workbench shows a
// screenful of the latest: it reads the head first, draws, and then reads
// the whole negotiation in the background (Dossier). Only what is read is
// checked: a damaged older note is found by that second read.
func (s *Store) Head(negID uint64, notes int) (d *model.Dossier, complete bool, err error) {
	// What OpenWorkbench checked is all but the notes and follow-ups:
	// only those are read now.
	c, checked := s.takeChecked(negID, dealParts)
	var raw *rawDossier
	err = s.view(func(tx *bolt.Tx) (err error) {
		if err := s.mayRead(tx, negID); err != nil {
			return err
		}
		raw, err = copyDossierWith(tx, negID, allParts, func(name []byte, b *bolt.Bucket) rawBucket {
			switch {
			case bytes.Equal(name, bucketNotes):
				rb, all := copyLast(b, notes)
				complete = all
				return rb
			case checked && !bytes.Equal(name, bucketFollowUps):
				return rawBucket{} // decoded when Open checked it
			}
			return copyBucket(b)
		})
		return err
	})
	if err != nil {
		return nil, false, err
	}
	if d, err = raw.decode(); err != nil {
		return nil, false, plainDamage(s.path, err)
	}
	if checked {
		head := *c.dossier
		head.Notes, head.FollowUps = d.Notes, d.FollowUps
		d = &head
	}
	d.Clean()
	return d, complete, nil
}

// copyLast copies the last n records of a bucket, in key order; all
// reports whether they are all its records.
func copyLast(b *bolt.Bucket, n int) (rb rawBucket, all bool) {
	c := b.Cursor()
	var keys, vals [][]byte
	k, v := c.Last()
	for ; k != nil && len(keys) < n; k, v = c.Prev() {
		if v != nil {
			keys, vals = append(keys, k), append(vals, v)
		}
	}
	size := 0
	for _, v := range vals {
		size += len(v)
	}
	rb = rawBucket{buf: make([]byte, 0, size), recs: make([]rawRecord, 0, len(keys))}
	for i := len(keys) - 1; i >= 0; i-- {
		lo := len(rb.buf)
		rb.buf = append(rb.buf, vals[i]...)
		rb.recs = append(rb.recs, rawRecord{id: btoi(keys[i]), lo: lo, hi: len(rb.buf)})
	}
	return rb, k == nil
}

// OpenWorkbench is Open for a workbench that reads its first screen with
// Head: of the current negotiation it checks what Head reads but the
// notes, which Head and the read after it check as they decode them.
func OpenWorkbench(path string) (*Store, error) { return openWrite(path, true, dealParts) }
