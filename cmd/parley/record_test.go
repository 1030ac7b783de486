package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
	"github.com/parley-app/parley/store"
)

func TestMinutesCommand(t *testing.T) {
	db := demoDB(t)
	code, out, stderr := parley(t, "--db", db, "minutes", "--meeting", "2")
	if code != 0 {
		t.Fatalf("minutes: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"# Minutes: Hollis Foodstores › 2027 annual terms, meeting 2", "- Attendees: Dana Whitlock, Lena Ruiz",
		"for 170,000 cases committed", "## Actions", "## Next meeting"} {
		if !strings.Contains(out, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	for _, internal := range []string{"24.20", "23.60", "Weight", "score", "as far as I go", "Price and volume moved together"} {
		if strings.Contains(out, internal) {
			t.Errorf("minutes show internal %q", internal)
		}
	}
	if code, _, stderr := parley(t, "--db", db, "minutes", "--meeting", "9"); code != exitError || !strings.Contains(stderr, "no meeting 9") {
		t.Errorf("meeting 9: exit %d, %q", code, stderr)
	}
	if code, _, _ := parley(t, "--db", db, "minutes", "extra"); code != exitUsage {
		t.Errorf("an argument: exit %d, want 2", code)
	}
	// Read-only: no database is created.
	missing := filepath.Join(t.TempDir(), "none.db")
	if code, _, _ := parley(t, "--db", missing, "minutes"); code != exitError {
		t.Errorf("no database: exit %d", code)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("minutes created a database")
	}
}

func TestCalendarCommand(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "follow-up.ics")
	code, out, stderr := parley(t, "--db", db, "calendar", path)
	if code != 0 || !strings.Contains(out, "Wrote 13 follow-up lines to") {
		t.Fatalf("calendar: exit %d, %q %q", code, out, stderr)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := ical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatalf("the calendar does not parse: %v", err)
	}
	if n := len(cal.Events()); n != 13 {
		t.Errorf("%d events, want 13", n)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	// Standard output, and the export's target rules.
	if code, out, _ := parley(t, "--db", db, "calendar", "-"); code != 0 || !strings.HasPrefix(out, "BEGIN:VCALENDAR") {
		t.Errorf("calendar -: exit %d, %.40q", code, out)
	}
	before := hashOf(t, db)
	if code, _, stderr := parley(t, "--db", db, "calendar", db); code != exitError || !strings.Contains(stderr, "database itself") {
		t.Errorf("onto the database: exit %d, %q", code, stderr)
	}
	if hashOf(t, db) != before {
		t.Error("the database changed")
	}
	if code, _, _ := parley(t, "--db", db, "calendar", dir); code != exitError {
		t.Errorf("onto a folder: exit %d", code)
	}
	if code, _, _ := parley(t, "--db", db, "calendar"); code != exitUsage {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

// Issue 18, finding 12: the calendar's events are named by the follow-up
// lines' ULIDs, not their row IDs: the same after export and import into
// another file (whose rows may get other IDs), different for another line.
func TestCalendarUIDsSurviveExportAndImport(t *testing.T) {
	db := demoDB(t)
	uids := func(db string) []string {
		t.Helper()
		code, out, stderr := parley(t, "--db", db, "calendar", "-")
		if code != exitOK {
			t.Fatalf("calendar: exit %d: %s", code, stderr)
		}
		cal, err := ical.NewDecoder(strings.NewReader(out)).Decode()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range cal.Events() {
			uid, _ := e.Props.Text(ical.PropUID)
			got = append(got, uid)
		}
		slices.Sort(got)
		return got
	}
	before := uids(db)
	for _, u := range before {
		if regexp.MustCompile(`followup-\d+@`).MatchString(u) {
			t.Fatalf("the UID %q comes from a row ID", u)
		}
	}
	export := filepath.Join(t.TempDir(), "all.json")
	if code, _, stderr := parley(t, "--db", db, "export", export); code != exitOK {
		t.Fatalf("export: %s", stderr)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	if code, _, stderr := parley(t, "--db", other, "demo"); code != exitOK { // the same lines, made anew
		t.Fatalf("demo: %s", stderr)
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if code, _, stderr := parley(t, "--db", fresh, "import", export); code != exitOK {
		t.Fatalf("import: %s", stderr)
	}
	if after := uids(fresh); !slices.Equal(after, before) {
		t.Errorf("after export and import the UIDs are\n%v\nwant\n%v", after, before)
	}
	if again := uids(other); slices.Equal(again, before) {
		t.Error("another file's demo has the same event UIDs: they name rows, not lines")
	}
}

// Issue 18, finding 12: --help names the format export writes, which the
// file itself says.
func TestHelpNamesTheExportFormat(t *testing.T) {
	db := demoDB(t)
	_, export, _ := parley(t, "--db", db, "export", "-")
	for _, args := range [][]string{{"--help"}, {"export", "--help"}} {
		code, stdout, stderr := parley(t, args...)
		help := stdout + stderr
		if code != exitOK || !strings.Contains(help, "(format "+store.ExportFormat+")") || strings.Contains(help, "parley/1") {
			t.Errorf("parley %v: exit %d:\n%s", args, code, help)
		}
	}
	if !strings.Contains(export, `"format": "`+store.ExportFormat+`"`) {
		t.Errorf("the export is not %s: %.80q", store.ExportFormat, export)
	}
}
