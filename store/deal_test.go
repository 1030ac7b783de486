package store

import (
	"testing"
	"time"

	"github.com/parley-app/parley/model"
)

// The deal basis, levers, last year's values and saved packages reach the
// file and come back with every link mapped to the IDs the file gave.
func TestDealRoundTrip(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	want := demoDossier()
	if !d.Negotiation.Deal.Floor.Decimal.Equal(want.Negotiation.Deal.Floor.Decimal) || len(d.Negotiation.Deal.Standing) != 2 {
		t.Errorf("deal basis read back: %+v", d.Negotiation.Deal)
	}
	rebate := itemByTitle(t, d, "Annual growth rebate")
	if rebate.Lever.Kind != model.LeverRebate || rebate.Lever.Base != model.BaseGrowth || rebate.LastYear.Decimal.String() != "1.5" {
		t.Errorf("rebate read back: lever %+v, last year %v", rebate.Lever, rebate.LastYear)
	}
	service := itemByTitle(t, d, "Service level, on time in full")
	if !service.Lever.Threshold.Decimal.Equal(dec("97")) || !service.Lever.PerPoint.Decimal.Equal(dec("12000")) {
		t.Errorf("threshold lever read back: %+v", service.Lever)
	}
	if len(d.Packages) != 1 {
		t.Fatalf("%d packages, want 1", len(d.Packages))
	}
	p := d.Packages[0]
	price := itemByTitle(t, d, "List price per case")
	if v := p.Values[price.ID]; v.String() != "23.9" || p.Values[rebate.ID].String() != "2.5" {
		t.Errorf("package values by the file's item IDs: %v", p.Values)
	}
	if m, ok := d.Meeting(p.TabledMeeting); !ok || m.Number != 2 {
		t.Errorf("package tabled in meeting %d", p.TabledMeeting)
	}
	assertSameDossier(t, d, want)
}

func TestSaveAndDeletePackage(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	price := itemByTitle(t, d, "List price per case")
	p := model.Package{Name: "Price for volume", Origin: model.OriginProposal, Values: model.Values{price.ID: dec("24.10")}}
	if err := s.SavePackage(negID, &p); err != nil {
		t.Fatal(err)
	}
	bad := model.Package{Name: "Ghost", Origin: model.OriginProposal, Values: model.Values{999: dec("1")}}
	if err := s.SavePackage(negID, &bad); err == nil {
		t.Error("a package with a value for a missing item was saved")
	}
	if err := s.SavePackage(negID, &model.Package{Name: "Theirs", Origin: model.OriginTheirs}); err == nil {
		t.Error("a derived package was saved")
	}
	s = reopen(t, s)
	if got := len(dossier(t, s, negID).Packages); got != 2 {
		t.Fatalf("%d packages after saving one, want 2", got)
	}
	// Deleting an item drops its value from every package.
	if err := s.DeleteItem(negID, price.ID); err != nil {
		t.Fatal(err)
	}
	for _, pk := range dossier(t, s, negID).Packages {
		if _, ok := pk.Values[price.ID]; ok {
			t.Errorf("package %q keeps a value for the deleted item", pk.Name)
		}
	}
	if err := s.DeletePackage(negID, p.ID); err != nil {
		t.Fatal(err)
	}
	if got := len(reopen(t, s).mustDossier(t, negID).Packages); got != 1 {
		t.Errorf("%d packages after deleting one, want 1", got)
	}
}

func (s *Store) mustDossier(t *testing.T, negID uint64) *model.Dossier { return dossier(t, s, negID) }

// `agree` writes the closing moves and marks the item agreed in one
// transaction; a value outside the positions writes nothing.
func TestCaptureAgree(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	at := now.Add(time.Hour)
	c, err := model.ParseCapture("agree 1", d.Items)
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := model.ParseCapture("agree 1 30", d.Items)
	if _, err := s.Capture(negID, bad, at, 0, "", true); err == nil {
		t.Fatal("agree outside the positions was saved")
	}
	if got := len(dossier(t, s, negID).Ledger); got != len(d.Ledger) {
		t.Fatalf("a refused agree wrote %d concessions", got-len(d.Ledger))
	}
	if _, err := s.Capture(negID, c, at, 0, "", true); err != nil {
		t.Fatal(err)
	}
	after := reopen(t, s).mustDossier(t, negID)
	price := itemByTitle(t, after, "List price per case")
	if price.Status != model.ItemAgreed || !price.AgreedAt.Equal(at) {
		t.Errorf("price after agree: %s at %s", price.Status, price.AgreedAt)
	}
	last := after.Ledger[len(after.Ledger)-1]
	if len(after.Ledger) != len(d.Ledger)+1 || last.By != model.Us || last.To.String() != "23.4" {
		t.Errorf("closing move %+v (ledger %d → %d)", last, len(d.Ledger), len(after.Ledger))
	}
	st := after.Replay().Items[after.ItemIndex(price.ID)]
	if !st.Ours.Equal(st.Theirs) || st.Closed != 1 {
		t.Errorf("after agree: ours %s theirs %s closed %v", st.Ours, st.Theirs, st.Closed)
	}
}
