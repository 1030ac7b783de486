package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// giveUIDs (schema 5) gives every record a UID and an Updated time, so that
// an import can merge by UID: Updated is the latest of the record's own
// times where it has any (v5Times), else the migration's. The migration
// reads and writes raw JSON, so later changes to the records cannot change
// it; a record that has a UID already keeps it.
func giveUIDs(tx *bolt.Tx) error {
	now := time.Now().UTC()
	if err := stampAll(tx.Bucket(bucketAccounts), nil, now); err != nil {
		return fmt.Errorf("accounts: %w", err)
	}
	root := tx.Bucket(bucketNegotiations)
	return root.ForEachBucket(func(k []byte) error {
		nb := root.Bucket(k)
		if err := stampOne(nb, keyNegMeta, v5Times["negotiation"], now); err != nil {
			return fmt.Errorf("negotiation %d: %w", btoi(k), err)
		}
		for _, name := range v5Buckets {
			b := nb.Bucket([]byte(name))
			if b == nil {
				continue
			}
			if err := stampAll(b, v5Times[name], now); err != nil {
				return fmt.Errorf("negotiation %d, %s: %w", btoi(k), name, err)
			}
		}
		return nil
	})
}

// v5Buckets are the nested buckets of a negotiation that hold records at schema 4.
var v5Buckets = []string{"items", "meetings", "ledger", "notes", "followups", "scenarios", "packages", "budgets", "owed", "suggestions"}

// v5Times are the fields of each record kind (by bucket) that say when it
// was made or last changed, as schema 4 names them.
var v5Times = map[string][]string{
	"negotiation": {"created"},
	"items":       {"agreed_at"},
	"meetings":    {"started", "ended"},
	"ledger":      {"at"},
	"notes":       {"at", "done_at"},
	"followups":   {"done_at"},
	"packages":    {"tabled_at"},
	"budgets":     {"at"},
	"owed":        {"at"},
	"suggestions": {"at"},
}

func stampAll(b *bolt.Bucket, times []string, now time.Time) error {
	var keys [][]byte
	if err := b.ForEach(func(k, v []byte) error {
		if v != nil {
			keys = append(keys, slices.Clone(k))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := stampOne(b, k, times, now); err != nil {
			return err
		}
	}
	return nil
}

// stampOne gives the record under key a UID (whose time part is its
// Updated) and an Updated time, unless it has a UID.
func stampOne(b *bolt.Bucket, key []byte, times []string, now time.Time) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b.Get(key), &raw); err != nil || raw == nil {
		return recordDamaged(fmt.Sprint(btoi(key)))
	}
	if _, ok := raw["uid"]; ok {
		return nil
	}
	var updated time.Time
	for _, f := range times {
		var t time.Time
		if v, ok := raw[f]; ok && json.Unmarshal(v, &t) == nil && t.After(updated) {
			updated = t
		}
	}
	if updated.IsZero() {
		updated = now
	}
	var err error
	if raw["uid"], err = json.Marshal(uidAt(updated)); err != nil {
		return err
	}
	if raw["updated"], err = json.Marshal(updated); err != nil {
		return err
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}
