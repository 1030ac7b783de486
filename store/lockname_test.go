package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/parley-app/parley/model"
)

// holdHere takes a flock on path through an open file of its own, as
// another process would, and lets go when the test ends.
func holdHere(t *testing.T, path string, how int) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	return os.Getpid()
}

// holdThere has a helper process hold path, by this name of the test
// binary, and returns its PID.
func holdThere(t *testing.T, program, mode, path string) int {
	t.Helper()
	return holdAs(t, program, mode, path).cmd.Process.Pid
}

var pidInMessage = regexp.MustCompile(`pid (\d+)`)

// When one holder keeps the file for over a second, the message names the
// process that /proc/locks shows holding it, by PID and command, says
// whether it reads or writes, and names no other process.
func TestLockedNamesTheRealHolder(t *testing.T) {
	slow(t)
	if _, err := os.ReadFile("/proc/locks"); err != nil {
		t.Skip("holders are named from /proc/locks (Linux)")
	}
	t.Parallel()
	parleyLink := filepath.Join(t.TempDir(), "parley-helper")
	if err := os.Symlink(os.Args[0], parleyLink); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		hold func(t *testing.T, path string) int // the PID that holds path
		want string                              // %d is that PID
		not  string
	}{
		{"another open in this process, writing",
			func(t *testing.T, path string) int { return holdHere(t, path, syscall.LOCK_EX) },
			"another open of it in this process (pid %d) has held it for writing for over a second; try again in a moment", ""},
		{"another open in this process, reading",
			func(t *testing.T, path string) int { return holdHere(t, path, syscall.LOCK_SH) },
			"another open of it in this process (pid %d) has held it for reading", ""},
		{"a program that is not Parley",
			func(t *testing.T, path string) int { return holdThere(t, os.Args[0], "flock-read", path) },
			"store.test (pid %d, not Parley) has held it for reading for over a second; try again in a moment, or end that process if it hangs", ""},
		{"a Parley that wrote no lock-info, by its command line",
			func(t *testing.T, path string) int { return holdThere(t, parleyLink, "flock-write", path) },
			"parley-helper -test.run=^TestHelperProcess$ -test.count=1 (pid %d) has held it for writing", ""},
		{"a lock-info record of a process that does not hold the lock",
			func(t *testing.T, path string) int {
				// The parent of this test is alive, and holds nothing.
				rec := fmt.Sprintf("+%d\nparley ghost\n", os.Getppid())
				if err := os.WriteFile(lockInfoPath(path), []byte(rec), 0o600); err != nil {
					t.Fatal(err)
				}
				return holdThere(t, os.Args[0], "flock-write", path)
			},
			"store.test (pid %d, not Parley) has held it for writing", "parley ghost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := tempDB(t)
			s := openStore(t, path)
			pid := tt.hold(t, path)
			err := s.SaveAccount(&model.Account{Name: "Brightway", Kind: model.Retail})
			if !errors.Is(err, ErrLocked) {
				t.Fatalf("a save while pid %d holds the file: %v, want ErrLocked", pid, err)
			}
			msg := err.Error()
			if want := fmt.Sprintf(tt.want, pid); !strings.HasPrefix(msg, path+" is busy: ") || !strings.Contains(msg, want) {
				t.Errorf("message %q\nwant it to say %q", msg, want)
			}
			if tt.not != "" && strings.Contains(msg, tt.not) {
				t.Errorf("message %q names %q, which holds nothing", msg, tt.not)
			}
			for _, m := range pidInMessage.FindAllStringSubmatch(msg, -1) {
				if m[1] != fmt.Sprint(pid) {
					t.Errorf("message %q names pid %s, which holds nothing", msg, m[1])
				}
			}
		})
	}
}

// A read-only open that waits in vain is refused as busy, not as damaged.
func TestReadOnlyOpenWhileHeldIsBusy(t *testing.T) {
	slow(t)
	t.Parallel()
	path := tempDB(t)
	openStore(t, path)
	holdHere(t, path, syscall.LOCK_EX)
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrLocked) {
		t.Errorf("OpenReadOnly while another open holds the file: %v, want ErrLocked", err)
	}
}

// The messages of a wait that never got its turn, and of several readers.
func TestLockedMessages(t *testing.T) {
	path := tempDB(t)
	self := os.Getpid()
	tests := []struct {
		sight lockSight
		why   waitVerdict
		want  string
	}{
		{sightOf(7, self), waitedTooLong, fmt.Sprintf(
			"%s is busy: others took turns with it for 60 seconds without a turn for this one (another open of it in this process (pid %d) holds it for writing now); try again when fewer are using it", path, self)},
		{lockSight{known: true, holders: []lockHolder{{pid: 0}, {pid: self}}}, heldTooLong, fmt.Sprintf(
			"%s is busy: a process outside Parley's sight (in another container?) and another open of it in this process (pid %d) have held it for reading for over a second; try again in a moment, or end those processes if they hang", path, self)},
		{lockSight{}, waitedTooLong,
			path + " is busy: others took turns with it for 60 seconds without a turn for this one; try again when fewer are using it"},
		{lockSight{known: true}, heldTooLong,
			path + " is busy: it has been held for over a second by a process Parley cannot see; try again in a moment"},
	}
	for _, tt := range tests {
		if err := lockedError(path, tt.sight, tt.why); !errors.Is(err, ErrLocked) || err.Error() != tt.want {
			t.Errorf("lockedError(%v, %d) =\n%v\nwant\n%s", tt.sight, tt.why, err, tt.want)
		}
	}

	// Where no holder can be seen, a live writer's lock-info record may say
	// what was writing, but its PID is not named: it may not hold the file.
	// The writer is a Parley (this test binary, in a helper process): a
	// record naming a process that is not is not believed.
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	writer := startHelper(t, "turns", path)
	rec := fmt.Sprintf("+%d\nparley note\n", writer.cmd.Process.Pid)
	if err := os.WriteFile(lockInfoPath(path), []byte(rec), 0o600); err != nil {
		t.Fatal(err)
	}
	want := path + ` is busy: it has been held for over a second by a process Parley cannot see (the lock-info file says "parley note" is writing); try again in a moment`
	if err := lockedError(path, lockSight{}, heldTooLong); err.Error() != want {
		t.Errorf("lockedError with a live record =\n%v\nwant\n%s", err, want)
	}
}
