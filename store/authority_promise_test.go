package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"
)

// One change that writes several moves past the mover's authority holds
// every one of them, not only the first: a negotiation added with a
// payment-terms move to 45 days and a walk-away of 60, under a limit of 40,
// asks for both.
func TestEveryMovePastAuthorityInOneChangeIsHeld(t *testing.T) {
	tm := newTeam(t)
	if err := tm.file.SetLimit(model.Limit{Who: "kam", Lever: model.LeverPaymentDays, Value: dec("40")}); err != nil {
		t.Fatal(err)
	}
	d := demoDossier()
	var ledger []model.Concession
	for _, c := range d.Ledger {
		if c.ItemID == 2 { // payment terms: one move of ours, to 45, and theirs
			c.TradedAgainst = 0
			ledger = append(ledger, c)
		}
	}
	d.Ledger = ledger
	var ours []string
	for _, c := range ledger {
		if c.By == model.Us {
			ours = append(ours, c.To.String())
		}
	}
	if len(ours) != 1 || ours[0] != "45" {
		t.Fatalf("the demo's payment terms moves of ours are %v; the test wants one, to 45", ours)
	}
	negID, err := tm.ann.AddDossier(d)
	if err != nil {
		t.Fatal(err)
	}
	held := tm.ann.Held()
	var move, walkAway int
	for _, a := range held {
		switch {
		case a.ConcessionID != 0 && a.To.String() == "45":
			move++
		case a.WalkAway.Valid && a.WalkAway.Decimal.String() == "60":
			walkAway++
		}
	}
	if len(held) != 2 || move != 1 || walkAway != 1 {
		t.Fatalf("held = %+v; want the move to 45 and the walk-away of 60, each once", held)
	}
	if got := ourPosition(t, tm.ann, negID, 2); got != "30" {
		t.Errorf("our payment terms %s with the move pending; want the opening 30", got)
	}
}

// A move approved stays approved: editing its note later is no new move,
// and asks nobody again.
func TestEditingAnApprovedMoveDoesNotAskAgain(t *testing.T) {
	tm := newTeam(t)
	past := movePastLimit(t, tm)
	if _, err := tm.mia.Decide(oneHeld(t, tm).ID, true, "fine"); err != nil {
		t.Fatal(err)
	}
	c, ok := concessionByID(dossier(t, tm.ann, tm.negID), past.ID)
	if !ok || c.Approval != 0 {
		t.Fatalf("the approved move: %+v, %v", c, ok)
	}
	c.Note = "they asked twice"
	if err := tm.ann.SaveConcession(tm.negID, &c); err != nil {
		t.Fatal(err)
	}
	if again := tm.ann.Held(); len(again) != 0 {
		t.Fatalf("editing the note of an approved move asked again: %+v", again)
	}
	if got := ourPosition(t, tm.ann, tm.negID, past.ItemID); got != "55" {
		t.Errorf("our payment terms %s after the note edit; want the approved 55", got)
	}
	if pending, _ := tm.mia.Approvals(false); len(pending) != 0 {
		t.Errorf("mia has %d requests to decide after the note edit, want none", len(pending))
	}
	// A new value on the same move is a new move: asked again.
	c, _ = concessionByID(dossier(t, tm.ann, tm.negID), past.ID)
	c.To = dec("58")
	if err := tm.ann.SaveConcession(tm.negID, &c); err != nil {
		t.Fatal(err)
	}
	if again := tm.ann.Held(); len(again) != 1 || again[0].To.String() != "58" {
		t.Fatalf("moving the approved move on to 58: held %+v; want one request for 58", again)
	}
}

// A walk-away approved past the limit stays set when the item is edited
// otherwise later (its title): nothing is asked again, and the walk-away
// is not put back.
func TestEditingAnItemKeepsAnApprovedWalkAway(t *testing.T) {
	tm := newTeam(t)
	it := walkAwayPastLimit(t, tm)
	if _, err := tm.mia.Decide(oneHeld(t, tm).ID, true, ""); err != nil {
		t.Fatal(err)
	}
	it = itemByTitle(t, dossier(t, tm.ann, tm.negID), it.Title)
	it.Title = "List price per case (carton)"
	if err := tm.ann.SaveItem(tm.negID, &it); err != nil {
		t.Fatal(err)
	}
	if again := tm.ann.Held(); len(again) != 0 {
		t.Fatalf("a title edit asked again: %+v", again)
	}
	if got := itemByTitle(t, dossier(t, tm.ann, tm.negID), it.Title).OurWalkAway; !got.Valid || got.Decimal.String() != "23" {
		t.Fatalf("walk-away %v after the title edit; want the approved 23", got)
	}
}

// The limit a request passed is kept with it as the limit read: a limit of
// 50 days reads and shows as 50, in the session that asked and on the
// decider's page, not padded to the eight decimals a record may hold.
func TestARequestKeepsItsLimitAsWritten(t *testing.T) {
	tm := newTeam(t)
	movePastLimit(t, tm)
	if held := oneHeld(t, tm); model.FormatValue(held.Limit.Decimal) != "50" {
		t.Fatalf("held = %+v; want the request showing the limit 50", held)
	}
	list, err := tm.mia.Requests(false)
	if err != nil || len(list) != 1 {
		t.Fatalf("mia's requests: %+v, %v", list, err)
	}
	if got := model.FormatValue(list[0].Limit.Decimal); got != "50" {
		t.Errorf("mia's page shows the limit as %s, want 50", got)
	}
}

// A limit relative to last year can carry more decimals than a record
// keeps (23.123457 × 97.5 %): the request keeps it rounded to eight, and
// reads back, rather than writing a record no one can read.
func TestARelativeLimitWithManyDecimalsIsKeptRounded(t *testing.T) {
	tm := newTeam(t)
	if err := tm.file.SetLimit(model.Limit{Who: "kam", Lever: model.LeverListPrice, Value: dec("-2.5"), Relative: true}); err != nil {
		t.Fatal(err)
	}
	it := itemByTitle(t, dossier(t, tm.ann, tm.negID), "List price per case")
	it.LastYear = opt("23.123457")
	it.OurWalkAway = opt("22.50") // past the bound 22.545370575
	if err := tm.ann.SaveItem(tm.negID, &it); err != nil {
		t.Fatal(err)
	}
	if held := oneHeld(t, tm); held.Limit.Decimal.String() != "22.54537058" {
		t.Fatalf("held = %+v; want the request with the limit 22.54537058", held)
	}
	list, err := tm.mia.Approvals(false)
	if err != nil || len(list) != 1 || list[0].Limit.Decimal.String() != "22.54537058" {
		t.Fatalf("mia's requests: %+v, %v; want the one with the limit 22.54537058", list, err)
	}
}

// A rejection that cannot mend the negotiation's records (one of them is
// damaged) is refused whole: the request stays pending and the move stays
// in the ledger, rather than the move being dropped with links to it left.
func TestARejectionOverADamagedRecordChangesNothing(t *testing.T) {
	tm := newTeam(t)
	past := movePastLimit(t, tm)
	held := oneHeld(t, tm)
	err := tm.file.update(func(tx *bolt.Tx) error {
		b, err := child(tx, tm.negID, bucketOwed)
		if err != nil {
			return err
		}
		return b.Bucket.Put(itob(999), []byte("{not json"))
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = tm.mia.Decide(held.ID, false, "no")
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("a rejection over a damaged record: %v; want ErrDamaged", err)
	}
	var c concessionRecord
	var found bool
	err = tm.file.view(func(tx *bolt.Tx) error {
		b, err := child(tx, tm.negID, bucketLedger)
		if err != nil {
			return err
		}
		found, err = getJSON(b.Bucket, itob(past.ID), &c)
		return err
	})
	if err != nil || !found || c.Approval != held.ID {
		t.Fatalf("the held move after the refused rejection: %+v, %v, %v; want it in the ledger, still held", c, found, err)
	}
	list, err := tm.file.Approvals(true)
	if err != nil || len(list) != 1 || list[0].Status != model.Pending {
		t.Fatalf("the request after the refused decision: %+v, %v; want it pending", list, err)
	}
}

// Held is what the session's last change held: a change that held
// nothing answers nothing, even when an earlier change's holds were not
// taken (desk.Session.AddDossier writes without taking them): the next
// note is not reported as pending approval.
func TestHeldIsTheLastChangesOnly(t *testing.T) {
	tm := newTeam(t)
	movePastLimit(t, tm)
	n := model.Note{Kind: model.KindNote, Text: "within anyone's authority", At: now}
	if err := tm.ann.SaveNote(tm.negID, &n); err != nil {
		t.Fatal(err)
	}
	if held := tm.ann.Held(); len(held) != 0 {
		t.Fatalf("after a note, Held = %+v; want nothing: the note held nothing", held)
	}
}

// oneHeld is the one request for approval ann's last change made, or
// fails the test.
func oneHeld(t *testing.T, tm team) model.Approval {
	t.Helper()
	held := tm.ann.Held()
	if len(held) != 1 {
		t.Fatalf("ann's last change held %+v; want one request", held)
	}
	return held[0]
}

// A session's bounds (Standing) are its person's limits and approver, read
// from what the sessions share of the file's version; a limit set since (by
// another session, the people unchanged) is in the next look.
func TestBoundsAreThePersonsLimitsAsTheyStand(t *testing.T) {
	tm := newTeam(t)
	bounds := func(s *Store) (model.Bounds, error) {
		_, _, b, err := s.Standing(tm.negID)
		return b, err
	}
	if b, err := bounds(tm.file); err != nil || len(b.Authority) != 0 || b.Person.Name != "" {
		t.Fatalf("the file's own user: %+v, %v; want no bounds", b, err)
	}
	b, err := bounds(tm.ann)
	if err != nil || b.Person.Name != "ann" || b.Approver != "mia" || len(b.Authority) != 0 {
		t.Fatalf("ann before any limit: %+v, %v", b, err)
	}
	if err := tm.ada.SetLimit(model.Limit{Who: "kam", Lever: model.LeverPaymentDays, Value: decimal.NewFromInt(50)}); err != nil {
		t.Fatal(err)
	}
	b, err = bounds(tm.ann)
	if err != nil || len(b.Authority) != 1 {
		t.Fatalf("ann after a limit was set: %+v, %v", b, err)
	}
	d := dossier(t, tm.ann, tm.negID)
	var days model.AgendaItem
	for _, it := range d.Items {
		if it.Lever.Kind == model.LeverPaymentDays {
			days = it
		}
	}
	why, held := b.Holds(days, decimal.NewFromInt(55))
	if !held || !strings.Contains(why, "above the limit of 50") {
		t.Errorf("55 days: held %v, %q", held, why)
	}
	if _, held := b.Holds(days, decimal.NewFromInt(50)); held {
		t.Error("50 days, the limit itself, is held")
	}
	if _, _, b, _ := tm.bob.Standing(tm.negID); b.Approver != "" || b.AskedOf() != "an admin" {
		t.Errorf("bob, with no manager, is asked of %q", b.AskedOf())
	}
}
