package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// export writes s to a file in a fresh folder and returns its path.
func export(t *testing.T, s *Store) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley-export.json")
	if _, err := s.Export(path, now); err != nil {
		t.Fatalf("Export: %v", err)
	}
	return path
}

// exported is everything s holds, as export bytes written at a fixed time,
// for comparing a whole database before and after.
func exported(t *testing.T, s *Store) []byte {
	t.Helper()
	data, err := os.ReadFile(export(t, s))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExportImportRoundTrip(t *testing.T) {
	s, negID := demoStore(t)
	other := addAccount(t, s, "Brightway Wholesale")
	addNegotiation(t, s, other.ID, "2027 distribution")
	addAccount(t, s, "Corner Shops Ltd") // no negotiation yet
	if err := s.SaveDraft(CaptureDraftKey(negID), "they 1 23.80"); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "parley-export.json")
	counts, err := s.Export(path, now)
	if err != nil {
		t.Fatal(err)
	}
	if counts != (Counts{Accounts: 3, Negotiations: 2}) {
		t.Errorf("Export counted %+v, want 3 accounts and 2 negotiations", counts)
	}
	assertMode(t, path, 0o600)
	assertNoStrayFiles(t, dir, "parley-export.json")
	var head struct {
		Format   string    `json:"format"`
		Exported time.Time `json:"exported"`
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if head.Format != "parley/2" || !head.Exported.Equal(now) {
		t.Errorf("the export says format %q, exported %v; want parley/2, %v", head.Format, head.Exported, now)
	}
	if bytes.Contains(data, []byte("they 1 23.80")) {
		t.Error("the export holds a draft")
	}

	fresh := openStore(t, tempDB(t))
	counts, err = fresh.Import(path)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Accounts != 3 || counts.Negotiations != 2 || counts.Added == 0 || counts.Updated+counts.Kept+counts.Same != 0 {
		t.Errorf("Import counted %+v, want 3 accounts and 2 negotiations, all added", counts)
	}
	fresh = reopen(t, fresh)
	accounts, err := fresh.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range accounts {
		names = append(names, a.Name)
	}
	if want := []string{"Brightway Wholesale", "Corner Shops Ltd", "Hollis Foodstores"}; !slices.Equal(names, want) {
		t.Errorf("imported accounts %q, want %q", names, want)
	}
	negs, err := fresh.Negotiations()
	if err != nil || len(negs) != 2 {
		t.Fatalf("imported negotiations %+v, %v", negs, err)
	}
	for _, n := range negs {
		got := dossier(t, fresh, n.ID)
		switch n.Title {
		case "2027 annual terms":
			assertSameDossier(t, got, dossier(t, s, negID))
		case "2027 distribution":
			if got.Account.Name != "Brightway Wholesale" {
				t.Errorf("%q belongs to %q after the import", n.Title, got.Account.Name)
			}
		default:
			t.Errorf("imported a negotiation %q", n.Title)
		}
	}

	// Import merges: a second import finds nothing new; one as a copy
	// doubles everything.
	if counts, err := fresh.Import(path); err != nil || !counts.NothingNew() {
		t.Errorf("a second import counted %+v, %v; want nothing new", counts, err)
	}
	if a, n := count(t, fresh); a != 3 || n != 2 {
		t.Errorf("after a second import, %d accounts and %d negotiations; want 3 and 2", a, n)
	}
	if _, err := fresh.ImportCopy(path); err != nil {
		t.Fatal(err)
	}
	if a, n := count(t, fresh); a != 6 || n != 4 {
		t.Errorf("after an import as a copy, %d accounts and %d negotiations; want 6 and 4", a, n)
	}
}

// editExport changes one part of a good export through its JSON tree.
func editExport(t *testing.T, good []byte, edit func(f map[string]any)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(good))
	dec.UseNumber()
	var f map[string]any
	if err := dec.Decode(&f); err != nil {
		t.Fatal(err)
	}
	edit(f)
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// at walks a JSON tree: keys for objects, ints for arrays.
func at(v any, path ...any) map[string]any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			v = v.(map[string]any)[p]
		case int:
			v = v.([]any)[p]
		}
	}
	return v.(map[string]any)
}

func TestImportRefusesABadFileAndWritesNothing(t *testing.T) {
	source, _ := demoStore(t)
	good, err := os.ReadFile(export(t, source))
	if err != nil {
		t.Fatal(err)
	}
	target, _ := demoStore(t)

	for _, tc := range []struct {
		name, want string
		data       []byte
	}{
		{"concession on a missing item", "on an item that does not exist", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "ledger", 3)["item_id"] = 999
		})},
		{"note in a missing meeting", "meeting that does not exist", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "notes", 4)["meeting_id"] = 999
		})},
		{"item out of range", "weight 150", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "items", 0)["weight"] = 150
		})},
		{"unknown field", `unknown field "colour"`, editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "items", 0)["colour"] = "red"
		})},
		{"wrong format", `"parley/9"`, editExport(t, good, func(f map[string]any) { f["format"] = "parley/9" })},
		{"no format", "not a Parley export", editExport(t, good, func(f map[string]any) { delete(f, "format") })},
		{"negotiation of a missing account", "not in the file", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "negotiation")["account_id"] = 999
		})},
		{"account used twice", "used twice", editExport(t, good, func(f map[string]any) {
			f["accounts"] = append(f["accounts"].([]any), f["accounts"].([]any)[0])
		})},
		{"a concession moving away from the other side", "concession 2: that is no concession", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "ledger", 1)["to"] = "20" // we stood at 30 days, better down: 20 is no concession
		})},
		{"meeting number used twice", "meeting 1: the number is used twice", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "meetings", 1)["number"] = 1
		})},
		{"two running meetings", "only one can run at a time", editExport(t, good, func(f map[string]any) {
			delete(at(f, "negotiations", 0, "meetings", 0), "ended")
			delete(at(f, "negotiations", 0, "meetings", 1), "ended")
		})},
		{"note id used twice", "note 1: id used twice", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "notes", 1)["id"] = 1
		})},
		{"a 10,000-digit decimal", "is not a decimal number", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "ledger", 1)["to"] = strings.Repeat("9", 10000)
		})},
		{"a 16-digit decimal", "is not a decimal number", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "items", 0)["our_opening"] = "1234567890123456"
		})},
		{"a 9-decimal value", "is not a decimal number", editExport(t, good, func(f map[string]any) {
			at(f, "negotiations", 0, "items", 0)["our_opening"] = "24.123456789"
		})},
		{"a text longer than a field may hold", "longer than the 64 KiB", editExport(t, good, func(f map[string]any) {
			at(f, "accounts", 0)["notes"] = strings.Repeat("x", MaxTextBytes+1)
		})},
		{"truncated", "unexpected EOF", good[:len(good)/2]},
		{"not JSON", "not a Parley export", []byte("Hollis Foodstores;2027 annual terms\n")},
		{"empty", "not a Parley export", nil},
		{"a second export glued on", "", append(slices.Clone(good), good...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.json")
			writeFile(t, path, tc.data)
			before := exported(t, target)
			counts, err := target.Import(path)
			if after := exported(t, target); !bytes.Equal(after, before) {
				t.Errorf("the import changed the database:\n%s", firstDifference(string(after), string(before)))
			}
			if err == nil {
				t.Fatalf("imported %+v", counts)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q should name the file and mention %q", err, tc.want)
			}
			if counts != (Counts{}) {
				t.Errorf("a refused import counted %+v", counts)
			}
		})
	}
}

func TestImportRefusesAFileLargerThanTheCap(t *testing.T) {
	target, _ := demoStore(t)
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxImportSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	before := exported(t, target)
	if _, err := target.Import(path); err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("importing a file over the cap: %v", err)
	}
	if !bytes.Equal(exported(t, target), before) {
		t.Error("the refused import changed the database")
	}
}

// Import writes in one transaction: when writing fails half way (here: the
// file may not grow, as on a full disk), nothing of the file is kept.
func TestImportIsAllOrNothing(t *testing.T) {
	source := openStore(t, tempDB(t))
	for range 20 {
		if _, err := source.AddDossier(demoDossier()); err != nil {
			t.Fatal(err)
		}
	}
	path := export(t, source)

	// How far the file grows with the whole import, measured on a twin.
	twin, _ := demoStore(t)
	start := len(stateOf(t, twin.Path()).data)
	if _, err := twin.Import(path); err != nil {
		t.Fatal(err)
	}
	grown := len(stateOf(t, twin.Path()).data)

	target, _ := demoStore(t)
	before := exported(t, target)
	// Room for about half of it: written one negotiation at a time, the
	// first ones would fit and stay.
	target.maxSize = start + (grown-start)/2
	if _, err := target.Import(path); err == nil {
		t.Fatal("the import fitted in the file: this test cannot make it fail half way")
	}
	target.maxSize = 0
	target = reopen(t, target)
	if after := exported(t, target); !bytes.Equal(after, before) {
		t.Errorf("a failed import left part of itself:\n%s", firstDifference(string(after), string(before)))
	}
}

// An export read back through ParseExport holds the same dossier.
func TestParseExport(t *testing.T) {
	s, negID := demoStore(t)
	data, err := os.ReadFile(export(t, s))
	if err != nil {
		t.Fatal(err)
	}
	accounts, dossiers, err := ParseExport(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(accounts) != 1 || len(dossiers) != 1 {
		t.Fatalf("ParseExport found %d accounts and %d dossiers, want 1 and 1", len(accounts), len(dossiers))
	}
	assertSameDossier(t, dossiers[0], dossier(t, s, negID))
}
