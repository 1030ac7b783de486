package store

import (
	"errors"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

var errRollBack = errors.New("roll back")

// BenchmarkRefreshSummaryLarge is what every change to the large
// negotiation's deal adds to its write transaction: its summary worked out
// again ("refresh", the deal's records read and replayed, owed priced,
// forecast), against reading those records alone ("load"). The transaction
// is rolled back, so the file stays as it was.
func BenchmarkRefreshSummaryLarge(b *testing.B) {
	s, negID := largeStore(b)
	inTx := func(b *testing.B, fn func(tx *bolt.Tx) error) {
		b.ReportAllocs()
		for b.Loop() {
			err := s.update(func(tx *bolt.Tx) error {
				if err := fn(tx); err != nil {
					return err
				}
				return errRollBack
			})
			if !errors.Is(err, errRollBack) {
				b.Fatal(err)
			}
		}
	}
	b.Run("load", func(b *testing.B) {
		inTx(b, func(tx *bolt.Tx) error {
			_, err := loadDeal(tx, negID)
			return err
		})
	})
	b.Run("refresh", func(b *testing.B) {
		inTx(b, func(tx *bolt.Tx) error {
			return refreshSummaries(tx, map[uint64]bool{negID: true}, benchNow)
		})
	})
	b.Run("summarize", func(b *testing.B) {
		var d *model.Dossier
		err := s.view(func(tx *bolt.Tx) (err error) {
			d, err = loadDeal(tx, negID)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			model.Summarize(d, benchNow)
		}
	})
}
