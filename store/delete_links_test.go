package store

import (
	"testing"

	"github.com/parley-app/parley/model"
)

// Deleting an item takes its budgets and suggestion decisions with it, and
// deleting a move takes its cleared trade-back: nothing left points at what
// is gone, and the export still imports (found by the round-trip property,
// issue 24).
func TestDeletingLeavesNoLinkToWhatIsGone(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	it := numericOpenItem(t, d)
	b := model.Budget{ItemID: it.ID, Value: it.OurWalkAway.Decimal, At: now}
	if err := s.SaveBudget(negID, &b); err != nil {
		t.Fatalf("SaveBudget: %v", err)
	}
	if err := s.DeleteItem(negID, it.ID); err != nil {
		t.Fatal(err)
	}
	importsCleanly(t, s)

	d = dossier(t, s, negID)
	theirs := model.Them
	var moveID uint64
	for _, c := range d.Ledger {
		if c.By != theirs {
			moveID = c.ID
			break
		}
	}
	if moveID == 0 {
		t.Fatal("the demo has no move of ours")
	}
	if err := s.ClearOwed(negID, moveID, now); err != nil {
		t.Fatalf("ClearOwed: %v", err)
	}
	if err := s.DeleteConcession(negID, moveID); err != nil {
		t.Fatal(err)
	}
	importsCleanly(t, s)
}

// numericOpenItem is an open item with our opening set.
func numericOpenItem(t *testing.T, d *model.Dossier) model.AgendaItem {
	t.Helper()
	for _, it := range d.Items {
		if it.Numeric() && it.OurWalkAway.Valid && it.Status == model.ItemOpen {
			return it
		}
	}
	t.Fatal("no open numeric item")
	return model.AgendaItem{}
}
