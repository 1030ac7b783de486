package store

import (
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// schema1File writes, with bbolt alone, a file as Parley wrote it at schema
// 1: records in their old shapes, no packages bucket, no levers, no deal.
// Item 1 (price) has only a money per unit; item 2 (rebate) links to the
// profitability scenario's rebate %; item 3 (days) has neither; scenario 5
// is a profitability scenario with list price and discount nobody links.
func schema1File(t *testing.T, path string) {
	t.Helper()
	schema1FileWith(t, path, map[string]map[string]string{
		"items": {
			"1": `{"id":1,"topic":"price","title":"List price","unit":"EUR/case","better":"up","our_opening":"24.80","our_target":"24.20","our_walk_away":"23.60","their_opening":"22.90","weight":90,"value_to_them":80,"money_per_unit":"182000","status":"open","order":1}`,
			"2": `{"id":2,"topic":"terms","title":"Rebate","unit":"%","better":"down","our_opening":"1.0","our_target":"2.0","our_walk_away":"3.0","their_opening":"4.0","weight":70,"value_to_them":85,"money_per_unit":"44000","status":"open","order":2,"link_scenario":5,"link_field":"rebate"}`,
			"3": `{"id":3,"topic":"terms","title":"Payment days","unit":"days","better":"down","our_opening":"30","their_opening":"90","weight":40,"value_to_them":70,"status":"open","order":3}`,
		},
		"scenarios": {
			"5": `{"id":5,"name":"Package at target","kind":"profitability","list_price":"24.20","discount_pct":"4","rebate_pct":"2","allowance_per_unit":"0.70","cost_to_serve":"1.35","cost_of_goods":"15.60","volume":"185000"}`,
			"6": `{"id":6,"name":"Listing","kind":"category","baseline_turnover":"1000","baseline_margin_pct":"30"}`,
		},
		"ledger": {"1": `{"id":1,"item_id":2,"by":"us","to":"1.75","at":"2027-03-01T10:00:00Z"}`},
	})
}

// schema1FileWith writes a schema-1 file holding one negotiation whose
// buckets hold records, by bucket and ID.
func schema1FileWith(t *testing.T, path string, records map[string]map[string]string) {
	t.Helper()
	db := rawBolt(t, path, false)
	if err := db.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket(bucketMeta)
		meta.Put(keyApp, appName)
		meta.Put(keySchema, itob(1))
		meta.Put(keyCurrent, itob(1))
		accounts, _ := tx.CreateBucket(bucketAccounts)
		accounts.Put(itob(1), []byte(`{"id":1,"name":"Hollis Foodstores","kind":"retail"}`))
		tx.CreateBucket(bucketDrafts)
		root, _ := tx.CreateBucket(bucketNegotiations)
		nb, err := root.CreateBucket(itob(1))
		if err != nil {
			return err
		}
		nb.Put(keyNegMeta, []byte(`{"id":1,"account_id":1,"title":"2027 annual terms","stage":"bargain","status":"active","currency":"EUR","created":"2027-02-01T09:00:00Z"}`))
		for _, name := range []string{"items", "meetings", "ledger", "notes", "followups", "scenarios"} {
			b, err := nb.CreateBucket([]byte(name))
			if err != nil {
				return err
			}
			for id, rec := range records[name] {
				n := uint64(id[0] - '0')
				if err := b.Put(itob(n), []byte(rec)); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
}

// testMigrateDeal: a schema-1 file opens as schema 2 with levers and a deal
// basis made from what it held, and loses no value.
func testMigrateDeal(t *testing.T) {
	path := tempDB(t)
	schema1File(t, path)
	s := openStore(t, path)
	d := dossier(t, s, 1)

	price, rebate, days := d.Items[0], d.Items[1], d.Items[2]
	if price.Lever.Kind != model.LeverMoneyPerUnit || !price.Lever.Amount.Decimal.Equal(dec("182000")) {
		t.Errorf("price lever %+v, want money per unit 182000", price.Lever)
	}
	if rebate.Lever.Kind != model.LeverRebate || rebate.Lever.RebateBase() != model.BaseInvoice {
		t.Errorf("rebate lever %+v, want a rebate on invoice turnover", rebate.Lever)
	}
	if days.Lever.Kind != model.LeverNone {
		t.Errorf("days lever %+v, want none", days.Lever)
	}
	basis := d.Negotiation.Deal
	for _, f := range []struct {
		name string
		got  model.DealBasis
		v    string
	}{{"volume", basis, "185000"}} {
		if !f.got.Volume.Valid || !f.got.Volume.Decimal.Equal(dec(f.v)) {
			t.Errorf("%s = %v, want %s", f.name, f.got.Volume, f.v)
		}
	}
	if !basis.CostOfGoods.Decimal.Equal(dec("15.60")) || !basis.CostToServe.Decimal.Equal(dec("1.35")) {
		t.Errorf("costs %v %v", basis.CostOfGoods, basis.CostToServe)
	}
	// List price, discount and allowance nobody negotiates become standing
	// terms; the rebate is item 2's.
	want := map[model.LeverKind]string{model.LeverListPrice: "24.20", model.LeverDiscount: "4", model.LeverAllowance: "0.70"}
	if len(basis.Standing) != len(want) {
		t.Errorf("standing terms %+v, want %v", basis.Standing, want)
	}
	for _, st := range basis.Standing {
		if v, ok := want[st.Lever.Kind]; !ok || !st.Value.Equal(dec(v)) {
			t.Errorf("standing %s = %s", st.Lever.Kind.Label(), st.Value)
		}
	}
	// Nothing is lost: the old fields and both scenarios are still there.
	if !price.MoneyPerUnit.Decimal.Equal(dec("182000")) || rebate.Link.ScenarioID != 5 || rebate.Link.Field != "rebate" ||
		len(d.Scenarios) != 2 || !d.Scenarios[0].Profit.Rebate.Equal(dec("2")) {
		t.Errorf("old values lost: price %v, rebate link %+v, scenarios %d", price.MoneyPerUnit, rebate.Link, len(d.Scenarios))
	}
	// The migrated deal prices our offer on the standing list price and discount.
	r := d.Replay()
	if _, err := r.Evaluate(r.Positions(model.OriginOurs)).Contribution(); err != nil {
		t.Errorf("the migrated deal cannot price our offer: %v", err)
	}
	// The packages bucket exists: a proposal can be saved.
	p := model.Package{Name: "First proposal", Origin: model.OriginProposal, Values: model.Values{1: dec("24.40")}}
	if err := s.SavePackage(1, &p); err != nil {
		t.Errorf("save a package after the migration: %v", err)
	}
	s.Close()
	if v := schemaIn(t, path); v != SchemaVersion {
		t.Errorf("schema %d after opening, want %d", v, SchemaVersion)
	}
}
