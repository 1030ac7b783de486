package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
)

// clockAt sets the time s stamps its changes with.
func clockAt(s *Store, t time.Time) { s.clock = func() time.Time { return t } }

// colleague is a second database that imported s's export, so that both
// hold the same records under the same UIDs.
func colleague(t *testing.T, s *Store) *Store {
	t.Helper()
	c := openStore(t, tempDB(t))
	counts, err := c.Import(export(t, s))
	if err != nil {
		t.Fatal(err)
	}
	if counts.Added == 0 || counts.Updated+counts.Kept+counts.Same != 0 {
		t.Fatalf("the colleague's first import counted %+v: want everything added", counts)
	}
	return c
}

// Importing the same file twice: the second import changes not a byte of
// the database and says there was nothing new; the export after it is the
// export before it.
func TestImportTwiceChangesNothing(t *testing.T) {
	source, _ := demoStore(t)
	path := export(t, source)
	target := openStore(t, tempDB(t))
	if _, err := target.Import(path); err != nil {
		t.Fatal(err)
	}
	before, file := exported(t, target), stateOf(t, target.Path()).data
	counts, err := target.Import(path)
	if err != nil {
		t.Fatal(err)
	}
	if !counts.NothingNew() || counts.Same == 0 || counts.Accounts != 1 || counts.Negotiations != 1 {
		t.Errorf("the second import counted %+v, want nothing new and every record the same", counts)
	}
	if after := exported(t, target); !bytes.Equal(after, before) {
		t.Errorf("the second import changed the export:\n%s", firstDifference(string(after), string(before)))
	}
	if !bytes.Equal(stateOf(t, target.Path()).data, file) {
		t.Error("the second import wrote to the file")
	}
	// The records kept the source's UIDs: the two exports differ only in
	// their local IDs.
	if a, b := exported(t, source), exported(t, target); !bytes.Equal(a, b) {
		t.Errorf("the imported database exports differently from its source:\n%s", firstDifference(string(b), string(a)))
	}
}

// A colleague's export of the same negotiation with a new note, a
// concession they edited after our copy of it, and an item they edited
// before we edited it too: the note is added, their concession replaces
// ours (ours is kept as a note), our item stays (theirs is kept as a note).
// Importing it again changes nothing.
func TestImportMergesAColleaguesExport(t *testing.T) {
	mine, negID := demoStore(t)
	theirs := colleague(t, mine)
	base := time.Now().UTC().Add(time.Hour).Truncate(time.Second)
	d := dossier(t, theirs, 1)

	clockAt(theirs, base.Add(time.Hour)) // their item edit: older than ours
	item := d.Items[1]
	item.Note = "Their finance director wants 75 days"
	if err := theirs.SaveItem(1, &item); err != nil {
		t.Fatal(err)
	}
	clockAt(theirs, base.Add(3*time.Hour)) // their note and concession: newer
	n := model.Note{Kind: model.KindNote, ItemID: item.ID, At: base, Text: "Dana called: the group floor is firm"}
	if err := theirs.SaveNote(1, &n); err != nil {
		t.Fatal(err)
	}
	c := d.Ledger[0]
	c.TradedFor = "payment at 45 days and e-invoicing"
	if err := theirs.SaveConcession(1, &c); err != nil {
		t.Fatal(err)
	}

	clockAt(mine, base.Add(2*time.Hour)) // our item edit
	ours := dossier(t, mine, negID)
	myItem := itemByTitle(t, ours, item.Title)
	myItem.Note = "Our finance director accepts 60 days"
	if err := mine.SaveItem(negID, &myItem); err != nil {
		t.Fatal(err)
	}
	myConcession := ours.Ledger[0]

	path := export(t, theirs)
	clockAt(mine, base.Add(4*time.Hour))
	counts, err := mine.Import(path)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Added != 1 || counts.Updated != 1 || counts.Kept != 1 {
		t.Errorf("the import counted %+v, want 1 added, 1 updated, 1 kept", counts)
	}
	got := dossier(t, mine, negID)
	if it := itemByTitle(t, got, item.Title); it.Note != myItem.Note || !it.Updated.Equal(base.Add(2*time.Hour)) {
		t.Errorf("the item says %q (updated %v), want ours: %q", it.Note, it.Updated, myItem.Note)
	}
	if gc, _ := concessionByID(got, myConcession.ID); gc.TradedFor != c.TradedFor || gc.UID != myConcession.UID {
		t.Errorf("the concession is traded for %q (uid %s), want theirs: %q (uid %s)", gc.TradedFor, gc.UID, c.TradedFor, myConcession.UID)
	}
	var added, keptYours, keptTheirs *model.Note
	for i, note := range got.Notes {
		switch {
		case note.UID == n.UID:
			added = &got.Notes[i]
		case strings.HasPrefix(note.Text, "Import: item"):
			keptYours = &got.Notes[i]
		case strings.HasPrefix(note.Text, "Import: concession"):
			keptTheirs = &got.Notes[i]
		}
	}
	if added == nil || added.Text != n.Text || added.ItemID != myItem.ID {
		t.Errorf("their new note: %+v, want %q on item %d", added, n.Text, myItem.ID)
	}
	wantYours := "Import: item “Payment terms”: kept yours of " + when(base.Add(2*time.Hour)) +
		" — theirs of " + when(base.Add(time.Hour)) + " said note Their finance director wants 75 days"
	if keptYours == nil || keptYours.Text != wantYours || keptYours.ItemID != myItem.ID {
		t.Errorf("the note keeping their item: %+v, want %q on item %d", keptYours, wantYours, myItem.ID)
	}
	wantTheirs := "Import: concession: kept theirs of " + when(base.Add(3*time.Hour)) +
		" — yours of " + when(myConcession.Updated) + " said traded for " + myConcession.TradedFor
	if keptTheirs == nil || keptTheirs.Text != wantTheirs || keptTheirs.ItemID != myConcession.ItemID {
		t.Errorf("the note keeping our concession: %+v, want %q on item %d", keptTheirs, wantTheirs, myConcession.ItemID)
	}

	before := exported(t, mine)
	again, err := mine.Import(path)
	if err != nil || !again.NothingNew() {
		t.Errorf("importing it again counted %+v, %v; want nothing new", again, err)
	}
	if !bytes.Equal(exported(t, mine), before) {
		t.Error("importing it again changed the database")
	}
	// The import is one change in the journal: undo takes all of it back.
	if label, err := mine.Undo(); err != nil || !strings.Contains(label, "imported") {
		t.Fatalf("undo after the import: %q, %v", label, err)
	}
	if it := itemByTitle(t, dossier(t, mine, negID), item.Title); len(dossier(t, mine, negID).Notes) != len(ours.Notes) || it.Note != myItem.Note {
		t.Error("undo did not take the whole import back")
	}
}

// An import in which every record conflicts is still written all or
// nothing: a failure after half of its writes leaves no trace.
func TestImportConflictingEverywhereIsAllOrNothing(t *testing.T) {
	mine, negID := demoStore(t)
	theirs := colleague(t, mine)
	clockAt(theirs, time.Now().UTC().Add(time.Hour))
	d := dossier(t, theirs, 1)
	for _, it := range d.Items {
		it.Note += " (checked)"
		if err := theirs.SaveItem(1, &it); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range d.Notes {
		n.Text += " (checked)"
		if err := theirs.SaveNote(1, &n); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range d.Meetings {
		m.Place += " (checked)"
		if err := theirs.SaveMeeting(1, &m); err != nil {
			t.Fatal(err)
		}
	}
	conflicts := len(d.Items) + len(d.Notes) + len(d.Meetings)
	path := export(t, theirs)

	before := exported(t, mine)
	injected := errors.New("disk pulled out")
	writes := 0
	mine.importFault = func(n int) error {
		writes = n
		if n > conflicts {
			return injected
		}
		return nil
	}
	if _, err := mine.Import(path); !errors.Is(err, injected) {
		t.Fatalf("the import with a failure half way: %v", err)
	}
	if writes <= conflicts/2 {
		t.Fatalf("the failure came after %d writes: not half way through %d conflicts", writes, conflicts)
	}
	mine = reopen(t, mine)
	if after := exported(t, mine); !bytes.Equal(after, before) {
		t.Errorf("a failed import left part of itself:\n%s", firstDifference(string(after), string(before)))
	}
	counts, err := mine.Import(path)
	if err != nil || counts.Updated != conflicts || counts.Added != 0 {
		t.Errorf("the import without a failure counted %+v, %v; want %d updated", counts, err, conflicts)
	}
	if got := len(dossier(t, mine, negID).Notes); got != len(d.Notes)+conflicts {
		t.Errorf("%d notes after the import, want %d (ours, now theirs, and one for each conflict)", got, len(d.Notes)+conflicts)
	}
}

// Records both sides added on their own can make a negotiation that does
// not hold together (two meetings numbered 3): the merge is refused whole.
func TestImportRefusesAMergeThatDoesNotHoldTogether(t *testing.T) {
	mine, negID := demoStore(t)
	theirs := colleague(t, mine)
	for _, side := range []struct {
		s     *Store
		negID uint64
	}{{mine, negID}, {theirs, 1}} {
		m := model.Meeting{Number: 3, Started: now, Ended: now.Add(time.Hour), Place: "Leeds"}
		if err := side.s.SaveMeeting(side.negID, &m); err != nil {
			t.Fatal(err)
		}
	}
	before := exported(t, mine)
	_, err := mine.Import(export(t, theirs))
	if err == nil || !strings.Contains(err.Error(), "meeting 3") || !strings.Contains(err.Error(), "--as-copy") {
		t.Errorf("merging two meetings 3: %v", err)
	}
	if !bytes.Equal(exported(t, mine), before) {
		t.Error("the refused merge changed the database")
	}
}

// An import as a copy adds a second copy with new UIDs, as the import
// before merging did.
func TestImportCopyAddsASecondCopy(t *testing.T) {
	s, negID := demoStore(t)
	counts, err := s.ImportCopy(export(t, s))
	if err != nil || counts.Updated+counts.Kept+counts.Same != 0 || counts.Added == 0 {
		t.Fatalf("import as a copy: %+v, %v", counts, err)
	}
	if a, n := count(t, s); a != 2 || n != 2 {
		t.Fatalf("%d accounts and %d negotiations, want 2 and 2", a, n)
	}
	orig := dossier(t, s, negID)
	copied := dossier(t, s, negID+1)
	assertSameDossier(t, copied, orig)
	if copied.Negotiation.UID == orig.Negotiation.UID || copied.Items[0].UID == orig.Items[0].UID || copied.Account.UID == orig.Account.UID {
		t.Error("the copy has the original's UIDs")
	}
}
