package model

import (
	"testing"

	"github.com/shopspring/decimal"
)

func testPeople() People {
	return People{
		"ada": {Name: "ada", Role: RoleAdmin},
		"mia": {Name: "mia", Role: RoleManager, Team: "north"},
		"ann": {Name: "ann", Role: RoleKAM, Manager: "mia"},
		"nic": {Name: "nic", Role: RoleKAM, Team: "north"},
		"bob": {Name: "bob", Role: RoleKAM, Team: "south"},
	}
}

func TestWhoSeesAndWritesAnAccount(t *testing.T) {
	ps := testPeople()
	cases := []struct {
		who          string
		access       Access
		sees, writes bool
	}{
		{"", Access{Owner: "ann"}, true, true},      // the file's own user
		{"ada", Access{Owner: "ann"}, true, true},   // an admin
		{"ann", Access{Owner: "ann"}, true, true},   // the owner
		{"bob", Access{Owner: "ann"}, false, false}, // another team's KAM
		{"bob", Access{Owner: "ann", Shared: []string{"bob"}}, true, true},
		{"mia", Access{Owner: "ann"}, true, false},  // her report: read-only
		{"mia", Access{Owner: "nic"}, true, false},  // her team
		{"mia", Access{Owner: "bob"}, false, false}, // not her team
		{"mia", Access{Owner: "bob", Shared: []string{"mia"}}, true, true},
		{"ann", Access{}, false, false},             // made before people: admins only
		{"eve", Access{Owner: "eve"}, false, false}, // not on the file
	}
	for _, c := range cases {
		if got := ps.Sees(c.who, c.access); got != c.sees {
			t.Errorf("%q sees %+v: %v, want %v", c.who, c.access, got, c.sees)
		}
		if got := ps.Writes(c.who, c.access); got != c.writes {
			t.Errorf("%q writes %+v: %v, want %v", c.who, c.access, got, c.writes)
		}
	}
	if !(People{}).Sees("anyone", Access{}) {
		t.Error("on a file without people every session sees everything")
	}
}

func TestWhoDecidesAnApproval(t *testing.T) {
	ps := testPeople()
	a := Approval{By: "ann", Approver: ps.Approver("ann")}
	if a.Approver != "mia" {
		t.Fatalf("ann's moves are asked of %q, want mia", a.Approver)
	}
	for who, want := range map[string]bool{"mia": true, "ada": true, "ann": false, "bob": false, "nic": false} {
		if got := ps.MayDecide(who, a); got != want {
			t.Errorf("%s decides ann's request: %v, want %v", who, got, want)
		}
	}
	if ps.Approver("bob") != "" {
		t.Error("bob has no manager: his requests go to an admin")
	}
}

func TestALimitAllowsUpToItsBound(t *testing.T) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	price := AgendaItem{Title: "List price", Better: Up, LastYear: decimal.NewNullDecimal(d("23.80")), Lever: Lever{Kind: LeverListPrice}}
	days := AgendaItem{Title: "Payment terms", Better: Down, Lever: Lever{Kind: LeverPaymentDays}}
	noLastYear := AgendaItem{Title: "List price", Better: Up, Lever: Lever{Kind: LeverListPrice}}
	parse := func(s string) Limit {
		v, rel, err := ParseLimit(s)
		if err != nil {
			t.Fatal(err)
		}
		return Limit{Who: "kam", Value: v, Relative: rel}
	}
	cases := []struct {
		limit string
		item  AgendaItem
		to    string
		ok    bool
	}{
		{"50", days, "50", true},
		{"50", days, "50.5", false},
		{"50", days, "30", true},
		{"3%", days, "3", true},        // unsigned: a bound in the item's unit
		{"-2%", price, "23.324", true}, // 23.80 × 0.98
		{"-2%", price, "23.32", false},
		{"-2%", price, "24.50", true},
		{"-2%", noLastYear, "24.50", false}, // nothing to measure against: asked
	}
	for _, c := range cases {
		ok, why := parse(c.limit).Allows(c.item, d(c.to))
		if ok != c.ok {
			t.Errorf("limit %s, %s to %s: allowed %v (%s), want %v", c.limit, c.item.Title, c.to, ok, why, c.ok)
		}
		if !ok && why == "" {
			t.Errorf("limit %s, %s to %s: refused without saying why", c.limit, c.item.Title, c.to)
		}
	}
	if _, err := ParseLever("list-price"); err != nil {
		t.Error(err)
	}
	if _, err := ParseLever("price"); err == nil {
		t.Error("an unknown lever was taken")
	}
}

func TestAHeldMoveDoesNotCount(t *testing.T) {
	d := Demo(demoNow)
	before := d.Replay().GapClosed
	last := d.Ledger[len(d.Ledger)-1]
	d.Ledger = append(d.Ledger, Concession{ID: 99, ItemID: 2, By: Us, To: decimal.NewFromInt(59), At: last.At, Approval: 1})
	if got := d.Replay().GapClosed; got != before {
		t.Fatalf("gap closed %v with a held move, want %v", got, before)
	}
	d.Ledger[len(d.Ledger)-1].Approval = 0
	if got := d.Replay().GapClosed; got == before {
		t.Fatal("the approved move does not count either: the test cannot tell")
	}
}
