package act_test

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

var t0 = time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)

func demo(t *testing.T) (*store.Store, *model.Dossier) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	id, err := s.AddDossier(model.Demo(t0))
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Dossier(id)
	if err != nil {
		t.Fatal(err)
	}
	return s, d
}

// Every action is written through the store, and Apply then makes the
// negotiation the file holds, in a copy: the dossier it was given (which a
// screen or another goroutine may be reading) is left exactly as it was.
func TestApplyMakesWhatTheFileHoldsInACopy(t *testing.T) {
	s, d := demo(t)
	neg := d.Negotiation.ID
	note := d.Notes[0]
	note.Text = "edited through act"
	item := d.Items[1]
	item.Title = "Payment terms (edited)"
	newNote := model.Note{Kind: model.KindAction, At: t0, Text: "send the grid"}
	changes := []act.Change{
		act.SaveNote(neg, note),
		act.SaveNote(neg, newNote),
		act.SaveItem(neg, item),
		act.DeleteNote(neg, d.Notes[1].ID),
		act.DeleteFollowUp(neg, d.FollowUps[0].ID),
		&act.SaveOrder{NegID: neg, IDs: []uint64{d.Items[1].ID, d.Items[0].ID}},
		&act.Captured{NegID: neg, Capture: model.Capture{Kind: model.CaptureQuestion, Text: "who signs?"}, At: t0},
	}
	for _, c := range changes {
		before := d.Clone()
		if err := c.Write(s); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
		after, ok := c.Apply(d)
		if !ok {
			t.Fatalf("%T: Apply asked to read again", c)
		}
		if !reflect.DeepEqual(d, before) {
			t.Fatalf("%T: Apply changed the dossier it was given", c)
		}
		after.Sort()
		file, err := s.Dossier(neg)
		if err != nil {
			t.Fatal(err)
		}
		assertSameLists(t, c, after, file)
		d = after
	}
}

// assertSameLists compares what the copy and the file hold, record by
// record, ignoring the stamps a copy may lack (a captured line's).
func assertSameLists(t *testing.T, c act.Change, got, want *model.Dossier) {
	t.Helper()
	strip := func(d *model.Dossier) *model.Dossier {
		cp := d.Clone()
		for i := range cp.Notes {
			cp.Notes[i].Stamp = model.Stamp{}
		}
		for i := range cp.Items {
			cp.Items[i].Stamp = model.Stamp{}
		}
		for i := range cp.FollowUps {
			cp.FollowUps[i].Stamp = model.Stamp{}
		}
		return cp
	}
	g, w := strip(got), strip(want)
	if !reflect.DeepEqual(g.Notes, w.Notes) || !reflect.DeepEqual(g.Items, w.Items) || !reflect.DeepEqual(g.FollowUps, w.FollowUps) {
		t.Errorf("after %T the copy holds other records than the file", c)
	}
}

// A delete that others point at (an item, a concession, a scenario) asks
// for the negotiation to be read again instead of guessing what changed.
func TestDeletingWhatOthersPointAtReadsAgain(t *testing.T) {
	_, d := demo(t)
	neg := d.Negotiation.ID
	for _, c := range []act.Change{act.DeleteItem(neg, d.Items[0].ID), act.DeleteConcession(neg, d.Ledger[0].ID)} {
		if _, ok := c.Apply(d); ok {
			t.Errorf("%T applied in place; want a fresh read", c)
		}
	}
}

// Keep-mine takes the Updated time the negotiation holds now, so that the
// store's check lets the edit through over a change made elsewhere.
func TestOverwriteTakesTheStampReadSince(t *testing.T) {
	s, d := demo(t)
	neg := d.Negotiation.ID
	mine := act.SaveNote(neg, d.Notes[0])
	mine.Record.Text = "mine"
	theirs := d.Notes[0]
	theirs.Text = "theirs"
	time.Sleep(time.Millisecond) // a later Updated than the one read
	if err := s.SaveNote(neg, &theirs); err != nil {
		t.Fatal(err)
	}
	if err := mine.Write(s); err == nil {
		t.Fatal("a save over a change made elsewhere went through unasked")
	}
	now, err := s.Dossier(neg)
	if err != nil {
		t.Fatal(err)
	}
	mine.Overwrite(now)
	if err := mine.Write(s); err != nil {
		t.Fatalf("keep-mine: %v", err)
	}
}
