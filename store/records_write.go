package store

import (
	"encoding/json"
	"fmt"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Writing one record of a negotiation: the steps every kind's save and
// delete share (records_save.go).

// saveChild writes one record of a negotiation in one transaction: a new one
// (ID 0) gets the bucket's next ID, an existing one must be there. prepare
// runs first in the same transaction, on a copy of the value, to check what
// it points at or fill in what the file decides. The caller's value is
// updated (ID, UID, Updated) only once the transaction has committed.
func saveChild[M any, P interface {
	*M
	Stamped() *model.Stamp
}, R any, PR recordPtr[R]](s *Store, negID uint64, bucket []byte, what string, v P, id func(P) *uint64,
	toRecord func(M) R, prepare func(*bolt.Tx, P) error) error {
	c := *v
	err := s.change(savedLabel(what, *id(&c), ""), func(tx *bolt.Tx) error {
		if prepare != nil {
			if err := prepare(tx, &c); err != nil {
				return err
			}
		}
		b, err := child(tx, negID, bucket)
		if err != nil {
			return err
		}
		if err := assignID(b, id(&c), what); err != nil {
			return err
		}
		if err := checkFresh(b, itob(*id(&c)), what, P(&c).Stamped().Updated); err != nil {
			return err
		}
		rec := toRecord(c)
		relabel(tx, savedLabel(what, *id(v), describe(rec)))
		if err := putRecord(b, itob(*id(&c)), PR(&rec)); err != nil {
			return err
		}
		*P(&c).Stamped() = PR(&rec).stamped().toModel()
		return nil
	})
	if err == nil {
		*v = c
	}
	return err
}

// deleteChild removes one record of a negotiation; fix runs first in the same
// transaction to mend what pointed at it.
func (s *Store) deleteChild(negID uint64, bucket []byte, what string, id uint64, fix func(*bolt.Tx) error) error {
	return s.change(fmt.Sprintf("deleted %s %d", what, id), func(tx *bolt.Tx) error {
		b, err := child(tx, negID, bucket)
		if err != nil {
			return err
		}
		if err := mustExist(b.Bucket, id, what); err != nil {
			return err
		}
		var rec map[string]any
		if json.Unmarshal(b.Get(itob(id)), &rec) == nil {
			relabel(tx, "deleted "+what+" "+quoteLabel(describe(rec)))
		}
		if fix != nil {
			if err := fix(tx); err != nil {
				return err
			}
		}
		return b.Delete(itob(id))
	})
}

// rewrite loads every record of a nested bucket, lets edit change or drop
// each one (keep false), and writes back what changed.
func rewrite[R any, P recordPtr[R]](tx *bolt.Tx, negID uint64, bucket []byte, id func(R) uint64, edit func(*R) (keep, changed bool)) error {
	b, err := child(tx, negID, bucket)
	if err != nil {
		return err
	}
	recs, err := loadAll[R](b.Bucket)
	if err != nil {
		return err
	}
	for _, r := range recs {
		keep, changed := edit(&r)
		switch {
		case !keep:
			err = b.Delete(itob(id(r)))
		case changed:
			err = putRecord(b, itob(id(r)), P(&r))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// exists checks that a record a new one points at is there.
func exists(tx *bolt.Tx, negID uint64, bucket []byte, id uint64, what string) error {
	b, err := child(tx, negID, bucket)
	if err != nil {
		return err
	}
	return mustExist(b.Bucket, id, what)
}
