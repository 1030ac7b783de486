package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

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

// A lever as schema 6 and older exports wrote it, a growth flag and no
// base, reads as a rebate on growth; a base written beside a stray flag
// stands (fails when the flag is read only where a base is written).
func TestAnOldExportsGrowthFlagReadsAsTheGrowthBase(t *testing.T) {
	for _, c := range []struct {
		json string
		want model.RebateBase
	}{
		{`{"kind":"rebate","growth":true}`, model.BaseGrowth},
		{`{"kind":"rebate","growth":true,"base":"retro"}`, model.BaseRetro},
		{`{"kind":"rebate","base":"invoice"}`, model.BaseInvoice},
	} {
		var r leverRecord
		if err := json.Unmarshal([]byte(c.json), &r); err != nil {
			t.Fatal(err)
		}
		if got := r.model().Base; got != c.want {
			t.Errorf("%s reads with base %q, want %q", c.json, got, c.want)
		}
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

// export - writes the same JSON as an export to a file, and counts what it
// holds (fails when ExportTo writes nothing after a good read).
func TestExportToWritesTheExport(t *testing.T) {
	s, _ := demoStore(t)
	var out bytes.Buffer
	counts, err := s.ExportTo(&out, now)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Negotiations != 1 || counts.Accounts != 1 {
		t.Errorf("counts %+v, want the demo's 1 account and 1 negotiation", counts)
	}
	if _, dossiers, err := ParseExport(out.Bytes()); err != nil || len(dossiers) != 1 {
		t.Errorf("what ExportTo wrote parses to %d negotiations, %v", len(dossiers), err)
	}
}

// An export of exactly the cap's size imports: only a larger one is
// refused (fails when the cap itself is refused).
func TestAnExportOfExactlyTheCapImports(t *testing.T) {
	s, _ := demoStore(t)
	data := exported(t, s)
	padded := append(data, bytes.Repeat([]byte{' '}, MaxImportSize-len(data))...) // JSON may end in blanks
	path := filepath.Join(t.TempDir(), "at-the-cap.json")
	if err := os.WriteFile(path, padded, 0o600); err != nil {
		t.Fatal(err)
	}
	target := openStore(t, tempDB(t))
	if counts, err := target.Import(path); err != nil || counts.Negotiations != 1 {
		t.Errorf("importing an export of exactly %d bytes: %+v, %v", MaxImportSize, counts, err)
	}
}

// An export cut off inside a string, short or longer than a text may be,
// is refused as not an export, never a crash (fails when the scan for long
// texts reads past the end).
func TestAnExportCutOffInAStringIsRefused(t *testing.T) {
	for name, data := range map[string][]byte{
		"short":                       []byte(`{"accounts":[{"name":"Hollis`),
		"long":                        append([]byte(`{"accounts":[{"name":"`), bytes.Repeat([]byte("x"), MaxTextBytes+10)...),
		"long, ending in a backslash": append(append([]byte(`{"accounts":[{"name":"`), bytes.Repeat([]byte("x"), MaxTextBytes+10)...), '\\'),
	} {
		data = data[:len(data):len(data)] // no room past the end, as a buffer read to the full
		if _, _, err := ParseExport(data); err == nil {
			t.Errorf("%s: an export cut off in a string parsed", name)
		}
	}
}

// A text of exactly the most a field may hold passes the import's check
// for long texts, even when escapes make its JSON longer (fails when the
// limit itself is refused).
func TestAnExportWithATextOfExactlyTheLimitParses(t *testing.T) {
	s, negID := demoStore(t)
	half := strings.Repeat("x", MaxTextBytes/2)
	text := half + `"` + half[1:] // written \": the raw form is longer
	saveNoteT(t, s, negID, text)
	if !hasNote(t, s, negID, text) {
		t.Fatal("the note was not kept as written")
	}
	if _, dossiers, err := ParseExport(exported(t, s)); err != nil || len(dossiers) != 1 {
		t.Errorf("an export holding a note of %d bytes: %d negotiations, %v", len(text), len(dossiers), err)
	}
}

// An export from before records had UIDs has none on any record, and
// parses: only a UID given twice is refused (fails when two records
// without one count as a UID used twice).
func TestAnExportWithoutUIDsParses(t *testing.T) {
	s, _ := demoStore(t)
	data := regexp.MustCompile(`"uid":\s*"[0-9A-Z]+",?`).ReplaceAll(exported(t, s), nil)
	data = regexp.MustCompile(`,\s*}`).ReplaceAll(data, []byte("}"))
	if bytes.Contains(data, []byte(`"uid"`)) {
		t.Fatal("the export still holds a uid")
	}
	if _, dossiers, err := ParseExport(data); err != nil || len(dossiers) != 1 {
		t.Errorf("an export without UIDs: %d negotiations, %v", len(dossiers), err)
	}
}

// A UID given to two records anywhere in an export is refused, the second
// found deep in a negotiation as much as on an account (fails when the
// check stops after the accounts).
func TestAnExportGivingOneUIDTwiceIsRefused(t *testing.T) {
	s, _ := demoStore(t)
	data := exported(t, s)
	uid := regexp.MustCompile(`"uid":\s*"([0-9A-Z]+)"`)
	all := uid.FindAllSubmatchIndex(data, -1)
	if len(all) < 3 {
		t.Fatalf("%d uids in the demo's export", len(all))
	}
	first, last := all[0], all[len(all)-1]
	twice := slices.Concat(data[:last[2]], data[first[2]:first[3]], data[last[3]:])
	if _, _, err := ParseExport(twice); err == nil || !strings.Contains(err.Error(), "used twice") {
		t.Errorf("an export whose last record has the first one's uid: %v", err)
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

// A command name longer than the lock-info record is cut to fit, and the
// record keeps its size (fails when the name is cut a byte too long: the
// padding's count goes negative and the write panics).
func TestALongCommandNameIsCutToTheLockInfoRecord(t *testing.T) {
	s, negID := demoStore(t)
	saveNoteT(t, s, negID, "written under the usual name")
	usual := fileSize(t, lockInfoPath(s.Path()))
	s.SetCommand("parley " + strings.Repeat("x", 3*infoSize))
	saveNoteT(t, s, negID, "written under a long command name")
	data, err := os.ReadFile(lockInfoPath(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(data)) != usual {
		t.Errorf("the lock-info file is %d bytes, %d under the usual name", len(data), usual)
	}
	if rec := string(data[:infoSize]); !strings.Contains(rec, "\nparley xxx") || !strings.HasSuffix(strings.TrimRight(rec, " "), "x\n") {
		t.Errorf("the record is %q, want the name cut to fit", rec)
	}
}

// The lock-info file is opened once for a session's writes, not once a
// write (fails when each write's release closes it).
func TestTheLockInfoFileStaysOpenBetweenWrites(t *testing.T) {
	s, negID := demoStore(t)
	saveNoteT(t, s, negID, "one")
	f := s.who.file
	saveNoteT(t, s, negID, "two")
	if f == nil || s.who.file != f {
		t.Error("the second write opened the lock-info file again")
	}
}

// A PID with no process behind it (here one past the most Linux allows)
// is not taken for Parley, and asking does not crash (fails when a
// missing command line is read as one).
func TestAPIDWithNoProcessIsNotParley(t *testing.T) {
	if isParley(1<<22 + 1) {
		t.Error("a PID with no process is taken for Parley")
	}
}

// The lock-info file is two records of infoSize bytes, the holder's and
// the state last found whole, whatever their text (fails when the second
// is padded past its size).
func TestTheLockInfoFileIsTwoRecords(t *testing.T) {
	s, negID := demoStore(t)
	saveNoteT(t, s, negID, "a write records both")
	data, err := os.ReadFile(lockInfoPath(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != 2*infoSize || !strings.HasPrefix(string(data[infoSize:]), "whole ") {
		t.Errorf("the lock-info file is %d bytes (%q), want two records of %d", len(data), data, infoSize)
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

// A process's command line and name are read from /proc, as the message
// naming a lock's holder shows them (fails when either is left unread).
func TestProcessCommandReadsArgvAndName(t *testing.T) {
	comm, err := os.ReadFile("/proc/self/comm")
	if err != nil {
		t.Skip("no /proc here")
	}
	argv, name := processCommand(os.Getpid())
	if !slices.Equal(argv, os.Args) {
		t.Errorf("argv %q, want %q", argv, os.Args)
	}
	if want := strings.TrimSpace(string(comm)); name != want || name == "" {
		t.Errorf("name %q, want %q", name, want)
	}
}

// A pause between tries at a lock is between half and one and a half
// times the try's step, a millisecond doubling up to mostPause (fails when
// the pause is doubled, or the jitter taken off instead of added).
func TestLockPausesStayAroundTheirStep(t *testing.T) {
	for tries := range 14 {
		p := min(mostPause, time.Millisecond<<min(tries, 10))
		for range 200 {
			if got := lockPause(tries); got < p/2 || got >= p/2+p {
				t.Fatalf("try %d: a pause of %v, want from %v to under %v", tries, got, p/2, p/2+p)
			}
		}
	}
}

// A look at a locked file finds who holds it in /proc/locks, and reads
// the lock-info record only when it sees nobody (fails when the file's
// identity is not taken, /proc/locks not read, or the record read the
// other way round).
func TestALookAtALockSeesItsHolders(t *testing.T) {
	if _, err := os.Stat("/proc/locks"); err != nil {
		t.Skip("no /proc/locks here")
	}
	s, negID := demoStore(t)
	path := s.Path()
	saveNoteT(t, s, negID, "leaves a lock-info record")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	look := lookAtLock(f, path)
	free := look()
	if !free.known || len(free.holders) != 0 || free.record == "" {
		t.Errorf("a free file: %+v; want /proc/locks read, nobody, and the record read", free)
	}
	holder, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if err := syscall.Flock(int(holder.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	held := look()
	if len(held.holders) != 1 || held.holders[0].pid != os.Getpid() || !held.holders[0].write || held.record != "" {
		t.Errorf("a file this process holds: %+v; want this process as its one writer, and no record read", held)
	}
}

// An import found something new when it added, updated or kept any
// record, in any mix (fails when one count is taken off another).
func TestAnImportWithAnyChangeIsNotNothingNew(t *testing.T) {
	for _, c := range []Counts{{Added: 1}, {Updated: 1}, {Kept: 1}, {Added: 1, Updated: 1}, {Updated: 1, Kept: 1}, {Added: 2, Updated: 1, Kept: 1}} {
		if c.NothingNew() {
			t.Errorf("%+v counts as nothing new", c)
		}
	}
	if !(Counts{Same: 3}).NothingNew() {
		t.Error("an import of records all the same counts as something new")
	}
}
