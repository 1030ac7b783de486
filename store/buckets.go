package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Bucket and key names; see the tree in the package comment.
var (
	bucketMeta         = []byte("meta")
	bucketAccounts     = []byte("accounts")
	bucketNegotiations = []byte("negotiations")
	bucketDrafts       = []byte("drafts")

	bucketItems     = []byte("items")
	bucketMeetings  = []byte("meetings")
	bucketLedger    = []byte("ledger")
	bucketNotes     = []byte("notes")
	bucketFollowUps = []byte("followups")
	bucketScenarios = []byte("scenarios")
	bucketPackages  = []byte("packages")

	keyApp     = []byte("app")
	keySchema  = []byte("schema")
	keyCurrent = []byte("current")
	keyNegMeta = []byte("meta")

	appName = []byte("parley")
)

// childBuckets are the nested buckets of every negotiation.
var childBuckets = append([][]byte{bucketItems, bucketMeetings, bucketLedger, bucketNotes, bucketFollowUps, bucketScenarios, bucketPackages}, aheadBuckets...)

// itob is an ID as an 8-byte big-endian key.
func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

// btoi reads an 8-byte big-endian key; anything else is 0.
func btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// negotiationBucket finds the bucket of one negotiation.
func negotiationBucket(tx *bolt.Tx, id uint64) (*bucket, error) {
	root := topBucket(tx, bucketNegotiations)
	if root == nil {
		return nil, fmt.Errorf("%w: no negotiations bucket", ErrNotParley)
	}
	b := root.sub(itob(id))
	if b == nil {
		return nil, fmt.Errorf("negotiation %d: %w", id, ErrNotFound)
	}
	return b, nil
}

// child finds a nested bucket of a negotiation.
func child(tx *bolt.Tx, negID uint64, name []byte) (*bucket, error) {
	nb, err := negotiationBucket(tx, negID)
	if err != nil {
		return nil, err
	}
	b := nb.sub(name)
	if b == nil {
		return nil, fmt.Errorf("negotiation %d has no %s bucket: %w", negID, name, ErrNotParley)
	}
	return b, nil
}

// assignID gives a new record the bucket's next ID, and makes sure an
// existing one is there to replace.
func assignID(b *bucket, id *uint64, what string) error {
	if *id != 0 {
		return mustExist(b.Bucket, *id, what)
	}
	next, err := b.NextSequence()
	if err != nil {
		return err
	}
	*id = next
	return nil
}

func putJSON(b *bucket, key []byte, rec any) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// getJSON reads one record; found is false when the key is absent.
func getJSON(b *bolt.Bucket, key []byte, rec any) (found bool, err error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, rec); err != nil {
		return true, recordDamaged(fmt.Sprintf("%q", key))
	}
	return true, nil
}

// loadAll decodes every record of a bucket, in key order.
func loadAll[R any](b *bolt.Bucket) ([]R, error) {
	var out []R
	err := b.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil
		}
		var r R
		if err := json.Unmarshal(v, &r); err != nil {
			return recordDamaged(fmt.Sprint(btoi(k)))
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// mustExist refuses a key that is not in the bucket.
func mustExist(b *bolt.Bucket, id uint64, what string) error {
	if b.Get(itob(id)) == nil {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return nil
}
