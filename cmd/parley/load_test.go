package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
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
// time: 50 workbench sessions pressing keys, each at its own moment, while
// 100 `ssh … note` run at once, twice: pressing tab (half the screen drawn
// again), then typing on the capture line. It counts the notes stored
// against those sent (they must be equal), and reports each key's time to
// its frame (the first bytes of the screen the server sends back), the
// same with no note coming, a note's time to every screen, the CPU used
// and the server's memory. Run it with
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
	seeds := make([]byte, sessions*ed25519.SeedSize)
	rand.Read(seeds)
	keys := filepath.Join(dir, "keys")
	if err := os.WriteFile(keys, seeds, 0o600); err != nil {
		t.Fatal(err)
	}
	signers := loadSigners(seeds)
	for i := range signers {
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

	// Two bursts of notes: while every workbench presses tab (the focus
	// moves, and half the screen is drawn again), then while every one
	// types on its capture line (a line or two of the screen changes), as
	// the KAMs of a team do. The notes come from a process of their own at
	// the lowest priority (TestLoadSender): on a team, each `ssh … note`
	// does its cryptography on its own machine, not on the server's two
	// cores; the workbenches' clients, which time the frames, stay here.
	tab := func(int) []byte { return []byte("\t") }
	letters := func(k int) []byte { return []byte{"the buyer asks about the rebate "[k%32]} }
	burst := func(name string, first int, key func(int) []byte) {
		start := time.Now()
		srvCPU0, ownCPU0, waited0 := cpuTime(srv.Process.Pid), cpuTime(os.Getpid()), waitedForCPU(srv.Process.Pid)
		sender := exec.Command("nice", "-n", "19", os.Args[0], "-test.run=^TestLoadSender$")
		sender.Env = append(os.Environ(), "PARLEY_LOAD_SENDER="+strings.Join([]string{addr, keys, strconv.Itoa(first), strconv.Itoa(notes)}, ","))
		var said bytes.Buffer
		sender.Stdout, sender.Stderr = &said, &said
		if err := sender.Start(); err != nil {
			t.Fatal(err)
		}
		typed := typeOn(t, benches, keysEach, key)
		if err := sender.Wait(); err != nil {
			t.Errorf("the notes' sender: %v\n%s", err, said.String())
		}
		elapsed := time.Since(start)
		srvCPU, ownCPU, waited := cpuTime(srv.Process.Pid)-srvCPU0, cpuTime(os.Getpid())-ownCPU0, waitedForCPU(srv.Process.Pid)-waited0
		sendCPU := sender.ProcessState.UserTime() + sender.ProcessState.SystemTime()
		lat, perSession := typed()
		t.Logf("%s: %d notes sent in %s; CPU meanwhile: the server %s (its threads waited %s for a core), the workbenches' clients %s, the notes' sender %s (of %s on %d cores)",
			name, notes, elapsed.Round(time.Millisecond), srvCPU, ms(waited), ownCPU, sendCPU.Round(10*time.Millisecond),
			time.Duration(runtime.NumCPU())*elapsed.Round(time.Millisecond), runtime.NumCPU())
		t.Logf("%s: key→frame over %d keys of %d sessions: %s", name, len(lat), sessions, spread(lat))
		var p50s, p95s []time.Duration
		for _, own := range perSession {
			if len(own) > 0 {
				slices.Sort(own)
				p50s, p95s = append(p50s, own[len(own)/2]), append(p95s, own[int(0.95*float64(len(own)-1))])
			}
		}
		if len(p95s) > 0 {
			slices.Sort(p50s)
			slices.Sort(p95s)
			t.Logf("%s: per session, p50 from %s to %s, p95 from %s to %s (median session's p95 %s)", name,
				ms(p50s[0]), ms(p50s[len(p50s)-1]), ms(p95s[0]), ms(p95s[len(p95s)-1]), ms(p95s[len(p95s)/2]))
		}
	}
	// quiet presses keys with no note coming, before each burst: what a
	// key costs the server with nothing else to do (and, for tab, the
	// first look at each pane, which works out its figures).
	quiet := func(name string, key func(int) []byte) {
		lat, _ := typeOn(t, benches, keysEach/2, key)()
		t.Logf("%s, with no note coming: key→frame over %d keys: %s", name, len(lat), spread(lat))
	}
	quiet("tab", tab)
	burst("tab", 0, tab)
	for _, b := range benches {
		if _, ok := b.press(t, []byte("n")); !ok { // the capture line opens
			t.Fatal("a capture line did not open")
		}
	}
	quiet("typing", letters)
	burst("typing", notes, letters)

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
	if len(shown) > 0 {
		t.Logf("a note stored → on the screen of each of %d sessions: %s", len(shown), spread(shown))
	}
	t.Logf("server RSS %s", serverRSS(srv.Process.Pid))

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
	t.Logf("notes sent %d, stored %d", 2*notes+1, stored)
	if stored != 2*notes+1 {
		t.Fatalf("%d notes stored of %d sent", stored, 2*notes+1)
	}
}

// typeOn presses n keys in every workbench, 50 ms apart, from now on. The
// wait it returns waits for them, and gives each key's time to its frame,
// all of them and each session's own.
func typeOn(t *testing.T, benches []*bench, n int, key func(int) []byte) (wait func() (all []time.Duration, each [][]time.Duration)) {
	each := make([][]time.Duration, len(benches))
	var typing sync.WaitGroup
	for i, b := range benches {
		typing.Add(1)
		go func() {
			defer typing.Done()
			time.Sleep(time.Duration(i) * keyEvery / time.Duration(len(benches))) // people do not type in step
			for k := range n {
				d, ok := b.press(t, key(k))
				if !ok {
					return
				}
				each[i] = append(each[i], d)
				time.Sleep(keyEvery)
			}
		}()
	}
	return func() ([]time.Duration, [][]time.Duration) {
		typing.Wait()
		var all []time.Duration
		for _, own := range each {
			all = append(all, own...)
		}
		return all, each
	}
}

// press sends one key to a workbench and waits for its next frame. Tab
// moves the focus to the next pane and a typed letter lengthens the line:
// a new frame each, even when two keys wait in the pipe and are drawn as
// one (j then k would draw nothing new).
func (b *bench) press(t *testing.T, key []byte) (time.Duration, bool) {
	for len(b.frames) > 0 {
		<-b.frames
	}
	at := time.Now()
	if _, err := b.in.Write(key); err != nil {
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

// spread is the p50, p95 and the longest of some durations, sorting them.
func spread(ds []time.Duration) string {
	slices.Sort(ds)
	return fmt.Sprintf("p50 %s, p95 %s, max %s", ms(ds[len(ds)/2]), ms(ds[int(0.95*float64(len(ds)-1))]), ms(ds[len(ds)-1]))
}

// ms rounds a duration for the report.
func ms(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }

// bench is one workbench of the load test, as its client sees it.
type bench struct {
	in     io.Writer
	frames chan time.Time
	final  atomic.Int64 // when the final note first reached its screen (Unix ns)
}

// keyEvery is the pause between a session's key's frame and its next key.
const keyEvery = 50 * time.Millisecond

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

// waitedForCPU is how long the process's threads have waited, ready, for
// a core, from /proc (0 where there is none).
func waitedForCPU(pid int) time.Duration {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var sum time.Duration
	for _, f := range tasks {
		data, err := os.ReadFile(f)
		if fields := strings.Fields(string(data)); err == nil && len(fields) >= 2 {
			ns, _ := strconv.ParseInt(fields[1], 10, 64)
			sum += time.Duration(ns)
		}
	}
	return sum
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

// loadSigners are the load test's keys, one from each seed.
func loadSigners(seeds []byte) []gossh.Signer {
	var signers []gossh.Signer
	for seed := range slices.Chunk(seeds, ed25519.SeedSize) {
		s, _ := gossh.NewSignerFromKey(ed25519.NewKeyFromSeed(seed))
		signers = append(signers, s)
	}
	return signers
}

// TestLoadSender is the load test's `ssh … note`, run at once in a
// process of its own at the lowest priority (PARLEY_LOAD_SENDER is the
// address, the keys' file, the first note's number and how many).
func TestLoadSender(t *testing.T) {
	spec := strings.Split(os.Getenv("PARLEY_LOAD_SENDER"), ",")
	if len(spec) != 4 {
		t.Skip("run by TestLoadOverSSH")
	}
	seeds, err := os.ReadFile(spec[1])
	if err != nil {
		t.Fatal(err)
	}
	signers := loadSigners(seeds)
	first, _ := strconv.Atoi(spec[2])
	count, _ := strconv.Atoi(spec[3])
	start := time.Now()
	var sent sync.WaitGroup
	for n := first; n < first+count; n++ {
		sent.Add(1)
		go func() {
			defer sent.Done()
			c, err := gossh.Dial("tcp", spec[0], &gossh.ClientConfig{User: "load", Auth: []gossh.AuthMethod{gossh.PublicKeys(signers[n%len(signers)])},
				HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
			if err != nil {
				t.Errorf("note %d: %v", n, err)
				return
			}
			defer c.Close()
			if out, code := runOver(t, c, fmt.Sprintf(`note "load note %03d"`, n)); code != 0 {
				t.Errorf("note %d: %s", n, out)
			}
		}()
	}
	sent.Wait()
	fmt.Printf("SENT %d\n", time.Since(start))
}
