package model

import (
	"fmt"
	"strings"
	"testing"
)

// The landing forecast numbers its rows as the agenda does, from 1: the
// demo's first item is row 1 and its eighth is row 8 (the ninth, in
// words, is not projected).
func TestForecastMarkdownNumbersItemsAsTheAgendaDoes(t *testing.T) {
	d := Demo(demoNow)
	md := ForecastMarkdown(d, d.Replay().Forecast(demoNow))
	for i, it := range d.Items {
		if !it.Numeric() {
			continue
		}
		if row := fmt.Sprintf("\n| %d | %s |", i+1, it.Title); !strings.Contains(md, row) {
			t.Errorf("no row %q in the forecast:\n%s", row, md)
		}
	}
	if strings.Contains(md, "| 0 |") || strings.Contains(md, "| 9 |") {
		t.Errorf("a row numbered 0 or 9 in a forecast of 8 items:\n%s", md)
	}
}

// Equivalent offers in markdown: after the table, one line per offer
// saying what it gives and asks, a blank line, their score of the
// reference and of each offer, and no reason when every offer asked for
// was made.
func TestMesoMarkdownSaysEachOfferAndTheirScore(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()
	m := r.EquivalentOffers(r.Positions(OriginOurs), 3)
	if len(m.Offers) != 3 || len(m.Says) != 3 {
		t.Fatalf("%d offers saying %d things, want 3 and 3", len(m.Offers), len(m.Says))
	}
	md := MesoMarkdown(d, m)
	var says strings.Builder
	for i, o := range m.Offers {
		fmt.Fprintf(&says, "\n- %s: %s.", o.Name, m.Says[i])
	}
	says.WriteString("\n\nTheir score (our estimate, 0 at our opening, 100 at their position): Our offer ")
	if !strings.Contains(md, says.String()) {
		t.Errorf("the offers' lines and their score are missing or out of order; want\n%s\nin\n%s", says.String(), md)
	}
	if strings.Contains(md, "Fewer offers") {
		t.Errorf("every offer asked for was made, yet the markdown gives a reason:\n%s", md)
	}
	if strings.Contains(md, "\n\n\n") {
		t.Errorf("two blank lines in a row:\n%s", md)
	}
}

// An offer with nothing said of it gets no line of its own, and the
// markdown is still written: the words are per offer, only where known.
func TestMesoMarkdownWritesALineOnlyForAnOfferWithWords(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()
	m := r.EquivalentOffers(r.Positions(OriginOurs), 3)
	m.Says = m.Says[:2]
	md := MesoMarkdown(d, m)
	if !strings.Contains(md, "\n- "+m.Offers[1].Name+": ") {
		t.Errorf("the second offer's line is missing:\n%s", md)
	}
	if strings.Contains(md, "\n- "+m.Offers[2].Name) {
		t.Errorf("the third offer has no words, yet a line:\n%s", md)
	}
}

// When no offer can be made and their positions are unknown, the markdown
// is the reference's table and the reason, with no empty lines of offers
// or of their score: one blank line between parts, never two.
func TestMesoMarkdownWithoutOffersOrTheirScoreGivesTheReasonAlone(t *testing.T) {
	d := mesoTie()
	for i := range d.Items {
		d.Items[i].TheirOpening = none
	}
	ref := Package{Name: "Reference", Origin: OriginProposal, Values: Values{1: dec("12"), 2: dec("1000")}}
	m := d.Replay().EquivalentOffers(ref, 2)
	if len(m.Offers) != 0 || m.Reason == "" {
		t.Fatalf("offers %q, reason %q; want none and a reason", m.Says, m.Reason)
	}
	md := MesoMarkdown(d, m)
	if want := "| Verdict |  | acceptable |\n\nFewer offers than asked: " + m.Reason + ".\n\n"; !strings.HasSuffix(md, want) {
		t.Errorf("markdown does not end with the reason alone after the table; want suffix %q in\n%q", want, md)
	}
	if strings.Contains(md, "Their score") {
		t.Errorf("their positions are unknown, yet their score is given:\n%s", md)
	}
}
