package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/parley-app/parley/model"
)

// A lock-info record whose PID now belongs to a live program that is not
// Parley (a killed writer's PID reused by sleep) is not believed: nothing
// is blamed on "parley note" (issue 24, finding 7).
func TestLockInfoOfAnUnrelatedLiveProcessIsNotBelieved(t *testing.T) {
	sleep := exec.Command("sleep", "30")
	if err := sleep.Start(); err != nil {
		t.Skipf("no sleep here: %v", err)
	}
	t.Cleanup(func() { sleep.Process.Kill(); sleep.Wait() })
	path := tempDB(t)
	rec := fmt.Sprintf("+%d\nparley note\n", sleep.Process.Pid)
	if err := os.WriteFile(lockInfoPath(path), []byte(rec), 0o600); err != nil {
		t.Fatal(err)
	}
	if pid, command, ok := readLockInfo(path); ok {
		t.Errorf("readLockInfo believed %q (pid %d), which is sleep", command, pid)
	}
	if msg := unseenHolderError(path, heldTooLong).Error(); strings.Contains(msg, "parley note") {
		t.Errorf("the message blames parley note: %s", msg)
	}
}

// A holder that is stopped (ctrl+z) is said to be, with what to do.
func TestLockedSaysAStoppedHolderIsStopped(t *testing.T) {
	slow(t)
	if _, err := os.ReadFile("/proc/locks"); err != nil {
		t.Skip("holders are named from /proc/locks (Linux)")
	}
	path := tempDB(t)
	s := openStore(t, path)
	pid := holdThere(t, os.Args[0], "flock-read", path)
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(pid, syscall.SIGCONT) })
	err := s.SaveAccount(&model.Account{Name: "Brightway", Kind: model.Retail})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("a save while a stopped process holds the file: %v", err)
	}
	if want := fmt.Sprintf("it is stopped (ctrl+z or a debugger): resume it with 'fg' in its terminal or 'kill -CONT %d', or end it", pid); !strings.Contains(err.Error(), want) {
		t.Errorf("message %q\nwant it to say %q", err, want)
	}
}
