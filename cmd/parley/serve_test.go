package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/serve"
	"github.com/parley-app/parley/store"
	gossh "golang.org/x/crypto/ssh"
)

// The team over SSH, in-process: the real server and the real commands,
// with golang.org/x/crypto/ssh clients signing in as each person.

type teamServer struct {
	t    testing.TB
	db   string
	addr string
	keys map[string]gossh.Signer
	st   *store.Store
	srv  *serve.Server
}

// startTeam serves a file whose people are ada (admin), mia (manager),
// ann (her KAM) and bob (a KAM of another team).
func startTeam(t testing.TB, opts serve.Options) *teamServer {
	t.Helper()
	db := filepath.Join(t.TempDir(), "team.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ts := &teamServer{t: t, db: db, st: st, keys: map[string]gossh.Signer{}}
	for _, p := range []model.Person{
		{Name: "ada", Role: model.RoleAdmin},
		{Name: "mia", Role: model.RoleManager, Team: "north"},
		{Name: "ann", Role: model.RoleKAM, Manager: "mia"},
		{Name: "bob", Role: model.RoleKAM, Team: "south"},
	} {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		k, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		ts.keys[p.Name] = k
		p.Keys = []string{string(gossh.MarshalAuthorizedKey(k.PublicKey()))}
		if err := st.AddPerson(p); err != nil {
			t.Fatal(err)
		}
	}
	opts.Run = remoteRunner(st)
	opts.DraftDelay = 100 * time.Millisecond
	if opts.Burst == 0 {
		opts.Burst = 1000
		opts.Rate = 1000
	}
	srv, err := serve.New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	})
	ts.addr, ts.srv = ln.Addr().String(), srv
	return ts
}

func (ts *teamServer) dial(person string) *gossh.Client {
	ts.t.Helper()
	c, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User:            person,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(ts.keys[person])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // the test's own server, on loopback
		Timeout:         10 * time.Second,
	})
	if err != nil {
		ts.t.Fatalf("%s signs in: %v", person, err)
	}
	ts.t.Cleanup(func() { c.Close() })
	return c
}

// ssh runs one command as person, without a PTY, and returns its output
// and exit code.
func (ts *teamServer) ssh(person, command string) (string, int) {
	ts.t.Helper()
	return runOver(ts.t, ts.dial(person), command)
}

func runOver(t testing.TB, c *gossh.Client, command string) (string, int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer // two: the client copies them at once
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(command)
	if exit, ok := err.(*gossh.ExitError); ok {
		return out.String() + errOut.String(), exit.ExitStatus()
	}
	if err != nil {
		t.Fatalf("ssh %s: %v", command, err)
	}
	return out.String() + errOut.String(), 0
}

// remoteScreen is a workbench over SSH, drawn on an emulated terminal.
type remoteScreen struct {
	t    testing.TB
	sess *gossh.Session
	in   io.WriteCloser
	emu  *vt.SafeEmulator
}

func (ts *teamServer) workbench(person string, w, h int) *remoteScreen {
	ts.t.Helper()
	sess, err := ts.dial(person).NewSession()
	if err != nil {
		ts.t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		ts.t.Fatal(err)
	}
	rs := &remoteScreen{t: ts.t, sess: sess, emu: vt.NewSafeEmulator(w, h)}
	rs.in, _ = sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	go func() { _, _ = io.Copy(rs.emu, out) }()
	go func() { _, _ = io.Copy(rs.in, rs.emu) }() // the terminal's answers
	if err := sess.Shell(); err != nil {
		ts.t.Fatal(err)
	}
	ts.t.Cleanup(func() { sess.Close() })
	return rs
}

func (rs *remoteScreen) screen() string { return ansi.Strip(rs.emu.Render()) }

func (rs *remoteScreen) waitFor(text string) {
	rs.t.Helper()
	rs.waitUntil("show "+text, func(s string) bool { return strings.Contains(s, text) })
}

func (rs *remoteScreen) waitGone(text string) {
	rs.t.Helper()
	rs.waitUntil("stop showing "+text, func(s string) bool { return !strings.Contains(s, text) })
}

func (rs *remoteScreen) waitUntil(what string, ok func(string) bool) {
	rs.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok(rs.screen()) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	rs.t.Fatalf("the screen did not %s:\n%s", what, rs.screen())
}

func (rs *remoteScreen) typeText(s string) {
	rs.t.Helper()
	if _, err := rs.in.Write([]byte(s)); err != nil {
		rs.t.Fatal(err)
	}
}

func TestServeWhoSeesWhatPerRole(t *testing.T) {
	ts := startTeam(t, serve.Options{})
	if out, code := ts.ssh("ann", "demo"); code != 0 {
		t.Fatalf("ann adds the demo: %d %s", code, out)
	}
	negs, _ := ts.st.Negotiations()
	id := negs[0].ID
	deal := "deal --json --negotiation " + itoa(id)
	for person, want := range map[string]int{"ann": 0, "mia": 0, "ada": 0, "bob": 1} {
		out, code := ts.ssh(person, deal)
		if code != want {
			t.Errorf("%s: deal --json exit %d, want %d: %s", person, code, want, out)
		}
		if want != 0 && !strings.Contains(out, "no negotiation of yours matches") {
			t.Errorf("%s is refused without saying so plainly: %s", person, out)
		}
	}
	if out, code := ts.ssh("mia", `note "from the manager"`); code == 0 || !strings.Contains(out, "not yours to change") {
		t.Errorf("the manager writes in her KAM's negotiation: %d %s", code, out)
	}
	if out, code := ts.ssh("bob", "people add zed --role admin --key '"+strings.TrimSpace(string(gossh.MarshalAuthorizedKey(ts.keys["bob"].PublicKey())))+"'"); code == 0 || !strings.Contains(out, "only an admin") {
		t.Errorf("a KAM manages people: %d %s", code, out)
	}
	if out, code := ts.ssh("ann", "export /tmp/x.json"); code != exitUsage || !strings.Contains(out, "not a command over SSH") {
		t.Errorf("export over SSH: %d %s", code, out)
	}
	if out, code := ts.ssh("ann", "brief --db /etc/passwd"); code != exitUsage || !strings.Contains(out, "--db is not taken") {
		t.Errorf("--db over SSH: %d %s", code, out)
	}
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

// TestServeAPendingMoveAndItsApprovalAreSeenLive: ann's workbench shows
// her own move past her authority as pending, and her manager's approval,
// given from another session, within a frame; her manager's portfolio
// counts the request while it waits.
func TestServeAPendingMoveAndItsApprovalAreSeenLive(t *testing.T) {
	ts := startTeam(t, serve.Options{})
	if out, code := ts.ssh("ann", "demo"); code != 0 {
		t.Fatalf("ann adds the demo: %d %s", code, out)
	}
	if out, code := ts.ssh("ada", "authority set kam payment-days 50"); code != 0 {
		t.Fatalf("authority set: %d %s", code, out)
	}
	ann := ts.workbench("ann", 120, 40)
	ann.waitFor("Payment terms")
	mia := ts.workbench("mia", 160, 30) // a manager starts on the portfolio
	mia.waitFor("Portfolio · 1 negotiation ·")
	waiting := func(n string) func(string) bool {
		return func(s string) bool {
			for _, l := range strings.Split(s, "\n") {
				if strings.Contains(l, "Hollis Foodstores") && strings.Contains(l, "ann") && strings.HasSuffix(strings.TrimRight(l, " │"), " "+n) {
					return true
				}
			}
			return false
		}
	}
	mia.waitUntil("show ann's negotiation with nothing waiting", waiting("0"))

	out, code := ts.ssh("ann", `note "we 2 55 for e-invoicing"`)
	if code != 0 || !strings.Contains(out, "Pending approval by mia (request 1)") {
		t.Fatalf("a move past authority: exit %d\n%s", code, out)
	}
	ann.waitFor("pending approval (request 1)")
	mia.waitUntil("count the request on the portfolio", waiting("1"))

	var list []model.Approval
	out, _ = ts.ssh("mia", "approvals --json")
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || list[0].By != "ann" {
		t.Fatalf("mia's approvals: %v\n%s", err, out)
	}
	if out, _ := ts.ssh("mia", "approvals"); !strings.Contains(out, "1  pending  ann asks mia: Payment terms to 55 is above the limit of 50 (Hollis Foodstores › 2027 annual terms)") {
		t.Fatalf("mia's approvals:\n%s", out)
	}
	if out, _ := ts.ssh("bob", "approvals --json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("bob's approvals: %s", out)
	}
	if out, code := ts.ssh("mia", `approve 1 --note "ok if they take 170k"`); code != 0 {
		t.Fatalf("mia approves: %d %s", code, out)
	}
	ann.waitGone("pending approval")
	ann.waitFor("e-invoicing")
	ann.waitFor("Request 1 approved by mia: ok if they take 170k")
	mia.waitUntil("count the request decided", waiting("0"))

	// From the workbench's own capture line, the answer is on the footer.
	ann.typeText("n")
	time.Sleep(200 * time.Millisecond)
	ann.typeText("we 2 58\r")
	ann.waitFor("Pending approval by mia")
	ann.waitFor("pending approval (request 2)")
	mia.waitUntil("count the second request", waiting("1"))
	mia.waitFor("1 to approve (W)")
	ann.typeText("\x1b") // the capture line closes; the footer is the workbench's again
	// mia rejects it on her approvals page, over the portfolio.
	mia.typeText("W")
	mia.waitFor("Approvals · 1 to decide")
	mia.waitFor("58 (limit 50)")
	mia.typeText("r")
	mia.waitFor("Reject #2, note for ann")
	mia.typeText("58 is too far\r")
	mia.waitFor("Rejected #2: ann's Payment terms 58 (limit 50)")
	ann.waitFor("Request 2 rejected by mia: 58 is too far")
	ann.waitGone("pending approval")

	out, _ = ts.ssh("ada", "audit --json")
	var rows []struct {
		Person, What, Kind string
		Change             json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("audit --json: %v\n%s", err, out)
	}
	var saw []string
	for _, r := range rows {
		if r.Person != "" {
			saw = append(saw, r.Person+" "+r.Kind+" "+r.What)
		}
	}
	got := strings.Join(saw, "\n")
	for _, want := range []string{"ann  added", "ada  set the authority of kam", "ann Captured ", "mia  approved request 1", "mia  rejected request 2"} {
		if !strings.Contains(got, want) {
			t.Errorf("no audit row %q in:\n%s", want, got)
		}
	}
	kept := false
	for _, r := range rows {
		kept = kept || (r.Kind == "Captured" && strings.Contains(string(r.Change), `"Value": "55"`))
	}
	if !kept {
		t.Errorf("no capture row keeps the value 55:\n%s", out)
	}
}
