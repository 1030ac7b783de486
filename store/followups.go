package store

import (
	"fmt"
	"slices"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// AddFollowUps appends lines to the checklist in one transaction (the
// commitments generated when the stage moves to agree): each gets a new ID
// and an order after every line already there. It returns the lines as
// stored; nothing is written unless every line is valid.
func (s *Store) AddFollowUps(negID uint64, lines []model.FollowUp) ([]model.FollowUp, error) {
	out := slices.Clone(lines)
	for i := range out {
		out[i] = out[i].Cleaned() // text is cleaned where it enters
		if err := out[i].Validate(); err != nil {
			return nil, fmt.Errorf("follow-up %q: %w", out[i].Action, err)
		}
	}
	err := s.change(fmt.Sprintf("added %d follow-up lines", len(out)), func(tx *bolt.Tx) error {
		nb, err := negotiationBucket(tx, negID)
		if err != nil {
			return err
		}
		b := nb.sub(bucketFollowUps)
		existing, err := loadAll[followUpRecord](b.Bucket)
		if err != nil {
			return err
		}
		last := 0
		for _, r := range existing {
			last = max(last, r.Order)
		}
		for i := range out {
			out[i].ID, out[i].Order = 0, last+i+1
		}
		return putFollowUps(b, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// putFollowUps writes new follow-up lines, giving each its ID and stamp.
func putFollowUps(b *bucket, lines []model.FollowUp) error {
	for i := range lines {
		st, err := putNew(b, &lines[i].ID, func() followUpRecord { return followUpToRecord(lines[i]) })
		if err != nil {
			return err
		}
		lines[i].Stamp = st
	}
	return nil
}
