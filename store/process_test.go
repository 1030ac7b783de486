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

// holdInAnotherProcess keeps path open in a helper process until the
// returned function is called.
func holdInAnotherProcess(t *testing.T, path string) (release func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	cmd := helperCommand(ctx, "hold", path)
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
	released := false
	release = func() {
		if released {
			return
		}
		released = true
		stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("helper process: %v", err)
		}
		cancel()
	}
	t.Cleanup(release)
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "held" {
		t.Fatalf("the helper process did not open %s: %q %v", path, line, err)
	}
	return release
}
