package tui

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
)

func TestFormTextIsKeptAndComesBackAfterARestart(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	negID := h.m.negID()
	h.press("a")
	fillItemForm(h, "Listing fee", "", "EUR/SKU", "", "0")
	h.fireTimers()
	drafts, err := h.store.Drafts("form/")
	if err != nil {
		t.Fatal(err)
	}
	key := formDraftKey(negID, form.Ref{Kind: vocab.KindItem})
	if !strings.Contains(drafts[key], "Listing fee") || !strings.Contains(drafts[key], "EUR/SKU") {
		t.Fatalf("drafts after typing in the item form: %v", drafts)
	}

	// A new workbench on the same file (as after a crash) opens the form again.
	h2 := startHarness(t, h.store, h.path, Options{}, 140, 40)
	h2.wantScreen("New agenda item", "Listing fee", "EUR/SKU", "Restored what you were typing")
	h2.press("ctrl+s")
	h2.wantScreen("Saved item Listing fee")
	if drafts, _ := h2.store.Drafts("form/"); len(drafts) != 0 {
		t.Fatalf("a saved form left its draft: %v", drafts)
	}
	if d := h2.dossier(); d.Items[len(d.Items)-1].Title != "Listing fee" {
		t.Fatal("the restored form did not save")
	}
}

func TestEscDropsTheFormDraft(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("e") // edit the first item
	h.typeText(" (gross)")
	h.fireTimers()
	if drafts, _ := h.store.Drafts("form/"); len(drafts) != 1 {
		t.Fatalf("drafts while editing: %v", drafts)
	}
	h.press("esc")
	if drafts, _ := h.store.Drafts("form/"); len(drafts) != 0 {
		t.Fatalf("esc left the draft: %v", drafts)
	}
	h2 := startHarness(t, h.store, h.path, Options{}, 140, 40)
	h2.lackScreen("Edit: List price per case")
}

func TestDraftOfADeletedRecordIsNotReopened(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("j", "e") // Payment terms
	h.typeText("x")
	h.fireTimers()
	d := h.dossier()
	if err := h.store.DeleteItem(d.Negotiation.ID, d.Items[1].ID); err != nil {
		t.Fatal(err)
	}
	h2 := startHarness(t, h.store, h.path, Options{}, 140, 40)
	h2.lackScreen("Edit: Payment terms")
	h2.wantScreen("List price per case")
}

func TestALongValueShowsItsEndWhereTheCursorIs(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("e")
	for i := 0; i < 12; i++ { // to the note
		h.press("tab")
	}
	h.wantScreen("every cent is EUR 1,820.")
}
