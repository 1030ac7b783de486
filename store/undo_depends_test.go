package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
)

// importsCleanly fails the test unless s's export imports into a new file.
func importsCleanly(t *testing.T, s *Store) {
	t.Helper()
	fresh := openStore(t, filepath.Join(t.TempDir(), "fresh.db"))
	if _, err := fresh.Import(export(t, s)); err != nil {
		t.Fatalf("the export no longer imports: %v", err)
	}
}

// Undo refuses to take back a record that another session has since
// written something into (a meeting, an item, a negotiation, an account),
// and the file's export still imports (issue 24, finding 1).
func TestUndoRefusesParentOthersWroteInto(t *testing.T) {
	cases := []struct {
		name  string
		add   func(t *testing.T, mine *Store, negID uint64) uint64 // makes the parent, returns its ID
		write func(t *testing.T, other *Store, negID, parent uint64)
	}{
		{"a note in a new meeting", addMeeting, func(t *testing.T, other *Store, negID, meeting uint64) {
			capture(t, other, negID, model.Capture{Kind: model.CaptureNote, Text: "in meeting 3"}, meeting)
		}},
		{"their move in a new meeting", addMeeting, func(t *testing.T, other *Store, negID, meeting uint64) {
			d := dossier(t, other, negID)
			capture(t, other, negID, model.Capture{Kind: model.CaptureConcession, By: model.Them, ItemID: d.Items[0].ID, Value: dec("23.60")}, meeting)
		}},
		{"their move on a new item", func(t *testing.T, mine *Store, negID uint64) uint64 {
			it := model.AgendaItem{Title: "Listing fee", Topic: model.TopicOther, Status: model.ItemOpen, Unit: "EUR", Better: model.Down,
				OurOpening: opt("1000"), TheirOpening: opt("5000"), Weight: 3}
			if err := mine.SaveItem(negID, &it); err != nil {
				t.Fatal(err)
			}
			return it.ID
		}, func(t *testing.T, other *Store, negID, item uint64) {
			capture(t, other, negID, model.Capture{Kind: model.CaptureConcession, By: model.Them, ItemID: item, Value: dec("4500")}, 0)
		}},
		{"a note in a new negotiation", func(t *testing.T, mine *Store, negID uint64) uint64 {
			d := dossier(t, mine, negID)
			return addNegotiation(t, mine, d.Account.ID, "2028 terms").ID
		}, func(t *testing.T, other *Store, _, neg uint64) {
			capture(t, other, neg, model.Capture{Kind: model.CaptureNote, Text: "a second year"}, 0)
		}},
		{"a negotiation of a new account", func(t *testing.T, mine *Store, _ uint64) uint64 {
			return addAccount(t, mine, "Brightway Wholesale").ID
		}, func(t *testing.T, other *Store, _, account uint64) {
			addNegotiation(t, other, account, "2027 distribution")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mine, negID := demoStore(t)
			other := openStore(t, mine.Path()) // another process's session
			parent := c.add(t, mine, negID)
			c.write(t, other, negID, parent)
			before := exported(t, mine)
			if label, err := mine.UndoOwn(); !errors.Is(err, ErrChangedSince) {
				t.Fatalf("UndoOwn() = %q, %v; want ErrChangedSince", label, err)
			}
			if got := exported(t, mine); string(got) != string(before) {
				t.Errorf("the refused undo changed the file:\n%s", firstDifference(string(got), string(before)))
			}
			importsCleanly(t, mine)
		})
	}
}

// Undo of the child first, then of its parent, goes through.
func TestUndoParentAfterItsChildren(t *testing.T) {
	mine, negID := demoStore(t)
	other := openStore(t, mine.Path())
	meeting := addMeeting(t, mine, negID)
	capture(t, other, negID, model.Capture{Kind: model.CaptureNote, Text: "in meeting 3"}, meeting)
	if _, err := other.UndoOwn(); err != nil {
		t.Fatal(err)
	}
	if label, err := mine.UndoOwn(); err != nil {
		t.Fatalf("UndoOwn() = %q, %v", label, err)
	}
	importsCleanly(t, mine)
}

func addMeeting(t *testing.T, s *Store, negID uint64) uint64 {
	t.Helper()
	d := dossier(t, s, negID)
	m := model.Meeting{Number: len(d.Meetings) + 1, Started: now.Add(-time.Hour), Ended: now, Place: "Their office"}
	if err := s.SaveMeeting(negID, &m); err != nil {
		t.Fatal(err)
	}
	return m.ID
}

func capture(t *testing.T, s *Store, negID uint64, c model.Capture, meeting uint64) {
	t.Helper()
	if _, err := s.Capture(negID, c, now, meeting, "", true); err != nil {
		t.Fatalf("Capture: %v", err)
	}
}
