package store

import (
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// testAddAheadBuckets: a negotiation written before schema 4 has no
// budgets, owed or suggestions bucket; after the upgrade it has all three,
// loads, and takes a budget.
func testAddAheadBuckets(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rawBolt(t, path, false)
	if err := db.Update(func(tx *bolt.Tx) error {
		nb := tx.Bucket(bucketNegotiations).Bucket(itob(negID))
		for _, name := range aheadBuckets {
			if err := nb.DeleteBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, itob(3))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s = openStore(t, path)
	if _, err := s.Dossier(negID); err != nil {
		t.Fatalf("the upgraded negotiation does not load: %v", err)
	}
	d, _ := s.Dossier(negID)
	b := model.Budget{ItemID: d.Items[0].ID, Value: dec("23.90"), At: now}
	if err := s.SaveBudget(negID, &b); err != nil {
		t.Fatalf("the upgraded negotiation takes no budget: %v", err)
	}
}

func TestBudgetCapture(t *testing.T) {
	s, negID := demoStore(t)
	d, err := s.Dossier(negID)
	if err != nil {
		t.Fatal(err)
	}
	c, err := model.ParseCapture("budget 1 23.90", d.Items)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Capture(negID, c, now, 0, "", true); err != nil {
		t.Fatalf("budget 1 23.90: %v", err)
	}
	beyond, _ := model.ParseCapture("budget 1 23.50", d.Items)
	if _, err := s.Capture(negID, beyond, now, 0, "", true); err == nil {
		t.Error("a budget beyond our walk-away was saved")
	}
	d, err = s.Dossier(negID)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := d.TodaysBudget(d.Items[0].ID)
	if len(d.Budgets) != 1 || !ok || !b.Value.Equal(dec("23.90")) {
		t.Errorf("budgets %+v, today's %v %v", d.Budgets, b.Value, ok)
	}
}

func TestClearOwed(t *testing.T) {
	s, negID := demoStore(t)
	d, _ := s.Dossier(negID)
	owed := d.Replay().Owed()
	if len(owed) != 1 {
		t.Fatalf("the demo owes %d trade-backs, want 1", len(owed))
	}
	if err := s.ClearOwed(negID, owed[0].Move.ID, now); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearOwed(negID, 9999, now); err == nil {
		t.Error("a missing concession was cleared")
	}
	d, _ = s.Dossier(negID)
	if left := d.Replay().Owed(); len(left) != 0 {
		t.Errorf("still owed after clearing: %+v", left)
	}
}

func TestDecideSuggestions(t *testing.T) {
	s, negID := demoStore(t)
	d, _ := s.Dossier(negID)
	sg := d.Replay().Suggestions()
	if len(sg) < 2 {
		t.Fatalf("%d suggestions on the demo", len(sg))
	}
	if err := s.AcceptSuggestion(negID, sg[0], now); err != nil {
		t.Fatal(err)
	}
	if err := s.DismissSuggestion(negID, sg[1], now.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	d, _ = s.Dossier(negID)
	it, _ := d.Item(sg[0].Item.ID)
	if it.ValueToThem != sg[0].Value {
		t.Errorf("accepted: value to them %d, want %d", it.ValueToThem, sg[0].Value)
	}
	if dismissed, _ := d.Item(sg[1].Item.ID); dismissed.ValueToThem != sg[1].Item.ValueToThem {
		t.Errorf("dismissing changed the value to them to %d", dismissed.ValueToThem)
	}
	if left := d.Replay().Suggestions(); len(left) != len(sg)-2 {
		t.Errorf("%d suggestions left, want %d", len(left), len(sg)-2)
	}
}
