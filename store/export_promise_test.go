package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parley-app/parley/model"
)

// Promises of the store that a mutation run (gremlins, README:
// Development) found no test holding. Each test fails when the promise
// breaks; the comment says which change of the code it was seen failing on.

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

// An account edited on both sides keeps the newer version, and the other
// is kept as a note on the account's negotiation (fails when the account's
// conflict is dropped, or the notes of conflicts are never written).
func TestAnAccountEditedOnBothSidesLeavesANote(t *testing.T) {
	mine, negID := demoStore(t)
	theirs := colleague(t, mine)
	base := time.Now().UTC().Add(time.Hour).Truncate(time.Second)

	clockAt(theirs, base.Add(time.Hour)) // theirs: older
	acc := dossier(t, theirs, 1).Account
	acc.Notes = "Their note on the account"
	if err := theirs.SaveAccount(&acc); err != nil {
		t.Fatal(err)
	}
	clockAt(mine, base.Add(2*time.Hour)) // ours: newer
	my := dossier(t, mine, negID).Account
	my.Notes = "Our note on the account"
	if err := mine.SaveAccount(&my); err != nil {
		t.Fatal(err)
	}
	before := len(dossier(t, mine, negID).Notes)
	clockAt(mine, base.Add(3*time.Hour))
	if _, err := mine.Import(export(t, theirs)); err != nil {
		t.Fatal(err)
	}
	got := dossier(t, mine, negID)
	if got.Account.Notes != my.Notes {
		t.Errorf("the account says %q, want ours", got.Account.Notes)
	}
	var kept []string
	for _, n := range got.Notes {
		if strings.HasPrefix(n.Text, "Import: account") {
			kept = append(kept, n.Text)
		}
	}
	if len(kept) != 1 || !strings.Contains(kept[0], "Their note on the account") || len(got.Notes) != before+1 {
		t.Errorf("notes of the account's conflict: %q (%d notes, were %d); want one keeping theirs", kept, len(got.Notes), before)
	}
}

// The note keeping the other version of a record holds up to 2,000
// characters whole; a longer one is cut to 1,999 and an ellipsis (fails
// when exactly 2,000 is cut too).
func TestAConflictNoteOfTheLimitIsKeptWhole(t *testing.T) {
	ks, ls := stamp{Updated: now}, stamp{Updated: now.Add(-time.Hour)}
	lost, kept := []byte(`{"note":"theirs"}`), []byte(`{"note":"ours"}`)
	base := utf8.RuneCountInString(conflictText("", "yours", ks, "theirs", ls, lost, kept))
	for _, extra := range []int{0, 1} {
		label := strings.Repeat("é", maxConflictRunes-base+extra)
		text := conflictText(label, "yours", ks, "theirs", ls, lost, kept)
		n, cut := utf8.RuneCountInString(text), strings.HasSuffix(text, "…")
		if n != maxConflictRunes || cut != (extra == 1) {
			t.Errorf("a note of %d characters came out as %d (cut: %v)", maxConflictRunes+extra, n, cut)
		}
	}
}

// A trade-back a colleague cleared is cleared here by the import; one both
// cleared on their own stays as cleared here, counted the same (fails when
// the colleague's clearing is skipped, or written over ours as new).
func TestAnImportTakesAColleaguesClearedTradeBack(t *testing.T) {
	mine, negID := demoStore(t)
	owed := dossier(t, mine, negID).Replay().Owed()
	if len(owed) != 1 {
		t.Fatalf("the demo owes %d trade-backs, want 1", len(owed))
	}
	theirs := colleague(t, mine)
	if err := theirs.ClearOwed(1, owed[0].Move.ID, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	path := export(t, theirs)
	counts, err := mine.Import(path)
	if err != nil || counts.Added != 1 {
		t.Fatalf("importing their clearing counted %+v, %v; want 1 added", counts, err)
	}
	if left := dossier(t, mine, negID).Replay().Owed(); len(left) != 0 {
		t.Errorf("still owed after importing their clearing: %+v", left)
	}

	// Both clear it, each on their own: ours stays.
	mine2, negID2 := demoStore(t)
	theirs2 := colleague(t, mine2)
	if err := mine2.ClearOwed(negID2, owed[0].Move.ID, now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := theirs2.ClearOwed(1, owed[0].Move.ID, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	ours := dossier(t, mine2, negID2).Cleared
	counts, err = mine2.Import(export(t, theirs2))
	if err != nil || counts.Added != 0 || counts.Same == 0 {
		t.Errorf("importing a clearing made on both sides counted %+v, %v; want nothing added", counts, err)
	}
	if got := dossier(t, mine2, negID2).Cleared; !slices.Equal(got, ours) {
		t.Errorf("our clearing became %+v, want ours kept: %+v", got, ours)
	}
}

// Importing a conflicting export again finds its conflict settled: the
// record whose older version was kept as a note counts as the same, one
// more than the first time (fails when it is counted down instead).
func TestAConflictImportedAgainCountsTheSame(t *testing.T) {
	mine, negID := demoStore(t)
	theirs := colleague(t, mine)
	base := time.Now().UTC().Add(time.Hour).Truncate(time.Second)
	clockAt(theirs, base.Add(time.Hour)) // theirs: older
	item := dossier(t, theirs, 1).Items[1]
	item.Note = "Their finance director wants 75 days"
	if err := theirs.SaveItem(1, &item); err != nil {
		t.Fatal(err)
	}
	clockAt(mine, base.Add(2*time.Hour)) // ours: newer
	my := itemByTitle(t, dossier(t, mine, negID), item.Title)
	my.Note = "Our finance director accepts 60 days"
	if err := mine.SaveItem(negID, &my); err != nil {
		t.Fatal(err)
	}
	path := export(t, theirs)
	first, err := mine.Import(path)
	if err != nil || first.Kept != 1 {
		t.Fatalf("the first import counted %+v, %v; want 1 kept", first, err)
	}
	again, err := mine.Import(path)
	if err != nil || again.Kept != 0 || again.Same != first.Same+1 {
		t.Errorf("the second import counted %+v, %v; want %d the same, none kept", again, err, first.Same+1)
	}
}

// A number read from the file may have as many whole digits as any number
// Parley takes, and no more (fails when the most is refused).
func TestAStoredNumberOfTheMostWholeDigitsReads(t *testing.T) {
	most := strings.Repeat("9", model.MaxWholeDigits)
	var e exact
	if err := json.Unmarshal([]byte(`"`+most+`.5"`), &e); err != nil {
		t.Errorf("%s.5: %v", most, err)
	}
	if err := json.Unmarshal([]byte(`"`+most+`9"`), &e); err == nil {
		t.Errorf("%s9 was read", most)
	}
}
