package store

import (
	"testing"

	"github.com/parley-app/parley/model"
)

// movePastLimit sets the KAMs' limit on payment terms to 50 days and has
// ann move ours from 30 to 55, past it; the move is held for mia.
func movePastLimit(t *testing.T, tm team) model.Concession {
	t.Helper()
	if err := tm.file.SetLimit(model.Limit{Who: "kam", Lever: model.LeverPaymentDays, Value: dec("50")}); err != nil {
		t.Fatal(err)
	}
	pay := itemByTitle(t, dossier(t, tm.ann, tm.negID), "Payment terms")
	past := model.Concession{ItemID: pay.ID, By: model.Us, To: dec("55"), At: now}
	if err := tm.ann.SaveConcession(tm.negID, &past); err != nil {
		t.Fatal(err)
	}
	return past
}

// heldMove has ann make a move past a limit of 50 payment days (to 55) and
// returns the request it made, asked of mia.
func heldMove(t *testing.T, tm team) model.Approval {
	t.Helper()
	movePastLimit(t, tm)
	held := tm.ann.Held()
	if len(held) != 1 || held[0].Approver != "mia" {
		t.Fatalf("held = %+v; want one request of mia", held)
	}
	return held[0]
}

// ids lists the requests' IDs.
func ids(list []model.Approval) []uint64 {
	var out []uint64
	for _, a := range list {
		out = append(out, a.ID)
	}
	return out
}

// A request is listed only to those who see its negotiation (DESIGN 12:
// every command and pane asks one rule): once ann has left the file, mia
// no longer sees ann's account, and ann's request leaves mia's list
// although it was asked of her; the file's own user still lists it.
func TestARequestIsListedOnlyToThoseWhoSeeItsNegotiation(t *testing.T) {
	tm := newTeam(t)
	a := heldMove(t, tm)
	if mine, err := tm.mia.Approvals(false); err != nil || len(mine) != 1 || mine[0].ID != a.ID {
		t.Fatalf("mia's list: %v, %v; want request %d", ids(mine), err, a.ID)
	}
	if err := tm.ada.RemovePerson("ann"); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.mia.Dossier(tm.negID); err == nil {
		t.Fatal("mia still reads the negotiation of a KAM no longer on the file")
	}
	for _, all := range []bool{false, true} {
		if mine, err := tm.mia.Approvals(all); err != nil || len(mine) != 0 {
			t.Errorf("all=%v: mia's list %v, %v; want none: she no longer sees the negotiation", all, ids(mine), err)
		}
		if mine, err := tm.mia.Requests(all); err != nil || len(mine) != 0 {
			t.Errorf("all=%v: mia's requests %d, %v; want none", all, len(mine), err)
		}
	}
	if every, err := tm.file.Approvals(true); err != nil || len(every) != 1 || every[0].ID != a.ID {
		t.Errorf("the file's user lists %v, %v; want request %d", ids(every), err, a.ID)
	}
}

// A request of a negotiation since deleted leaves every named person's
// list, the approver's and the mover's.
func TestARequestOfADeletedNegotiationIsListedToNoOne(t *testing.T) {
	tm := newTeam(t)
	heldMove(t, tm)
	if err := tm.ann.DeleteNegotiation(tm.negID); err != nil {
		t.Fatal(err)
	}
	for _, who := range []*Store{tm.mia, tm.ann, tm.ada} {
		for _, all := range []bool{false, true} {
			if list, err := who.Approvals(all); err != nil || len(list) != 0 {
				t.Errorf("%s, all=%v: %v, %v; want none", who.Person(), all, ids(list), err)
			}
		}
	}
}

// With --all a person lists their own requests and those they may decide,
// decided or not; not a colleague's request only because the account was
// shared with them.
func TestAllListsOwnAndDecidableRequestsOnly(t *testing.T) {
	tm := newTeam(t)
	a := heldMove(t, tm)
	if err := tm.ann.ShareAccount(dossier(t, tm.ann, tm.negID).Account.ID, "bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.bob.Dossier(tm.negID); err != nil {
		t.Fatalf("bob, given the account, reads the negotiation: %v", err)
	}
	for _, all := range []bool{false, true} {
		if list, err := tm.bob.Approvals(all); err != nil || len(list) != 0 {
			t.Errorf("bob, all=%v: %v, %v; want none: the request is neither his nor his to decide", all, ids(list), err)
		}
		if list, err := tm.bob.Requests(all); err != nil || len(list) != 0 {
			t.Errorf("bob's requests, all=%v: %d, %v; want none", all, len(list), err)
		}
	}
	if _, err := tm.mia.Decide(a.ID, false, "no"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s    *Store
		all  bool
		want int
	}{{tm.ann, false, 0}, {tm.ann, true, 1}, {tm.mia, false, 0}, {tm.mia, true, 1}, {tm.file, false, 0}, {tm.file, true, 1}, {tm.bob, true, 0}} {
		list, err := c.s.Approvals(c.all)
		if err != nil || len(list) != c.want {
			t.Errorf("%q, all=%v after the decision: %v, %v; want %d", c.s.Person(), c.all, ids(list), err, c.want)
		}
	}
}
