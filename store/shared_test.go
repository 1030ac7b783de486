package store

import (
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// The sessions of one Store share what one of them read of a version of
// the file: fifty workbenches told of one commit decode it once.
func TestSessionsShareOneReadOfAVersion(t *testing.T) {
	tm := newTeam(t)
	mia, ada := tm.mia.Rereader(), tm.ada.Rereader()
	first, err := mia.Dossier(tm.negID)
	if err != nil {
		t.Fatal(err)
	}
	second, err := ada.Dossier(tm.negID)
	if err != nil {
		t.Fatal(err)
	}
	if second != first || ada.decoded != 0 {
		t.Fatalf("the second session decoded %d records and got its own copy (%v); want the first's read, shared", ada.decoded, second != first)
	}

	// A commit makes a new version: the next read is a read of the file.
	n := model.Note{Kind: model.KindNote, Text: "after the call", At: now}
	if err := tm.ann.SaveNote(tm.negID, &n); err != nil {
		t.Fatal(err)
	}
	third, err := ada.Dossier(tm.negID)
	if err != nil {
		t.Fatal(err)
	}
	if third == first {
		t.Fatal("a read after a commit took what was read before it")
	}
	if _, ok := noteByID(third, n.ID); !ok {
		t.Fatal("the note committed is not in the read after it")
	}
	if again, _ := mia.Dossier(tm.negID); again != third {
		t.Fatal("the second read of the new version was not shared")
	}
}

// What one session read is handed to another only when the team's rule
// lets that person see it: sharing never widens who sees what.
func TestASharedReadIsOnlyForThoseWhoMaySeeIt(t *testing.T) {
	tm := newTeam(t)
	if _, err := tm.ann.Rereader().Dossier(tm.negID); err != nil {
		t.Fatal(err)
	}
	d, err := tm.bob.Rereader().Dossier(tm.negID)
	if !errors.Is(err, ErrNotYours) || d != nil {
		t.Fatalf("bob, of another team, read ann's negotiation from the shared read: %v, %v", d != nil, err)
	}
	for _, who := range []*Store{tm.mia, tm.ada, tm.file} {
		if _, err := who.Rereader().Dossier(tm.negID); err != nil {
			t.Fatalf("%q may see it: %v", who.Person(), err)
		}
	}
}

// People are read once a version, and a change to them is seen at once.
func TestPeopleAreReadAgainAfterAChange(t *testing.T) {
	tm := newTeam(t)
	before, err := tm.ada.People()
	if err != nil {
		t.Fatal(err)
	}
	if err := tm.file.AddPerson(model.Person{Name: "cy", Role: model.RoleKAM, Keys: []string{newKey(t)}}); err != nil {
		t.Fatal(err)
	}
	after, err := tm.mia.People()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := after["cy"]; !ok || len(after) != len(before)+1 {
		t.Fatalf("people after adding cy: %d (cy: %v); want %d", len(after), ok, len(before)+1)
	}
	delete(after, "ada") // the caller's copy: the next caller still sees ada
	if again, _ := tm.bob.People(); again["ada"].Name != "ada" {
		t.Fatal("a caller's change to the people it was given reached another caller")
	}
}

// A note leaves the people and access as they were: the next version
// takes them as decoded before, in every read that asks who sees what (the
// header's count of requests to decide, the negotiation a command picks,
// the list of negotiations). Sharing an account changes the access, and
// the next read decodes it again once, and shows it.
func TestTheTeamIsDecodedOnlyWhenItChanges(t *testing.T) {
	tm := newTeam(t)
	if _, err := tm.mia.People(); err != nil {
		t.Fatal(err)
	}
	before := teamDecodes.Load()
	saveNoteT(t, tm.ann, tm.negID, "leaves the team as it was")
	if _, err := tm.mia.People(); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.mia.Approvals(false); err != nil {
		t.Fatal(err)
	}
	if id, err := tm.ann.Active(); err != nil || id != tm.negID {
		t.Fatalf("ann's active negotiation: %d, %v; want %d", id, err, tm.negID)
	}
	if negs, err := tm.ann.Negotiations(); err != nil || len(negs) != 1 {
		t.Fatalf("ann's negotiations: %v, %v; want one", negs, err)
	}
	if n := teamDecodes.Load() - before; n != 0 {
		t.Errorf("after a note, the team was decoded %d times, want 0", n)
	}
	d := dossier(t, tm.ann, tm.negID)
	if may, _, err := tm.bob.MayChange(tm.negID); !errors.Is(err, ErrNotYours) || may {
		t.Fatalf("bob before ann's account is shared with him: %v, %v; want ErrNotYours", may, err)
	}
	if err := tm.file.ShareAccount(d.Account.ID, "bob"); err != nil {
		t.Fatal(err)
	}
	before = teamDecodes.Load()
	for range 2 {
		if may, why, err := tm.bob.MayChange(tm.negID); err != nil || !may {
			t.Errorf("bob after ann's account was shared with him: %v, %q, %v", may, why, err)
		}
		if negs, err := tm.bob.Negotiations(); err != nil || len(negs) != 1 {
			t.Errorf("bob's negotiations after the share: %v, %v; want one", negs, err)
		}
	}
	if n := teamDecodes.Load() - before; n != 1 {
		t.Errorf("after sharing an account, the team was decoded %d times, want 1", n)
	}
}

// A command borrowing a session of the server's store writes through the
// server's handle and leaves it open when it closes: a hundred commands
// over SSH do not each open the file, nor make the server open it again,
// nor rename the server in the lock-info file.
func TestABorrowedSessionLeavesTheHandles(t *testing.T) {
	s, negID := demoStore(t)
	s.SetCommand("parley serve")
	handle := s.writer.db
	if handle == nil {
		t.Fatal("the store has no write handle after a write")
	}
	b := s.Borrow("")
	b.SetCommand("parley serve: note")
	n := model.Note{Kind: model.KindNote, At: now, Text: "over ssh"}
	if err := b.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if s.writer.db != handle {
		t.Error("the borrowed session's write or close replaced the store's handle")
	}
	if got := s.who.command; got != "parley serve" {
		t.Errorf("the lock-info names %q, want the server", got)
	}
	if _, ok := noteByID(dossier(t, s, negID), n.ID); !ok {
		t.Error("the note written through the borrowed session is not in the file")
	}
}

// teamBytesAre says the team's records are the bytes teamBytes wrote of
// them, and no longer once a person is added, an account shared or a
// person removed; nor for those bytes cut short or run on.
func TestTeamBytesAreTheRecordsAsWritten(t *testing.T) {
	tm := newTeam(t)
	var raw []byte
	look := func() (same bool) {
		t.Helper()
		if err := tm.file.view(func(tx *bolt.Tx) error {
			same = teamBytesAre(tx, raw)
			raw = teamBytes(tx)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return same
	}
	look()
	if !look() {
		t.Fatal("the records as just written are not the same bytes")
	}
	for _, w := range []struct {
		name   string
		change func() error
	}{
		{"a person added", func() error {
			return tm.file.AddPerson(model.Person{Name: "cat", Role: model.RoleKAM, Keys: []string{newKey(t)}})
		}},
		{"an account shared", func() error { return tm.file.ShareAccount(dossier(t, tm.ann, tm.negID).Account.ID, "bob") }},
		{"a person removed", func() error { return tm.file.RemovePerson("cat") }},
	} {
		if err := w.change(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if look() {
			t.Errorf("after %s, the records are still the bytes of before", w.name)
		}
	}
	if err := tm.file.view(func(tx *bolt.Tx) error {
		for _, bad := range [][]byte{raw[:len(raw)-1], append(slices.Clone(raw), 0), nil} {
			if teamBytesAre(tx, bad) {
				t.Errorf("%d bytes of %d taken for the records", len(bad), len(raw))
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// version reads the file's version through a descriptor the store keeps:
// it sees commits made in place, a file put in the place of the one kept
// (a restore), and a file gone.
func TestVersionFollowsTheFileAtThePath(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	want := func(step string) fileVersion {
		t.Helper()
		got, err := s.version()
		fresh, ferr := versionOf(path)
		if err != nil || ferr != nil || got != fresh {
			t.Fatalf("%s: version %+v, %v; a fresh look %+v, %v", step, got, err, fresh, ferr)
		}
		return got
	}
	first := want("the first look")
	want("a look through the descriptor kept")
	saveNoteT(t, s, negID, "in place")
	if v := want("after a commit"); v.tx <= first.tx {
		t.Errorf("after a commit the version is %+v, as before (%+v)", v, first)
	}
	restoreWithNote(t, path, negID, "only in the restored file")
	if v := want("after a restore"); v.ino == first.ino {
		t.Errorf("after a restore the version is still of the file replaced: %+v", v)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.version(); err == nil {
		t.Error("the file is gone, and version found it")
	}
}
