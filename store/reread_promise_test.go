package store

import (
	"testing"
	"time"

	"github.com/parley-app/parley/model"
)

// A reread the log cannot plan (a reader further behind than the log
// keeps, a write by an older Parley) walks every record and decodes only
// those whose bytes changed; after every kind of change it gives exactly
// what a whole read gives, and hands out lists no append can write under.
func TestRereadWithoutTheLogMatchesAWholeRead(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	if _, err := s.Rereader().Dossier(negID); err != nil { // takes what Open read
		t.Fatal(err)
	}
	r := s.Rereader()
	var got *model.Dossier
	read := func(step string, decoded int) {
		t.Helper()
		r.token = 0 // the log cannot show what changed since the last read
		got = rereadLikeWhole(t, r, other, negID, step)
		if r.decoded != decoded {
			t.Errorf("%s: decoded %d ledger, note and follow-up records, want %d", step, r.decoded, decoded)
		}
		if cap(got.Notes) != len(got.Notes) || cap(got.Ledger) != len(got.Ledger) || cap(got.FollowUps) != len(got.FollowUps) {
			t.Errorf("%s: a list handed out has room to append under the next read", step)
		}
	}
	note := func(at time.Time, text string) model.Note {
		t.Helper()
		n := model.Note{Kind: model.KindNote, At: at, Text: text}
		if err := other.SaveNote(negID, &n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	whole := dossier(t, other, negID)
	read("the first read", len(whole.Ledger)+len(whole.Notes)+len(whole.FollowUps))
	late := note(now.Add(time.Hour), "at the end")
	read("a note added at the end", 1)
	before := got
	read("nothing changed since", 0)
	note(now.Add(2*time.Hour), "one more")
	note(now.Add(3*time.Hour), "and another")
	read("two notes added at the end", 2)
	// Records added at the end are written after the last read's, into the
	// room of the array the reader keeps: no new array of every note.
	if &got.Notes[0] != &before.Notes[0] {
		t.Error("two notes added at the end: the notes were copied to a new array")
	}
	note(whole.Notes[0].At.Add(-time.Hour), "before the first meeting")
	read("a note added before the others", 1)
	late.Text = "at the end, edited"
	if err := other.SaveNote(negID, &late); err != nil {
		t.Fatal(err)
	}
	read("a note edited", 1)
	if err := other.DeleteNote(negID, whole.Notes[0].ID); err != nil {
		t.Fatal(err)
	}
	note(now.Add(4*time.Hour), "after a delete")
	read("a note deleted and one added at the end", 1)
	if err := other.DeleteNote(negID, whole.Notes[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := other.DeleteNote(negID, late.ID); err != nil {
		t.Fatal(err)
	}
	note(now.Add(5*time.Hour), "after two deletes")
	read("two notes deleted and one added at the end", 1)
	f := whole.FollowUps[1]
	f.Done, f.DoneAt = true, now.Add(2*time.Hour)
	if err := other.SaveFollowUp(negID, &f); err != nil {
		t.Fatal(err)
	}
	read("a follow-up done", 1)
	last := whole.Ledger[len(whole.Ledger)-1]
	if err := other.DeleteConcession(negID, last.ID); err != nil {
		t.Fatal(err)
	}
	read("the last move deleted", 0)
}

// A negotiation with an empty large bucket (no follow-ups yet) reads again
// after changes made elsewhere as it reads whole, the first follow-up
// added included, whether or not the log plans the read.
func TestRereadOfANegotiationWithoutFollowUps(t *testing.T) {
	s := openStore(t, tempDB(t))
	d := model.Demo(now)
	d.FollowUps = nil
	negID, err := s.AddDossier(d)
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	other := openStore(t, s.Path())
	r := s.Rereader()
	read := func(step string) {
		t.Helper()
		rereadLikeWhole(t, r, other, negID, step)
	}
	read("first read")
	n := model.Note{Kind: model.KindNote, At: now.Add(time.Hour), Text: "no checklist yet"}
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	read("a note added")
	if _, err := other.AddFollowUps(negID, []model.FollowUp{{Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Load the prices", Due: now}}); err != nil {
		t.Fatal(err)
	}
	read("the first follow-up added")
	if r.walked != 1 {
		t.Errorf("the first follow-up added: walked %d records, want the log's 1", r.walked)
	}
	// More records read again than the bucket held: the one edited, and
	// two more added.
	f := dossier(t, other, negID).FollowUps[0]
	f.Done, f.DoneAt = true, now.Add(2*time.Hour)
	if err := other.SaveFollowUp(negID, &f); err != nil {
		t.Fatal(err)
	}
	if _, err := other.AddFollowUps(negID, []model.FollowUp{
		{Side: model.CustomerSide, Role: model.RoleBuyers, Action: "Confirm the terms", Due: now},
		{Side: model.CustomerSide, Role: model.RoleBuyers, Action: "Send the listing", Due: now},
	}); err != nil {
		t.Fatal(err)
	}
	read("the follow-up done and two more added")
}

// When the log plans a reread, records added at the end are written after
// the last read's into the room of the array the reader keeps, as they are
// on a walk: a reload after a note makes no new array of every note.
func TestALoggedRereadAppendsIntoTheReadersArray(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	r := s.Rereader()
	read := func(step string) *model.Dossier {
		t.Helper()
		got := rereadLikeWhole(t, r, other, negID, step)
		if cap(got.Notes) != len(got.Notes) {
			t.Errorf("%s: the notes handed out have room to append under the next read", step)
		}
		return got
	}
	note := func(text string, h time.Duration) {
		t.Helper()
		n := model.Note{Kind: model.KindNote, At: now.Add(h), Text: text}
		if err := other.SaveNote(negID, &n); err != nil {
			t.Fatal(err)
		}
	}
	read("what Open read")
	note("one", 10*time.Hour)
	read("the walk that starts the log's reads")
	note("two", 11*time.Hour)
	before := read("a note, from the log")
	note("three", 12*time.Hour)
	note("four", 13*time.Hour)
	got := read("two notes, from the log")
	if r.walked != 2 {
		t.Fatalf("two notes: walked %d, want the log's 2", r.walked)
	}
	if &got.Notes[0] != &before.Notes[0] {
		t.Error("two notes added at the end: the notes were copied to a new array")
	}
	// An edit is the one record, and the read after it goes on from the
	// log as well.
	n := got.Notes[0]
	n.Text += " (edited)"
	if err := other.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	read("a note edited")
	note("five", 14*time.Hour)
	read("a note after the edit")
	if r.walked != 1 {
		t.Errorf("a note after the edit: walked %d, want the log's 1", r.walked)
	}
}

// A commit that lands while a reread runs makes the read unstable: it is
// not offered to other sessions as the file's version. The next reread
// still goes on from the transaction it read, through the log, instead of
// walking every record again: on a team server, where the commits of a
// burst land during nearly every read, every session walked every record
// at every reload.
func TestARereadTheFileMovedUnderGoesOnFromWhatItRead(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	r := s.Rereader()
	rereadLikeWhole(t, r, other, negID, "first read")
	note := func(text string) {
		t.Helper()
		if err := other.SaveNote(negID, &model.Note{Kind: model.KindNote, At: now.Add(time.Hour), Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	note("before the read")
	afterSharedRead = func() {
		afterSharedRead = nil
		note("while the file is read")
	}
	t.Cleanup(func() { afterSharedRead = nil })
	d, err := r.Dossier(negID)
	if err != nil {
		t.Fatal(err)
	}
	if !hasText(d, "before the read") || hasText(d, "while the file is read") {
		t.Fatalf("the read is not of the transaction it began in")
	}
	note("after the read")
	rereadLikeWhole(t, r, other, negID, "the read after")
	if r.walked != 2 {
		t.Errorf("the read after: walked %d records, want the log's 2 (the notes since the read)", r.walked)
	}
}

// hasText reports whether d has a note of that text.
func hasText(d *model.Dossier, text string) bool {
	for _, n := range d.Notes {
		if n.Text == text {
			return true
		}
	}
	return false
}

// A reread after a note elsewhere takes the small buckets' lists from the
// last read, the same arrays, decoded once: the figures are seen to be as
// they were without comparing every item. A bucket whose bytes changed is
// decoded anew, and what the reread returns is a whole read's all along.
func TestARereadKeepsTheSmallListsThatDidNotChange(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	r := s.Rereader()
	first := rereadLikeWhole(t, r, other, negID, "first read")
	first = rereadLikeWhole(t, r, other, negID, "the read after it") // the first one took what Open had checked
	saveNoteT(t, other, negID, "a note, and nothing else")
	d := rereadLikeWhole(t, r, other, negID, "a note added")
	if &d.Items[0] != &first.Items[0] || &d.Meetings[0] != &first.Meetings[0] || &d.Packages[0] != &first.Packages[0] {
		t.Error("a note added: the items, meetings or packages were decoded again")
	}
	if !first.SameFigures(d) {
		t.Error("a note added: the figures are not the same")
	}
	it := d.Items[0]
	it.Title = "renamed elsewhere"
	if err := other.SaveItem(negID, &it); err != nil {
		t.Fatal(err)
	}
	e := rereadLikeWhole(t, r, other, negID, "an item renamed")
	if &e.Items[0] == &d.Items[0] {
		t.Error("an item renamed: the items were taken from the last read")
	}
	if &e.Meetings[0] != &d.Meetings[0] {
		t.Error("an item renamed: the meetings were decoded again")
	}
	if d.SameFigures(e) {
		t.Error("an item renamed: the figures are said to be the same")
	}
}

// TestSessionsTakeTheSmallListsTheOthersHold: two workbenches of one
// process, each reading the negotiation again after notes saved elsewhere,
// the first reading one note and the second the next. The second holds
// the very agenda, meetings, packages and ledger the first holds, so that
// each finds at a glance that the figures stand; a concession changed
// then gives the second a ledger of its own.
func TestSessionsTakeTheSmallListsTheOthersHold(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	a, b := s.Rereader(), s.Session().Rereader()
	for _, r := range []*Rereader{a, b} {
		rereadLikeWhole(t, r, other, negID, "first read")
		rereadLikeWhole(t, r, other, negID, "the read after it")
	}
	saveNoteT(t, other, negID, "a note the first session reads")
	da := rereadLikeWhole(t, a, other, negID, "the first session after a note")
	saveNoteT(t, other, negID, "a note the second session reads first")
	db := rereadLikeWhole(t, b, other, negID, "the second session after another note")
	if &db.Items[0] != &da.Items[0] || &db.Meetings[0] != &da.Meetings[0] || &db.Packages[0] != &da.Packages[0] {
		t.Error("the second session decoded the items, meetings or packages again")
	}
	if &db.Ledger[0] != &da.Ledger[0] {
		t.Error("the second session holds a ledger of its own")
	}
	if !da.SameFigures(db) {
		t.Error("the figures are not the same")
	}
	c := da.Ledger[0]
	c.Note = "put otherwise elsewhere"
	if err := other.SaveConcession(negID, &c); err != nil {
		t.Fatal(err)
	}
	// (rereadLikeWhole fails when the ledger is the one held before.)
	dc := rereadLikeWhole(t, b, other, negID, "the second session after a concession changed")
	if &dc.Ledger[0] == &da.Ledger[0] || da.SameFigures(dc) {
		t.Error("after a concession changed the second session holds the ledger it held before")
	}
}
