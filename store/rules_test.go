package store

import (
	"errors"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// The store runs the model's rules inside its own transaction: a caller
// that skipped the check (or checked a stale copy) still cannot write what
// the model refuses, and nothing reaches the file.

func TestStoreRefusesAConcessionAwayFromTheOtherSide(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	it := d.Items[0]
	st := d.Replay().Items[0]
	// Our opening is our best; a "concession" of ours better for us than where we stand moves away.
	away := st.Ours.Add(it.Better.Sign().Mul(dec("1")))
	before := stateOf(t, s.Path())
	con := model.Concession{ItemID: it.ID, By: model.Us, To: away, At: now.Add(time.Hour)}
	if err := s.SaveConcession(negID, &con); err == nil {
		t.Fatalf("SaveConcession to %s (away from them, from %s) was stored", away, st.Ours)
	}
	c := model.Capture{Kind: model.CaptureConcession, By: model.Us, ItemID: it.ID, Value: away}
	if _, err := s.Capture(negID, c, now.Add(time.Hour), 0, "", true); err == nil {
		t.Fatalf("Capture to %s (away from them) was stored", away)
	}
	assertUntouched(t, s.Path(), before)
}

func TestStoreAsksFirstForAMovePastOurWalkAway(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	var it model.AgendaItem
	var k int
	for k = range d.Items {
		if d.Items[k].Numeric() && d.Items[k].OurWalkAway.Valid && d.Items[k].TheirOpening.Valid {
			it = d.Items[k]
			break
		}
	}
	st := d.Replay().Items[k]
	// Past our walk-away but not past their position: the midpoint of walk-away and theirs.
	past := it.OurWalkAway.Decimal.Add(st.Theirs).Div(dec("2")).Round(4)
	if err := d.CheckConcession(model.Concession{ItemID: it.ID, By: model.Us, To: past, At: now}); err != nil {
		t.Skipf("the demo's %q has no room past our walk-away before theirs: %v", it.Title, err)
	}
	c := model.Capture{Kind: model.CaptureConcession, By: model.Us, ItemID: it.ID, Value: past}
	before := stateOf(t, s.Path())
	_, err := s.Capture(negID, c, now.Add(time.Hour), 0, "", false)
	var ask *model.AskFirstError
	if !errors.As(err, &ask) || !ask.Flags.Has(model.PastWalkAway) {
		t.Fatalf("unconfirmed move past our walk-away: err %v, want *model.AskFirstError past our walk-away", err)
	}
	assertUntouched(t, s.Path(), before)
	if _, err := s.Capture(negID, c, now.Add(time.Hour), 0, "", true); err != nil {
		t.Fatalf("the confirmed move was refused: %v", err)
	}
}

func TestStoreRefusesAStaleUpdated(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	n := d.Notes[0]
	other := s.Session()
	theirs := n
	theirs.Text = "changed in the other workbench"
	s.clock = func() time.Time { return now.Add(time.Minute) }
	if err := other.SaveNote(negID, &theirs); err != nil {
		t.Fatal(err)
	}
	mine := n // read before their change: an older Updated
	mine.Text = "changed here"
	before := stateOf(t, s.Path())
	err := s.SaveNote(negID, &mine)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("saving over a change made elsewhere: err %v, want ErrConflict", err)
	}
	assertUntouched(t, s.Path(), before)
	if got, _ := noteByID(dossier(t, s, negID), n.ID); got.Text != theirs.Text {
		t.Errorf("the note reads %q, want the other workbench's %q", got.Text, theirs.Text)
	}
	// Read again, the same edit goes through.
	fresh, _ := noteByID(dossier(t, s, negID), n.ID)
	fresh.Text = "changed here"
	if err := s.SaveNote(negID, &fresh); err != nil {
		t.Fatalf("saving on the version read since: %v", err)
	}
}

// Y accepts every suggestion in one transaction: one undo takes them all back.
func TestDecideSuggestionsIsOneChange(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	sgs := []model.Suggestion{{Item: d.Items[0], Value: 11}, {Item: d.Items[1], Value: 12}}
	if err := s.DecideSuggestions(negID, sgs, true, now); err != nil {
		t.Fatal(err)
	}
	got := dossier(t, s, negID)
	if got.Items[0].ValueToThem != 11 || got.Items[1].ValueToThem != 12 {
		t.Fatalf("values to them %d, %d; want 11, 12", got.Items[0].ValueToThem, got.Items[1].ValueToThem)
	}
	if _, err := s.UndoOwn(); err != nil {
		t.Fatal(err)
	}
	back := dossier(t, s, negID)
	if back.Items[0].ValueToThem != d.Items[0].ValueToThem || back.Items[1].ValueToThem != d.Items[1].ValueToThem {
		t.Errorf("one undo left values %d, %d; want both back at %d, %d", back.Items[0].ValueToThem, back.Items[1].ValueToThem,
			d.Items[0].ValueToThem, d.Items[1].ValueToThem)
	}
}

// Two people on one file keep their own drafts and current negotiation; the
// file's one user keeps them where they always were.
func TestPeopleKeepTheirOwnDraftsAndCurrent(t *testing.T) {
	s, first := demoStore(t)
	second, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	ann, ben := s.For("ann"), s.For("ben")
	key := CaptureDraftKey(first)
	for who, st := range map[string]*Store{"ann": ann, "ben": ben, "": s} {
		if err := st.SaveDraft(key, "typed by "+who); err != nil {
			t.Fatal(err)
		}
	}
	if err := ann.SetCurrent(first); err != nil {
		t.Fatal(err)
	}
	if err := ben.SetCurrent(second); err != nil {
		t.Fatal(err)
	}
	// Ann saves her line: her draft goes, Ben's and the local one stay.
	if _, err := ann.Capture(first, model.Capture{Kind: model.CaptureNote, Text: "typed by ann"}, now, 0, key, true); err != nil {
		t.Fatal(err)
	}
	for who, want := range map[string]string{"ann": "", "ben": "typed by ben", "": "typed by "} {
		st := map[string]*Store{"ann": ann, "ben": ben, "": s}[who]
		if got, err := st.Draft(key); err != nil || got != want {
			t.Errorf("%q's draft = %q (%v), want %q", who, got, err, want)
		}
		drafts, _ := st.Drafts("capture/")
		if want != "" && (len(drafts) != 1 || drafts[key] != want) {
			t.Errorf("%q's drafts = %v, want only %q under %q", who, drafts, want, key)
		}
	}
	if got, _ := ann.Current(); got != first {
		t.Errorf("ann's current = %d, want %d", got, first)
	}
	if got, _ := ben.Current(); got != second {
		t.Errorf("ben's current = %d, want %d", got, second)
	}
}

// An item edit that would break the ledger is refused inside the store's
// transaction, though the caller did not ask model.Dossier.CheckItem.
func TestStoreRefusesAnItemEditThatBreaksTheLedger(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	var it model.AgendaItem
	for _, c := range d.Ledger {
		if c.By == model.Them {
			it, _ = d.Item(c.ItemID)
			break
		}
	}
	noTheirs := it
	noTheirs.TheirOpening = decimal.NullDecimal{}
	// Their opening moved past where their first move went: it is no move any more.
	past := it
	first := concessionOf(d, it.ID, model.Them)
	past.TheirOpening = decimal.NewNullDecimal(first.To.Add(it.Better.Sign().Mul(dec("0.5"))))
	before := stateOf(t, s.Path())
	for name, v := range map[string]model.AgendaItem{"without their opening": noTheirs, "their opening past their first move": past} {
		if err := s.SaveItem(negID, &v); err == nil {
			t.Errorf("%s: the edit of %q was stored", name, it.Title)
		}
	}
	assertUntouched(t, s.Path(), before)
}

// concessionOf is the first concession by side on the item.
func concessionOf(d *model.Dossier, itemID uint64, by model.Party) model.Concession {
	for _, c := range d.Ledger {
		if c.ItemID == itemID && c.By == by {
			return c
		}
	}
	return model.Concession{}
}
