package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
)

// The workbench half of the meeting record (issue 13): commitments at
// agree, minutes from the ledger, contacts with roles.

func TestMovingToAgreeOffersTheCommitments(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	want := model.Commitments(h.dossier())
	if len(want) == 0 {
		t.Fatal("the demo has no commitments to offer")
	}
	h.press("s", "j", "enter") // bargain → agree
	h.press("n")               // the template first: declined
	h.wantScreen("Add the agreement's", "they: 170,000 cases committed — stock controllers")
	h.press("y")
	d := h.dossier()
	if len(d.FollowUps) != len(want) {
		t.Fatalf("%d follow-up lines after yes, want the %d commitments", len(d.FollowUps), len(want))
	}
	for i, f := range d.FollowUps {
		if f.Commitment != want[i].Commitment || f.Role != want[i].Role || f.ID == 0 {
			t.Fatalf("line %d = %+v, want %+v", i, f, want[i])
		}
	}
	first := want[slices.IndexFunc(want, func(f model.FollowUp) bool { return f.Side == model.CustomerSide })]
	h.wantScreen("4 Follow-up", fmt.Sprintf("Added %d commitments", len(want)), "stock controlle", "they: 170,000 cas",
		first.CommitmentLine()) // the selected line in full: whose, what, the role that checks it
	// Moving to agree again adds nothing twice.
	h.press("s", "k", "enter", "s", "j", "enter")
	h.lackScreen("Add the agreement's")
}

func TestCommitmentsComeAfterTheTemplateAndKeepIt(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	want := len(model.Commitments(h.dossier()))
	h.press("s", "j", "enter")
	h.press("y") // the template fills the empty checklist
	h.press("y") // then the commitments are added to it
	if n := len(h.dossier().FollowUps); n != 13+want {
		t.Fatalf("%d lines, want the 13 of the template and %d commitments", n, want)
	}
}

func TestCommitmentsOfferHidesInternalLinesWhilePrivate(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("p", "s", "j", "enter", "n")
	h.wantScreen("Add the agreement's", "hidden while privacy is on")
	s := h.screen()
	if strings.Contains(s, "we: ") {
		t.Fatalf("an internal commitment shows while privacy is on:\n%s", s)
	}
}
