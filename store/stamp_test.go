package store

import (
	"strconv"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/parley-app/parley/model"
)

// allStamps lists the stamp of every record of a dossier, by what it is.
func allStamps(d *model.Dossier) map[string]model.Stamp {
	out := map[string]model.Stamp{"account": d.Account.Stamp, "negotiation": d.Negotiation.Stamp}
	add := func(what string, id uint64, st model.Stamp) { out[what+" "+itoa(id)] = st }
	for _, r := range d.Items {
		add("item", r.ID, r.Stamp)
	}
	for _, r := range d.Meetings {
		add("meeting", r.ID, r.Stamp)
	}
	for _, r := range d.Ledger {
		add("concession", r.ID, r.Stamp)
	}
	for _, r := range d.Notes {
		add("note", r.ID, r.Stamp)
	}
	for _, r := range d.FollowUps {
		add("follow-up", r.ID, r.Stamp)
	}
	for _, r := range d.Scenarios {
		add("scenario", r.ID, r.Stamp)
	}
	for _, r := range d.Packages {
		add("package", r.ID, r.Stamp)
	}
	for _, r := range d.Budgets {
		add("budget", r.ID, r.Stamp)
	}
	for _, r := range d.Cleared {
		add("cleared", r.ConcessionID, r.Stamp)
	}
	for _, r := range d.Decisions {
		add("decision", r.ID, r.Stamp)
	}
	return out
}

func itoa(id uint64) string { return strconv.FormatUint(id, 10) }

// Every record the store makes, of every kind, has a UID of its own and is
// Updated at the change that made it.
func TestNewRecordsAreStamped(t *testing.T) {
	s := openStore(t, tempDB(t))
	t1 := time.Date(2027, 3, 8, 14, 20, 0, 0, time.UTC)
	clockAt(s, t1)
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatal(err)
	}
	d := dossier(t, s, negID)
	t2 := t1.Add(time.Hour)
	clockAt(s, t2)
	fresh := map[string]bool{}
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	a := model.Account{Name: "Brightway Wholesale", Kind: model.Retail}
	must("account", s.SaveAccount(&a))
	n := model.Negotiation{AccountID: a.ID, Title: "2027 distribution", Stage: model.StagePrepare, Status: model.Active, Currency: "EUR", Created: now}
	must("negotiation", s.SaveNegotiation(&n))
	it := model.AgendaItem{Topic: model.TopicOther, Title: "Shelf audit", Status: model.ItemOpen, Weight: 10}
	must("item", s.SaveItem(negID, &it))
	m := model.Meeting{Number: 3, Started: now, Ended: now.Add(time.Hour)}
	must("meeting", s.SaveMeeting(negID, &m))
	note := model.Note{Kind: model.KindNote, At: now, Text: "a new note"}
	must("note", s.SaveNote(negID, &note))
	f := model.FollowUp{Side: model.CustomerSide, Role: "buyers", Action: "sign"}
	must("follow-up", s.SaveFollowUp(negID, &f))
	sc := model.Scenario{Name: "Second listing", Kind: model.CategoryScenario}
	must("scenario", s.SaveScenario(negID, &sc))
	p := model.Package{Name: "Second proposal", Origin: model.OriginProposal, Values: model.Values{d.Items[0].ID: dec("24.00")}}
	must("package", s.SavePackage(negID, &p))
	c, err := model.ParseCapture("we 1 24.40", d.Items)
	must("parse", err)
	_, err = s.Capture(negID, c, now, 0, "", true)
	must("capture", err)
	b := model.Budget{ItemID: d.Items[0].ID, Value: dec("23.90"), At: now}
	must("budget", s.SaveBudget(negID, &b))
	must("clear owed", s.ClearOwed(negID, d.Ledger[1].ID, now))
	must("suggestion", s.AcceptSuggestion(negID, model.Suggestion{Item: d.Items[1], After: 2, Value: 60}, now))
	for _, st := range []model.Stamp{a.Stamp, n.Stamp, it.Stamp, m.Stamp, note.Stamp, f.Stamp, sc.Stamp, p.Stamp} {
		if st.UID == "" || !st.Updated.Equal(t2) {
			t.Errorf("a saved record came back stamped %+v, want a UID and %v", st, t2)
		}
	}

	after := dossier(t, s, negID)
	stamps := allStamps(after)
	stamps["other account"], stamps["other negotiation"] = a.Stamp, n.Stamp
	seen := map[string]string{}
	for what, st := range stamps {
		if _, err := ulid.ParseStrict(st.UID); err != nil {
			t.Errorf("%s: uid %q is not a ULID", what, st.UID)
		}
		if other, dup := seen[st.UID]; dup {
			t.Errorf("%s and %s share the uid %s", what, other, st.UID)
		}
		seen[st.UID] = what
		was, existed := allStamps(d)[what]
		switch {
		case !existed:
			fresh[what] = true
			if !st.Updated.Equal(t2) {
				t.Errorf("new %s updated %v, want %v", what, st.Updated, t2)
			}
		case st.UID != was.UID:
			t.Errorf("%s changed its uid", what)
		}
	}
	// Account and negotiation saved, plus one of each kind in the
	// negotiation (the capture's concession, the accepted suggestion).
	if len(fresh) < 12 {
		t.Errorf("only %d new records: %v", len(fresh), fresh)
	}
}

// A record saved again keeps its UID, whatever the caller's copy says, and
// its Updated moves to the save; records a change rewrites move too.
func TestSaveKeepsUIDAndMovesUpdated(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	it := d.Items[0]
	uid := it.UID
	t1 := it.Updated.Add(time.Hour)
	clockAt(s, t1)
	it.Note = "edited"
	it.UID = "01ARZ3NDEKTSV4RRFFQ69G5FAV" // a copy with a wrong UID cannot change it
	if err := s.SaveItem(negID, &it); err != nil {
		t.Fatal(err)
	}
	if it.UID != uid || !it.Updated.Equal(t1) {
		t.Errorf("the saved copy says %+v, want uid %s updated %v", it.Stamp, uid, t1)
	}
	got := dossier(t, s, negID).Items[0]
	if got.UID != uid || !got.Updated.Equal(t1) || got.Note != "edited" {
		t.Errorf("read back: %+v, want uid %s updated %v", got.Stamp, uid, t1)
	}

	// Deleting an item rewrites the notes tagged to it: they move too.
	t2 := t1.Add(time.Hour)
	clockAt(s, t2)
	var tagged model.Note
	for _, n := range d.Notes {
		if n.ItemID == d.Items[1].ID {
			tagged = n
		}
	}
	if err := s.DeleteItem(negID, d.Items[1].ID); err != nil {
		t.Fatal(err)
	}
	n, _ := noteByID(dossier(t, s, negID), tagged.ID)
	if n.UID != tagged.UID || !n.Updated.Equal(t2) || n.ItemID != 0 {
		t.Errorf("the untagged note: %+v item %d, want uid %s updated %v", n.Stamp, n.ItemID, tagged.UID, t2)
	}
}
