package store

import (
	"fmt"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// SavePackage creates (ID 0) or replaces a saved package (a proposal or an
// equivalent offer). Its values must name items of the negotiation.
func (s *Store) SavePackage(negID uint64, p *model.Package) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return saveChild(s, negID, bucketPackages, "package", p, func(v *model.Package) *uint64 { return &v.ID },
		packageToRecord,
		func(tx *bolt.Tx, p *model.Package) error {
			for id := range p.Values {
				if err := exists(tx, negID, bucketItems, id, "item"); err != nil {
					return fmt.Errorf("package %q: %w", p.Name, err)
				}
			}
			if p.TabledMeeting != 0 {
				return exists(tx, negID, bucketMeetings, p.TabledMeeting, "meeting")
			}
			return nil
		})
}

// DeletePackage removes a saved package.
func (s *Store) DeletePackage(negID, id uint64) error {
	return s.deleteChild(negID, bucketPackages, "package", id, nil)
}

// dropPackageValues removes a deleted item's value from every saved package.
func dropPackageValues(tx *bolt.Tx, negID, itemID uint64) error {
	return rewrite(tx, negID, bucketPackages, func(r packageRecord) uint64 { return r.ID },
		func(r *packageRecord) (bool, bool) {
			for i, v := range r.Values {
				if v.ItemID == itemID {
					r.Values = append(r.Values[:i], r.Values[i+1:]...)
					return true, true
				}
			}
			return true, false
		})
}
