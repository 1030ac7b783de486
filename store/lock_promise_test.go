package store

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// A writer gives up after about a second of one holder that does not
// commit, not five: on a clock only the test moves, trying every 10 ms, the
// wait ends with heldTooLong between 1 and 1.3 seconds.
func TestLockWaitGivesUpAfterAboutASecond(t *testing.T) {
	s := &waitScript{clock: time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC),
		sight: func(time.Duration) lockSight { return sightOf(7, 4242) }}
	v, waited := s.run(10*time.Millisecond, 10*time.Second)
	if v != heldTooLong || waited <= time.Second || waited > 1300*time.Millisecond {
		t.Errorf("one holder, no commit: verdict %d after %v, want heldTooLong after 1 to 1.3 s", v, waited)
	}
}

// The lock-info record is believed only while the process it names is
// alive, a Parley, and not this one, and only while it says "+" (holding).
func TestLockInfoOfADeadProcessIsNotBelieved(t *testing.T) {
	path := tempDB(t)
	live, release := holdInAnotherProcess(t, "hold", tempDB(t)) // a Parley, alive
	defer release()
	dead := deadPID(t)
	if alive(dead) {
		t.Skipf("pid %d was given to another process already", dead)
	}
	for _, tc := range []struct {
		name, record string
		believed     bool
	}{
		{"a live process", fmt.Sprintf("+%d\nparley note\n", live), true},
		{"a dead process", fmt.Sprintf("+%d\nparley note\n", dead), false},
		{"this process", fmt.Sprintf("+%d\nparley note\n", os.Getpid()), false},
		{"a live process that let go", fmt.Sprintf("-%d\nparley note\n", live), false},
		{"no command", fmt.Sprintf("+%d\n   \n", live), false},
		{"no pid", "+x\nparley note\n", false},
		{"pid 0 (kill would reach our own group)", "+0\nparley note\n", false},
	} {
		if err := os.WriteFile(lockInfoPath(path), []byte(tc.record), 0o600); err != nil {
			t.Fatal(err)
		}
		pid, command, ok := readLockInfo(path)
		if ok != tc.believed {
			t.Errorf("%s: believed %v (pid %d, %q), want %v", tc.name, ok, pid, command, tc.believed)
		}
		err := lockedError(path, lockSight{known: true}, heldTooLong)
		if !errors.Is(err, ErrLocked) || strings.Contains(err.Error(), "lock-info file says") != tc.believed {
			t.Errorf("%s: the message %q", tc.name, err)
		}
	}
}
