package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"
)

// newKey is a fresh public key as a .pub file holds it.
func newKey(t *testing.T) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return string(ssh.MarshalAuthorizedKey(k)) // with its newline, as pasted
}

// team is a file with an admin (ada), a manager (mia), a KAM of hers
// (ann) and a KAM of another team (bob); ann made the demo negotiation
// over her own session, so its account is hers.
type team struct {
	file               *Store
	ada, mia, ann, bob *Store
	negID              uint64
}

func newTeam(t *testing.T) team {
	t.Helper()
	s := openStore(t, tempDB(t))
	for _, p := range []model.Person{
		{Name: "ada", Role: model.RoleAdmin},
		{Name: "mia", Role: model.RoleManager, Team: "north"},
		{Name: "ann", Role: model.RoleKAM, Manager: "mia"},
		{Name: "bob", Role: model.RoleKAM, Team: "south"},
	} {
		p.Keys = []string{newKey(t)}
		if err := s.AddPerson(p); err != nil {
			t.Fatalf("add %s: %v", p.Name, err)
		}
	}
	tm := team{file: s, ada: s.For("ada"), mia: s.For("mia"), ann: s.For("ann"), bob: s.For("bob")}
	id, err := tm.ann.AddDossier(demoDossier())
	if err != nil {
		t.Fatalf("ann adds the demo: %v", err)
	}
	tm.negID = id
	return tm
}

func TestAFileWithoutPeopleWorksAsBefore(t *testing.T) {
	s, negID := demoStore(t)
	if accs, negs := count(t, s); accs != 1 || negs != 1 {
		t.Fatalf("%d accounts, %d negotiations; want the demo's 1 and 1", accs, negs)
	}
	d := dossier(t, s, negID)
	n := model.Note{Kind: model.KindNote, Text: "seen by everyone", At: now}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	if len(dossier(t, s, negID).Notes) != len(d.Notes)+1 {
		t.Fatal("the note was not kept")
	}
	rows, err := s.Audit(time.Time{})
	if err != nil || len(rows) != 2 || rows[0].Person != "" || !strings.HasPrefix(rows[1].What, "added note") {
		t.Fatalf("audit = %+v, %v; want the demo's row and the note's, by the file's user", rows, err)
	}
}

func TestAMalformedKeyAddsNobody(t *testing.T) {
	s := openStore(t, tempDB(t))
	err := s.AddPerson(model.Person{Name: "ann", Role: model.RoleKAM, Keys: []string{newKey(t), "ssh-ed25519 AAAAnotakey ann@laptop"}})
	if err == nil || !strings.Contains(err.Error(), "is not a public key") {
		t.Fatalf("AddPerson with a bad key: %v; want 'is not a public key'", err)
	}
	people, err := s.People()
	if err != nil || len(people) != 0 {
		t.Fatalf("people after the refusal: %v, %v; want none", people, err)
	}
	if rows, _ := s.Audit(time.Time{}); len(rows) != 0 {
		t.Fatalf("a refused change left audit rows: %+v", rows)
	}
}

func TestAKeyNamesOnePerson(t *testing.T) {
	s := openStore(t, tempDB(t))
	k := newKey(t)
	if err := s.AddPerson(model.Person{Name: "ann", Role: model.RoleKAM, Keys: []string{k}}); err != nil {
		t.Fatal(err)
	}
	err := s.AddPerson(model.Person{Name: "bob", Role: model.RoleKAM, Keys: []string{k}})
	if err == nil || !strings.Contains(err.Error(), "already ann's") {
		t.Fatalf("a second person with ann's key: %v", err)
	}
}

func TestWhoSeesWhat(t *testing.T) {
	tm := newTeam(t)
	sees := func(who *Store) int {
		t.Helper()
		negs, err := who.Negotiations()
		if err != nil {
			t.Fatalf("%s: %v", who.Person(), err)
		}
		sums, err := who.Summaries()
		if err != nil || len(sums) != len(negs) {
			t.Fatalf("%s: %d summaries (%v) for %d negotiations", who.Person(), len(sums), err, len(negs))
		}
		return len(negs)
	}
	for who, want := range map[*Store]int{tm.ann: 1, tm.mia: 1, tm.ada: 1, tm.bob: 0, tm.file: 1} {
		if got := sees(who); got != want {
			t.Errorf("%q sees %d negotiations, want %d", who.Person(), got, want)
		}
	}
	if _, err := tm.bob.Dossier(tm.negID); !errors.Is(err, ErrNotYours) || !strings.Contains(err.Error(), "no negotiation of yours matches") {
		t.Errorf("bob reads ann's negotiation: %v", err)
	}
	if accs, _ := tm.bob.Accounts(); len(accs) != 0 {
		t.Errorf("bob sees %d accounts", len(accs))
	}
	note := func(who *Store) error {
		n := model.Note{Kind: model.KindNote, Text: "by " + who.Person(), At: now}
		return who.SaveNote(tm.negID, &n)
	}
	if err := note(tm.mia); !errors.Is(err, ErrNotYours) {
		t.Errorf("the manager writes in her KAM's negotiation: %v; want it read-only", err)
	}
	if err := note(tm.bob); !errors.Is(err, ErrNotYours) {
		t.Errorf("bob writes in ann's negotiation: %v", err)
	}
	for _, who := range []*Store{tm.ann, tm.ada} {
		if err := note(who); err != nil {
			t.Errorf("%s writes: %v", who.Person(), err)
		}
	}
	if err := tm.ann.ShareAccount(dossier(t, tm.ann, tm.negID).Account.ID, "bob"); err != nil {
		t.Fatal(err)
	}
	if got := sees(tm.bob); got != 1 {
		t.Errorf("bob sees %d negotiations once given the account, want 1", got)
	}
	if err := note(tm.bob); err != nil {
		t.Errorf("bob writes once given the account: %v", err)
	}
	if _, err := tm.file.For("eve").Negotiations(); !errors.Is(err, ErrUnknownPerson) {
		t.Errorf("a session of someone not on the file: %v", err)
	}
}

func TestOnlyAnAdminManagesPeople(t *testing.T) {
	tm := newTeam(t)
	err := tm.ann.AddPerson(model.Person{Name: "zed", Role: model.RoleAdmin, Keys: []string{newKey(t)}})
	if !errors.Is(err, ErrNotAdmin) {
		t.Fatalf("a KAM adds an admin: %v", err)
	}
	if err := tm.ada.RemovePerson("bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.bob.Negotiations(); !errors.Is(err, ErrUnknownPerson) {
		t.Fatalf("a removed person's session reads: %v", err)
	}
}

// ourPosition is where we stand on an item after the replay.
func ourPosition(t *testing.T, s *Store, negID, itemID uint64) string {
	t.Helper()
	d := dossier(t, s, negID)
	r := d.Replay()
	for i, it := range d.Items {
		if it.ID == itemID {
			return r.Items[i].Ours.String()
		}
	}
	t.Fatalf("no item %d", itemID)
	return ""
}

func TestAMovePastAuthorityWaitsForApproval(t *testing.T) {
	for _, approve := range []bool{true, false} {
		tm := newTeam(t)
		if err := tm.file.SetLimit(model.Limit{Who: "kam", Lever: model.LeverPaymentDays, Value: dec("50")}); err != nil {
			t.Fatal(err)
		}
		pay := itemByTitle(t, dossier(t, tm.ann, tm.negID), "Payment terms")
		before := ourPosition(t, tm.ann, tm.negID, pay.ID)
		within := model.Concession{ItemID: pay.ID, By: model.Us, To: dec("50"), At: now}
		if err := tm.ann.SaveConcession(tm.negID, &within); err != nil {
			t.Fatal(err)
		}
		if held := tm.ann.Held(); len(held) != 0 {
			t.Fatalf("a move to the limit was held: %+v", held)
		}
		past := model.Concession{ItemID: pay.ID, By: model.Us, To: dec("55"), At: now}
		if err := tm.ann.SaveConcession(tm.negID, &past); err != nil {
			t.Fatal(err)
		}
		held := tm.ann.Held()
		if len(held) != 1 || held[0].Approver != "mia" || held[0].ConcessionID != past.ID {
			t.Fatalf("held = %+v; want one request of mia for the move", held)
		}
		if got := ourPosition(t, tm.ann, tm.negID, pay.ID); got != "50" {
			t.Fatalf("our payment terms %s with the move pending (before %s); want 50: a held move does not count", got, before)
		}
		c, _ := concessionByID(dossier(t, tm.ann, tm.negID), past.ID)
		if c.Approval != held[0].ID {
			t.Fatalf("the ledger does not mark the held move: %+v", c)
		}
		mine, _ := tm.mia.Approvals(false)
		if len(mine) != 1 {
			t.Fatalf("mia may decide %d requests, want 1", len(mine))
		}
		if theirs, _ := tm.bob.Approvals(false); len(theirs) != 0 {
			t.Fatalf("bob may decide %+v", theirs)
		}
		if _, err := tm.ann.Decide(held[0].ID, true, "mine"); err == nil {
			t.Fatal("the mover approved her own move")
		}
		a, err := tm.mia.Decide(held[0].ID, approve, "ok for 55 if they take 170k")
		if err != nil {
			t.Fatal(err)
		}
		want, status := "55", model.Approved
		if !approve {
			want, status = "50", model.Rejected
		}
		if a.Status != status || a.Decider != "mia" {
			t.Fatalf("decision = %+v", a)
		}
		if got := ourPosition(t, tm.ann, tm.negID, pay.ID); got != want {
			t.Fatalf("approve=%v: our payment terms %s, want %s", approve, got, want)
		}
		_, still := concessionByID(dossier(t, tm.ann, tm.negID), past.ID)
		if still != approve {
			t.Fatalf("approve=%v: the move in the ledger: %v", approve, still)
		}
		if _, err := tm.ada.Decide(held[0].ID, true, ""); err == nil {
			t.Fatal("a request was decided twice")
		}
	}
}

// walkAwayPastLimit lets KAMs set a list price at most 2 % below last
// year's (23.80: 23.324) and has ann set her walk-away to 23.00, past it;
// it returns the item as she saved it.
func walkAwayPastLimit(t *testing.T, tm team) model.AgendaItem {
	t.Helper()
	if err := tm.file.SetLimit(model.Limit{Who: "kam", Lever: model.LeverListPrice, Value: dec("-2"), Relative: true}); err != nil {
		t.Fatal(err)
	}
	it := itemByTitle(t, dossier(t, tm.ann, tm.negID), "List price per case")
	it.OurWalkAway = opt("23.00")
	if err := tm.ann.SaveItem(tm.negID, &it); err != nil {
		t.Fatal(err)
	}
	return it
}

func TestAWalkAwayPastAuthorityWaitsForApproval(t *testing.T) {
	tm := newTeam(t)
	it := walkAwayPastLimit(t, tm)
	held := tm.ann.Held()
	if len(held) != 1 || !held[0].WalkAway.Valid || held[0].WalkAway.Decimal.String() != "23" {
		t.Fatalf("held = %+v", held)
	}
	if got := itemByTitle(t, dossier(t, tm.ann, tm.negID), it.Title).OurWalkAway.Decimal.String(); got != "23.6" {
		t.Fatalf("walk-away %s while pending, want the old 23.6", got)
	}
	if _, err := tm.mia.Decide(held[0].ID, true, ""); err != nil {
		t.Fatal(err)
	}
	if got := itemByTitle(t, dossier(t, tm.ann, tm.negID), it.Title).OurWalkAway.Decimal.String(); got != "23" {
		t.Fatalf("walk-away %s once approved, want 23", got)
	}
}

func TestTheAuditTrail(t *testing.T) {
	tm := newTeam(t)
	n := model.Note{Kind: model.KindNote, Text: "they 1 23.40", At: now}
	if err := tm.ann.Doing(map[string]string{"note": n.Text}).SaveNote(tm.negID, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.ann.UndoOwn(); err != nil {
		t.Fatal(err)
	}
	if err := tm.mia.SaveNote(tm.negID, &model.Note{Kind: model.KindNote, Text: "refused", At: now}); err == nil {
		t.Fatal("mia wrote")
	}
	rows, err := tm.file.Audit(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var whats []string
	for _, r := range rows {
		whats = append(whats, r.Person+": "+r.What)
	}
	want := []string{": added person “ada”", ": added person “mia”", ": added person “ann”", ": added person “bob”",
		"ann: added Hollis Foodstores › 2027 annual terms", "ann: added note “they 1 23.40”", "ann: undid added note “they 1 23.40”"}
	if strings.Join(whats, "\n") != strings.Join(want, "\n") {
		t.Fatalf("audit rows:\n%s\nwant:\n%s", strings.Join(whats, "\n"), strings.Join(want, "\n"))
	}
	var change map[string]string
	if err := json.Unmarshal(rows[5].Change, &change); err != nil || change["note"] != n.Text {
		t.Fatalf("the row does not keep the change value: %s (%v)", rows[5].Change, err)
	}
	if mine, _ := tm.bob.Audit(time.Time{}); len(mine) != 0 {
		t.Fatalf("bob reads ann's trail: %+v", mine)
	}
	if theirs, _ := tm.mia.Audit(time.Time{}); len(theirs) != 3 {
		t.Fatalf("mia reads %d rows of her team, want ann's 3", len(theirs))
	}
	if later, _ := tm.file.Audit(rows[6].At.Add(time.Second)); len(later) != 0 {
		t.Fatalf("--since after the last row: %d rows", len(later))
	}
}

// testAddTeamBuckets: a file of schema 7 gets the team's buckets, and reads
// as before: no people, everything seen by its user.
func testAddTeamBuckets(t *testing.T) {
	s, negID := demoStore(t)
	path := s.Path()
	s.Close()
	db := rawBolt(t, path, false)
	err := db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketPeople, bucketAccess, bucketAuthority, bucketApprovals, bucketAudit} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, itob(7))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s = openStore(t, path)
	db = rawBolt(t, path, true)
	err = db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketPeople, bucketAccess, bucketAuthority, bucketApprovals, bucketAudit} {
			if tx.Bucket(name) == nil {
				t.Errorf("no %s bucket after the upgrade", name)
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	dossier(t, s, negID)
}

func TestAnImportAndAnUndoAreAudited(t *testing.T) {
	src, _ := demoStore(t)
	file := filepath.Join(t.TempDir(), "deal.json")
	if _, err := src.Export(file, now); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, tempDB(t))
	if _, err := s.Import(file); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Audit(time.Time{})
	if err != nil || len(rows) != 2 || rows[0].What != "imported deal.json" || rows[1].What != "undid imported deal.json" {
		t.Fatalf("audit = %+v, %v; want the import and its undo", rows, err)
	}
}

// PersonWithKey finds the person a key is of, as the file holds the people
// now: no one for a key of no one's, and no one once the person is gone.
func TestPersonWithKeyIsWhoTheKeyIsOf(t *testing.T) {
	tm := newTeam(t)
	people, err := tm.file.People()
	if err != nil {
		t.Fatal(err)
	}
	key := people["ann"].Keys[0]
	if p, ok, err := tm.file.PersonWithKey(key); err != nil || !ok || p.Name != "ann" {
		t.Fatalf("ann's key: %q, %v, %v; want ann", p.Name, ok, err)
	}
	stranger, err := NormalKey(newKey(t))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok, err := tm.file.PersonWithKey(stranger); err != nil || ok {
		t.Errorf("a key of no one's: %q, %v, %v; want no one", p.Name, ok, err)
	}
	if err := tm.file.RemovePerson("ann"); err != nil {
		t.Fatal(err)
	}
	if p, ok, err := tm.file.PersonWithKey(key); err != nil || ok {
		t.Errorf("ann's key once she is removed: %q, %v, %v; want no one", p.Name, ok, err)
	}
}
