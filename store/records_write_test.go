package store

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
)

// orders lists the agenda's order numbers, in agenda order.
func orders(d *model.Dossier) []int {
	var out []int
	for _, it := range d.Items {
		out = append(out, it.Order)
	}
	return out
}

// newItem is a valid numeric item not yet saved.
func newItem(title string) model.AgendaItem {
	return model.AgendaItem{Topic: model.TopicTerms, Title: title, Unit: "days", Better: model.Down,
		OurOpening: opt("30"), OurTarget: opt("45"), OurWalkAway: opt("60"), TheirOpening: opt("90"),
		Weight: 20, ValueToThem: 40, Status: model.ItemOpen}
}

func TestSaveItemGoesToTheEndOfTheAgenda(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)

	it := newItem("Delivery window")
	if err := s.SaveItem(negID, &it); err != nil {
		t.Fatal(err)
	}
	if it.ID == 0 || it.Order != len(before.Items)+1 {
		t.Errorf("new item got ID %d, order %d; want an ID and order %d", it.ID, it.Order, len(before.Items)+1)
	}
	// After a delete, a new item still goes after the last, not onto its order.
	if err := s.DeleteItem(negID, before.Items[2].ID); err != nil {
		t.Fatal(err)
	}
	next := newItem("Pallet configuration")
	if err := s.SaveItem(negID, &next); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	d := dossier(t, s, negID)
	last := d.Items[len(d.Items)-2:]
	if last[0].Title != "Delivery window" || last[1].Title != "Pallet configuration" {
		t.Errorf("the agenda ends with %q, %q; want the new items in the order they were added", last[0].Title, last[1].Title)
	}
	if o := orders(d); !slices.IsSorted(o) || len(slices.Compact(slices.Clone(o))) != len(o) {
		t.Errorf("agenda orders %v are not distinct and increasing", o)
	}
	if next.Order != it.Order+1 {
		t.Errorf("the item added after a delete got order %d, want %d", next.Order, it.Order+1)
	}
	assertSameItem(t, itemByTitle(t, d, "Delivery window"), it)
}

func assertSameItem(t *testing.T, got, want model.AgendaItem) {
	t.Helper()
	if g, w := indentJSON(t, got), indentJSON(t, want); g != w {
		t.Errorf("item read back differs:\n%s", firstDifference(g, w))
	}
}

func TestSaveItemReplacesAndKeepsItsPlace(t *testing.T) {
	s, negID := demoStore(t)
	it := itemByTitle(t, dossier(t, s, negID), "Payment terms")
	it.OurTarget, it.Status, it.AgreedAt, it.Note = opt("50"), model.ItemAgreed, now, "Agreed at 50 days."
	if err := s.SaveItem(negID, &it); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	d := dossier(t, s, negID)
	assertSameItem(t, itemByTitle(t, d, "Payment terms"), it)
	if d.Items[1].Title != "Payment terms" {
		t.Errorf("the replaced item moved to %q's place", d.Items[1].Title)
	}
}

func TestSaveOrder(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)
	var ids []uint64
	for _, it := range slices.Backward(before.Items) {
		ids = append(ids, it.ID)
	}
	if err := s.SaveOrder(negID, ids); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	after := dossier(t, s, negID)
	var got []uint64
	for _, it := range after.Items {
		got = append(got, it.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("agenda reads back in order %v, want %v", got, ids)
	}
	if o := orders(after); !slices.Equal(o, []int{1, 2, 3, 4, 5, 6, 7, 8, 9}) {
		t.Errorf("orders %v, want 1…9", o)
	}
	if err := s.SaveOrder(99, ids); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveOrder on a missing negotiation: %v, want ErrNotFound", err)
	}
}

func TestDeleteItemDropsItsConcessionsAndUntagsNotes(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)
	price := itemByTitle(t, before, "List price per case")
	ours := concessionFor(t, before, "170,000 cases committed") // on price, traded against by the volume one
	volume := concessionFor(t, before, "list price at 24.50")
	var tagged []uint64
	for _, n := range before.Notes {
		if n.ItemID == price.ID {
			tagged = append(tagged, n.ID)
		}
	}
	if len(tagged) == 0 || volume.TradedAgainst != ours.ID {
		t.Fatal("the demo no longer has what this test needs")
	}

	if err := s.DeleteItem(negID, price.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	after := dossier(t, s, negID)
	if _, ok := after.Item(price.ID); ok {
		t.Error("the deleted item reads back")
	}
	for _, c := range after.Ledger {
		if c.ItemID == price.ID {
			t.Errorf("concession %d on the deleted item is still in the ledger", c.ID)
		}
	}
	if n := len(before.Ledger) - len(after.Ledger); n != 2 {
		t.Errorf("%d concessions went, want the 2 on the price", n)
	}
	v, ok := concessionByID(after, volume.ID)
	if !ok || v.TradedAgainst != 0 || v.TradedFor != volume.TradedFor {
		t.Errorf("the volume concession reads back as %+v; want it kept, with its text, and its link to the dropped concession cleared", v)
	}
	for _, c := range before.Ledger {
		if c.ItemID != price.ID && c.TradedAgainst != 0 && c.TradedAgainst != ours.ID {
			if got, _ := concessionByID(after, c.ID); got.TradedAgainst != c.TradedAgainst {
				t.Errorf("concession %d lost its link to %d", c.ID, c.TradedAgainst)
			}
		}
	}
	for _, id := range tagged {
		n, ok := noteByID(after, id)
		if !ok || n.ItemID != 0 {
			t.Errorf("note %d reads back as %+v; want it kept and untagged", id, n)
		}
	}
	if len(after.Notes) != len(before.Notes) {
		t.Errorf("%d notes, want all %d kept", len(after.Notes), len(before.Notes))
	}
	if err := s.DeleteItem(negID, price.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
	after.Replay() // a ledger with a hole must still replay
}

func TestSaveMeeting(t *testing.T) {
	s, negID := demoStore(t)
	m := model.Meeting{Number: 3, Started: now, Place: "Video call", Attendees: []string{"Dana Whitlock"}}
	if err := s.SaveMeeting(negID, &m); err != nil {
		t.Fatal(err)
	}
	m.Ended, m.Summary = now.Add(40*time.Minute), "Closed price at 24.20."
	if err := s.SaveMeeting(negID, &m); err != nil {
		t.Fatal(err)
	}
	bad := model.Meeting{Number: 0, Started: now}
	if err := s.SaveMeeting(negID, &bad); err == nil || bad.ID != 0 {
		t.Errorf("a meeting numbered 0: err %v, ID %d", err, bad.ID)
	}
	s = reopen(t, s)
	d := dossier(t, s, negID)
	if len(d.Meetings) != 3 {
		t.Fatalf("%d meetings, want 3", len(d.Meetings))
	}
	got := d.Meetings[2]
	if got.ID != m.ID || !got.Ended.Equal(m.Ended) || got.Summary != m.Summary || got.Place != m.Place || !slices.Equal(got.Attendees, m.Attendees) {
		t.Errorf("meeting reads back as %+v, want %+v", got, m)
	}
}

func TestSaveConcession(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	price := itemByTitle(t, d, "List price per case")
	var theirs model.Concession
	for _, l := range d.Ledger {
		if l.By == model.Them {
			theirs = l // the last of theirs: ours is traded against one by the other side
		}
	}
	c := model.Concession{MeetingID: d.Meetings[1].ID, ItemID: price.ID, By: model.Us, To: dec("24.30"),
		TradedFor: "rebate back to 2.5%", TradedAgainst: theirs.ID, At: now, Note: "last offer"}
	if err := s.SaveConcession(negID, &c); err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 {
		t.Fatal("the new concession got no ID")
	}
	s = reopen(t, s)
	got, ok := concessionByID(dossier(t, s, negID), c.ID)
	if !ok {
		t.Fatal("the new concession is not in the ledger")
	}
	if g, w := indentJSON(t, got), indentJSON(t, c); g != w {
		t.Errorf("concession read back differs:\n%s", firstDifference(g, w))
	}
}

func TestSaveConcessionRefusesBrokenLinksAndWritesNothing(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	price := itemByTitle(t, d, "List price per case")
	valid := model.Concession{ItemID: price.ID, By: model.Us, To: dec("24.30"), At: now}
	for _, tc := range []struct {
		name, want string
		spoil      func(c *model.Concession)
	}{
		{"unknown item", "item 99", func(c *model.Concession) { c.ItemID = 99 }},
		{"unknown meeting", "meeting 99", func(c *model.Concession) { c.MeetingID = 99 }},
		{"unknown traded-against", "concession 99", func(c *model.Concession) { c.TradedAgainst = 99 }},
		{"unknown ID to replace", "concession 99", func(c *model.Concession) { c.ID = 99 }},
		{"no time", "no time", func(c *model.Concession) { c.At = time.Time{} }},
	} {
		c := valid
		tc.spoil(&c)
		id := c.ID
		err := s.SaveConcession(negID, &c)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
		if c.ID != id {
			t.Errorf("%s: the refused concession's ID changed from %d to %d", tc.name, id, c.ID)
		}
	}
	s = reopen(t, s)
	if after := dossier(t, s, negID); len(after.Ledger) != len(d.Ledger) {
		t.Errorf("%d concessions after refused saves, want %d", len(after.Ledger), len(d.Ledger))
	}
	// Nothing was used up either: the next concession gets the next ID.
	if err := s.SaveConcession(negID, &valid); err != nil {
		t.Fatal(err)
	}
	if valid.ID != uint64(len(d.Ledger)+1) {
		t.Errorf("the next concession got ID %d, want %d", valid.ID, len(d.Ledger)+1)
	}
}

func TestDeleteConcessionClearsLinksToIt(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	price := concessionFor(t, d, "170,000 cases committed")
	volume := concessionFor(t, d, "list price at 24.50")
	if err := s.DeleteConcession(negID, price.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	after := dossier(t, s, negID)
	if _, ok := concessionByID(after, price.ID); ok {
		t.Error("the deleted concession reads back")
	}
	if v, _ := concessionByID(after, volume.ID); v.TradedAgainst != 0 || v.TradedFor != volume.TradedFor {
		t.Errorf("the concession traded against it reads back as %+v; want its link cleared and its text kept", v)
	}
	if len(after.Ledger) != len(d.Ledger)-1 {
		t.Errorf("%d concessions, want %d", len(after.Ledger), len(d.Ledger)-1)
	}
	if err := s.DeleteConcession(negID, price.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
}

func TestSaveAndDeleteNote(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	n := model.Note{MeetingID: d.Meetings[1].ID, ItemID: d.Items[0].ID, Kind: model.KindQuestion, At: now,
		Text: "Is 24.20 their final word? #price"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	n.Answer = "Yes, until the September review."
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]model.Note{
		"unknown item":    {ItemID: 99, Kind: model.KindNote, At: now, Text: "x"},
		"unknown meeting": {MeetingID: 99, Kind: model.KindNote, At: now, Text: "x"},
		"empty":           {Kind: model.KindNote, At: now, Text: "  "},
	} {
		if err := s.SaveNote(negID, &bad); err == nil || bad.ID != 0 {
			t.Errorf("%s: err %v, ID %d", name, err, bad.ID)
		}
	}
	s = reopen(t, s)
	after := dossier(t, s, negID)
	got, ok := noteByID(after, n.ID)
	if !ok {
		t.Fatal("the new note is not there")
	}
	if g, w := indentJSON(t, got), indentJSON(t, n); g != w {
		t.Errorf("note read back differs:\n%s", firstDifference(g, w))
	}
	if len(after.Notes) != len(d.Notes)+1 {
		t.Errorf("%d notes, want %d", len(after.Notes), len(d.Notes)+1)
	}

	if err := s.DeleteNote(negID, n.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if _, ok := noteByID(dossier(t, s, negID), n.ID); ok {
		t.Error("the deleted note reads back")
	}
	if err := s.DeleteNote(negID, n.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
}

func TestFollowUps(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)

	f := model.FollowUp{Side: model.InternalSide, Role: "key account manager", Action: "Send the signed terms to finance",
		Due: now.AddDate(0, 0, 2), Order: 99}
	if err := s.SaveFollowUp(negID, &f); err != nil {
		t.Fatal(err)
	}
	f.Done, f.DoneAt = true, now.Add(time.Hour)
	if err := s.SaveFollowUp(negID, &f); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	d := dossier(t, s, negID)
	if got := d.FollowUps[len(d.FollowUps)-1]; indentJSON(t, got) != indentJSON(t, f) {
		t.Errorf("follow-up read back differs:\n%s", firstDifference(indentJSON(t, got), indentJSON(t, f)))
	}
	if err := s.DeleteFollowUp(negID, before.FollowUps[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := dossier(t, s, negID).FollowUps; len(got) != len(before.FollowUps) {
		t.Errorf("%d follow-ups after one added and one deleted, want %d", len(got), len(before.FollowUps))
	}

	fresh := model.FollowUpTemplate(model.Industrial, now, nil)
	out, err := s.ReplaceFollowUps(negID, fresh)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[uint64]bool{}
	for _, l := range out {
		if l.ID == 0 || seen[l.ID] {
			t.Errorf("replaced line %q got ID %d", l.Action, l.ID)
		}
		seen[l.ID] = true
	}
	s = reopen(t, s)
	got := dossier(t, s, negID).FollowUps
	if g, w := indentJSON(t, got), indentJSON(t, out); g != w {
		t.Errorf("the replaced checklist reads back differently:\n%s", firstDifference(g, w))
	}

	invalid := append(slices.Clone(fresh), model.FollowUp{Side: model.CustomerSide, Role: "buyer"}) // no action
	if _, err := s.ReplaceFollowUps(negID, invalid); err == nil {
		t.Error("a checklist with a line without an action replaced the old one")
	}
	if after := dossier(t, s, negID).FollowUps; indentJSON(t, after) != indentJSON(t, out) {
		t.Error("a refused ReplaceFollowUps changed the checklist")
	}
}

func TestSaveScenarioForBuyerUnmarksTheOtherOfItsKind(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	category, profit := d.Scenarios[0], d.Scenarios[1]
	if category.Kind != model.CategoryScenario || !category.ForBuyer || profit.Kind != model.ProfitScenario {
		t.Fatal("the demo no longer has what this test needs")
	}
	profit.ForBuyer = true
	if err := s.SaveScenario(negID, &profit); err != nil {
		t.Fatal(err)
	}
	smaller := category
	smaller.ID, smaller.Name = 0, "Crunch Oat listing, 4 SKUs"
	smaller.Impact.Lines = smaller.Impact.Lines[:4]
	if err := s.SaveScenario(negID, &smaller); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	after := dossier(t, s, negID)
	marked := map[string]bool{}
	for _, sc := range after.Scenarios {
		marked[sc.Name] = sc.ForBuyer
	}
	want := map[string]bool{category.Name: false, profit.Name: true, smaller.Name: true}
	for name, w := range want {
		if marked[name] != w {
			t.Errorf("scenario %q shown to the buyer: %v, want %v", name, marked[name], w)
		}
	}
	got, _ := after.Scenario(smaller.ID)
	if g, w := indentJSON(t, got), indentJSON(t, smaller); g != w {
		t.Errorf("scenario read back differs:\n%s", firstDifference(g, w))
	}
}

func TestDeleteScenarioClearsItemLinks(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	rebate := itemByTitle(t, d, "Annual growth rebate")
	if rebate.Link.ScenarioID == 0 {
		t.Fatal("the demo no longer links the rebate item")
	}
	if err := s.DeleteScenario(negID, rebate.Link.ScenarioID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	after := dossier(t, s, negID)
	if got := itemByTitle(t, after, "Annual growth rebate"); got.Link != (model.ScenarioLink{}) {
		t.Errorf("the rebate item still links %+v", got.Link)
	}
	if len(after.Scenarios) != 1 {
		t.Errorf("%d scenarios, want 1", len(after.Scenarios))
	}
	if err := after.Validate(); err != nil {
		t.Errorf("after deleting a scenario the dossier is invalid: %v", err)
	}
}

// A save that fails leaves the caller's value as it was: a new record keeps
// ID 0, so that trying again creates it instead of replacing a record that
// was never written.
func TestFailedSaveKeepsIDZero(t *testing.T) {
	s, negID := demoStore(t)
	for _, tc := range []struct {
		name string
		save func() (id uint64, err error)
	}{
		{"item linked to a missing scenario", func() (uint64, error) {
			it := newItem("Delivery window")
			it.Link = model.ScenarioLink{ScenarioID: 99, Field: "rebate"}
			err := s.SaveItem(negID, &it)
			if it.Order != 0 {
				t.Errorf("the refused item's order changed to %d", it.Order)
			}
			return it.ID, err
		}},
		{"item in a missing negotiation", func() (uint64, error) {
			it := newItem("Delivery window")
			err := s.SaveItem(99, &it)
			return it.ID, err
		}},
		{"meeting in a missing negotiation", func() (uint64, error) {
			m := model.Meeting{Number: 1, Started: now}
			err := s.SaveMeeting(99, &m)
			return m.ID, err
		}},
		{"concession on a missing item", func() (uint64, error) {
			c := model.Concession{ItemID: 99, By: model.Us, To: dec("1"), At: now}
			err := s.SaveConcession(negID, &c)
			return c.ID, err
		}},
		{"note in a missing meeting", func() (uint64, error) {
			n := model.Note{MeetingID: 99, Kind: model.KindNote, At: now, Text: "x"}
			err := s.SaveNote(negID, &n)
			return n.ID, err
		}},
		{"follow-up in a missing negotiation", func() (uint64, error) {
			f := model.FollowUp{Side: model.InternalSide, Role: "finance", Action: "x"}
			err := s.SaveFollowUp(99, &f)
			return f.ID, err
		}},
		{"scenario in a missing negotiation", func() (uint64, error) {
			sc := model.Scenario{Name: "x", Kind: model.ProfitScenario}
			err := s.SaveScenario(99, &sc)
			return sc.ID, err
		}},
	} {
		id, err := tc.save()
		if err == nil {
			t.Errorf("%s: saved", tc.name)
		}
		if id != 0 {
			t.Errorf("%s: the refused record got ID %d", tc.name, id)
		}
	}
}

// When the commit itself fails (here: the file may not grow, as on a full
// disk), the caller's value must not carry an ID that was never written.
func TestSaveFailingAtCommitKeepsIDZero(t *testing.T) {
	s, negID := demoStore(t)
	info := stateOf(t, s.Path())
	s.maxSize = len(info.data)
	big := strings.Repeat("a long note ", 100_000)

	it := newItem("Delivery window")
	it.Note = big
	if err := s.SaveItem(negID, &it); err == nil {
		t.Fatal("the file grew past its limit: this test cannot make a commit fail")
	}
	if it.ID != 0 || it.Order != 0 {
		t.Errorf("item: after a failed commit the caller has ID %d, order %d", it.ID, it.Order)
	}

	a := model.Account{Name: "Brightway", Kind: model.Retail, Notes: big}
	if err := s.SaveAccount(&a); err == nil {
		t.Fatal("SaveAccount: the commit did not fail")
	}
	if a.ID != 0 {
		t.Errorf("account: after a failed commit the caller has ID %d", a.ID)
	}

	account := dossier(t, s, negID).Account.ID
	n := model.Negotiation{AccountID: account, Title: big, Stage: model.StagePrepare, Status: model.Active, Currency: "EUR", Created: now}
	if err := s.SaveNegotiation(&n); err == nil {
		t.Fatal("SaveNegotiation: the commit did not fail")
	}
	if n.ID != 0 {
		t.Errorf("negotiation: after a failed commit the caller has ID %d", n.ID)
	}

	s.maxSize = 0
	s = reopen(t, s)
	if a, n := count(t, s); a != 1 || n != 1 {
		t.Errorf("%d accounts and %d negotiations after failed commits, want 1 and 1", a, n)
	}
}
