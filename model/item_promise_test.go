package model

import (
	"fmt"
	"testing"
)

// An item in a unit with no default step (tonnes) steps by its own last
// decimal: typed to one decimal, a landing of 12.34 reads 12.3, not 10.
func TestAnItemWithoutADefaultStepStepsByItsLastDecimal(t *testing.T) {
	it := AgendaItem{ID: 1, Topic: TopicVolume, Title: "Tonnage", Unit: "tonnes", Better: Up,
		OurOpening: opt("14.5"), TheirOpening: opt("11")}
	assertDec(t, "step", it.StepOf(), "0.1")
	assertDec(t, "12.34 to the step", it.RoundToStep(dec("12.34")), "12.3")
	if got := it.FormatStep(dec("12.34")); got != "12.3" {
		t.Errorf("12.34 reads %q, want 12.3", got)
	}
}

// A reference that names four items lists all four; only past four does
// the list end in "…".
func TestAnAmbiguousReferenceListsUpToFourCandidates(t *testing.T) {
	var items []AgendaItem
	for k := range 5 {
		items = append(items, AgendaItem{ID: uint64(k + 1), Topic: TopicPrice, Title: fmt.Sprintf("Pack %c", 'A'+k)})
	}
	_, err := ResolveItem("pack", items[:4])
	assertErr(t, err, `"pack" matches 4 items (1 Pack A · 2 Pack B · 3 Pack C · 4 Pack D): type more of it or use the number`)
	_, err = ResolveItem("pack", items)
	assertErr(t, err, `"pack" matches 5 items (1 Pack A · 2 Pack B · 3 Pack C · 4 Pack D · …)`)
}
