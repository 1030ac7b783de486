package model

import (
	"fmt"
	"testing"
)

// The prepare check names up to three items lacking something by agenda
// number and title; exactly three are all named, with no "0 more"; a
// fourth is counted as "1 more".
func TestPrepareCheckNamesThreeItemsThenCountsTheRest(t *testing.T) {
	d := &Dossier{}
	for i := range 4 {
		d.Items = append(d.Items, AgendaItem{ID: uint64(i + 1), Title: fmt.Sprintf("Item %c", 'A'+i), Weight: 10, ValueToThem: 10,
			OurOpening: opt("10"), OurTarget: opt("9"), OurWalkAway: opt("8"), TheirOpening: opt("7")})
	}
	for i := range 3 {
		d.Items[i].OurTarget = none
	}
	if got, want := d.Readiness(), "3 items lack a target: 1 Item A, 2 Item B, 3 Item C"; got != want {
		t.Errorf("readiness %q, want %q", got, want)
	}
	d.Items[3].OurTarget = none
	if got, want := d.Readiness(), "4 items lack a target: 1 Item A, 2 Item B, 3 Item C, 1 more"; got != want {
		t.Errorf("readiness %q, want %q", got, want)
	}
}
