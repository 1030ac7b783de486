package store

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"
)

// scrambled is d with every ID moved far from the 1, 2, 3… the file will
// give, some lists numbered backwards, and every link moved with it, so that
// a link the store fails to map cannot pass by accident.
func scrambled(d *model.Dossier) *model.Dossier {
	item := func(id uint64) uint64 { return keepZero(id, 1000-7*id) }
	meeting := func(id uint64) uint64 { return keepZero(id, 500+3*id) }
	concession := func(id uint64) uint64 { return keepZero(id, 9000-id) }
	scenario := func(id uint64) uint64 { return keepZero(id, 40-id) }
	s := *d
	s.Account.ID = 77
	s.Negotiation.ID, s.Negotiation.AccountID = 66, 77
	s.Items = append([]model.AgendaItem(nil), d.Items...)
	for i := range s.Items {
		s.Items[i].ID, s.Items[i].Link.ScenarioID = item(s.Items[i].ID), scenario(s.Items[i].Link.ScenarioID)
	}
	s.Meetings = append([]model.Meeting(nil), d.Meetings...)
	for i := range s.Meetings {
		s.Meetings[i].ID = meeting(s.Meetings[i].ID)
	}
	s.Ledger = append([]model.Concession(nil), d.Ledger...)
	for i := range s.Ledger {
		c := &s.Ledger[i]
		c.ID, c.ItemID, c.MeetingID, c.TradedAgainst = concession(c.ID), item(c.ItemID), meeting(c.MeetingID), concession(c.TradedAgainst)
	}
	s.Notes = append([]model.Note(nil), d.Notes...)
	for i := range s.Notes {
		n := &s.Notes[i]
		n.ID, n.ItemID, n.MeetingID = 200+n.ID*5, item(n.ItemID), meeting(n.MeetingID)
	}
	s.FollowUps = append([]model.FollowUp(nil), d.FollowUps...)
	for i := range s.FollowUps {
		s.FollowUps[i].ID = 3000 - s.FollowUps[i].ID
	}
	s.Scenarios = append([]model.Scenario(nil), d.Scenarios...)
	for i := range s.Scenarios {
		s.Scenarios[i].ID = scenario(s.Scenarios[i].ID)
	}
	s.Packages = append([]model.Package(nil), d.Packages...)
	for i := range s.Packages {
		p := &s.Packages[i]
		p.ID, p.TabledMeeting = 500+p.ID, meeting(p.TabledMeeting)
		values := model.Values{}
		for id, v := range p.Values {
			values[item(id)] = v
		}
		p.Values = values
	}
	s.Sort()
	return &s
}

func keepZero(id, mapped uint64) uint64 {
	if id == 0 {
		return 0
	}
	return mapped
}

func TestAddDossierReadsBackEqual(t *testing.T) {
	s := openStore(t, tempDB(t))
	addAccount(t, s, "Someone else") // so the new account does not get the dossier's own ID by chance
	want := scrambled(demoDossier())
	if err := want.Validate(); err != nil {
		t.Fatalf("the scrambled demo is invalid: %v", err)
	}
	negID, err := s.AddDossier(want)
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if id := current(t, s); id != negID {
		t.Errorf("Current() = %d, want the added dossier %d", id, negID)
	}
	got := dossier(t, s, negID)

	if got.Negotiation.ID != negID || got.Negotiation.AccountID != got.Account.ID || got.Account.ID == 0 || got.Account.ID == 1 {
		t.Errorf("negotiation %d of account %d, read as %d of account %d",
			negID, got.Account.ID, got.Negotiation.ID, got.Negotiation.AccountID)
	}
	for name, n := range map[string][2]int{
		"items":      {len(got.Items), len(want.Items)},
		"meetings":   {len(got.Meetings), len(want.Meetings)},
		"ledger":     {len(got.Ledger), len(want.Ledger)},
		"notes":      {len(got.Notes), len(want.Notes)},
		"follow-ups": {len(got.FollowUps), len(want.FollowUps)},
		"scenarios":  {len(got.Scenarios), len(want.Scenarios)},
	} {
		if n[0] != n[1] {
			t.Errorf("%d %s read back, %d written", n[0], name, n[1])
		}
	}
	assertSameDossier(t, got, want)

	// A few links spelled out, so that a failure says what a KAM would see.
	volume := concessionFor(t, got, "list price at 24.50")
	price := concessionFor(t, got, "170,000 cases committed")
	if volume.TradedAgainst != price.ID {
		t.Errorf("the volume concession is traded against %d, want the price concession %d", volume.TradedAgainst, price.ID)
	}
	if it, _ := got.Item(price.ItemID); it.Title != "List price per case" {
		t.Errorf("the price concession is on %q", it.Title)
	}
	if m, _ := got.Meeting(price.MeetingID); m.Number != 2 {
		t.Errorf("the price concession belongs to meeting %d, want 2", m.Number)
	}
	for _, n := range got.Notes {
		if strings.HasPrefix(n.Text, "Dana: 23.40") {
			if it, _ := got.Item(n.ItemID); it.Title != "List price per case" {
				t.Errorf("the note %q is tagged to %q", n.Text, it.Title)
			}
		}
	}
	rebate := itemByTitle(t, got, "Annual growth rebate")
	if sc, ok := got.Scenario(rebate.Link.ScenarioID); !ok || sc.Name != "2027 package at target" || rebate.Link.Field != "rebate" {
		t.Errorf("the rebate item links to %+v (%q)", rebate.Link, sc.Name)
	}

	gotReplay, wantReplay := got.Replay(), model.Demo(now).Replay()
	if math.Abs(gotReplay.GapClosed-wantReplay.GapClosed) > 1e-9 {
		t.Errorf("replayed gap closed = %.6f, the demo's is %.6f", gotReplay.GapClosed, wantReplay.GapClosed)
	}
	for i, m := range wantReplay.Meetings {
		if i >= len(gotReplay.Meetings) || math.Abs(gotReplay.Meetings[i].GapClosed-m.GapClosed) > 1e-9 {
			t.Errorf("gap closed after meeting %d differs from the demo's %.6f", m.Meeting.Number, m.GapClosed)
		}
	}
}

// typed writes a decimal with the places it was typed with, as the agenda
// shows it ("24.80", not "24.8").
func typed(d decimal.Decimal) string {
	return d.StringFixed(max(0, -d.Exponent()))
}

// The agenda shows an item's values with the places they were typed with:
// a price typed as 24.80 must come back as 24.80, not 24.8.
func TestDecimalsKeepTheirPlaces(t *testing.T) {
	s, negID := demoStore(t)
	got, want := dossier(t, s, negID), demoDossier()

	for _, w := range want.Items {
		g := itemByTitle(t, got, w.Title)
		for _, f := range []struct {
			name       string
			got, wrote decimal.NullDecimal
		}{
			{"our opening", g.OurOpening, w.OurOpening}, {"our target", g.OurTarget, w.OurTarget},
			{"our walk-away", g.OurWalkAway, w.OurWalkAway}, {"their opening", g.TheirOpening, w.TheirOpening},
			{"their walk-away", g.TheirWalkAway, w.TheirWalkAway}, {"money per unit", g.MoneyPerUnit, w.MoneyPerUnit},
		} {
			if f.got.Valid != f.wrote.Valid || typed(f.got.Decimal) != typed(f.wrote.Decimal) {
				t.Errorf("%s, %s: wrote %s, read back %s", w.Title, f.name, typed(f.wrote.Decimal), typed(f.got.Decimal))
			}
		}
		if g.Places() != w.Places() {
			t.Errorf("%s is shown with %d places, was typed with %d", w.Title, g.Places(), w.Places())
		}
	}
	for i, w := range want.Ledger {
		if g := got.Ledger[i]; typed(g.To) != typed(w.To) {
			t.Errorf("concession %d: wrote %s, read back %s", i+1, typed(w.To), typed(g.To))
		}
	}
	profit := got.Scenarios[1].Profit
	if typed(profit.ListPrice) != "24.20" || typed(profit.AllowancePerUnit) != "0.70" {
		t.Errorf("the profitability scenario reads back list price %s and allowance %s, written 24.20 and 0.70",
			typed(profit.ListPrice), typed(profit.AllowancePerUnit))
	}

	// And in the file itself.
	if err := s.view(func(tx *bolt.Tx) error {
		b, err := child(tx, negID, bucketItems)
		if err != nil {
			return err
		}
		if raw := string(b.Get(itob(1))); !strings.Contains(raw, `"24.80"`) {
			t.Errorf("the price item is stored as %s; want 24.80 as typed", raw)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestAddDossierRefusesAnInvalidDossierAndWritesNothing(t *testing.T) {
	s, negID := demoStore(t)
	for _, tc := range []struct {
		name, want string
		spoil      func(d *model.Dossier)
	}{
		{"concession on a missing item", "item that does not exist", func(d *model.Dossier) { d.Ledger[3].ItemID = 99 }},
		{"concession in a missing meeting", "meeting that does not exist", func(d *model.Dossier) { d.Ledger[3].MeetingID = 99 }},
		{"trade against a missing concession", "does not exist", func(d *model.Dossier) { d.Ledger[3].TradedAgainst = 99 }},
		{"note on a missing item", "item that does not exist", func(d *model.Dossier) { d.Notes[2].ItemID = 99 }},
		{"item linked to a missing scenario", "missing scenario", func(d *model.Dossier) { d.Items[2].Link.ScenarioID = 99 }},
		{"item used twice", "used twice", func(d *model.Dossier) { d.Items[1].ID = d.Items[0].ID }},
		{"account without a name", "name", func(d *model.Dossier) { d.Account.Name = "" }},
		{"meeting that ends before it starts", "ends before", func(d *model.Dossier) { d.Meetings[1].Ended = d.Meetings[1].Started.Add(-1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := demoDossier()
			tc.spoil(d)
			id, err := s.AddDossier(d)
			if err == nil {
				t.Fatalf("AddDossier wrote negotiation %d", id)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
	s = reopen(t, s)
	if a, n := count(t, s); a != 1 || n != 1 {
		t.Errorf("%d accounts and %d negotiations after refused dossiers, want 1 and 1", a, n)
	}
	if id := current(t, s); id != negID {
		t.Errorf("Current() = %d, want %d", id, negID)
	}
}

// Each negotiation has its own bucket: loading one reads that one only, and
// gets nothing of the others.
func TestDossierReadsOnlyItsNegotiation(t *testing.T) {
	s := openStore(t, tempDB(t))
	other := func(i int) *model.Dossier {
		d := demoDossier()
		d.Account.Name = fmt.Sprintf("Other account %d", i)
		d.Negotiation.Title = fmt.Sprintf("Other negotiation %d", i)
		for j := range 20 {
			d.Notes = append(d.Notes, model.Note{ID: uint64(100 + j), Kind: model.KindNote, At: now, Text: fmt.Sprintf("other %d, note %d", i, j)})
		}
		d.Items = d.Items[:len(d.Items)-1] // the text-only item, on which nothing hangs
		return d
	}
	var ids []uint64
	var target uint64
	want := demoDossier()
	for i := range 51 {
		d := other(i)
		if i == 25 {
			d = want
		}
		id, err := s.AddDossier(d)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		if i == 25 {
			target = id
		}
	}
	s = reopen(t, s)
	assertSameDossier(t, dossier(t, s, target), want)
	assertSameDossier(t, dossier(t, s, ids[24]), other(24))
	if _, n := count(t, s); n != 51 {
		t.Errorf("%d negotiations, want 51", n)
	}
}
