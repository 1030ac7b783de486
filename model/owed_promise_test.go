package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// "#0" names no move (the ledger counts from #1): a "for" text holding it
// is accepted as plain words, written as typed in the minutes, and pays
// back nothing: the demo still owes #10.
func TestHashZeroNamesNoMove(t *testing.T) {
	d := Demo(demoNow)
	m2 := d.Meetings[1]
	c := Concession{ID: 13, MeetingID: m2.ID, ItemID: 5, By: Them, To: dec("1.30"), TradedFor: "#0 (last year's deal)",
		At: m2.Started.Add(110 * time.Minute)}
	if err := d.CheckConcession(c); err != nil {
		t.Fatalf("a move for %q is refused: %v", c.TradedFor, err)
	}
	d.Ledger = append(d.Ledger, c)
	minutes, err := Minutes(d, 2, demoNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := "- Promotional allowance: from 1.50 to 1.30 EUR/case, for #0 (last year's deal)\n"; !strings.Contains(minutes, want) {
		t.Errorf("the minutes lack %q:\n%s", want, minutes)
	}
	if owed := d.Replay().Owed(); len(owed) != 1 || owed[0].Number != 10 {
		t.Errorf("owed %+v, want #10 still", owed)
	}
}

// A word of four letters that only one title has names that item: "list"
// names "List price per case" (the agenda's first item), "plan" the
// quarterly business plan review; a word of three letters ("oat") does not.
func TestAFourLetterWordOfATitleNamesTheItem(t *testing.T) {
	items := Demo(demoNow).Items
	for _, tc := range []struct {
		text  string
		title string
		want  bool
	}{
		{"back to the old list", "List price per case", true},
		{"a plan every quarter", "Quarterly joint business plan review", true},
		{"more oat lines", "SKUs listed, Crunch Oat range", false},
	} {
		i := slices.IndexFunc(items, func(it AgendaItem) bool { return it.Title == tc.title })
		if i < 0 {
			t.Fatalf("no item %q in the demo", tc.title)
		}
		if got := NamesItem(tc.text, items[i], items); got != tc.want {
			t.Errorf("%q names %q: %v, want %v", tc.text, tc.title, got, tc.want)
		}
	}
}

// A text that holds an item's whole title names it, even when no word of
// the title would on its own ("price" is in both titles, "net" is short);
// an item without a title is named by no text.
func TestTheWholeTitleNamesTheItem(t *testing.T) {
	items := []AgendaItem{{ID: 1, Title: "Net price"}, {ID: 2, Title: "Net price floor"}, {ID: 3, Title: ""}}
	for _, tc := range []struct {
		text string
		item int
		want bool
	}{
		{"the net price as agreed", 0, true},
		{"the net price as agreed", 1, false},
		{"a net price floor", 1, true},
		{"the net price as agreed", 2, false},
	} {
		if got := NamesItem(tc.text, items[tc.item], items); got != tc.want {
			t.Errorf("%q names %q: %v, want %v", tc.text, items[tc.item].Title, got, tc.want)
		}
	}
}

// A "for" text may name any move of the other side by its ledger number,
// the last one included (#12 of the demo's twelve, ours); a number past the
// ledger or a move of the same side is refused with the reason.
func TestAMoveMayNameTheLastMoveOfTheLedger(t *testing.T) {
	d := Demo(demoNow)
	m2 := d.Meetings[1]
	for _, tc := range []struct{ tradedFor, refused string }{
		{"#12", ""},
		{"#10 at last", ""},
		{"#13", "there is no move #13: the ledger has 12 moves"},
		{"#11", "#11 is their move; name one of ours"},
	} {
		c := Concession{ID: 13, MeetingID: m2.ID, ItemID: 5, By: Them, To: dec("1.30"), TradedFor: tc.tradedFor, At: m2.Started.Add(110 * time.Minute)}
		err := d.CheckConcession(c)
		if tc.refused == "" && err != nil {
			t.Errorf("a move for %q is refused: %v", tc.tradedFor, err)
		} else if tc.refused != "" && (err == nil || err.Error() != tc.refused) {
			t.Errorf("a move for %q: %v, want %q", tc.tradedFor, err, tc.refused)
		}
	}
}
