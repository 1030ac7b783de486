package desk

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

var t0 = time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)

// demoFile is a file holding the demo, and a store on it.
func demoFile(t *testing.T) (*store.Store, uint64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	id, err := st.AddDossier(model.Demo(t0))
	if err != nil {
		t.Fatal(err)
	}
	return st, id
}

// next waits for the next event, failing the test when none comes: the
// bound only keeps a broken test from hanging, it times nothing.
func next(t *testing.T, events <-chan Event) Event {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event came")
	}
	return Event{}
}

// A change one session commits reaches another session of the file as an
// event carrying the change itself, not by a timer; reading again then
// shows it.
func TestAChangeReachesAnotherSessionAsAnEvent(t *testing.T) {
	st, negID := demoFile(t)
	ann, ben := New(st, "ann"), New(st, "ben")
	events, cancel := ben.Events()
	defer cancel()
	line := model.Capture{Kind: model.CaptureNote, Text: "ann was here"}
	change := &act.Captured{NegID: negID, Capture: line, At: t0.Add(time.Hour)}
	if err := ann.Do(change); err != nil {
		t.Fatal(err)
	}
	for {
		ev := next(t, events)
		if ev.Elsewhere {
			continue // the file watch also saw the write; this process's event says more
		}
		got, ok := ev.Change.(*act.Captured)
		if !ok || got.Capture.Text != line.Text || ev.Person != "ann" || ev.NegotiationID != negID {
			t.Fatalf("event %+v, want ann's capture on negotiation %d", ev, negID)
		}
		break
	}
	snap, err := ben.Read(negID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range snap.Dossier.Notes {
		found = found || (n.ID == change.ID && n.Text == line.Text)
	}
	if !found {
		t.Errorf("ben's snapshot has no note %d %q", change.ID, line.Text)
	}
}

// A change made by another process (here: a store opened on its own, which
// never tells the hub) arrives as an event from the file itself.
func TestAChangeByAnotherProcessArrivesFromTheFile(t *testing.T) {
	st, negID := demoFile(t)
	ben := New(st, "ben")
	events, cancel := ben.Events()
	defer cancel()
	other, err := store.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "from the phone"}, t0, 0, "", false); err != nil {
		t.Fatal(err)
	}
	if ev := next(t, events); !ev.Elsewhere {
		t.Fatalf("event %+v, want one from the file (Elsewhere)", ev)
	}
	if changed, err := ben.Store().Changed(); err != nil || !changed {
		t.Errorf("after the event, Changed = %v (%v), want true", changed, err)
	}
}

// Two people keep their own capture draft and current negotiation.
func TestTwoSessionsKeepTheirOwnDraftAndCurrent(t *testing.T) {
	st, first := demoFile(t)
	second, err := st.AddDossier(model.Demo(t0))
	if err != nil {
		t.Fatal(err)
	}
	ann, ben := New(st, "ann"), New(st, "ben")
	key := store.CaptureDraftKey(first)
	if err := ann.SaveDraft(key, "ann's half-typed line"); err != nil {
		t.Fatal(err)
	}
	if err := ben.SaveDraft(key, "ben's half-typed line"); err != nil {
		t.Fatal(err)
	}
	if _, err := ann.Open(first); err != nil {
		t.Fatal(err)
	}
	if _, err := ben.Open(second); err != nil {
		t.Fatal(err)
	}
	err = ann.Do(&act.Captured{NegID: first, Capture: model.Capture{Kind: model.CaptureNote, Text: "ann's half-typed line"}, At: t0, DraftKey: key})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ann.Draft(key); got != "" {
		t.Errorf("ann's draft after saving her line = %q, want none", got)
	}
	if got, _ := ben.Draft(key); got != "ben's half-typed line" {
		t.Errorf("ben's draft = %q, want his own, untouched by ann's save", got)
	}
	if got, _ := ann.Current(); got != first {
		t.Errorf("ann's current = %d, want %d", got, first)
	}
	if got, _ := ben.Current(); got != second {
		t.Errorf("ben's current = %d, want %d", got, second)
	}
}

// Do refuses what the model refuses, whoever calls it: a move past our
// walk-away is not written until confirmed, and no event is sent for it.
func TestDoRefusesAMoveThatAsksFirst(t *testing.T) {
	st, negID := demoFile(t)
	ann := New(st, "")
	snap, err := ann.Read(negID)
	if err != nil {
		t.Fatal(err)
	}
	d := snap.Dossier
	it := d.Items[0]
	st0 := snap.Replay.Items[0]
	past := it.OurWalkAway.Decimal.Add(st0.Theirs).Div(decimalTwo).Round(4)
	c := &act.Captured{NegID: negID, Capture: model.Capture{Kind: model.CaptureConcession, By: model.Us, ItemID: it.ID, Value: past}, At: t0}
	if d.CheckConcession(c.Capture.Concession(t0, 0)) != nil || d.MoveFlags(c.Capture.Concession(t0, 0)).AskFirst() == 0 {
		t.Skipf("%s to %s is no move past our walk-away in the demo", it.Title, past)
	}
	events, cancel := ann.Events()
	defer cancel()
	var ask *model.AskFirstError
	if err := ann.Do(c); !errors.As(err, &ask) {
		t.Fatalf("unconfirmed: err %v, want *model.AskFirstError", err)
	}
	select {
	case ev := <-events:
		if !ev.Elsewhere {
			t.Fatalf("a refused change was announced: %+v", ev)
		}
	default:
	}
	c.Confirmed = true
	if err := ann.Do(c); err != nil {
		t.Fatalf("confirmed: %v", err)
	}
}

var decimalTwo = mustDecimal("2")
