package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// CaptureDraftKey is the draft key of a negotiation's capture line.
func CaptureDraftKey(negID uint64) string { return fmt.Sprintf("capture/%d", negID) }

// Draft reads text typed but not yet saved; "" when there is none.
func (s *Store) Draft(key string) (string, error) {
	var text string
	err := s.view(func(tx *bolt.Tx) error {
		text = string(tx.Bucket(bucketDrafts).Get([]byte(key)))
		return nil
	})
	return text, err
}

// SaveDraft keeps text typed but not yet saved, so that it survives a crash;
// an empty text removes the draft.
func (s *Store) SaveDraft(key, text string) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts)
		if text == "" {
			return b.Delete([]byte(key))
		}
		return b.Put([]byte(key), []byte(text))
	})
}
