package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"
)

// now is the fixed moment the demo dossier is built from. It is in UTC so
// that times read back from the file compare equal, location included.
var now = time.Date(2027, time.March, 15, 10, 30, 0, 0, time.UTC)

// dec reads a decimal written in a test; it panics on a typo.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// opt is a set optional decimal.
func opt(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

// tempDB is a path for a new database in a fresh temporary folder.
func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "parley.db")
}

// openStore opens path and closes it when the test ends.
func openStore(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// reopen closes s and opens its file again, so that what a test reads back
// is what reached the file, not what a still-open handle remembers.
func reopen(t *testing.T, s *Store) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return openStore(t, s.Path())
}

// demoDossier is the demo with a follow-up checklist added, so that every
// kind of record is present.
func demoDossier() *model.Dossier {
	d := model.Demo(now)
	d.FollowUps = model.FollowUpTemplate(d.Account.Kind, now, d.Account.Contacts)
	for i := range d.FollowUps {
		d.FollowUps[i].ID = uint64(i + 1)
	}
	d.FollowUps[0].Done, d.FollowUps[0].DoneAt = true, now.Add(time.Hour)
	d.Packages = []model.Package{{ID: 7, Name: "23.90, 60 days, 2.5 pp", Origin: model.OriginProposal,
		Values:        model.Values{1: dec("23.90"), 2: dec("60"), 3: dec("2.5"), 4: dec("185000")},
		TabledMeeting: 2, TabledAt: d.Meetings[1].Started.Add(30 * time.Minute)}}
	return d
}

// demoStore is a store holding the demo dossier, reopened from the file.
func demoStore(t *testing.T) (s *Store, negID uint64) {
	t.Helper()
	s = openStore(t, tempDB(t))
	negID, err := s.AddDossier(demoDossier())
	if err != nil {
		t.Fatalf("AddDossier: %v", err)
	}
	return reopen(t, s), negID
}

// dossier loads a negotiation or fails the test.
func dossier(t *testing.T, s *Store, negID uint64) *model.Dossier {
	t.Helper()
	d, err := s.Dossier(negID)
	if err != nil {
		t.Fatalf("Dossier(%d): %v", negID, err)
	}
	return d
}

// itemByTitle finds an agenda item by its title or fails the test.
func itemByTitle(t *testing.T, d *model.Dossier, title string) model.AgendaItem {
	t.Helper()
	for _, it := range d.Items {
		if it.Title == title {
			return it
		}
	}
	t.Fatalf("no item %q", title)
	return model.AgendaItem{}
}

// concessionFor finds a concession by what it was traded for, or fails the test.
func concessionFor(t *testing.T, d *model.Dossier, tradedFor string) model.Concession {
	t.Helper()
	for _, c := range d.Ledger {
		if c.TradedFor == tradedFor {
			return c
		}
	}
	t.Fatalf("no concession traded for %q", tradedFor)
	return model.Concession{}
}

// concessionByID finds a concession by ID; ok is false when it is gone.
func concessionByID(d *model.Dossier, id uint64) (model.Concession, bool) {
	i := slices.IndexFunc(d.Ledger, func(c model.Concession) bool { return c.ID == id })
	if i < 0 {
		return model.Concession{}, false
	}
	return d.Ledger[i], true
}

// noteByID finds a note by ID; ok is false when it is gone.
func noteByID(d *model.Dossier, id uint64) (model.Note, bool) {
	i := slices.IndexFunc(d.Notes, func(n model.Note) bool { return n.ID == id })
	if i < 0 {
		return model.Note{}, false
	}
	return d.Notes[i], true
}

// canonical is a copy of d with every ID replaced by the record's 1-based
// position in its list, every link mapped the same way and every stamp
// (UID, Updated) cleared, so that two
// dossiers written with different IDs compare equal when they hold the same
// records linked the same way. A link to a record that is not there becomes
// danglingID.
func canonical(d *model.Dossier) *model.Dossier {
	positions := func(ids []uint64) func(uint64) uint64 {
		pos := make(map[uint64]uint64, len(ids))
		for i, id := range ids {
			pos[id] = uint64(i + 1)
		}
		return func(id uint64) uint64 {
			if id == 0 {
				return 0
			}
			if p, ok := pos[id]; ok {
				return p
			}
			return danglingID
		}
	}
	ids := func(n int, id func(int) uint64) []uint64 {
		out := make([]uint64, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	item := positions(ids(len(d.Items), func(i int) uint64 { return d.Items[i].ID }))
	meeting := positions(ids(len(d.Meetings), func(i int) uint64 { return d.Meetings[i].ID }))
	concession := positions(ids(len(d.Ledger), func(i int) uint64 { return d.Ledger[i].ID }))
	note := positions(ids(len(d.Notes), func(i int) uint64 { return d.Notes[i].ID }))
	followUp := positions(ids(len(d.FollowUps), func(i int) uint64 { return d.FollowUps[i].ID }))
	scenario := positions(ids(len(d.Scenarios), func(i int) uint64 { return d.Scenarios[i].ID }))

	c := &model.Dossier{Account: d.Account, Negotiation: d.Negotiation}
	c.Account.ID, c.Account.Stamp = 1, model.Stamp{}
	c.Negotiation.ID, c.Negotiation.AccountID, c.Negotiation.Stamp = 1, 1, model.Stamp{}
	for _, it := range d.Items {
		it.ID, it.Link.ScenarioID, it.Stamp = item(it.ID), scenario(it.Link.ScenarioID), model.Stamp{}
		c.Items = append(c.Items, it)
	}
	for _, m := range d.Meetings {
		m.ID, m.Stamp = meeting(m.ID), model.Stamp{}
		c.Meetings = append(c.Meetings, m)
	}
	for _, l := range d.Ledger {
		l.ID, l.ItemID, l.MeetingID, l.TradedAgainst = concession(l.ID), item(l.ItemID), meeting(l.MeetingID), concession(l.TradedAgainst)
		l.Stamp = model.Stamp{}
		c.Ledger = append(c.Ledger, l)
	}
	for _, n := range d.Notes {
		n.ID, n.ItemID, n.MeetingID, n.Stamp = note(n.ID), item(n.ItemID), meeting(n.MeetingID), model.Stamp{}
		c.Notes = append(c.Notes, n)
	}
	for _, f := range d.FollowUps {
		f.ID, f.Stamp = followUp(f.ID), model.Stamp{}
		c.FollowUps = append(c.FollowUps, f)
	}
	for _, s := range d.Scenarios {
		s.ID, s.Stamp = scenario(s.ID), model.Stamp{}
		c.Scenarios = append(c.Scenarios, s)
	}
	pkg := positions(ids(len(d.Packages), func(i int) uint64 { return d.Packages[i].ID }))
	for _, p := range d.Packages {
		p.ID, p.TabledMeeting, p.Stamp = pkg(p.ID), meeting(p.TabledMeeting), model.Stamp{}
		values := model.Values{}
		for id, v := range p.Values {
			values[item(id)] = v
		}
		p.Values = values
		c.Packages = append(c.Packages, p)
	}
	return c
}

// danglingID marks, in a canonical dossier, a link to a record that is not there.
const danglingID = 1 << 62

// assertSameDossier fails the test unless got and want hold the same records
// linked the same way (IDs aside). Decimals compare by value and times by
// instant, through their JSON form.
func assertSameDossier(t *testing.T, got, want *model.Dossier) {
	t.Helper()
	g, w := indentJSON(t, canonical(got)), indentJSON(t, canonical(want))
	if g != w {
		t.Errorf("dossier read back differs from the one written:\n%s", firstDifference(g, w))
	}
}

func indentJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(data)
}

// firstDifference shows the first line where got and want differ, with the
// lines before it for context.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		line := func(lines []string) string {
			if i < len(lines) {
				return lines[i]
			}
			return "(end)"
		}
		if line(g) != line(w) {
			context := strings.Join(g[max(0, i-4):min(i, len(g))], "\n")
			return fmt.Sprintf("%s\n got: %s\nwant: %s", context, line(g), line(w))
		}
	}
	return "(no difference)"
}

// fileState is what "left untouched" means for a file: its bytes, its
// modification time and its mode, and the names in its folder.
type fileState struct {
	data    []byte
	modTime time.Time
	mode    os.FileMode
	folder  []string
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{data: data, modTime: info.ModTime(), mode: info.Mode(), folder: folderNames(t, filepath.Dir(path))}
}

// assertUntouched fails the test unless path is as it was in before.
func assertUntouched(t *testing.T, path string, before fileState) {
	t.Helper()
	after := stateOf(t, path)
	if !slices.Equal(after.data, before.data) {
		t.Errorf("%s changed: %d bytes before, %d after, first difference at byte %d",
			filepath.Base(path), len(before.data), len(after.data), firstByteDifference(before.data, after.data))
	}
	if !after.modTime.Equal(before.modTime) {
		t.Errorf("%s modification time changed from %v to %v", filepath.Base(path), before.modTime, after.modTime)
	}
	if after.mode != before.mode {
		t.Errorf("%s mode changed from %v to %v", filepath.Base(path), before.mode, after.mode)
	}
	if !slices.Equal(after.folder, before.folder) {
		t.Errorf("the folder held %v, now %v", before.folder, after.folder)
	}
}

func firstByteDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// folderNames lists a folder, sorted. The lock-info file a write leaves
// next to its database (holder.go; TestLockInfoFile checks it) is left out.
func folderNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".lock-info") {
			names = append(names, e.Name())
		}
	}
	return names
}

// assertMode fails the test unless path has the permission bits want.
func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %v, want %v", path, got, want)
	}
}

// rawBolt opens a file with bbolt directly, for setting up files the store
// would not write and for checking the layout the store did write.
func rawBolt(t *testing.T, path string, readOnly bool) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: readOnly})
	if err != nil {
		t.Fatalf("bolt.Open(%s): %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// schemaIn reads the schema version straight from a closed database file.
func schemaIn(t *testing.T, path string) int {
	t.Helper()
	db := rawBolt(t, path, true)
	defer db.Close()
	var v int
	if err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return fmt.Errorf("no meta bucket")
		}
		v = int(btoi(meta.Get(keySchema)))
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// count is how many accounts and negotiations a store holds.
func count(t *testing.T, s *Store) (accounts, negotiations int) {
	t.Helper()
	as, err := s.Accounts()
	if err != nil {
		t.Fatalf("Accounts: %v", err)
	}
	ns, err := s.Negotiations()
	if err != nil {
		t.Fatalf("Negotiations: %v", err)
	}
	return len(as), len(ns)
}

// rereadLikeWhole reads negotiation negID again with r and fails the test
// unless the read equals a whole read of the file through other.
func rereadLikeWhole(t *testing.T, r *Rereader, other *Store, negID uint64, step string) *model.Dossier {
	t.Helper()
	got, err := r.Dossier(negID)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	want := dossier(t, other, negID)
	want.Clean()
	if g, w := indentJSON(t, got), indentJSON(t, want); g != w {
		t.Fatalf("%s: read again differs from a whole read:\n%s", step, firstDifference(g, w))
	}
	return got
}
