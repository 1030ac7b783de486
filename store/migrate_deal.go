package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// migrateDeal (schema 2) gives every negotiation a packages bucket and
// turns what priced items before the deal waterfall into levers and a deal
// basis:
//
//   - the profitability scenario linked by the most items (else the first)
//     gives the deal basis its volume, cost of goods and cost to serve;
//   - an item linked to a profitability input gets the lever of that input
//     (list price, on-invoice discount, rebate, allowance, volume; a cost
//     per unit becomes money per unit at the scenario's volume);
//   - an item with only a money per unit gets the money-per-unit lever;
//   - the basis scenario's list price, discount, rebate and allowance that
//     no item negotiates become standing terms.
//
// Nothing is removed: the old fields and scenarios stay for the workbench
// that still reads them. The migration reads and writes raw JSON with its
// own record shapes, so later changes to the records cannot change it.
func migrateDeal(tx *bolt.Tx) error {
	root := tx.Bucket(bucketNegotiations)
	return root.ForEachBucket(func(k []byte) error {
		nb := root.Bucket(k)
		if _, err := nb.CreateBucketIfNotExists(bucketPackages); err != nil {
			return fmt.Errorf("negotiation %d: create packages: %w", btoi(k), err)
		}
		if err := migrateDealOf(nb); err != nil {
			return fmt.Errorf("negotiation %d: %w", btoi(k), err)
		}
		return nil
	})
}

// v2Scenario is the part of a schema-1 scenario record the migration reads.
type v2Scenario struct {
	ID          uint64 `json:"id"`
	Kind        string `json:"kind"`
	ListPrice   string `json:"list_price"`
	Discount    string `json:"discount_pct"`
	Rebate      string `json:"rebate_pct"`
	Allowance   string `json:"allowance_per_unit"`
	CostToServe string `json:"cost_to_serve"`
	CostOfGoods string `json:"cost_of_goods"`
	Volume      string `json:"volume"`
}

// v2Item is the part of a schema-1 item record the migration reads.
type v2Item struct {
	ID           uint64          `json:"id"`
	MoneyPerUnit *string         `json:"money_per_unit"`
	LinkScenario uint64          `json:"link_scenario"`
	LinkField    string          `json:"link_field"`
	Lever        json.RawMessage `json:"lever"`
}

// v2Lever and v2Deal are the shapes schema 2 writes.
type v2Lever struct {
	Kind   string `json:"kind"`
	Amount string `json:"amount,omitempty"`
}

type v2Standing struct {
	Lever v2Lever `json:"lever"`
	Value string  `json:"value"`
}

type v2Deal struct {
	Volume      string       `json:"volume,omitempty"`
	CostOfGoods string       `json:"cost_of_goods,omitempty"`
	CostToServe string       `json:"cost_to_serve,omitempty"`
	Standing    []v2Standing `json:"standing,omitempty"`
}

// v2FieldLever is the lever each profitability input becomes.
var v2FieldLever = map[string]string{"list_price": "list price", "discount": "on-invoice discount", "rebate": "rebate",
	"allowance": "allowance", "volume": "volume", "cost_to_serve": "money per unit", "cost_of_goods": "money per unit"}

func migrateDealOf(nb *bolt.Bucket) error {
	profit := map[uint64]v2Scenario{}
	if err := nb.Bucket(bucketScenarios).ForEach(func(_, v []byte) error {
		var s v2Scenario
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("%w: scenario: %v", ErrCorrupt, err)
		}
		if s.Kind == "profitability" {
			profit[s.ID] = s
		}
		return nil
	}); err != nil {
		return err
	}
	items := nb.Bucket(bucketItems)
	type pending struct {
		key []byte
		raw map[string]json.RawMessage
		it  v2Item
	}
	var all []pending
	links := map[uint64]int{}
	if err := items.ForEach(func(k, v []byte) error {
		p := pending{key: slices.Clone(k)}
		if err := json.Unmarshal(v, &p.raw); err != nil {
			return fmt.Errorf("%w: item: %v", ErrCorrupt, err)
		}
		if err := json.Unmarshal(v, &p.it); err != nil {
			return fmt.Errorf("%w: item: %v", ErrCorrupt, err)
		}
		if _, ok := profit[p.it.LinkScenario]; ok {
			links[p.it.LinkScenario]++
		}
		all = append(all, p)
		return nil
	}); err != nil {
		return err
	}

	// The basis: the scenario most items link to, else the first.
	var basis *v2Scenario
	for _, id := range slices.Sorted(maps.Keys(profit)) {
		s := profit[id]
		if basis == nil || links[id] > links[basis.ID] {
			basis = &s
		}
	}
	negotiated := map[string]bool{}
	for _, p := range all {
		if len(p.it.Lever) > 0 && string(p.it.Lever) != "null" {
			continue // already has a lever
		}
		var lever *v2Lever
		if s, ok := profit[p.it.LinkScenario]; ok && v2FieldLever[p.it.LinkField] != "" {
			lever = &v2Lever{Kind: v2FieldLever[p.it.LinkField]}
			if lever.Kind == "money per unit" {
				lever.Amount = s.Volume
			}
			negotiated[p.it.LinkField] = true
		} else if p.it.MoneyPerUnit != nil {
			lever = &v2Lever{Kind: "money per unit", Amount: *p.it.MoneyPerUnit}
		}
		if lever == nil {
			continue
		}
		data, err := json.Marshal(lever)
		if err != nil {
			return err
		}
		p.raw["lever"] = data
		if err := putJSON(&bucket{Bucket: items}, p.key, p.raw); err != nil {
			return err
		}
	}
	if basis == nil {
		return nil
	}
	return writeV2Deal(nb, *basis, negotiated)
}

// writeV2Deal adds the deal basis from the scenario to the negotiation's
// record, unless it already has one.
func writeV2Deal(nb *bolt.Bucket, s v2Scenario, negotiated map[string]bool) error {
	var raw map[string]json.RawMessage
	if _, err := getJSON(nb, keyNegMeta, &raw); err != nil {
		return err
	}
	if raw == nil || raw["deal"] != nil {
		return nil
	}
	deal := v2Deal{Volume: s.Volume, CostOfGoods: s.CostOfGoods, CostToServe: s.CostToServe}
	for _, f := range []struct{ field, value string }{
		{"list_price", s.ListPrice}, {"discount", s.Discount}, {"rebate", s.Rebate}, {"allowance", s.Allowance},
	} {
		// A zero discount, rebate or allowance changes nothing; a list price always counts.
		if negotiated[f.field] || f.value == "" || (f.field != "list_price" && isZeroText(f.value)) {
			continue
		}
		deal.Standing = append(deal.Standing, v2Standing{Lever: v2Lever{Kind: v2FieldLever[f.field]}, Value: f.value})
	}
	data, err := json.Marshal(deal)
	if err != nil {
		return err
	}
	raw["deal"] = data
	return putJSON(&bucket{Bucket: nb}, keyNegMeta, raw)
}

func isZeroText(s string) bool {
	for _, r := range s {
		if r != '0' && r != '.' && r != '-' {
			return false
		}
	}
	return true
}
