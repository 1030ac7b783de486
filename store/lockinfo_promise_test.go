package store

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Promises of the store that a mutation run (gremlins, README:
// Development) found no test holding. Each test fails when the promise
// breaks; the comment says which change of the code it was seen failing on.

// A command name longer than the lock-info record is cut to fit, and the
// record keeps its size (fails when the name is cut a byte too long: the
// padding's count goes negative and the write panics).
func TestALongCommandNameIsCutToTheLockInfoRecord(t *testing.T) {
	s, negID := demoStore(t)
	saveNoteT(t, s, negID, "written under the usual name")
	usual := fileSize(t, lockInfoPath(s.Path()))
	s.SetCommand("parley " + strings.Repeat("x", 3*infoSize))
	saveNoteT(t, s, negID, "written under a long command name")
	data, err := os.ReadFile(lockInfoPath(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(data)) != usual {
		t.Errorf("the lock-info file is %d bytes, %d under the usual name", len(data), usual)
	}
	if rec := string(data[:infoSize]); !strings.Contains(rec, "\nparley xxx") || !strings.HasSuffix(strings.TrimRight(rec, " "), "x\n") {
		t.Errorf("the record is %q, want the name cut to fit", rec)
	}
}

// The lock-info file is opened once for a session's writes, not once a
// write (fails when each write's release closes it).
func TestTheLockInfoFileStaysOpenBetweenWrites(t *testing.T) {
	s, negID := demoStore(t)
	saveNoteT(t, s, negID, "one")
	f := s.who.file
	saveNoteT(t, s, negID, "two")
	if f == nil || s.who.file != f {
		t.Error("the second write opened the lock-info file again")
	}
}

// A PID with no process behind it (here one past the most Linux allows)
// is not taken for Parley, and asking does not crash (fails when a
// missing command line is read as one).
func TestAPIDWithNoProcessIsNotParley(t *testing.T) {
	if isParley(1<<22 + 1) {
		t.Error("a PID with no process is taken for Parley")
	}
}

// The lock-info file is two records of infoSize bytes, the holder's and
// the state last found whole, whatever their text (fails when the second
// is padded past its size).
func TestTheLockInfoFileIsTwoRecords(t *testing.T) {
	s, negID := demoStore(t)
	saveNoteT(t, s, negID, "a write records both")
	data, err := os.ReadFile(lockInfoPath(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != 2*infoSize || !strings.HasPrefix(string(data[infoSize:]), "whole ") {
		t.Errorf("the lock-info file is %d bytes (%q), want two records of %d", len(data), data, infoSize)
	}
}

// A process's command line and name are read from /proc, as the message
// naming a lock's holder shows them (fails when either is left unread).
func TestProcessCommandReadsArgvAndName(t *testing.T) {
	comm, err := os.ReadFile("/proc/self/comm")
	if err != nil {
		t.Skip("no /proc here")
	}
	argv, name := processCommand(os.Getpid())
	if !slices.Equal(argv, os.Args) {
		t.Errorf("argv %q, want %q", argv, os.Args)
	}
	if want := strings.TrimSpace(string(comm)); name != want || name == "" {
		t.Errorf("name %q, want %q", name, want)
	}
}

// A pause between tries at a lock is between half and one and a half
// times the try's step, a millisecond doubling up to mostPause (fails when
// the pause is doubled, or the jitter taken off instead of added).
func TestLockPausesStayAroundTheirStep(t *testing.T) {
	for tries := range 14 {
		p := min(mostPause, time.Millisecond<<min(tries, 10))
		for range 200 {
			if got := lockPause(tries); got < p/2 || got >= p/2+p {
				t.Fatalf("try %d: a pause of %v, want from %v to under %v", tries, got, p/2, p/2+p)
			}
		}
	}
}

// A look at a locked file finds who holds it in /proc/locks, and reads
// the lock-info record only when it sees nobody (fails when the file's
// identity is not taken, /proc/locks not read, or the record read the
// other way round).
func TestALookAtALockSeesItsHolders(t *testing.T) {
	if _, err := os.Stat("/proc/locks"); err != nil {
		t.Skip("no /proc/locks here")
	}
	s, negID := demoStore(t)
	path := s.Path()
	saveNoteT(t, s, negID, "leaves a lock-info record")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	look := lookAtLock(f, path)
	free := look()
	if !free.known || len(free.holders) != 0 || free.record == "" {
		t.Errorf("a free file: %+v; want /proc/locks read, nobody, and the record read", free)
	}
	holder, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if err := syscall.Flock(int(holder.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	held := look()
	if len(held.holders) != 1 || held.holders[0].pid != os.Getpid() || !held.holders[0].write || held.record != "" {
		t.Errorf("a file this process holds: %+v; want this process as its one writer, and no record read", held)
	}
}

// A file that ends inside its second meta page is read from its first:
// the end of the file is not an error (fails when it is taken for one).
func TestMetaTxIDOfAFileCutInItsSecondMeta(t *testing.T) {
	s, _ := demoStore(t)
	s.Close()
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	want := ne.Uint64(data[pageHeader+48:]) // the first meta page's transaction
	path := filepath.Join(t.TempDir(), "cut.db")
	if err := os.WriteFile(path, data[:4096+40], 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if tx, err := metaTxID(f, path); tx != want || err != nil {
		t.Errorf("metaTxID of a file cut in its second meta: %d, %v; want %d", tx, err, want)
	}
}
