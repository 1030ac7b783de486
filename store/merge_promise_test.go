package store

import (
	"strings"
	"testing"
	"time"
)

// On a merge tie (both sides edited the same record at the same moment)
// the database's version wins, and the file's is kept as a note.
func TestImportTieKeepsTheDatabasesVersion(t *testing.T) {
	mine, negID := demoStore(t)
	theirs := colleague(t, mine)
	at := time.Now().UTC().Add(time.Hour).Truncate(time.Second)
	clockAt(theirs, at)
	clockAt(mine, at)
	item := dossier(t, theirs, 1).Items[1]
	item.Note = "Their words on payment"
	if err := theirs.SaveItem(1, &item); err != nil {
		t.Fatal(err)
	}
	myItem := itemByTitle(t, dossier(t, mine, negID), item.Title)
	myItem.Note = "Our words on payment"
	if err := mine.SaveItem(negID, &myItem); err != nil {
		t.Fatal(err)
	}

	clockAt(mine, at.Add(time.Hour))
	counts, err := mine.Import(export(t, theirs))
	if err != nil {
		t.Fatal(err)
	}
	if counts.Kept != 1 || counts.Updated != 0 {
		t.Errorf("a tie counted %+v, want 1 kept and none updated", counts)
	}
	got := dossier(t, mine, negID)
	if it := itemByTitle(t, got, item.Title); it.Note != myItem.Note {
		t.Errorf("after a tie the item says %q, want ours: %q", it.Note, myItem.Note)
	}
	found := false
	for _, n := range got.Notes {
		if strings.HasPrefix(n.Text, "Import: item") && strings.Contains(n.Text, "kept yours") && strings.Contains(n.Text, item.Note) {
			found = true
		}
	}
	if !found {
		t.Error("their version of the item is not kept as a note")
	}
}

// An import of a file the database already holds counts every record as
// the same: as many as the first import added.
func TestImportAgainCountsEveryRecordTheSame(t *testing.T) {
	mine, _ := demoStore(t)
	path := export(t, mine)
	theirs := openStore(t, tempDB(t))
	first, err := theirs.Import(path)
	if err != nil {
		t.Fatal(err)
	}
	again, err := theirs.Import(path)
	if err != nil {
		t.Fatal(err)
	}
	if first.Added == 0 || again.Same != first.Added || !again.NothingNew() {
		t.Errorf("the first import added %d; again: %+v, want all %d the same", first.Added, again, first.Added)
	}
}
