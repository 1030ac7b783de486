package store

import "testing"

// A request is kept with the limit it passed, and Requests names it by its
// negotiation and item, for the person who may decide it.
func TestRequestsNameTheMoveAndTheLimitItPassed(t *testing.T) {
	tm := newTeam(t)
	movePastLimit(t, tm)
	list, err := tm.mia.Requests(false)
	if err != nil || len(list) != 1 {
		t.Fatalf("mia's requests: %+v, %v", list, err)
	}
	r := list[0]
	if !r.Limit.Valid || r.Limit.Decimal.String() != "50" || r.To.String() != "55" {
		t.Errorf("the request keeps limit %v and position %s, want 50 and 55", r.Limit, r.To)
	}
	if r.Account != "Hollis Foodstores" || r.Title != "2027 annual terms" || r.Item.Title != "Payment terms" || r.By != "ann" {
		t.Errorf("the request is named %q › %q, item %q, by %q", r.Account, r.Title, r.Item.Title, r.By)
	}
	if theirs, _ := tm.bob.Requests(true); len(theirs) != 0 {
		t.Errorf("bob sees %+v", theirs)
	}
	if own, _ := tm.ann.Requests(true); len(own) != 1 || own[0].Item.Title != "Payment terms" {
		t.Errorf("ann's own requests: %+v", own)
	}
}

// MayChange asks the rule the store enforces on every change: the owner
// and an admin may, the owner's manager only looks.
func TestMayChangeIsTheWritesRule(t *testing.T) {
	tm := newTeam(t)
	for _, c := range []struct {
		s     *Store
		ok    bool
		whose string
	}{{tm.ann, true, ""}, {tm.ada, true, ""}, {tm.file, true, ""}, {tm.mia, false, "ann"}} {
		ok, whose, err := c.s.MayChange(tm.negID)
		if err != nil || ok != c.ok || whose != c.whose {
			t.Errorf("%q may change: %v %q %v; want %v %q", c.s.Person(), ok, whose, err, c.ok, c.whose)
		}
	}
	if _, _, err := tm.bob.MayChange(tm.negID); err == nil {
		t.Error("bob, who does not see the negotiation, was answered")
	}
}

// With no negotiation chosen yet, a person starts on the newest they see,
// never on one they may not open (bob's first start on the team's file).
func TestCurrentIsANegotiationThePersonSees(t *testing.T) {
	tm := newTeam(t)
	for _, c := range []struct {
		s    *Store
		want uint64
	}{{tm.ann, tm.negID}, {tm.mia, tm.negID}, {tm.bob, 0}} {
		if id, err := c.s.Current(); err != nil || id != c.want {
			t.Errorf("%s starts on %d (%v), want %d", c.s.Person(), id, err, c.want)
		}
	}
}

// MayChange answers from what the sessions share of a version, and a
// change to who has the account is a new version: bob, given the account,
// is answered at once.
func TestMayChangeFollowsAnAccountShared(t *testing.T) {
	tm := newTeam(t)
	if _, _, err := tm.bob.MayChange(tm.negID); err == nil {
		t.Fatal("bob, who does not see the negotiation, was answered")
	}
	d, err := tm.file.Dossier(tm.negID)
	if err != nil {
		t.Fatal(err)
	}
	if err := tm.file.ShareAccount(d.Account.ID, "bob"); err != nil {
		t.Fatal(err)
	}
	if ok, whose, err := tm.bob.MayChange(tm.negID); err != nil || !ok || whose != "" {
		t.Errorf("bob, given the account: may change %v %q %v; want true", ok, whose, err)
	}
}
