package store

import (
	"errors"
	"slices"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

func addAccount(t *testing.T, s *Store, name string) model.Account {
	t.Helper()
	a := model.Account{Name: name, Kind: model.Retail, Category: "Biscuits",
		Contacts: []model.Contact{{Name: "Dana Whitlock", Role: "category buyer", Side: model.CustomerSide}}}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatalf("SaveAccount(%s): %v", name, err)
	}
	if a.ID == 0 {
		t.Fatalf("SaveAccount(%s) gave no ID", name)
	}
	return a
}

func addNegotiation(t *testing.T, s *Store, accountID uint64, title string) model.Negotiation {
	t.Helper()
	n := model.Negotiation{AccountID: accountID, Title: title, Stage: model.StagePrepare, Status: model.Active,
		Currency: "EUR", Created: now, Deadline: now.AddDate(0, 2, 0)}
	if err := s.SaveNegotiation(&n); err != nil {
		t.Fatalf("SaveNegotiation(%s): %v", title, err)
	}
	if n.ID == 0 {
		t.Fatalf("SaveNegotiation(%s) gave no ID", title)
	}
	return n
}

func current(t *testing.T, s *Store) uint64 {
	t.Helper()
	id, err := s.Current()
	if err != nil {
		t.Fatalf("Current: %v", err)
	}
	return id
}

func TestAccountsAreListedByName(t *testing.T) {
	s := openStore(t, tempDB(t))
	saved := map[string]model.Account{}
	for _, name := range []string{"beta Wholesale", "Gamma Retail", "Alpha Foods"} {
		saved[name] = addAccount(t, s, name)
	}
	s = reopen(t, s)

	accounts, err := s.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range accounts {
		names = append(names, a.Name)
		want := saved[a.Name]
		if a.ID != want.ID || a.Kind != want.Kind || a.Category != want.Category || !slices.Equal(a.Contacts, want.Contacts) {
			t.Errorf("account read back as %+v, want %+v", a, want)
		}
	}
	if want := []string{"Alpha Foods", "beta Wholesale", "Gamma Retail"}; !slices.Equal(names, want) {
		t.Errorf("Accounts() in order %q, want %q (by name, ignoring case)", names, want)
	}
	got, err := s.Account(saved["Gamma Retail"].ID)
	if err != nil || got.Name != "Gamma Retail" {
		t.Errorf("Account(%d) = %+v, %v", saved["Gamma Retail"].ID, got, err)
	}
	if _, err := s.Account(999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Account(999): %v, want ErrNotFound", err)
	}
}

func TestSaveAccountReplaces(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := addAccount(t, s, "Hollis")
	a.Name, a.Kind, a.Notes = "Hollis Foodstores", model.Commercial, "142 branches"
	a.Contacts = nil
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	got, err := s.Account(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != a.Name || got.Kind != a.Kind || got.Notes != a.Notes || len(got.Contacts) != 0 {
		t.Errorf("replaced account read back as %+v, want %+v", got, a)
	}
	if n, _ := count(t, s); n != 1 {
		t.Errorf("%d accounts after a replace, want 1", n)
	}
}

func TestSaveAccountRefusesAndWritesNothing(t *testing.T) {
	s := openStore(t, tempDB(t))
	invalid := model.Account{Name: " ", Kind: model.Retail}
	if err := s.SaveAccount(&invalid); err == nil {
		t.Error("an account without a name was saved")
	}
	unknown := model.Account{ID: 42, Name: "Ghost", Kind: model.Retail}
	if err := s.SaveAccount(&unknown); !errors.Is(err, ErrNotFound) {
		t.Errorf("replacing account 42, which does not exist: %v, want ErrNotFound", err)
	}
	if invalid.ID != 0 {
		t.Errorf("a refused account got ID %d", invalid.ID)
	}
	s = reopen(t, s)
	if n, _ := count(t, s); n != 0 {
		t.Errorf("%d accounts after refused saves, want 0", n)
	}
}

func TestSaveNegotiationCreatesItsBucketsAndBecomesCurrent(t *testing.T) {
	s := openStore(t, tempDB(t))
	if id := current(t, s); id != 0 {
		t.Errorf("Current() = %d in an empty file, want 0", id)
	}
	a := addAccount(t, s, "Hollis Foodstores")
	first := addNegotiation(t, s, a.ID, "2026 annual terms")
	if id := current(t, s); id != first.ID {
		t.Errorf("Current() = %d, want the new negotiation %d", id, first.ID)
	}
	second := addNegotiation(t, s, a.ID, "2027 annual terms")
	s = reopen(t, s)
	if id := current(t, s); id != second.ID {
		t.Errorf("Current() = %d, want the newest negotiation %d", id, second.ID)
	}

	if err := s.view(func(tx *bolt.Tx) error {
		for _, id := range []uint64{first.ID, second.ID} {
			nb, err := negotiationBucket(tx, id)
			if err != nil {
				return err
			}
			for _, name := range childBuckets {
				if nb.sub(name) == nil {
					t.Errorf("negotiation %d has no %s bucket", id, name)
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	negs, err := s.Negotiations()
	if err != nil {
		t.Fatal(err)
	}
	if len(negs) != 2 || negs[0].ID != first.ID || negs[1].ID != second.ID {
		t.Fatalf("Negotiations() = %+v, want %d then %d", negs, first.ID, second.ID)
	}
	got := negs[1]
	if got.AccountID != a.ID || got.Title != second.Title || got.Stage != second.Stage || got.Status != second.Status ||
		got.Currency != "EUR" || !got.Created.Equal(second.Created) || !got.Deadline.Equal(second.Deadline) {
		t.Errorf("negotiation read back as %+v, want %+v", got, second)
	}
	d := dossier(t, s, second.ID)
	if d.Account.ID != a.ID || d.Negotiation.Title != second.Title || len(d.Items)+len(d.Ledger)+len(d.Notes) != 0 {
		t.Errorf("Dossier of a new negotiation = %+v", d)
	}
}

func TestSaveNegotiationReplacesItsRecordOnly(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)
	n := before.Negotiation
	n.Stage, n.Status, n.Title = model.StageAgree, model.Agreed, "2027 annual terms, signed"
	if err := s.SaveNegotiation(&n); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	after := dossier(t, s, negID)
	if after.Negotiation.Stage != model.StageAgree || after.Negotiation.Status != model.Agreed || after.Negotiation.Title != n.Title {
		t.Errorf("negotiation read back as %+v, want %+v", after.Negotiation, n)
	}
	after.Negotiation = before.Negotiation
	assertSameDossier(t, after, before)
}

func TestSaveNegotiationRefusesAndWritesNothing(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := addAccount(t, s, "Hollis Foodstores")
	for name, n := range map[string]model.Negotiation{
		"unknown account": {AccountID: 99, Title: "2027", Stage: model.StagePrepare, Status: model.Active, Currency: "EUR", Created: now},
		"no title":        {AccountID: a.ID, Stage: model.StagePrepare, Status: model.Active, Currency: "EUR", Created: now},
		"unknown ID":      {ID: 7, AccountID: a.ID, Title: "2027", Stage: model.StagePrepare, Status: model.Active, Currency: "EUR", Created: now},
	} {
		if err := s.SaveNegotiation(&n); err == nil {
			t.Errorf("%s: saved", name)
		}
		if name != "unknown ID" && n.ID != 0 {
			t.Errorf("%s: a refused negotiation got ID %d", name, n.ID)
		}
	}
	s = reopen(t, s)
	if _, n := count(t, s); n != 0 {
		t.Errorf("%d negotiations after refused saves, want 0", n)
	}
	if id := current(t, s); id != 0 {
		t.Errorf("Current() = %d after refused saves, want 0", id)
	}
}

func TestDeleteNegotiation(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := addAccount(t, s, "Hollis Foodstores")
	keep := addNegotiation(t, s, a.ID, "2026 annual terms")
	gone := addNegotiation(t, s, a.ID, "2027 annual terms")
	if err := s.DeleteNegotiation(gone.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	negs, err := s.Negotiations()
	if err != nil || len(negs) != 1 || negs[0].ID != keep.ID {
		t.Errorf("after deleting %d, Negotiations() = %+v, %v; want only %d", gone.ID, negs, err, keep.ID)
	}
	if _, err := s.Dossier(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Dossier of a deleted negotiation: %v, want ErrNotFound", err)
	}
	if err := s.DeleteNegotiation(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
	if _, err := s.Account(a.ID); err != nil {
		t.Errorf("deleting a negotiation removed its account: %v", err)
	}
}

func TestDeleteAccountRemovesItsNegotiations(t *testing.T) {
	s := openStore(t, tempDB(t))
	hollis := addAccount(t, s, "Hollis Foodstores")
	other := addAccount(t, s, "Brightway Wholesale")
	kept := addNegotiation(t, s, other.ID, "2027 distribution")
	addNegotiation(t, s, hollis.ID, "2026 annual terms")
	negID, err := s.AddDossier(demoDossier()) // another account, named like Hollis
	if err != nil {
		t.Fatal(err)
	}
	demoAccount := dossier(t, s, negID).Account.ID
	hollisLast := addNegotiation(t, s, hollis.ID, "2027 annual terms")
	if id := current(t, s); id != hollisLast.ID {
		t.Fatalf("Current() = %d, want %d", id, hollisLast.ID)
	}

	if err := s.DeleteAccount(hollis.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if _, err := s.Account(hollis.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the deleted account reads back: %v", err)
	}
	negs, err := s.Negotiations()
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for _, n := range negs {
		ids = append(ids, n.ID)
	}
	if want := []uint64{kept.ID, negID}; !slices.Equal(ids, want) {
		t.Errorf("negotiations left %v, want %v", ids, want)
	}
	if id := current(t, s); id != negID {
		t.Errorf("Current() = %d after its account was deleted, want the newest left, %d", id, negID)
	}
	if d := dossier(t, s, negID); d.Account.ID != demoAccount || len(d.Ledger) == 0 {
		t.Errorf("the other account's negotiation lost data: %+v", d.Account)
	}
	if err := s.DeleteAccount(hollis.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
}

func TestCurrent(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := addAccount(t, s, "Hollis Foodstores")
	first := addNegotiation(t, s, a.ID, "2025 annual terms")
	middle := addNegotiation(t, s, a.ID, "2026 annual terms")
	last := addNegotiation(t, s, a.ID, "2027 annual terms")

	if err := s.SetCurrent(first.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if id := current(t, s); id != first.ID {
		t.Errorf("Current() = %d after SetCurrent(%d) and a reopen", id, first.ID)
	}
	if err := s.SetCurrent(99); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetCurrent(99): %v, want ErrNotFound", err)
	}
	if id := current(t, s); id != first.ID {
		t.Errorf("a refused SetCurrent moved Current() to %d", id)
	}

	if err := s.DeleteNegotiation(first.ID); err != nil {
		t.Fatal(err)
	}
	if id := current(t, s); id != last.ID {
		t.Errorf("Current() = %d after the current one was deleted, want the newest, %d", id, last.ID)
	}
	if err := s.DeleteNegotiation(last.ID); err != nil {
		t.Fatal(err)
	}
	if id := current(t, s); id != middle.ID {
		t.Errorf("Current() = %d, want %d", id, middle.ID)
	}
	if err := s.DeleteNegotiation(middle.ID); err != nil {
		t.Fatal(err)
	}
	if id := current(t, s); id != 0 {
		t.Errorf("Current() = %d with no negotiation left, want 0", id)
	}
	// IDs are never reused, so a stale "current" cannot point at a new negotiation.
	if n := addNegotiation(t, s, a.ID, "2028 annual terms"); n.ID <= last.ID {
		t.Errorf("a new negotiation got ID %d, reusing an old one (<= %d)", n.ID, last.ID)
	}
}
