package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// How a process waits for the file's lock.
//
// bbolt's flock cannot queue: a process that finds the file locked can only
// try again. Waiting one fixed second turned writers away while others were
// making progress: with the workbench open, 2 of 20 `parley note` started
// at once were refused, and 7 of 30 in a test on a loaded machine. So a
// waiter keeps trying as long as it sees progress: the processes that hold
// the lock change (Linux lists them in /proc/locks), or the file's last
// transaction ID moves (a commit; another open in this process, or a
// writer that commits several times under one lock, shows no other
// change). Only one holder unchanged for LockTimeout, with no commit
// meanwhile, is a process that is stuck or in a long transaction: then the
// waiter gives up and names it (lockname.go). However much progress it
// sees, it waits no longer than lockLimit, so that nothing hangs.
//
// Measured on the 2-core CI machine while other test runs kept its load
// average between 30 and 80: a hundred `parley note` started at once next
// to an open workbench all saved, in 7 to 28 seconds; the longest any one
// of them waited for one lock was 7 to 9 seconds, and 16 seconds when two
// such bursts ran at once next to the whole test suite. In a burst someone
// is served last, however fair the order, so lockLimit leaves room for it.
//
// Every open of the file takes its lock here (boltOptions), and so does
// every write through the kept handle (writer.go): bbolt's own flock on the
// same open file then succeeds at once.

const (
	// lockLimit is the longest a process waits for its turn at all.
	lockLimit = 60 * time.Second
	// lookEvery is how often a waiter looks at who holds the file; a try
	// at the lock itself is cheaper and comes more often (lockPause).
	lookEvery = 100 * time.Millisecond
	// mostPause is the longest pause between two tries.
	mostPause = 25 * time.Millisecond
)

// errCannotLock: the system refused the flock itself (not because another
// process holds it), e.g. on a file system without locks.
var errCannotLock = errors.New("cannot be locked")

// lockSight is what a waiter sees of the file at one look.
type lockSight struct {
	holders []lockHolder // from /proc/locks, sorted; nil when free or unknown
	known   bool         // /proc/locks could be read
	record  string       // the lock-info record, looked at when no holder is seen
	txid    uint64       // the last committed transaction ID; 0 when unreadable
}

// same reports whether two looks saw the same state: no progress between.
func (a lockSight) same(b lockSight) bool {
	return a.known == b.known && a.record == b.record && a.txid == b.txid && slices.Equal(a.holders, b.holders)
}

// waitVerdict is what a waiter does after a failed try.
type waitVerdict int

const (
	keepWaiting   waitVerdict = iota
	heldTooLong               // one holder, no commit, for longer than LockTimeout
	waitedTooLong             // progress all along, but no turn within lockLimit
)

// lockWait decides, after each failed try at the lock, whether to keep
// waiting. It does no IO itself: the clock and the look at the file are
// given, so that tests drive it without waiting.
type lockWait struct {
	now   func() time.Time
	look  func() lockSight
	start time.Time // when the wait began
	since time.Time // when the file last showed progress
	next  time.Time // when to look again
	seen  lockSight // the last look
}

// newLockWait starts a wait with a first look at the file.
func newLockWait(now func() time.Time, look func() lockSight) *lockWait {
	t := now()
	return &lockWait{now: now, look: look, start: t, since: t, next: t.Add(lookEvery), seen: look()}
}

// failed is told that one more try failed and says what to do. It gives up
// only right after a look, so that what it names is what holds the file.
func (w *lockWait) failed() waitVerdict {
	t := w.now()
	if t.Before(w.next) {
		return keepWaiting
	}
	w.next = t.Add(lookEvery)
	if s := w.look(); !s.same(w.seen) {
		w.seen, w.since = s, t
	}
	switch {
	case t.Sub(w.since) > LockTimeout:
		return heldTooLong
	case t.Sub(w.start) >= lockLimit:
		return waitedTooLong
	}
	return keepWaiting
}

// lockFile takes the flock on f, shared or exclusive, waiting as lockWait
// decides. A turn this process holds wakes it as soon as it ends (letGo);
// other processes' turns are tried again after a pause. It looks at who
// holds the file only once a wait lasts (firstLook): most turns are over
// before then.
func lockFile(f *os.File, path string, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	var wait *lockWait
	start := time.Now()
	for tries := 0; ; tries++ {
		ends := turnEnds(exclusive) // before the try: a turn that ends after it still wakes this wait
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case !errors.Is(err, syscall.EWOULDBLOCK):
			return fmt.Errorf("%s %w: %w", path, errCannotLock, err)
		case wait == nil:
			if tries == 0 {
				lockWaits.Add(1)
			}
			if time.Since(start) >= firstLook {
				wait = newLockWait(time.Now, lookAtLock(f, path))
			}
		default:
			if v := wait.failed(); v != keepWaiting {
				return lockedError(path, wait.seen, v)
			}
		}
		pause := time.NewTimer(pauseFor(tries))
		select {
		case <-ends:
		case <-pause.C:
		}
		pause.Stop()
	}
}

// pauseFor is lockPause, but for tests; lockWaits counts the waits
// begun, for tests.
var (
	pauseFor  = lockPause
	lockWaits atomic.Int64
)

// firstLook is how long a wait lasts before it first looks at who holds
// the file (reading /proc/locks and the file's meta pages).
const firstLook = 10 * time.Millisecond

// turns wakes this process's waiters when this process lets go of a lock.
// bbolt's flock cannot queue, and a pause alone made a read that met a
// stream of commits sleep through several of them: on the team server's
// load test, 66 reads waited 517 ms in all during the burst of notes.
var turns = struct {
	sync.Mutex
	afterWrite chan struct{} // closed when an exclusive lock is let go of
	afterAny   chan struct{} // closed when any lock is let go of
}{afterWrite: make(chan struct{}), afterAny: make(chan struct{})}

// turnEnds is closed when this process next lets go of a lock that a wait
// for a lock of this kind may be waiting for: a shared lock waits only for
// an exclusive one, an exclusive lock for any.
func turnEnds(exclusive bool) <-chan struct{} {
	turns.Lock()
	defer turns.Unlock()
	if exclusive {
		return turns.afterAny
	}
	return turns.afterWrite
}

// letGo tells this process's waiters that it let go of a lock.
func letGo(exclusive bool) {
	turns.Lock()
	defer turns.Unlock()
	close(turns.afterAny)
	turns.afterAny = make(chan struct{})
	if exclusive {
		close(turns.afterWrite)
		turns.afterWrite = make(chan struct{})
	}
}

// lockPause is the pause before the next try: a millisecond at first,
// since most turns last a few, doubling up to mostPause, and uneven, so
// that waiters started together do not try in step. Each try wakes the
// process; a hundred waiters trying every few milliseconds took so much of
// a 2-core machine that the holder, starved of it, held the file longer.
func lockPause(tries int) time.Duration {
	p := min(mostPause, time.Millisecond<<min(tries, 10))
	return p/2 + rand.N(p)
}

// lookAtLock returns the look at the file f (at path) that a wait makes.
func lookAtLock(f *os.File, path string) func() lockSight {
	var dev, ino uint64
	if info, err := f.Stat(); err == nil {
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			dev, ino = uint64(st.Dev), st.Ino
		}
	}
	return func() lockSight {
		var s lockSight
		s.txid, _ = metaTxID(f, path) // a file being created has none yet: 0
		if locks, err := os.ReadFile("/proc/locks"); err == nil && ino != 0 {
			s.known, s.holders = true, flockHolders(locks, dev, ino)
		}
		if len(s.holders) == 0 {
			// No /proc/locks, or it shows nobody (a file system that
			// reports another device): the lock-info record is what
			// changes from one writer to the next.
			s.record = readLockRecord(path)
		}
		return s
	}
}
