package store

import (
	"fmt"
	"testing"

	"github.com/parley-app/parley/model"
)

// Promises of the schema-2 migration (levers and a deal basis from the
// old scenario links) that a mutation run found no test holding.

// schema1Item is an old item: a title, and the rest of its JSON fields.
func schema1Item(id int, title, rest string) string {
	return fmt.Sprintf(`{"id":%d,"topic":"terms","title":%q,"unit":"%%","better":"down","our_opening":"1","their_opening":"4","weight":50,"value_to_them":50,"status":"open","order":%d%s}`, id, title, id, rest)
}

// schema1Scenario is an old profitability scenario of a volume.
func schema1Scenario(id int, volume string) string {
	return fmt.Sprintf(`{"id":%d,"name":"Package %d","kind":"profitability","list_price":"24.20","discount_pct":"0","rebate_pct":"2","cost_to_serve":"1.35","cost_of_goods":"15.60","volume":%q}`, id, id, volume)
}

// The deal basis is the scenario most items link to: here 7 over 5 (fails
// when links are counted down, or the fewest win). An item that has a
// lever keeps it; one whose lever is null gets one from its money per
// unit; a link to a scenario's rebate becomes a rebate lever, one to a
// cost money per unit over the scenario's volume (fails when the null test
// or the test for money per unit is turned round).
func TestTheDealBasisIsTheScenarioMostItemsLinkTo(t *testing.T) {
	path := tempDB(t)
	schema1FileWith(t, path, map[string]map[string]string{
		"items": {
			"1": schema1Item(1, "Rebate", `,"link_scenario":7,"link_field":"rebate"`),
			"2": schema1Item(2, "Discount", `,"link_scenario":7,"link_field":"discount"`),
			"3": schema1Item(3, "Allowance", `,"link_scenario":5,"link_field":"allowance"`),
			"4": schema1Item(4, "Has a lever", `,"money_per_unit":"1000","lever":{"kind":"on-invoice discount"}`),
			"5": schema1Item(5, "Lever null", `,"money_per_unit":"2000","lever":null`),
			"6": schema1Item(6, "Cost to serve", `,"link_scenario":7,"link_field":"cost_to_serve"`),
		},
		"scenarios": {"5": schema1Scenario(5, "100000"), "7": schema1Scenario(7, "170000")},
	})
	d := dossier(t, openStore(t, path), 1)
	// A link to a cost becomes money per unit over the scenario's volume.
	if l := itemByTitle(t, d, "Cost to serve").Lever; l.Kind != model.LeverMoneyPerUnit || !l.Amount.Valid || !l.Amount.Decimal.Equal(dec("170000")) {
		t.Errorf("cost to serve: lever %+v, want money per unit over 170000", l)
	}
	if l := itemByTitle(t, d, "Rebate").Lever; l.Amount.Valid {
		t.Errorf("rebate: lever %+v has an amount", l)
	}
	if v := d.Negotiation.Deal.Volume; !v.Valid || !v.Decimal.Equal(dec("170000")) {
		t.Errorf("the deal's volume is %v, want scenario 7's 170000", v)
	}
	want := map[string]model.LeverKind{"Rebate": model.LeverRebate, "Has a lever": model.LeverDiscount, "Lever null": model.LeverMoneyPerUnit}
	for title, kind := range want {
		if it := itemByTitle(t, d, title); it.Lever.Kind != kind {
			t.Errorf("%s: lever %q, want %q", title, it.Lever.Kind, kind)
		}
	}
}

// When scenarios tie for links, the first by ID is the basis (fails when
// the later wins ties), and its terms nobody negotiates stand, but for a
// zero discount (fails when the zero test is turned to the list price).
func TestScenariosTiedForLinksGiveTheFirstAsBasis(t *testing.T) {
	path := tempDB(t)
	schema1FileWith(t, path, map[string]map[string]string{
		"items": {
			"1": schema1Item(1, "Rebate", `,"link_scenario":7,"link_field":"rebate"`),
			"2": schema1Item(2, "Allowance", `,"link_scenario":5,"link_field":"allowance"`),
		},
		"scenarios": {"5": schema1Scenario(5, "100000"), "7": schema1Scenario(7, "170000")},
	})
	d := dossier(t, openStore(t, path), 1)
	if v := d.Negotiation.Deal.Volume; !v.Valid || !v.Decimal.Equal(dec("100000")) {
		t.Errorf("the deal's volume is %v, want scenario 5's 100000", v)
	}
	// Rebate and allowance are negotiated, a zero discount changes nothing:
	// the list price alone stands.
	if st := d.Negotiation.Deal.Standing; len(st) != 1 || st[0].Lever.Kind != model.LeverListPrice {
		t.Errorf("standing terms %+v, want the list price alone", st)
	}
}
