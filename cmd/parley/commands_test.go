package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// parley runs the command line in this process and returns the exit code,
// standard output and standard error.
func parley(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// demoDB is a database holding the demo negotiation.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, stderr := parley(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return db
}

func hashOf(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

func TestExportRefusesTheDatabaseItself(t *testing.T) {
	db := demoDB(t)
	before := hashOf(t, db)
	code, _, stderr := parley(t, "--db", db, "export", db)
	if code != exitError {
		t.Errorf("export onto the database: exit %d, want 1 (%s)", code, stderr)
	}
	if !strings.Contains(stderr, "database itself") {
		t.Errorf("the message does not say why: %q", stderr)
	}
	if hashOf(t, db) != before {
		t.Error("the database changed")
	}
}

func TestExportArguments(t *testing.T) {
	db := demoDB(t)
	if code, _, stderr := parley(t, "--db", db, "export", ""); code != exitUsage {
		t.Errorf(`export "": exit %d, want 2 (%s)`, code, stderr)
	}
	code, stdout, stderr := parley(t, "--db", db, "export", "-")
	if code != exitOK {
		t.Fatalf("export -: exit %d: %s", code, stderr)
	}
	var f struct{ Format string }
	if err := json.Unmarshal([]byte(stdout), &f); err != nil || f.Format != store.ExportFormat {
		t.Errorf("export - wrote %.80q… (%v), want the JSON export", stdout, err)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("export - wrote a file named -")
	}
	folder := t.TempDir()
	code, _, stderr = parley(t, "--db", db, "export", folder)
	if code != exitError || strings.Contains(stderr, "file exists") || !strings.Contains(stderr, "folder") {
		t.Errorf("export to a folder: exit %d, %q; want 1 and a plain message", code, stderr)
	}
}

func TestReadOnlyCommandsNeverCreateADatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "missing", "parley.db")
	for _, args := range [][]string{{"brief"}, {"brief", "--redact"}, {"export", filepath.Join(dir, "x.json")},
		{"export", "-"}, {"backup", filepath.Join(dir, "x.db")}} {
		code, _, stderr := parley(t, append([]string{"--db", db}, args...)...)
		if code != exitError || !strings.Contains(stderr, "no database at "+db) {
			t.Errorf("%v on a missing database: exit %d, %q; want 1 and \"no database at %s\"", args, code, stderr, db)
		}
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("read-only commands created %v", names)
	}
}

func TestReadOnlyCommandsReadAReadOnlyFile(t *testing.T) {
	db := demoDB(t)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	before := hashOf(t, db)
	out := t.TempDir()
	for _, args := range [][]string{{"brief"}, {"export", filepath.Join(out, "x.json")}, {"backup", filepath.Join(out, "x.db")}} {
		if code, _, stderr := parley(t, append([]string{"--db", db}, args...)...); code != exitOK {
			t.Errorf("%v on a 0444 file: exit %d: %s", args, code, stderr)
		}
	}
	if hashOf(t, db) != before {
		t.Error("reading changed the file")
	}
	if info, _ := os.Stat(db); info.Mode().Perm() != 0o444 {
		t.Errorf("the file's mode is now %v", info.Mode().Perm())
	}
}

// damageRecord overwrites an item's title inside the file.
func damageRecord(t *testing.T, db string) {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	text := []byte(`"List price per case"`)
	if !bytes.Contains(data, text) {
		t.Fatal("the demo's item is not in the file")
	}
	if err := os.WriteFile(db, bytes.ReplaceAll(data, text, append([]byte{'"', 0xff, '{', 0}, text[4:]...)), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestEveryCommandRefusesADamagedFile(t *testing.T) {
	db := demoDB(t)
	export := filepath.Join(t.TempDir(), "export.json")
	if code, _, stderr := parley(t, "--db", db, "export", export); code != exitOK {
		t.Fatal(stderr)
	}
	damageRecord(t, db)
	before := hashOf(t, db)
	out := t.TempDir()
	for _, args := range [][]string{{"demo"}, {"import", export}, {"brief"}, {"brief", "--redact"},
		{"note", "hello"}, {"export", filepath.Join(out, "x.json")}, {"export", "-"}, {"backup", filepath.Join(out, "x.db")}} {
		code, stdout, stderr := parley(t, append([]string{"--db", db}, args...)...)
		if code != exitError || !strings.Contains(stderr, "is damaged") || !strings.Contains(stderr, "backup") {
			t.Errorf("%v on a damaged file: exit %d, %q; want 1 and a plain message saying what to do", args, code, stderr)
		}
		if strings.Contains(stderr, "invalid character") || strings.Contains(stderr, "runtime") || stdout != "" {
			t.Errorf("%v: Go's own words or output: %q %q", args, stderr, stdout)
		}
		if hashOf(t, db) != before {
			t.Fatalf("%v changed the damaged file", args)
		}
	}
	if names, _ := os.ReadDir(out); len(names) != 0 {
		t.Errorf("commands on a damaged file wrote %v", names)
	}
}

func TestNoteStoresCleanText(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := parley(t, "--db", db, "note", "hi \x1b]0;pwned\x07 #1")
	if code != exitOK {
		t.Fatalf("note: exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\x07") {
		t.Errorf("note printed control characters: %q", stdout)
	}
	_, brief, _ := parley(t, "--db", db, "brief")
	if strings.ContainsAny(brief, "\x1b\x07") {
		t.Error("the brief holds control characters")
	}
	code, stdout, _ = parley(t, "--db", db, "export", "-")
	if code != exitOK || !strings.Contains(stdout, `"hi ]0;pwned #1"`) {
		t.Errorf("the stored note is not the clean text:\n%s", stdout)
	}
}

func TestNoteRefusesWhatTheModelRefuses(t *testing.T) {
	db := demoDB(t)
	_, before, _ := parley(t, "--db", db, "export", "-")
	// Item 1 (list price, higher is better): we stand at 24.50, so 25 moves away from them.
	for _, line := range []string{"we 1 25", "they 1 NaN", "they 1 0x10", "we 1 24.50", "they 1 abc"} {
		code, _, stderr := parley(t, "--db", db, "note", line)
		if code != exitError || !strings.Contains(stderr, "not saved") {
			t.Errorf("note %q: exit %d, %q; want 1 and \"not saved\"", line, code, stderr)
		}
	}
	_, after, _ := parley(t, "--db", db, "export", "-")
	strip := func(s string) string { _, rest, _ := strings.Cut(s, `"accounts"`); return rest }
	if strip(after) != strip(before) {
		t.Error("a refused note changed the database")
	}
}

func TestNoteGoesToTheMostRecentActiveNegotiation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for i, title := range []string{"first", "second", "third"} {
		d := model.Demo(time.Now())
		d.Negotiation.Title = title
		if i == 2 {
			d.Negotiation.Status = model.Abandoned
		}
		id, err := s.AddDossier(d)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for _, tc := range []struct {
		current uint64
		want    string
	}{{ids[2], "second"}, {ids[0], "first"}} {
		if err := s.SetCurrent(tc.current); err != nil {
			t.Fatal(err)
		}
		s.Close()
		code, stdout, stderr := parley(t, "--db", db, "note", "hello")
		if code != exitOK || !strings.Contains(stdout, "› "+tc.want+" ") {
			t.Errorf("with %d current the note went to %q (%s), want %q", tc.current, stdout, stderr, tc.want)
		}
		if s, err = store.Open(db); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
}

func TestNoteNamesThePeriodAsTheBriefDoes(t *testing.T) {
	db := demoDB(t)
	code, out, stderr := parley(t, "--db", db, "note", "Called Dana about the leaflet")
	if code != 0 {
		t.Fatalf("note: exit %d: %s", code, stderr)
	}
	// The demo's two meetings have ended: the note belongs after meeting 2,
	// under the name the brief's meeting record and the ledger use.
	if !strings.Contains(out, "(After meeting 2)") || strings.Contains(out, "preparation") {
		t.Errorf("note says %q, want the period named \"After meeting 2\"", out)
	}
	_, brief, _ := parley(t, "--db", db, "brief")
	if !strings.Contains(brief, "### After meeting 2\n") || !strings.Contains(brief, "note: Called Dana about the leaflet") {
		t.Errorf("the brief's meeting record lacks the note under \"After meeting 2\"")
	}
}

func TestNoteReadsADecimalComma(t *testing.T) {
	db := demoDB(t)
	// Refused with a hint by default, nothing written.
	code, _, stderr := parley(t, "--db", db, "note", "they", "1", "23,60")
	if code != exitError || !strings.Contains(stderr, "use a point for decimals, e.g. 23.60") || !strings.Contains(stderr, "decimal commas") {
		t.Fatalf("23,60 without the setting: exit %d, %q", code, stderr)
	}
	// Accepted with the flag …
	code, out, stderr := parley(t, "--db", db, "note", "--decimal-comma", "they", "1", "23,60")
	if code != 0 || !strings.Contains(out, `their concession on "List price per case" to 23.60 EUR/case`) {
		t.Fatalf("--decimal-comma: exit %d, %q %q", code, out, stderr)
	}
	// … and with the negotiation's setting, which the store keeps.
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.Current()
	d, err := s.Dossier(id)
	if err != nil {
		t.Fatal(err)
	}
	d.Negotiation.DecimalComma = true
	if err := s.SaveNegotiation(&d.Negotiation); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, stderr = parley(t, "--db", db, "note", "we", "allowance", "0,70", "for", "the", "leaflet")
	if code != 0 || !strings.Contains(out, `our concession on "Promotional allowance" to 0.70 EUR/case`) {
		t.Fatalf("the negotiation's setting: exit %d, %q %q", code, out, stderr)
	}
}

// A second `parley demo` opens the demo rather than adding another.
func TestDemoTwiceOpensTheFirst(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := parley(t, "--db", db, "demo")
	if code != 0 || !strings.Contains(stdout, "already in") {
		t.Fatalf("second demo: exit %d: %q %q", code, stdout, stderr)
	}
	s, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	if negs, err := s.Negotiations(); err != nil || len(negs) != 1 {
		t.Errorf("%d negotiations after two demos, want 1 (%v)", len(negs), err)
	}
}
