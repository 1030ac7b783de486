package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	gossh "golang.org/x/crypto/ssh"
)

// TestLoadOverSSH is the team server under load, on loopback, bounded in
// time: 50 workbench sessions pressing keys while 100 `ssh … note` run at
// once. It counts the notes stored against those sent (they must be
// equal), and reports each key's time to its frame (the first bytes of the
// screen the server sends back) and the server's memory. Run it with
//
//	PARLEY_LOAD=1 go test ./cmd/parley -run TestLoadOverSSH -v
func TestLoadOverSSH(t *testing.T) {
	if os.Getenv("PARLEY_LOAD") == "" {
		t.Skip("the load test runs with PARLEY_LOAD=1")
	}
	const sessions, notes, keysEach = 50, 100, 20
	dir := t.TempDir()
	db := filepath.Join(dir, "team.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.AddDossier(model.Demo(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Dossier(id)
	if err != nil {
		t.Fatal(err)
	}
	signers := make([]gossh.Signer, sessions)
	for i := range signers {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		signers[i], _ = gossh.NewSignerFromKey(priv)
		name := fmt.Sprintf("kam%02d", i)
		if err := st.AddPerson(model.Person{Name: name, Role: model.RoleKAM, Keys: []string{string(gossh.MarshalAuthorizedKey(signers[i].PublicKey()))}}); err != nil {
			t.Fatal(err)
		}
		if err := st.ShareAccount(d.Account.ID, name); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	port, srv := startServe(t, db, "--burst", "1000", "--rate", "1000")
	addr := net.JoinHostPort("127.0.0.1", port)
	dial := func(s gossh.Signer) (*gossh.Client, error) {
		return gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "load", Auth: []gossh.AuthMethod{gossh.PublicKeys(s)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	}

	// 50 workbenches, each waiting for its first screen.
	type bench struct {
		in     io.Writer
		frames chan time.Time
		final  atomic.Int64 // when the final note first reached its screen (Unix ns)
	}
	benches := make([]*bench, sessions)
	var open sync.WaitGroup
	for i := range benches {
		open.Add(1)
		go func() {
			defer open.Done()
			c, err := dial(signers[i])
			if err != nil {
				t.Errorf("session %d: %v", i, err)
				return
			}
			t.Cleanup(func() { c.Close() })
			sess, _ := c.NewSession()
			sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{})
			b := &bench{frames: make(chan time.Time, 1024)}
			b.in, _ = sess.StdinPipe()
			out, _ := sess.StdoutPipe()
			var seen strings.Builder
			go func() {
				buf := make([]byte, 32<<10)
				var tail []byte // the end of the last read: the text may come in two
				for {
					n, err := out.Read(buf)
					if n > 0 {
						if seen.Len() < 1<<20 {
							seen.Write(buf[:n])
						}
						tail = append(tail, buf[:n]...)
						if b.final.Load() == 0 && bytes.Contains(tail, []byte(finalNote)) {
							b.final.Store(time.Now().UnixNano())
						}
						tail = tail[max(0, len(tail)-len(finalNote)):]
						select {
						case b.frames <- time.Now():
						default:
						}
					}
					if err != nil {
						return
					}
				}
			}()
			if err := sess.Shell(); err != nil {
				t.Errorf("session %d: %v", i, err)
				return
			}
			deadline := time.Now().Add(60 * time.Second)
			for time.Now().Before(deadline) && !strings.Contains(seen.String(), "Payment terms") {
				time.Sleep(50 * time.Millisecond)
			}
			benches[i] = b
		}()
	}
	open.Wait()
	for i, b := range benches {
		if b == nil {
			t.Fatalf("workbench %d never opened", i)
		}
	}

	// The notes, all at once, while the workbenches type.
	start := time.Now()
	srvCPU0, ownCPU0 := cpuTime(srv.Process.Pid), cpuTime(os.Getpid())
	var sent sync.WaitGroup
	failed := make(chan string, notes)
	for n := range notes {
		sent.Add(1)
		go func() {
			defer sent.Done()
			c, err := dial(signers[n%sessions])
			if err != nil {
				failed <- err.Error()
				return
			}
			defer c.Close()
			out, code := runOver(t, c, fmt.Sprintf(`note "load note %03d"`, n))
			if code != 0 {
				failed <- out
			}
		}()
	}
	// press presses tab in one workbench and waits for its next frame. Tab
	// moves the focus to the next pane: a new frame each, even when two
	// presses wait in the pipe and are drawn as one (j then k would draw
	// nothing new).
	press := func(b *bench) (time.Duration, bool) {
		for len(b.frames) > 0 {
			<-b.frames
		}
		at := time.Now()
		if _, err := b.in.Write([]byte("\t")); err != nil {
			return 0, false
		}
		select {
		case f := <-b.frames:
			return f.Sub(at), true
		case <-time.After(10 * time.Second):
			t.Errorf("no frame 10 s after a key")
			return 0, false
		}
	}
	var latMu sync.Mutex
	var lat []time.Duration
	perSession := make([][]time.Duration, len(benches)) // each session's own, for its p50 and p95
	var typing sync.WaitGroup
	for i, b := range benches {
		typing.Add(1)
		go func() {
			defer typing.Done()
			for range keysEach {
				d, ok := press(b)
				if !ok {
					return
				}
				latMu.Lock()
				lat = append(lat, d)
				latMu.Unlock()
				perSession[i] = append(perSession[i], d)
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	sent.Wait()
	elapsed := time.Since(start)
	srvCPU, ownCPU := cpuTime(srv.Process.Pid)-srvCPU0, cpuTime(os.Getpid())-ownCPU0
	typing.Wait()
	close(failed)
	for f := range failed {
		t.Errorf("a note failed: %s", f)
	}

	// One note more, alone: how long until every screen shows it.
	c, err := dial(signers[0])
	if err != nil {
		t.Fatal(err)
	}
	if out, code := runOver(t, c, fmt.Sprintf("note %q", finalNote)); code != 0 {
		t.Fatalf("the final note: %s", out)
	}
	storedAt := time.Now()
	c.Close()
	var shown []time.Duration
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && len(shown) < sessions; {
		shown = shown[:0]
		for _, b := range benches {
			if at := b.final.Load(); at != 0 {
				shown = append(shown, max(0, time.Unix(0, at).Sub(storedAt)))
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(shown) < sessions {
		t.Errorf("the final note reached %d of %d screens in 10 s", len(shown), sessions)
	}
	slices.Sort(shown)

	// The same keys with no note coming: what a key costs the server
	// when the burst is over.
	var quiet []time.Duration
	for _, b := range benches {
		typing.Add(1)
		go func() {
			defer typing.Done()
			for range keysEach / 2 {
				d, ok := press(b)
				if !ok {
					return
				}
				latMu.Lock()
				quiet = append(quiet, d)
				latMu.Unlock()
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	typing.Wait()
	slices.Sort(quiet)
	rss := serverRSS(srv.Process.Pid)

	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, err = st.Dossier(id)
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, n := range d.Notes {
		if strings.HasPrefix(n.Text, "load note ") || n.Text == finalNote {
			stored++
		}
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	t.Logf("notes sent %d, stored %d, in %s; key→frame over %d keys of %d sessions: p50 %s, p95 %s, max %s; server RSS %s",
		notes, stored, elapsed.Round(time.Millisecond), len(lat), sessions, pct(0.5).Round(100*time.Microsecond),
		pct(0.95).Round(100*time.Microsecond), lat[len(lat)-1].Round(100*time.Microsecond), rss)
	t.Logf("CPU during the burst: the server %s, the test's clients %s (of %s on %d cores)", srvCPU, ownCPU,
		time.Duration(runtime.NumCPU())*elapsed.Round(time.Millisecond), runtime.NumCPU())
	var p50s, p95s []time.Duration // per session
	for _, own := range perSession {
		if len(own) > 0 {
			slices.Sort(own)
			p50s, p95s = append(p50s, own[len(own)/2]), append(p95s, own[int(0.95*float64(len(own)-1))])
		}
	}
	slices.Sort(p50s)
	slices.Sort(p95s)
	if len(p95s) > 0 {
		t.Logf("per session: p50 from %s to %s, p95 from %s to %s (median session's p95 %s)",
			p50s[0].Round(100*time.Microsecond), p50s[len(p50s)-1].Round(100*time.Microsecond),
			p95s[0].Round(100*time.Microsecond), p95s[len(p95s)-1].Round(100*time.Microsecond), p95s[len(p95s)/2].Round(100*time.Microsecond))
	}
	if len(quiet) > 0 {
		t.Logf("with no note coming, key→frame over %d keys: p50 %s, p95 %s, max %s", len(quiet),
			quiet[len(quiet)/2].Round(100*time.Microsecond), quiet[int(0.95*float64(len(quiet)-1))].Round(100*time.Microsecond),
			quiet[len(quiet)-1].Round(100*time.Microsecond))
	}
	if len(shown) > 0 {
		t.Logf("a note stored → on the screen of each of %d sessions: p50 %s, p95 %s, max %s", len(shown),
			shown[len(shown)/2].Round(100*time.Microsecond), shown[int(0.95*float64(len(shown)-1))].Round(100*time.Microsecond),
			shown[len(shown)-1].Round(100*time.Microsecond))
	}
	if stored != notes+1 {
		t.Fatalf("%d notes stored of %d sent", stored, notes+1)
	}
}

// finalNote is the note the load test times to every screen.
const finalNote = "final note of the load"

// cpuTime is the CPU time the process has used so far, user and system,
// from /proc (0 where there is none).
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command's name, which is in parentheses and may hold spaces.
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.Atoi(fields[11])
	stime, _ := strconv.Atoi(fields[12])
	return time.Duration(utime+stime) * time.Second / 100 // clock ticks: 100 a second on Linux
}

// serverRSS is the resident memory of the process, from /proc.
func serverRSS(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			return strings.Join(strings.Fields(line)[1:], " ")
		}
	}
	return "unknown"
}
