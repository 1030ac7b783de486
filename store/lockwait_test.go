package store

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

// waitScript drives a lockWait on a clock of its own: each failed try
// moves the clock by step, and the look returns what sight says for that
// moment.
type waitScript struct {
	clock time.Time
	looks int
	sight func(elapsed time.Duration) lockSight
}

func (s *waitScript) start() (*lockWait, time.Time) {
	begin := s.clock
	w := newLockWait(func() time.Time { return s.clock }, func() lockSight {
		s.looks++
		return s.sight(s.clock.Sub(begin))
	})
	return w, begin
}

// run fails tries every step until the wait gives up or max has passed,
// and returns the verdict and the time waited.
func (s *waitScript) run(step, most time.Duration) (waitVerdict, time.Duration) {
	w, begin := s.start()
	for s.clock.Sub(begin) <= most {
		s.clock = s.clock.Add(step)
		if v := w.failed(); v != keepWaiting {
			return v, s.clock.Sub(begin)
		}
	}
	return keepWaiting, s.clock.Sub(begin)
}

// sightOf is a look at a file held by these writers at this commit.
func sightOf(txid uint64, pids ...int) lockSight {
	s := lockSight{known: true, txid: txid}
	for _, pid := range pids {
		s.holders = append(s.holders, lockHolder{pid: pid, write: true})
	}
	return s
}

// The waiting policy, on a clock that only the test moves: a waiter waits
// as long as the holder changes or commits, gives up once one holder kept
// the file for over LockTimeout with no commit, and never waits past
// lockLimit.
func TestLockWaitPolicy(t *testing.T) {
	const ms = time.Millisecond
	tests := []struct {
		name  string
		sight func(elapsed time.Duration) lockSight
		want  waitVerdict
		after time.Duration // the wait must last over this
		by    time.Duration // and give up no later than this
	}{
		{"one holder, no commit: over a second, then give up",
			func(time.Duration) lockSight { return sightOf(7, 100) },
			heldTooLong, LockTimeout, LockTimeout + 3*lookEvery},
		{"a new holder every 300 ms: wait until the limit",
			func(e time.Duration) lockSight { return sightOf(7, 100+int(e/(300*ms))) },
			waitedTooLong, lockLimit - lookEvery, lockLimit + lookEvery},
		{"one holder committing every 500 ms: wait until the limit",
			func(e time.Duration) lockSight { return sightOf(uint64(e/(500*ms)), 100) },
			waitedTooLong, lockLimit - lookEvery, lockLimit + lookEvery},
		{"readers taking turns (two, then one): wait until the limit",
			func(e time.Duration) lockSight {
				if e/(400*ms)%2 == 0 {
					return sightOf(7, 100, 101)
				}
				return sightOf(7, 101)
			},
			waitedTooLong, lockLimit - lookEvery, lockLimit + lookEvery},
		{"holders change for 5 s, then one stays: give up a second after",
			func(e time.Duration) lockSight { return sightOf(7, 100+int(min(e, 5*time.Second)/(200*ms))) },
			heldTooLong, 5*time.Second + LockTimeout, 5*time.Second + LockTimeout + 3*lookEvery},
		{"no /proc/locks: a new lock-info record is progress",
			func(e time.Duration) lockSight {
				return lockSight{record: "+" + strconv.Itoa(int(e/(700*ms))) + "\nparley note\n"}
			},
			waitedTooLong, lockLimit - lookEvery, lockLimit + lookEvery},
		{"no /proc/locks and nothing moves: give up after a second",
			func(time.Duration) lockSight { return lockSight{record: "-1\nparley\n", txid: 3} },
			heldTooLong, LockTimeout, LockTimeout + 3*lookEvery},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &waitScript{clock: time.Date(2027, 3, 15, 10, 0, 0, 0, time.UTC), sight: tt.sight}
			got, waited := s.run(3*ms, 2*lockLimit)
			if got != tt.want || waited <= tt.after || waited > tt.by {
				t.Errorf("verdict %d after %v; want %d after more than %v and at most %v", got, waited, tt.want, tt.after, tt.by)
			}
		})
	}
}

// A waiter tries often but looks at the holders only every lookEvery, and
// what it names is what its last look saw.
func TestLockWaitLooksSeldom(t *testing.T) {
	s := &waitScript{clock: time.Date(2027, 3, 15, 10, 0, 0, 0, time.UTC),
		sight: func(time.Duration) lockSight { return sightOf(7, 100) }}
	w, _ := s.start()
	for range 1000 { // a try every millisecond for a second
		s.clock = s.clock.Add(time.Millisecond)
		if v := w.failed(); v != keepWaiting {
			t.Fatalf("gave up after %d looks, before a second had passed", s.looks)
		}
	}
	if want := 1 + int(time.Second/lookEvery); s.looks > want {
		t.Errorf("%d looks in a second of tries, want at most %d", s.looks, want)
	}
	if !slices.Equal(w.seen.holders, []lockHolder{{pid: 100, write: true}}) {
		t.Errorf("the wait saw %v, want pid 100 writing", w.seen.holders)
	}
}

// flockHolders reads the holders of one file from /proc/locks: flocks on
// its device and inode, not waiters, not POSIX locks, not other files.
func TestFlockHolders(t *testing.T) {
	const locks = `1: POSIX  ADVISORY  WRITE 900 fe:00:9980834 0 EOF
2: FLOCK  ADVISORY  READ 12345 fe:00:9980834 0 EOF
2: -> FLOCK  ADVISORY  WRITE 555 fe:00:9980834 0 EOF
3: FLOCK  ADVISORY  READ 4711 fe:00:9980834 0 EOF
4: FLOCK  ADVISORY  WRITE 777 fe:00:9980835 0 EOF
5: FLOCK  ADVISORY  WRITE 778 08:01:9980834 0 EOF
6: OFDLCK ADVISORY  READ -1 fe:00:9980834 0 EOF
7: FLOCK  ADVISORY  WRITE 0 103:02:42 0 EOF
`
	dev := uint64(0xfe00) // major 254, minor 0, as stat encodes it
	got := flockHolders([]byte(locks), dev, 9980834)
	want := []lockHolder{{pid: 4711}, {pid: 12345}}
	if !slices.Equal(got, want) {
		t.Errorf("holders = %v, want %v", got, want)
	}
	// A large device number (major 259, minor 2) in the split encoding.
	big := uint64(259)<<8 | 2
	if got := flockHolders([]byte(locks), big, 42); !slices.Equal(got, []lockHolder{{pid: 0, write: true}}) {
		t.Errorf("holders on 103:02 = %v, want pid 0 (outside this namespace) writing", got)
	}
	if got := flockHolders(nil, dev, 9980834); got != nil {
		t.Errorf("holders of an empty table = %v", got)
	}
}
