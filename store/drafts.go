package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// CaptureDraftKey is the draft key of a negotiation's capture line.
func CaptureDraftKey(negID uint64) string { return fmt.Sprintf("capture/%d", negID) }

// Draft reads text typed but not yet saved; "" when there is none.
func (s *Store) Draft(key string) (string, error) {
	var text string
	err := s.view(func(tx *bolt.Tx) error {
		text = string(tx.Bucket(bucketDrafts).Get(s.draftKey(key)))
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
			return b.Delete(s.draftKey(key))
		}
		return b.Put(s.draftKey(key), []byte(text))
	})
}

// Drafts reads every draft whose key starts with prefix.
func (s *Store) Drafts(prefix string) (map[string]string, error) {
	out := map[string]string{}
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketDrafts).Cursor()
		p := s.draftKey(prefix)
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
			if key, ok := s.ownKey(string(k)); ok {
				out[key] = string(v)
			}
		}
		return nil
	})
	return out, err
}
