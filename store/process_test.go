package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Some tests need a second parley process: one that holds the database
// open, or one that opens a damaged file, where a fault the runtime cannot
// recover from (a SIGBUS on a truncated memory-mapped file) must fail one
// test instead of killing the whole run. They start the test binary again,
// running only TestHelperProcess, which reads what to do from helperEnv.

const helperEnv = "PARLEY_STORE_TEST_HELPER"

// TestHelperProcess is not a test: it is the second process the tests above start.
func TestHelperProcess(t *testing.T) {
	mode, path, ok := strings.Cut(os.Getenv(helperEnv), ":")
	if !ok {
		t.Skip("helper process for other tests")
	}
	switch mode {
	case "hold":
		// A writer in the middle of a long transaction: it has the lock
		// and names itself in the lock-info file.
		s, err := Open(path)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		s.SetCommand("parley hold-test")
		err = s.update(func(*bolt.Tx) error {
			fmt.Println("held")
			_, err := io.Copy(io.Discard, os.Stdin) // hold the lock until the parent closes stdin
			return err
		})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	case "flock-read", "flock-write":
		// Something that is not Parley holding a flock on the file.
		how := syscall.LOCK_SH
		if mode == "flock-write" {
			how = syscall.LOCK_EX
		}
		f, err := os.Open(path)
		if err == nil {
			err = syscall.Flock(int(f.Fd()), how)
		}
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("held")
		io.Copy(io.Discard, os.Stdin)
	case "turns":
		// A reader taking and letting go of a shared flock when told to.
		f, err := os.Open(path)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		for in := bufio.NewScanner(os.Stdin); in.Scan(); {
			how := syscall.LOCK_UN
			if in.Text() == "lock" {
				how = syscall.LOCK_SH
			}
			if err := syscall.Flock(int(f.Fd()), how); err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			fmt.Println("done")
		}
	case "open":
		s, err := Open(path)
		switch {
		case err == nil:
			s.Close()
			fmt.Println("result: opened")
		case errors.Is(err, ErrDamaged):
			fmt.Println("result: damaged:", err)
		case errors.Is(err, ErrNotParley):
			fmt.Println("result: not parley:", err)
		case errors.Is(err, ErrNewerSchema):
			fmt.Println("result: newer schema:", err)
		case errors.Is(err, ErrLocked):
			fmt.Println("result: locked:", err)
		default:
			fmt.Println("result: other error:", err)
		}
	}
	os.Exit(0)
}

// helperCommand starts this test binary as a helper process.
func helperCommand(ctx context.Context, mode, path string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode+":"+path,
		// Under -race, a process sleeps a second on exit to catch late reports.
		strings.TrimSpace("GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	return cmd
}

// openInAnotherProcess opens path with Open in a helper process and returns
// its outcome ("opened", "not parley: …", …). A crash fails the test and
// returns "crashed".
func openInAnotherProcess(t *testing.T, path string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := helperCommand(ctx, "open", path).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = crashSummary(string(ee.Stderr))
		}
		t.Errorf("Open(%s) crashed the process (%v):\n%s", path, err, stderr)
		return "crashed"
	}
	for line := range strings.Lines(string(out)) {
		if rest, ok := strings.CutPrefix(line, "result: "); ok {
			return strings.TrimSpace(rest)
		}
	}
	t.Fatalf("the helper process said nothing useful:\n%s", out)
	return ""
}

// crashSummary is the head of a crash report and the frames of the crashing
// goroutine that are in bbolt or Parley.
func crashSummary(stderr string) string {
	lines := strings.Split(stderr, "\n")
	out := lines[:min(3, len(lines))]
	inStack := false
	for _, l := range lines[min(3, len(lines)):] {
		if strings.HasPrefix(l, "goroutine ") {
			inStack = true
		}
		if l == "" && inStack {
			break // the end of the crashing goroutine's stack
		}
		if (strings.Contains(l, "bbolt") || strings.Contains(l, "parley")) && !strings.HasPrefix(l, "\t") {
			out = append(out, "  "+l)
		}
	}
	return strings.Join(out, "\n")
}

// holdInAnotherProcess keeps path locked in a helper process until the
// returned function is called: mode "hold" is a Parley writer in the middle
// of a transaction, "flock-read" and "flock-write" a program that is not
// Parley. It returns the helper's PID.
func holdInAnotherProcess(t *testing.T, mode, path string) (pid int, release func()) {
	t.Helper()
	h := holdAs(t, os.Args[0], mode, path)
	return h.cmd.Process.Pid, h.stop
}

// holdAs is holdInAnotherProcess running the test binary by another name.
func holdAs(t *testing.T, program, mode, path string) *helper {
	t.Helper()
	h := startHelperAs(t, program, mode, path)
	if line := h.read(); line != "held" {
		t.Fatalf("the helper process did not lock %s: %q", path, line)
	}
	return h
}

// helper is a helper process that the test talks to line by line.
type helper struct {
	t       *testing.T
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	out     *bufio.Reader
	cancel  context.CancelFunc
	stopped bool
}

// startHelper starts a helper process, stopped when the test ends.
func startHelper(t *testing.T, mode, path string) *helper {
	t.Helper()
	return startHelperAs(t, os.Args[0], mode, path)
}

// startHelperAs is startHelper running the test binary by another name
// (a link to it), which is then its command line's first word.
func startHelperAs(t *testing.T, program, mode, path string) *helper {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	cmd := helperCommand(ctx, mode, path)
	cmd.Path, cmd.Args[0] = program, program
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &helper{t: t, cmd: cmd, stdin: stdin, out: bufio.NewReader(stdout), cancel: cancel}
	t.Cleanup(h.stop)
	return h
}

// read is the helper's next line of output.
func (h *helper) read() string {
	line, _ := h.out.ReadString('\n')
	return strings.TrimSpace(line)
}

// say sends the helper a line and returns its answer.
func (h *helper) say(line string) string {
	if _, err := fmt.Fprintln(h.stdin, line); err != nil {
		h.t.Fatalf("helper process: %v", err)
	}
	return h.read()
}

// stop closes the helper's input, which ends it, and waits for it.
func (h *helper) stop() {
	if h.stopped {
		return
	}
	h.stopped = true
	h.stdin.Close()
	if err := h.cmd.Wait(); err != nil {
		h.t.Errorf("helper process: %v", err)
	}
	h.cancel()
}
