package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	bolt "go.etcd.io/bbolt"
)

// TestEndToEndWorkbench creates an account, a negotiation and an item with
// the keys, starts a meeting, captures a note and a concession, shrinks the
// terminal to 10×4 and back, quits, and reads the file back.
func TestEndToEndWorkbench(t *testing.T) {
	db := filepath.Join(t.TempDir(), "parley.db")
	term := startTerminal(t, db, 80, 24)
	term.waitFor("Welcome to Parley")

	term.typeText("a")
	term.waitFor("New account")
	term.typeText("Acme Retail")
	term.typeText(keyCtrlS)
	term.waitFor("New negotiation for Acme Retail")
	term.typeText(keyCtrlS)
	term.waitFor("No items yet")

	term.typeText("a")
	term.waitFor("New agenda item")
	term.typeText("Price per case")
	for _, v := range []string{"", "EUR/case", "", "10.00", "9.50", "9.00", "8.00"} {
		term.typeText(keyTab + v)
	}
	term.typeText(keyCtrlS)
	term.waitFor("Saved item Price per case")

	term.typeText("m")
	term.waitFor("Start meeting 1")
	term.typeText(keyEnter + keyEnter)
	term.waitFor("meeting 1 0:00")

	term.typeText("n")
	term.typeText("Buyer asked for a promotion plan" + keyEnter)
	term.waitFor("Saved note")
	term.typeText("they 1 8.50 for 3 promo weeks" + keyEnter)
	term.waitFor("Saved: they Price per case 8.00 → 8.50")
	term.typeText(keyEsc)
	time.Sleep(100 * time.Millisecond)

	term.resize(10, 4)
	term.resize(80, 24)
	term.waitFor("Price per case")
	term.typeText("q")
	if err := term.wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, term.screen())
	}

	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _ := s.Current()
	d, err := s.Dossier(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Account.Name != "Acme Retail" || len(d.Items) != 1 || d.Items[0].Title != "Price per case" {
		t.Fatalf("stored: account %q, items %+v", d.Account.Name, d.Items)
	}
	if len(d.Meetings) != 1 || !d.Meetings[0].Running() {
		t.Fatalf("stored meetings: %+v", d.Meetings)
	}
	mid := d.Meetings[0].ID
	if len(d.Notes) != 1 || d.Notes[0].Text != "Buyer asked for a promotion plan" || d.Notes[0].MeetingID != mid {
		t.Fatalf("stored notes: %+v", d.Notes)
	}
	if len(d.Ledger) != 1 {
		t.Fatalf("stored ledger: %+v", d.Ledger)
	}
	c := d.Ledger[0]
	if c.By != model.Them || c.To.String() != "8.5" || c.TradedFor != "3 promo weeks" || c.MeetingID != mid {
		t.Fatalf("stored concession: %+v", c)
	}
}

// TestCrashKeepsSavedLinesAndTheDraft kills the binary with SIGKILL right
// after a capture line is saved and while another is half typed: the saved
// one is in the file, the half-typed one comes back as the draft, and the
// file passes bbolt's consistency check.
func TestCrashKeepsSavedLinesAndTheDraft(t *testing.T) {
	db := filepath.Join(t.TempDir(), "parley.db")
	if code := run([]string{"--db", db, "demo"}, discard{}, discard{}); code != 0 {
		t.Fatalf("demo: exit %d", code)
	}
	term := startTerminal(t, db, 100, 30)
	term.waitFor("Payment terms")
	term.typeText("n")
	term.typeText("they 2 55 for e-invoicing" + keyEnter)
	term.waitFor("Saved: they Payment terms 60 → 55")
	term.typeText("we need the Q3 volumes bef")
	term.waitFor("✎ kept") // the line is in the file as the draft
	if err := term.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	term.wait()

	checkBolt(t, db)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.Current()
	d, err := s.Dossier(id)
	if err != nil {
		t.Fatal(err)
	}
	last := d.Ledger[len(d.Ledger)-1]
	if last.By != model.Them || last.To.String() != "55" || last.TradedFor != "e-invoicing" {
		t.Fatalf("the saved concession is not in the file: %+v", last)
	}
	draft, err := s.Draft(store.CaptureDraftKey(id))
	s.Close()
	if err != nil || draft != "we need the Q3 volumes bef" {
		t.Fatalf("draft = %q, %v", draft, err)
	}

	term = startTerminal(t, db, 100, 30)
	term.waitFor("› we need the Q3 volumes bef")
	term.waitFor("Restored the line you were typing")
	term.typeText("ore Friday" + keyEnter)
	term.waitFor("Saved note")
	term.typeText(keyEsc)
	term.waitFor("n capture line") // Esc and q together read as alt+q
	term.typeText("q")
	if err := term.wait(); err != nil {
		t.Fatal(err)
	}
	s, _ = store.Open(db)
	defer s.Close()
	d, _ = s.Dossier(id)
	if got := d.Notes[len(d.Notes)-1].Text; got != "we need the Q3 volumes before Friday" {
		t.Fatalf("last note = %q", got)
	}
}

// checkBolt runs bbolt's own consistency check on the file.
func checkBolt(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		var problems []string
		for err := range tx.Check() {
			problems = append(problems, err.Error())
		}
		if len(problems) > 0 {
			t.Fatalf("bbolt check: %s", strings.Join(problems, "; "))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestCrashKeepsAHalfFilledForm kills the binary while a form is half filled:
// the next start opens the form again with the text restored.
func TestCrashKeepsAHalfFilledForm(t *testing.T) {
	db := filepath.Join(t.TempDir(), "parley.db")
	if code := run([]string{"--db", db, "demo"}, discard{}, discard{}); code != 0 {
		t.Fatalf("demo: exit %d", code)
	}
	term := startTerminal(t, db, 100, 30)
	term.waitFor("Payment terms")
	term.typeText("a")
	term.waitFor("New agenda item")
	term.typeText("Listing fee" + keyTab + keyTab + "EUR/SKU")
	term.waitFor("✎ kept") // the form's text is in the file as its draft
	if err := term.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	term.wait()
	checkBolt(t, db)

	term = startTerminal(t, db, 100, 30)
	term.waitFor("Restored what you were typing in this form")
	term.waitFor("Listing fee")
	term.waitFor("EUR/SKU")
	term.typeText(keyEsc)
	term.waitFor("Cancelled: nothing changed")
	term.typeText("q")
	if err := term.wait(); err != nil {
		t.Fatal(err)
	}
}
