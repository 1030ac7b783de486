package store

import (
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// rebateBases (schema 7) gives every rebate lever the base it has behaved
// by until now (DESIGN 5.8): "growth" where the lever said growth, else
// "invoice", on items and on the deal basis's standing terms, and drops
// the old flag. It then works every summary out again, since the
// waterfall now prices last year at last year's volume and the forecast
// gives no landing on too few moves. The migration reads and writes raw
// JSON, so later changes to the records cannot change it.
func rebateBases(tx *bolt.Tx) error {
	root := tx.Bucket(bucketNegotiations)
	if root == nil {
		return nil
	}
	if err := root.ForEachBucket(func(k []byte) error {
		nb := root.Bucket(k)
		if err := rebateBasesOfItems(nb.Bucket(bucketItems)); err != nil {
			return fmt.Errorf("negotiation %d: %w", btoi(k), err)
		}
		if err := rebateBasesOfDeal(nb); err != nil {
			return fmt.Errorf("negotiation %d: %w", btoi(k), err)
		}
		return nil
	}); err != nil {
		return err
	}
	return summarizeAll(tx)
}

// v7Lever is a lever as schema 6 wrote it, kept as raw fields.
type v7Lever map[string]json.RawMessage

// withBase sets the base of a rebate lever from its growth flag and drops
// the flag; it reports whether anything changed.
func (l v7Lever) withBase() (bool, error) {
	var kind string
	if raw, ok := l["kind"]; !ok || json.Unmarshal(raw, &kind) != nil || kind != "rebate" {
		return false, nil
	}
	growth := false
	if raw, ok := l["growth"]; ok {
		if err := json.Unmarshal(raw, &growth); err != nil {
			return false, fmt.Errorf("%w: rebate lever: %v", ErrCorrupt, err)
		}
	}
	if _, has := l["base"]; has && !growth {
		return false, nil
	}
	base := "invoice"
	if growth {
		base = "growth"
	}
	l["base"] = json.RawMessage(`"` + base + `"`)
	delete(l, "growth")
	return true, nil
}

func rebateBasesOfItems(items *bolt.Bucket) error {
	if items == nil {
		return nil
	}
	type put struct{ k, v []byte }
	var puts []put
	if err := items.ForEach(func(k, v []byte) error {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(v, &raw); err != nil {
			return fmt.Errorf("%w: item: %v", ErrCorrupt, err)
		}
		lraw, ok := raw["lever"]
		if !ok || string(lraw) == "null" {
			return nil
		}
		var l v7Lever
		if err := json.Unmarshal(lraw, &l); err != nil {
			return fmt.Errorf("%w: item lever: %v", ErrCorrupt, err)
		}
		changed, err := l.withBase()
		if err != nil || !changed {
			return err
		}
		if raw["lever"], err = json.Marshal(l); err != nil {
			return err
		}
		data, err := json.Marshal(raw)
		if err != nil {
			return err
		}
		puts = append(puts, put{slices.Clone(k), data})
		return nil
	}); err != nil {
		return err
	}
	for _, p := range puts {
		if err := items.Put(p.k, p.v); err != nil {
			return err
		}
	}
	return nil
}

// rebateBasesOfDeal converts the standing rebates of the negotiation's deal basis.
func rebateBasesOfDeal(nb *bolt.Bucket) error {
	v := nb.Get(keyNegMeta)
	if v == nil {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(v, &raw); err != nil {
		return fmt.Errorf("%w: negotiation: %v", ErrCorrupt, err)
	}
	draw, ok := raw["deal"]
	if !ok || string(draw) == "null" {
		return nil
	}
	var deal map[string]json.RawMessage
	if err := json.Unmarshal(draw, &deal); err != nil {
		return fmt.Errorf("%w: deal basis: %v", ErrCorrupt, err)
	}
	sraw, ok := deal["standing"]
	if !ok {
		return nil
	}
	var standing []map[string]json.RawMessage
	if err := json.Unmarshal(sraw, &standing); err != nil {
		return fmt.Errorf("%w: standing terms: %v", ErrCorrupt, err)
	}
	changed := false
	for _, st := range standing {
		var l v7Lever
		if err := json.Unmarshal(st["lever"], &l); err != nil {
			return fmt.Errorf("%w: standing lever: %v", ErrCorrupt, err)
		}
		c, err := l.withBase()
		if err != nil {
			return err
		}
		if c {
			changed = true
			if st["lever"], err = json.Marshal(l); err != nil {
				return err
			}
		}
	}
	if !changed {
		return nil
	}
	var err error
	if deal["standing"], err = json.Marshal(standing); err != nil {
		return err
	}
	if raw["deal"], err = json.Marshal(deal); err != nil {
		return err
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	return nb.Put(keyNegMeta, data)
}
