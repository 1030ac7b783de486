package store

import (
	"encoding/json"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// testRebateBases: a schema-6 file writes rebates as {"kind":"rebate",
// "growth":true} or without the flag, on items and standing terms. After
// the upgrade the growth rebate has base growth, the others (an item after
// it, a standing term) base invoice,
// the flag is gone, and the demo prices as before the upgrade but for what
// 5.8 changed on purpose.
func testRebateBases(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	d := demoDossier()
	d.Negotiation.Deal.Standing = append(d.Negotiation.Deal.Standing,
		model.StandingTerm{Lever: model.Lever{Kind: model.LeverRebate}, Value: dec("0.5")})
	// A second item rebate, after the growth one: every item is upgraded.
	second := itemByTitle(t, d, "Annual growth rebate")
	second.ID, second.Title, second.Order = uint64(len(d.Items)+1), "Year-end rebate", len(d.Items)+1
	second.Lever.Base = model.BaseInvoice
	d.Items = append(d.Items, second)
	negID, err := s.AddDossier(d)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Write the levers as schema 6 did.
	db := rawBolt(t, path, false)
	toV6 := func(raw map[string]json.RawMessage) {
		var l map[string]json.RawMessage
		if json.Unmarshal(raw["lever"], &l) != nil {
			return
		}
		if string(l["base"]) == `"growth"` {
			l["growth"] = json.RawMessage("true")
		}
		delete(l, "base")
		raw["lever"], _ = json.Marshal(l)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		nb := tx.Bucket(bucketNegotiations).Bucket(itob(negID))
		items := nb.Bucket(bucketItems)
		if err := items.ForEach(func(k, v []byte) error {
			var raw map[string]json.RawMessage
			if err := json.Unmarshal(v, &raw); err != nil {
				return err
			}
			toV6(raw)
			data, _ := json.Marshal(raw)
			return items.Put(k, data)
		}); err != nil {
			return err
		}
		var neg map[string]json.RawMessage
		if err := json.Unmarshal(nb.Get(keyNegMeta), &neg); err != nil {
			return err
		}
		var deal map[string]json.RawMessage
		if err := json.Unmarshal(neg["deal"], &deal); err != nil {
			return err
		}
		var standing []map[string]json.RawMessage
		if err := json.Unmarshal(deal["standing"], &standing); err != nil {
			return err
		}
		for _, st := range standing {
			toV6(st)
		}
		deal["standing"], _ = json.Marshal(standing)
		neg["deal"], _ = json.Marshal(deal)
		data, _ := json.Marshal(neg)
		if err := nb.Put(keyNegMeta, data); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, itob(6))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s = openStore(t, path)
	defer s.Close()
	if v := schemaIn(t, path); v != SchemaVersion {
		t.Fatalf("schema %d, want %d", v, SchemaVersion)
	}
	got, err := s.Dossier(negID)
	if err != nil {
		t.Fatal(err)
	}
	if r := itemByTitle(t, got, "Annual growth rebate"); r.Lever.Base != model.BaseGrowth {
		t.Errorf("growth rebate migrated to base %q, want growth", r.Lever.Base)
	}
	if r := itemByTitle(t, got, "Year-end rebate"); r.Lever.Base != model.BaseInvoice {
		t.Errorf("the second rebate migrated to base %q, want invoice", r.Lever.Base)
	}
	standing := got.Negotiation.Deal.Standing
	if last := standing[len(standing)-1]; last.Lever.Kind != model.LeverRebate || last.Lever.Base != model.BaseInvoice {
		t.Errorf("standing rebate migrated to %+v, want base invoice", last.Lever)
	}
	// No "growth" flag is left in the file.
	rb := rawBolt(t, path, true)
	defer rb.Close()
	if err := rb.View(func(tx *bolt.Tx) error {
		return forEachRecord(tx, func(_ *bolt.Bucket, k, v []byte) error {
			if json.Valid(v) && containsKey(v, "growth") {
				t.Errorf("record %q still has the growth flag: %s", k, v)
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
}

// containsKey reports whether a JSON document has the key at any depth.
func containsKey(data []byte, key string) bool {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false
	}
	var walk func(any) bool
	walk = func(x any) bool {
		switch t := x.(type) {
		case map[string]any:
			for k, y := range t {
				if k == key || walk(y) {
					return true
				}
			}
		case []any:
			for _, y := range t {
				if walk(y) {
					return true
				}
			}
		}
		return false
	}
	return walk(v)
}
