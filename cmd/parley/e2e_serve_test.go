package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// The team server end to end: the built binary serves a file, and the real
// OpenSSH client signs in with a key made by ssh-keygen.

// parleyCmd runs the binary on db and fails the test unless it succeeds.
func parleyCmd(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, err := exec.Command(binary(t), append([]string{"--db", db}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("parley %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

var serveLog syncBuffer

// syncBuffer is a buffer two goroutines may write.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe starts `parley serve` on a free loopback port and returns the port.
func startServe(t *testing.T, db string, flags ...string) (port string, srv *exec.Cmd) {
	t.Helper()
	srv = exec.Command(binary(t), append([]string{"--db", db, "serve", "--listen", "127.0.0.1:0"}, flags...)...)
	out, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	srv.Stderr = &serveLog

	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if srv.ProcessState == nil {
			srv.Process.Kill()
			srv.Wait()
		}
	})
	lines := bufio.NewScanner(out)
	addr := regexp.MustCompile(`on 127\.0\.0\.1:(\d+) `)
	for lines.Scan() {
		if m := addr.FindStringSubmatch(lines.Text()); m != nil {
			go io.Copy(io.Discard, out)
			return m[1], srv
		}
	}
	t.Fatal("parley serve never said where it listens")
	return "", nil
}

// sshArgs are the OpenSSH client's arguments for the test server: nothing
// from the user's own setup, a known_hosts of the test's own, one key.
func sshArgs(dir, port, key string, rest ...string) []string {
	return append([]string{"-F", "/dev/null", "-p", port, "-i", key, "-o", "IdentitiesOnly=yes",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=" + filepath.Join(dir, "known_hosts"),
		"-o", "BatchMode=yes", "-o", "LogLevel=ERROR"}, rest...)
}

// startSSHTerminal runs ssh in a pseudo-terminal, as a person at a terminal would.
func startSSHTerminal(t *testing.T, w, h int, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command("ssh", args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "SSH_AUTH_SOCK=")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f, emu: vt.NewSafeEmulator(w, h), done: make(chan error, 1)}
	go func() { _, _ = io.Copy(term.emu, f) }()
	go func() { _, _ = io.Copy(f, term.emu) }()
	go func() { term.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
		f.Close()
	})
	return term
}

// TestEndToEndWorkbenchOverSSH: a KAM's workbench over the real ssh client
// in a terminal; a note sent from a second `ssh … note` appears on it; the
// server stops on SIGTERM and tells the session.
func TestEndToEndWorkbenchOverSSH(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("no OpenSSH client")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "team.db")
	key := filepath.Join(dir, "ann")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ann", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	pub, err := os.ReadFile(key + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	parleyCmd(t, db, "demo")
	parleyCmd(t, db, "people", "add", "ann", "--role", "kam", "--key", string(pub))
	parleyCmd(t, db, "accounts", "share", "Hollis Foodstores", "ann")
	port, srv := startServe(t, db)
	if info, err := os.Stat(filepath.Join(dir, "parley_host_ed25519")); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v, %v; want it made beside the file, 0600", info, err)
	}

	term := startSSHTerminal(t, 120, 40, sshArgs(dir, port, key, "-t", "parley@127.0.0.1")...)
	term.waitFor("Payment terms")

	out, err := exec.Command("ssh", sshArgs(dir, port, key, "parley@127.0.0.1", "note", `"Dana asked for the e2e plan"`)...).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Saved the note") {
		t.Fatalf("ssh … note: %v\n%s", err, out)
	}
	term.waitFor("Dana asked for the e2e plan")

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// The last bytes may still be on their way to the screen when ssh exits.
	term.waitFor("server is stopping")
	select {
	case <-term.done:
	case <-time.After(15 * time.Second):
		t.Fatalf("the session stayed open after SIGTERM:\n%s\nserver log:\n%s", term.screen(), serveLog.String())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("parley serve after SIGTERM: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("parley serve did not stop on SIGTERM")
	}
}
