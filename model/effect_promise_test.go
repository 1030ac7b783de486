package model

import (
	"testing"
	"time"
)

// Effect prices an edit as the ledger would look with it, whatever the
// edit changes: moving a logged concession to another item, to the other
// side or to another meeting gives what replaying the whole ledger gives
// (formulaDossier, replay_test.go; concession 5 is ours on the price, to 91
// in meeting 2).
func TestAnEditThatMovesAConcessionIsPricedAsTheLedgerWouldBe(t *testing.T) {
	d := formulaDossier()
	r := d.Replay()
	five := d.Ledger[4]
	for _, tt := range []struct {
		name string
		edit func(*Concession)
	}{
		// The check reads an edit that changes its item or side after the
		// party's last move there: our 65 days, their 88.
		{"to the payment days", func(c *Concession) { c.ItemID, c.To = 2, dec("67") }},
		{"to their side", func(c *Concession) { c.By, c.To = Them, dec("89") }},
		{"to meeting 1", func(c *Concession) { c.MeetingID = m1.ID }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := five
			tt.edit(&c)
			e, err := r.Effect(c)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			compareWithReplay(t, tt.name, d, r, c, e)
		})
	}
}

// Two moves of ours on one item logged at the same moment (times to the
// minute, as a spreadsheet import has them): an edit of the second starts
// from the first, not from our opening.
func TestAnEditOfOneOfTwoSimultaneousMovesStartsFromTheOther(t *testing.T) {
	d := formulaDossier()
	at := m1.Started.Add(10 * time.Minute)
	d.Ledger = []Concession{
		{ID: 1, MeetingID: 11, ItemID: 1, By: Us, To: dec("97"), At: at},
		{ID: 2, MeetingID: 11, ItemID: 1, By: Us, To: dec("95"), At: at},
	}
	r := d.Replay()
	c := withTo(d.Ledger[1], "94")
	e, err := r.Effect(c)
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "from", e.Move.From, "97")
	compareWithReplay(t, "edit of 2", d, r, c, e)
}

// The money of a move is its own item's, however many moves the capture
// line priced before it from the same replay: the first move of a
// negotiation on the allowance, then the same figures on the rebate
// (controllerDossier with a rebate of 0.20 % a year).
func TestTheMoneyOfAMoveIsItsOwnItems(t *testing.T) {
	d := controllerDossier()
	d.Items = append(d.Items, AgendaItem{ID: 3, Topic: TopicDiscounts, Title: "Rebate", Unit: "%", Better: Down,
		OurOpening: opt("0.20"), TheirOpening: opt("1"), Status: ItemOpen, Lever: Lever{Kind: LeverRebate}})
	r := d.Replay()
	at := t0
	// 0.10 more allowance on 1,000 units: −100; 0.10 % more rebate on 10,500 of turnover: −10.50.
	for _, tt := range []struct {
		item  uint64
		money string
	}{{2, "-100"}, {3, "-10.5"}, {2, "-100"}} {
		c := Concession{ItemID: tt.item, By: Us, To: dec("0.30"), At: at}
		e, err := r.Effect(c)
		if err != nil {
			t.Fatal(err)
		}
		assertDec(t, d.Items[tt.item-1].Title+" money", e.Money, tt.money)
		compareWithReplay(t, d.Items[tt.item-1].Title, d, r, c, e)
	}
}

// A form still open on a concession that another workbench has since
// removed (undo on the shared file) is told so; it does not crash.
func TestEditingAConcessionNoLongerInTheLedgerIsRefused(t *testing.T) {
	d := formulaDossier()
	c := Concession{ID: 99, ItemID: 1, By: Them, To: dec("90"), At: m2.Ended.AddDate(0, 0, 1)}
	_, err := d.Replay().Effect(c)
	assertErr(t, err, "concession 99 is no longer in the ledger")
}
