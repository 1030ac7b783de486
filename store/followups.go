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

// WriteCommitments writes the commitments of an agreement in one
// transaction (model.CommitmentLines): a line with an ID replaces that line
// (its UID stays), a new one is added at the end of the checklist, and the
// lines of remove, made by an earlier agreement that no longer stands, go.
func (s *Store) WriteCommitments(negID uint64, lines []model.FollowUp, remove []uint64) ([]model.FollowUp, error) {
	out := slices.Clone(lines)
	for i := range out {
		out[i] = out[i].Cleaned()
		if err := out[i].Validate(); err != nil {
			return nil, fmt.Errorf("follow-up %q: %w", out[i].Action, err)
		}
	}
	label := fmt.Sprintf("wrote %d commitments", len(out))
	if len(remove) > 0 {
		label += fmt.Sprintf(", removed %d", len(remove))
	}
	err := s.change(label, func(tx *bolt.Tx) error {
		b, err := child(tx, negID, bucketFollowUps)
		if err != nil {
			return err
		}
		existing, err := loadAll[followUpRecord](b.Bucket)
		if err != nil {
			return err
		}
		last := 0
		for _, r := range existing {
			last = max(last, r.Order)
		}
		for _, id := range remove {
			if err := mustExist(b.Bucket, id, "follow-up"); err != nil {
				return err
			}
			if err := b.Delete(itob(id)); err != nil {
				return err
			}
		}
		for i := range out {
			if out[i].ID == 0 {
				last++
				out[i].Order = last
				if out[i].Stamp, err = putNew(b, &out[i].ID, func() followUpRecord { return followUpToRecord(out[i]) }); err != nil {
					return err
				}
				continue
			}
			if err := mustExist(b.Bucket, out[i].ID, "follow-up"); err != nil {
				return err
			}
			rec := followUpToRecord(out[i])
			if err := putRecord(b, itob(out[i].ID), &rec); err != nil {
				return err
			}
			out[i].Stamp = rec.stamped().toModel()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
