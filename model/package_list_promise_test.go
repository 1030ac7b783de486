package model

import (
	"fmt"
	"testing"
)

// Every saved proposal is listed after the five fixed packages, however
// many there are (six here: more than the fixed five).
func TestEverySavedProposalIsListed(t *testing.T) {
	d := dealDossier()
	for i := range 6 {
		d.Packages = append(d.Packages, Package{ID: uint64(i + 1), Name: fmt.Sprintf("Proposal %d", i+1),
			Origin: OriginProposal, Values: Values{1: dec("11"), 2: dec("1000")}})
	}
	var names []string
	for _, p := range d.Replay().Packages() {
		names = append(names, p.Name)
	}
	want := fmt.Sprint([]string{"Last year", "Our walk-away", "Target", "Our offer", "Their offer",
		"Proposal 1", "Proposal 2", "Proposal 3", "Proposal 4", "Proposal 5", "Proposal 6"})
	if got := fmt.Sprint(names); got != want {
		t.Errorf("packages %s, want %s", got, want)
	}
}
