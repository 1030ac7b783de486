package store

import (
	"testing"

	"github.com/parley-app/parley/model"
)

func TestAddFollowUpsAppendsCommitments(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)
	added, err := s.AddFollowUps(negID, []model.FollowUp{
		{Side: model.CustomerSide, Role: model.RoleStockControllers, Person: "Marc Oyelaran",
			Action: "Check it is kept: 170,000 cases committed", Due: now.AddDate(0, 0, 7),
			Commitment: "they: 170,000 cases committed"},
	})
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	d := dossier(t, s, negID)
	if len(d.FollowUps) != len(before.FollowUps)+1 {
		t.Fatalf("%d lines, want %d", len(d.FollowUps), len(before.FollowUps)+1)
	}
	got := d.FollowUps[len(d.FollowUps)-1]
	if got.ID != added[0].ID || got.Commitment != "they: 170,000 cases committed" || got.Order != len(before.FollowUps)+1 {
		t.Errorf("stored line %+v, want the commitment last with order %d", got, len(before.FollowUps)+1)
	}
	// Nothing is written when a line is invalid.
	if _, err := s.AddFollowUps(negID, []model.FollowUp{{Side: model.CustomerSide, Role: "buyers", Action: "ok"}, {Side: "nobody", Action: "x"}}); err == nil {
		t.Fatal("an invalid line was accepted")
	}
	if n := len(dossier(t, s, negID).FollowUps); n != len(d.FollowUps) {
		t.Errorf("%d lines after a refused add, want %d", n, len(d.FollowUps))
	}
}

func TestContactsKeepEmailAndPhone(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := model.Account{Name: "Hollis", Kind: model.Retail, Contacts: []model.Contact{
		{Name: "Dana Whitlock", Role: "category buyer", Side: model.CustomerSide, Email: " dana@hollis.example ", Phone: "+44 113 496 0000"},
	}}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	got, err := s.Account(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Contact{Name: "Dana Whitlock", Role: "category buyer", Side: model.CustomerSide, Email: "dana@hollis.example", Phone: "+44 113 496 0000"}
	if len(got.Contacts) != 1 || got.Contacts[0] != want {
		t.Fatalf("contacts %+v, want %+v", got.Contacts, want)
	}
	// An export carries them to an import.
	path := tempDB(t) + ".json"
	if _, err := s.Export(path, now); err != nil {
		t.Fatal(err)
	}
	other := openStore(t, tempDB(t))
	if _, err := other.Import(path); err != nil {
		t.Fatal(err)
	}
	accounts, err := other.Accounts()
	if err != nil || len(accounts) != 1 || len(accounts[0].Contacts) != 1 || accounts[0].Contacts[0] != want {
		t.Fatalf("imported accounts %+v (%v), want the contact %+v", accounts, err, want)
	}
	// A bad address is refused.
	a.Contacts[0].Email = "dana at hollis"
	if err := s.SaveAccount(&a); err == nil {
		t.Error("an e-mail address without @ was saved")
	}
}
