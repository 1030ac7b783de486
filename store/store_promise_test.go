package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/parley-app/parley/model"
)

// Promises of the store that a mutation run (gremlins, README:
// Development) found no test holding. Each test fails when the promise
// breaks; the comment says which change of the code it was seen failing on.

// A line captured outside the workbench goes into the current negotiation
// only while it is active: once the current one is agreed, the newest
// active one takes it (fails when Active picks the current whatever it is).
func TestActiveSkipsACurrentNegotiationNoLongerActive(t *testing.T) {
	path := twoNegotiations(t) // 1 and 2; 2 is current
	s := openStore(t, path)
	if err := s.SetCurrent(1); err != nil {
		t.Fatal(err)
	}
	if id, err := s.Active(); err != nil || id != 1 {
		t.Fatalf("Active with 1 current and active: %d, %v", id, err)
	}
	first := dossier(t, s, 1).Negotiation
	first.Status = model.Agreed
	if err := s.SaveNegotiation(&first); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCurrent(1); err != nil {
		t.Fatal(err)
	}
	if id, err := s.Active(); err != nil || id != 2 {
		t.Errorf("Active with 1 current but agreed: %d, %v; want 2", id, err)
	}
}

// Saving a negotiation that exists hands back its new stamp, as the file
// holds it (fails when the save returns before taking the stamp).
func TestSavingANegotiationReturnsItsStamp(t *testing.T) {
	s, negID := demoStore(t)
	later := now.Add(3 * time.Hour)
	s.clock = func() time.Time { return later }
	n := dossier(t, s, negID).Negotiation
	n.Title = "2027 terms, revised"
	if err := s.SaveNegotiation(&n); err != nil {
		t.Fatal(err)
	}
	if !n.Updated.Equal(later) {
		t.Errorf("the saved negotiation says updated %v, want %v", n.Updated, later)
	}
	if got := dossier(t, reopen(t, s), negID).Negotiation; got.Stamp != n.Stamp {
		t.Errorf("the file's stamp %+v is not the one handed back %+v", got.Stamp, n.Stamp)
	}
}

// A value to them of 0 and of 100 are both within the scale, on accepting
// a suggestion as when typed (fails when either bound is refused).
func TestSuggestionsAtEitherEndOfTheScaleAreAccepted(t *testing.T) {
	s, negID := demoStore(t)
	sg := dossier(t, s, negID).Replay().Suggestions()
	if len(sg) < 2 {
		t.Fatalf("%d suggestions on the demo", len(sg))
	}
	sg[0].Value, sg[1].Value = 0, 100
	if err := s.DecideSuggestions(negID, sg[:2], true, now); err != nil {
		t.Fatalf("accepting values 0 and 100: %v", err)
	}
	d := dossier(t, s, negID)
	for _, want := range sg[:2] {
		if it, _ := d.Item(want.Item.ID); it.ValueToThem != want.Value {
			t.Errorf("%s: value to them %d, want %d", it.Title, it.ValueToThem, want.Value)
		}
	}
	for _, v := range []int{-1, 101} {
		sg[0].Value = v
		if err := s.DecideSuggestions(negID, sg[:1], true, now); err == nil {
			t.Errorf("a value to them of %d was accepted", v)
		}
	}
}

// Undo names a decision on one suggestion by its item, and one on several
// by their count (fails when the two labels are swapped).
func TestUndoNamesTheSuggestionsDecided(t *testing.T) {
	s, negID := demoStore(t)
	sg := dossier(t, s, negID).Replay().Suggestions()
	if len(sg) < 2 {
		t.Fatalf("%d suggestions on the demo", len(sg))
	}
	if err := s.DecideSuggestions(negID, sg[:1], true, now); err != nil {
		t.Fatal(err)
	}
	label, err := s.Undo()
	if err != nil || !strings.Contains(label, "accepted the suggestion for item") {
		t.Errorf("undo of one suggestion: %q, %v", label, err)
	}
	if err := s.DecideSuggestions(negID, sg[:2], false, now); err != nil {
		t.Fatal(err)
	}
	label, err = s.Undo()
	if err != nil || !strings.Contains(label, "dismissed 2 suggestions") {
		t.Errorf("undo of two suggestions: %q, %v", label, err)
	}
}

// A backup is refused onto the lock-info file's name even before that file
// exists (fails when names are never compared, only files).
func TestBackupRefusesTheLockInfoNameWithNoFileThere(t *testing.T) {
	s, _ := demoStore(t)
	info := lockInfoPath(s.Path())
	s.Close()
	if err := os.Remove(info); err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(s.Path()) // reads, so names no holder: no lock-info file
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := os.Stat(info); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the lock-info file is there (%v): the test needs it missing", err)
	}
	if err := r.Backup(info); err == nil || !strings.Contains(err.Error(), "lock-info") {
		t.Errorf("Backup onto the lock-info name: %v", err)
	}
}

// Agreeing an item both sides already stand on at the same value closes it
// with no move, named by its title alone (fails when the label reads a last
// move there is none of).
func TestAgreeingWhereBothSidesStandNeedsNoMove(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	it := itemByTitle(t, d, "Payment terms")
	line := "they " + it.Title[:7] + " 45" // they come to our 45
	c, err := model.ParseCaptureIn(line, d.Items, d.Negotiation.Numbers())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Capture(negID, c, now, 0, "", true); err != nil {
		t.Fatal(err)
	}
	d = dossier(t, s, negID)
	moves := len(d.Ledger)
	c, err = model.ParseCaptureIn("agree "+it.Title[:7], d.Items, d.Negotiation.Numbers())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Capture(negID, c, now, 0, "", true); err != nil {
		t.Fatalf("agree where both stand at 45: %v", err)
	}
	d = dossier(t, s, negID)
	if got := itemByTitle(t, d, "Payment terms"); got.Status != model.ItemAgreed {
		t.Errorf("the item is %s, not agreed", got.Status)
	}
	if len(d.Ledger) != moves {
		t.Errorf("agreeing wrote %d moves, want none", len(d.Ledger)-moves)
	}
	if label, err := s.Undo(); err != nil || !strings.HasSuffix(label, "agreed “Payment terms”") {
		t.Errorf("undo: %q, %v", label, err)
	}
}

// Open checks the current negotiation, not the newest: a damaged record
// in the current one refuses the file even when another came after it
// (fails when Open checks the last negotiation whatever is current).
func TestOpenChecksTheCurrentNegotiationNotTheNewest(t *testing.T) {
	path := twoNegotiations(t) // 2 is current
	s := openStore(t, path)
	if err := s.SetCurrent(1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	flipInRecord(t, path, `"Only in the first negotiation"`)
	if s, err := Open(path); !errors.Is(err, ErrDamaged) {
		if s != nil {
			s.Close()
		}
		t.Errorf("Open with the current negotiation damaged: %v, want ErrDamaged", err)
	}
}

// A write the file's rules refuse, after the pages were walked for it,
// leaves the file known whole as it was: the next write does not walk them
// again (fails when the walk records the file whole at another
// transaction than the one it walked).
func TestARefusedWriteKeepsTheFileKnownWhole(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	// The same bytes written back by another program: the next write walks.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	d := dossier(t, s, negID)
	bad, err := model.ParseCapture("agree 1 30", d.Items)
	if err != nil {
		t.Fatal(err)
	}
	walks := pageWalks.Load()
	if _, err := s.Capture(negID, bad, now, 0, "", true); err == nil {
		t.Fatal("agree outside the positions was saved")
	}
	if n := pageWalks.Load() - walks; n != 1 {
		t.Fatalf("the refused write walked the pages %d times, want 1", n)
	}
	saveNoteT(t, s, negID, "after a refused agree")
	if n := pageWalks.Load() - walks; n != 1 {
		t.Errorf("the note after it walked the pages again (%d walks in all, want 1)", n)
	}
}

// A move's write reads the ledger twice, to check the move and to work out
// the summary after it; the second read decodes only the new move (fails
// when the records known from the first read are passed over).
func TestAMovesWriteDecodesTheLedgerOnceAndTheMove(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	c, err := model.ParseCaptureIn("they 1 23.45", d.Items, d.Negotiation.Numbers())
	if err != nil {
		t.Fatal(err)
	}
	before := movesDecoded.Load()
	if _, err := s.Capture(negID, c, now, 0, "", true); err != nil {
		t.Fatal(err)
	}
	if n, want := movesDecoded.Load()-before, int64(len(d.Ledger)+1); n != want {
		t.Errorf("the move's write decoded %d ledger records, want %d (the %d there, then the move)", n, want, len(d.Ledger))
	}
}

// Lines added to the checklist together come after every line there, in
// the order given (fails when the second is ordered before the first).
func TestFollowUpsAddedTogetherKeepTheirOrder(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID).FollowUps
	last := 0
	for _, f := range before {
		last = max(last, f.Order)
	}
	lines := []model.FollowUp{
		{Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Load the prices", Due: now},
		{Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Check the first invoice", Due: now},
		{Side: model.InternalSide, Role: model.RoleOrderProcessors, Action: "Confirm the listing", Due: now},
	}
	added, err := s.AddFollowUps(negID, lines)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range added {
		if f.Order != last+i+1 {
			t.Errorf("%q has order %d, want %d", f.Action, f.Order, last+i+1)
		}
	}
}

// A name of 40 characters is quoted whole in the journal's words; one
// longer is cut to 39 and an ellipsis (fails when 40 is cut too).
func TestLabelsQuoteFortyCharactersWhole(t *testing.T) {
	forty := strings.Repeat("é", 40)
	if got := quoteLabel(forty); got != "“"+forty+"”" {
		t.Errorf("40 characters quoted as %q", got)
	}
	if got := quoteLabel(forty + "x"); got != "“"+forty[:39*len("é")]+"…”" {
		t.Errorf("41 characters quoted as %q", got)
	}
}

// The file's one user owns the drafts without a person's mark, never a
// person's (fails when the mark is read the other way round).
func TestTheFilesUserOwnsOnlyUnmarkedDrafts(t *testing.T) {
	s, _ := demoStore(t)
	for stored, want := range map[string]bool{"form/1/item/0": true, "": true, "@ann/form/1/item/0": false} {
		if _, ok := s.ownKey(stored); ok != want {
			t.Errorf("ownKey(%q) = %v, want %v", stored, ok, want)
		}
	}
}

// Undo names a deleted record by what it said, not by its number (fails
// when the record is not read for its words).
func TestUndoNamesADeletedNoteByItsWords(t *testing.T) {
	s, negID := demoStore(t)
	n := model.Note{Kind: model.KindNote, At: now, Text: "Dana called about the floor"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteNote(negID, n.ID); err != nil {
		t.Fatal(err)
	}
	if label, err := s.Undo(); err != nil || !strings.Contains(label, "Dana called about the floor") {
		t.Errorf("undo of the deletion: %q, %v", label, err)
	}
}

// A UID an import derives carries the time it was derived for (fails when
// a time in range is thrown away).
func TestADerivedUIDCarriesItsTime(t *testing.T) {
	id, err := ulid.ParseStrict(derivedUID(now, "seed"))
	if err != nil {
		t.Fatal(err)
	}
	if got := ulid.Time(id.Time()); !got.Equal(now) {
		t.Errorf("the derived UID's time is %v, want %v", got, now)
	}
}

// A UID that is not a ULID is refused; none at all is fine (fails when
// the empty test is turned round).
func TestCheckUIDRefusesOnlyWhatIsNotAULID(t *testing.T) {
	if err := checkUID(""); err != nil {
		t.Errorf("no UID: %v", err)
	}
	if err := checkUID(newUID()); err != nil {
		t.Errorf("a new UID: %v", err)
	}
	if err := checkUID("not-a-ulid"); err == nil {
		t.Error("not-a-ulid was taken for a UID")
	}
}

// --db at a link to nothing says it is a link, and to what (fails when the
// link is not looked for).
func TestALinkToNothingIsNamed(t *testing.T) {
	link := filepath.Join(t.TempDir(), "parley.db")
	if err := os.Symlink("/nowhere/parley.db", link); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenExisting(link); err == nil || !strings.Contains(err.Error(), "is a link to /nowhere/parley.db") {
		t.Errorf("OpenExisting(a link to nothing): %v", err)
	}
}

// A negotiation's summary follows an edit of its own record (its stage),
// goes with the negotiation when it is deleted, and a negotiation with no
// summary says so (fails when the record's edit is passed over, the
// summaries of existing negotiations dropped, or a missing one read as
// empty).
func TestSummariesFollowTheNegotiationsRecord(t *testing.T) {
	path := twoNegotiations(t)
	s := openStore(t, path)
	n := dossier(t, s, 1).Negotiation
	n.Stage = model.StageAgree
	if err := s.SaveNegotiation(&n); err != nil {
		t.Fatal(err)
	}
	if sm, err := s.Summary(1); err != nil || sm.Stage != model.StageAgree {
		t.Errorf("the summary after the stage moved: %s, %v; want %s", sm.Stage, err, model.StageAgree)
	}
	if err := s.DeleteNegotiation(2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Summary(2); !errors.Is(err, ErrNotFound) {
		t.Errorf("the deleted negotiation's summary: %v, want ErrNotFound", err)
	}
	if sm, err := s.Summary(1); err != nil || sm.Stage != model.StageAgree {
		t.Errorf("the other's summary after the deletion: %s, %v", sm.Stage, err)
	}
}

// Deleting an account takes the summaries of all its negotiations with it
// (fails when the first summary's deletion ends the sweep).
func TestDeletingAnAccountDropsEverySummaryOfIt(t *testing.T) {
	s := openStore(t, tempDB(t))
	a := addAccount(t, s, "Brightway Wholesale")
	first := addNegotiation(t, s, a.ID, "2027 distribution")
	second := addNegotiation(t, s, a.ID, "2028 distribution")
	for _, id := range []uint64{first.ID, second.ID} {
		if _, err := s.Summary(id); err != nil {
			t.Fatalf("summary of %d before: %v", id, err)
		}
	}
	if err := s.DeleteAccount(a.ID); err != nil {
		t.Fatal(err)
	}
	for _, id := range []uint64{first.ID, second.ID} {
		if _, err := s.Summary(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("summary of %d after its account was deleted: %v, want ErrNotFound", id, err)
		}
	}
}

// A text quoted in a refusal keeps 40 characters whole and cuts a longer
// one to 40 and an ellipsis (fails when 40 is cut too).
func TestShortenKeepsFortyCharactersWhole(t *testing.T) {
	forty := strings.Repeat("é", 40)
	if got := shorten(forty); got != forty {
		t.Errorf("40 characters shortened to %q", got)
	}
	if got := shorten(forty + "x"); got != forty+"…" {
		t.Errorf("41 characters shortened to %q", got)
	}
}

// An account is shared by its owner or an admin; another KAM is refused,
// and so is a session of nobody on the file (fails when a known person is
// taken for unknown).
func TestAnAccountIsSharedByItsOwnerOrAnAdmin(t *testing.T) {
	tm := newTeam(t)
	acc := dossier(t, tm.ann, tm.negID).Account.ID
	if err := tm.bob.ShareAccount(acc, "mia"); !errors.Is(err, ErrNotYours) {
		t.Errorf("bob shares ann's account: %v, want ErrNotYours", err)
	}
	if err := tm.file.For("zed").ShareAccount(acc, "bob"); !errors.Is(err, ErrUnknownPerson) {
		t.Errorf("an unknown person shares it: %v, want ErrUnknownPerson", err)
	}
	if err := tm.ann.ShareAccount(acc, "bob"); err != nil {
		t.Errorf("ann shares her own account: %v", err)
	}
	if err := tm.ada.ShareAccount(acc, "mia"); err != nil {
		t.Errorf("ada, an admin, shares it: %v", err)
	}
}

// A file must be a regular one where it is opened, even when it became
// something else after it was looked at (fails when the check is skipped).
func TestOpenRegularRefusesAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "parley.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	if f, err := openRegular(fifo, os.O_RDONLY, 0); err == nil || !strings.Contains(err.Error(), "named pipe") {
		if f != nil {
			f.Close()
		}
		t.Errorf("openRegular of a FIFO: %v", err)
	}
}
