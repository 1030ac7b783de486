package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// The end-to-end tests run the built binary in a pseudo-terminal and read
// its screen through a terminal emulator, as a user at a real terminal would.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// TestMain removes the binary the end-to-end tests built, with its folder,
// once they are done: each run left 24 MB in the temporary folder until a
// machine's disk filled.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// binary builds cmd/parley once per test run.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parley-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "parley")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("build: %v", buildErr)
	}
	return binPath
}

// terminal is the binary running in a pseudo-terminal of a given size.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	emu  *vt.SafeEmulator
	done chan error
}

func startTerminal(t *testing.T, db string, w, h int, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(os.Environ(), "PARLEY_DB="+db, "TERM=xterm-256color", "NO_COLOR=", "PARLEY_DRAFT_DELAY=100ms")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f, emu: vt.NewSafeEmulator(w, h), done: make(chan error, 1)}
	go func() { _, _ = io.Copy(term.emu, f) }() // the program's output onto the emulated screen
	go func() { _, _ = io.Copy(f, term.emu) }() // the terminal's answers (colours, sizes) back to the program
	go func() { term.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
		f.Close()
	})
	return term
}

// screen is the emulated screen as plain text.
func (term *terminal) screen() string { return ansi.Strip(term.emu.Render()) }

// waitFor waits until the screen shows text.
func (term *terminal) waitFor(text string) {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(term.screen(), text) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	term.t.Fatalf("the screen never showed %q:\n%s", text, term.screen())
}

// typeText sends keys as the terminal would: text as is, keys by their bytes.
func (term *terminal) typeText(s string) {
	term.t.Helper()
	if _, err := term.pty.Write([]byte(s)); err != nil {
		term.t.Fatal(err)
	}
	time.Sleep(30 * time.Millisecond)
}

// Key bytes as a terminal sends them.
const (
	keyEnter = "\r"
	keyTab   = "\t"
	keyEsc   = "\x1b"
	keyCtrlS = "\x13"
)

func (term *terminal) resize(w, h int) {
	term.t.Helper()
	term.emu.Resize(w, h)
	if err := pty.Setsize(term.pty, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		term.t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
}

// wait waits for the program to exit and returns its error.
func (term *terminal) wait() error {
	select {
	case err := <-term.done:
		return err
	case <-time.After(10 * time.Second):
		term.t.Fatalf("the program did not exit:\n%s", term.screen())
		return nil
	}
}
