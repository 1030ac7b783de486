package tui

import (
	"path/filepath"
	"testing"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	"github.com/shopspring/decimal"
)

// Their offer inside every walk-away but below the deal floor is not
// acceptable anywhere: the header says "below floor", the Deal pane's
// verdict says so. The demo's their offer is past three
// walk-aways; here our walk-aways on those items are moved to their
// positions, and the floor stays above what their offer earns.
func TestTheirOfferBelowTheFloorIsNotAcceptable(t *testing.T) {
	d := model.Demo(testNow)
	d.FollowUps = nil
	r := d.Replay()
	theirs := r.Positions(model.OriginTheirs)
	for i, it := range d.Items {
		if v, ok := theirs.Values[it.ID]; ok && it.OurWalkAway.Valid &&
			it.Better.Sign().Mul(v.Sub(it.OurWalkAway.Decimal)).IsNegative() {
			d.Items[i].OurWalkAway = decimal.NewNullDecimal(v)
		}
	}
	pr := d.Replay().Evaluate(d.Replay().Positions(model.OriginTheirs))
	if pr.PastWalkAway != 0 || !pr.BelowFloor || pr.Err != nil {
		t.Fatalf("their offer: past %d walk-aways, below floor %v, %v: the case needs it inside them and below the floor",
			pr.PastWalkAway, pr.BelowFloor, pr.Err)
	}
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.AddDossier(d); err != nil {
		t.Fatal(err)
	}
	h := startHarness(t, s, path, Options{}, 200, 60)
	h.wantScreen("their offer below floor")
	h.lackScreen("their offer acceptable")
	h.press("6")
	h.wantScreen("Theirs: below the deal floor")
	h.lackScreen("Theirs: acceptable")
}
