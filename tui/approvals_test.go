package tui

import (
	"crypto/ed25519"
	"crypto/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	"github.com/parley-app/parley/tui/vocab"
	"github.com/shopspring/decimal"
	"golang.org/x/crypto/ssh"
)

// teamFile is a file with an admin (ada), a manager (mia), her KAM (ann),
// who made the demo negotiation, a KAM of another team (bob), a KAM's limit
// of 50 payment days, and ann's move to 55 days waiting for mia.
type teamFile struct {
	s     *store.Store
	path  string
	negID uint64
}

func newTeamFile(t *testing.T) teamFile {
	t.Helper()
	path := filepath.Join(t.TempDir(), "team.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, p := range []model.Person{
		{Name: "ada", Role: model.RoleAdmin},
		{Name: "mia", Role: model.RoleManager, Team: "north"},
		{Name: "ann", Role: model.RoleKAM, Manager: "mia"},
		{Name: "bob", Role: model.RoleKAM, Team: "south"},
	} {
		pub, _, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		k, err := ssh.NewPublicKey(pub)
		if err != nil {
			t.Fatal(err)
		}
		p.Keys = []string{string(ssh.MarshalAuthorizedKey(k))}
		if err := s.AddPerson(p); err != nil {
			t.Fatal(err)
		}
	}
	ann := s.For("ann")
	negID, err := ann.AddDossier(model.Demo(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetLimit(model.Limit{Who: "kam", Lever: model.LeverPaymentDays, Value: decimal.NewFromInt(50)}); err != nil {
		t.Fatal(err)
	}
	tf := teamFile{s: s, path: path, negID: negID}
	tf.move(t, "55")
	return tf
}

// move is ann's move on payment terms to days.
func (tf teamFile) move(t *testing.T, days string) {
	t.Helper()
	ann := tf.s.For("ann")
	d, err := ann.Dossier(tf.negID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range d.Items {
		if it.Title == "Payment terms" {
			c := model.Concession{ItemID: it.ID, By: model.Us, To: decimal.RequireFromString(days), At: testNow}
			if err := ann.SaveConcession(tf.negID, &c); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("the demo has no payment terms")
}

// requests are every request in the file.
func (tf teamFile) requests(t *testing.T) []model.Approval {
	t.Helper()
	all, err := tf.s.Approvals(true)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// as starts the workbench of one of the file's people, told of every
// commit to the file.
func (tf teamFile) as(t *testing.T, person string, opts Options, w, h int) *harness {
	t.Helper()
	events, stop := desk.New(tf.s, person).Events()
	t.Cleanup(stop)
	opts.Events = events
	return startHarnessAs(t, tf.s, tf.path, person, opts, w, h)
}

// openNegotiation opens the team's negotiation as enter on the portfolio does.
func (h *harness) openNegotiation(id uint64) {
	h.t.Helper()
	h.send(vocab.OpenMsg{NegID: id})
}

// The page lists what a manager may decide, with the move against the limit
// it passed; a KAM sees their own move waiting and whom it is asked of; a
// KAM of another team sees nothing.
func TestApprovalsPageListsWhatEachMayDecide(t *testing.T) {
	tf := newTeamFile(t)
	mia := tf.as(t, "mia", Options{}, 140, 30)
	mia.wantScreen("1 to approve (W)")
	mia.press("W")
	mia.wantScreen("Approvals · 1 to decide")
	row := strings.Join(strings.Fields(lineWith(mia.modal(), "Payment terms")), " ")
	asked := tf.requests(t)[0].Asked.Local().Format("Jan 02 15:04") // the store's clock
	for _, want := range []string{"1 Hollis Foodstores › 2027 annual terms", "Payment terms", "ann", "55 (limit 50)", asked} {
		if !strings.Contains(row, want) {
			t.Errorf("mia's row lacks %q: %q", want, row)
		}
	}

	ann := tf.as(t, "ann", Options{}, 80, 24)
	ann.lackScreen("to approve")
	ann.press("W")
	ann.wantScreen("Approvals · 0 to decide · 1 of yours waiting", "→ mia")
	ann.press("a")
	ann.wantScreen("Request 1 is yours: it waits for mia")

	bob := tf.as(t, "bob", Options{}, 80, 24)
	bob.press("W")
	bob.wantScreen("Nothing waits for your decision")
	bob.lackScreen("Payment terms")
}

// With privacy on, the page shows the move (a position is buyer-safe) but
// not the limit it passed, and the header does not count requests.
func TestApprovalsPageKeepsTheLimitPrivate(t *testing.T) {
	tf := newTeamFile(t)
	mia := tf.as(t, "mia", Options{Private: true}, 140, 30)
	mia.lackScreen("to approve")
	mia.press("W")
	mia.wantScreen("Approvals · 1 to decide")
	if row := lineWith(mia.modal(), "Payment terms"); !strings.Contains(row, " 55 ") {
		t.Fatalf("the move is not shown: %q", row)
	}
	mia.lackModal("limit")
	// The limit, 50, as a figure of its own: the time asked ("00:50") may
	// hold the digits.
	for _, line := range strings.Split(mia.modal(), "\n") {
		if slices.Contains(strings.Fields(line), "50") {
			t.Errorf("the modal shows the limit 50: %q", line)
		}
	}
}

// a with a note decides the request in the store, as the person, with an
// audit row; the footer says what was approved; the page and the count
// follow.
func TestApproveOnThePageReachesTheStore(t *testing.T) {
	tf := newTeamFile(t)
	mia := tf.as(t, "mia", Options{}, 120, 30)
	mia.press("W", "a")
	mia.wantScreen("Approve #1, note for ann (optional):")
	mia.typeText("ok if they take 170k")
	mia.press("enter")
	mia.wantScreen("Approved #1: ann's Payment terms 55 (limit 50)", "Nothing waits for your decision")
	mia.lackScreen("to approve (W)")
	if all := tf.requests(t); len(all) != 1 {
		t.Fatalf("approvals: %+v", all)
	}
	if a := tf.requests(t)[0]; a.Status != model.Approved || a.Decider != "mia" || a.Note != "ok if they take 170k" {
		t.Fatalf("the request in the file: %+v", a)
	}
	rows, err := tf.s.Audit(testNow.AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	audited := false
	for _, r := range rows {
		audited = audited || (r.Person == "mia" && strings.Contains(r.What, "approved request 1"))
	}
	if !audited {
		t.Fatalf("no audit row of mia's approval: %+v", rows)
	}
	// r rejects the next, and the move leaves ann's ledger.
	tf.move(t, "58")
	mia.awaitEvent()
	mia.press("r")
	mia.typeText("too far")
	mia.press("enter")
	mia.wantScreen("Rejected #2: ann's Payment terms 58 (limit 50)")
	if a := tf.requests(t)[0]; a.Status != model.Rejected {
		t.Fatalf("request 2: %+v", a)
	}
}

// A decision made in another session (as `parley approve` over SSH makes
// it) reaches an open page through the file's change event: no timer.
func TestADecisionElsewhereShowsOnThePage(t *testing.T) {
	tf := newTeamFile(t)
	mia := tf.as(t, "mia", Options{}, 120, 30)
	mia.press("W")
	mia.wantScreen("Approvals · 1 to decide", "55 (limit 50)")
	ann := tf.as(t, "ann", Options{}, 120, 30)
	ann.press("W")
	ann.wantScreen("1 of yours waiting")
	if _, err := desk.New(tf.s, "ada").Decide(1, false, "no"); err != nil {
		t.Fatal(err)
	}
	mia.awaitEvent()
	mia.wantScreen("Approvals · 0 to decide", "Nothing waits for your decision")
	mia.lackScreen("to approve (W)")
	ann.awaitEvent()
	ann.wantScreen("Approvals · 0 to decide", "Nothing waits")
	if n := len(mia.timers) + len(ann.timers); n != 0 {
		t.Errorf("%d timers were scheduled", n)
	}
}

// enter opens the negotiation at the move: the ledger has the focus and
// shows it waiting.
func TestEnterOnTheApprovalsPageOpensTheMove(t *testing.T) {
	tf := newTeamFile(t)
	mia := tf.as(t, "mia", Options{}, 120, 30)
	mia.press("W", "enter")
	if mia.m.focus != paneLedger || mia.m.negID() != tf.negID {
		t.Fatalf("focus %d on negotiation %d", mia.m.focus, mia.m.negID())
	}
	mia.wantPane(paneLedger, "pending approval (request 1)")
}

// A manager on her KAM's negotiation sees "read-only" in the header, and
// every edit key says so at once: no form, question or capture line opens,
// and nothing reaches the file.
func TestAManagerOnAKAMsNegotiationIsReadOnly(t *testing.T) {
	tf := newTeamFile(t)
	mia := tf.as(t, "mia", Options{}, 120, 30)
	mia.openNegotiation(tf.negID)
	mia.wantScreen("read-only · ann's negotiation", "Hollis Foodstores")
	before, _ := tf.s.Audit(testNow.AddDate(-1, 0, 0))
	for _, k := range []string{"n", "c", "m", "s", "u", "ctrl+r", "e", "a", "="} {
		mia.m.status = statusLine{}
		mia.press("1", k)
		if mia.m.top() != nil || mia.m.capture.IsOpen() {
			mia.t.Fatalf("%s opened something on a read-only negotiation:\n%s", k, mia.screen())
		}
		mia.wantScreen("read-only: ann's negotiation; you may look, not change it")
	}
	for _, k := range []string{"d", "x"} { // the ledger's delete, and clear what is owed
		mia.press("2", k)
		if mia.m.top() != nil {
			t.Fatalf("the ledger asks before %s:\n%s", k, mia.screen())
		}
	}
	mia.lackScreen("n capture line")
	after, _ := tf.s.Audit(testNow.AddDate(-1, 0, 0))
	if len(after) != len(before) {
		t.Fatalf("%d changes reached the file", len(after)-len(before))
	}
	// At 80×24 the header keeps it.
	mia.resize(80, 24)
	mia.wantScreen("read-only")
}

// A KAM on her own negotiation may change it: no read-only, and n opens
// the capture line.
func TestAKAMOnHerOwnNegotiationIsNotReadOnly(t *testing.T) {
	tf := newTeamFile(t)
	ann := tf.as(t, "ann", Options{}, 120, 30)
	ann.openNegotiation(tf.negID)
	ann.wantScreen("Hollis Foodstores")
	ann.lackScreen("read-only")
	ann.press("n")
	if !ann.m.capture.IsOpen() {
		t.Fatalf("n did not open the capture line:\n%s", ann.screen())
	}
}

// modal is what the modal on top shows, without the panes behind it.
func (h *harness) modal() string {
	h.t.Helper()
	if h.m.top() == nil {
		h.t.Fatalf("no modal is open:\n%s", h.screen())
	}
	return ansi.Strip(strings.Join(h.m.top().View(h.m.width, h.m.bodyHeight()), "\n"))
}

func lineWith(screen, part string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}

// A manager starts on the portfolio, which counts what waits for her; W
// opens the page over it and esc goes back, at 80×24.
func TestThePortfolioCountsWhatWaitsForTheManager(t *testing.T) {
	tf := newTeamFile(t)
	mia := tf.as(t, "mia", Options{Portfolio: true}, 80, 24)
	if !strings.Contains(mia.modal(), "1 to approve (W)") {
		t.Fatalf("the portfolio does not count the request:\n%s", mia.screen())
	}
	mia.press("W")
	mia.wantScreen("Approvals · 1 to decide", "55 (limit 50)")
	mia.press("esc")
	if !strings.Contains(mia.modal(), "Portfolio · 1 negotiation ·") {
		t.Fatalf("esc did not go back to the portfolio:\n%s", mia.screen())
	}
	mia.resize(20, 6) // too small: a message, no panic
	mia.wantScreen("30×8")
}
