package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// The file is shared, not held: two stores on one file in this process (a
// second flock on its own open file description would conflict just as
// another process's) both read and write, one after the other.
func TestTwoStoresShareTheFile(t *testing.T) {
	path := tempDB(t)
	a := openStore(t, path)
	b := openStore(t, path)
	for i, s := range []*Store{a, b, a, b} {
		acc := model.Account{Name: fmt.Sprintf("Account %d", i), Kind: model.Retail}
		if err := s.SaveAccount(&acc); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	for _, s := range []*Store{a, b} {
		if got, err := s.Accounts(); err != nil || len(got) != 4 {
			t.Errorf("Accounts() = %d, %v; want all 4 from both stores", len(got), err)
		}
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("a read-only open while two stores are open: %v", err)
	}
	if got, err := ro.Accounts(); err != nil || len(got) != 4 {
		t.Errorf("read-only Accounts() = %d, %v", len(got), err)
	}
	if err := ro.SaveAccount(&model.Account{Name: "x", Kind: model.Retail}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a write through a read-only store: %v, want ErrReadOnly", err)
	}
	assertNoStrayFiles(t, filepath.Dir(path), "parley.db")
}

// Two writers at the same moment: every save lands, none twice, and each
// sees the ones before it (IDs run without a gap).
func TestWritersAtTheSameMomentAllLand(t *testing.T) {
	s, negID := demoStore(t)
	before := len(dossier(t, s, negID).Notes)
	const writers, each = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		session := openStore(t, s.Path()) // its own store, as another process would have
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				n := model.Note{Kind: model.KindNote, At: now, Text: fmt.Sprintf("writer %d line %d", w, i)}
				errs <- session.SaveNote(negID, &n)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	notes := dossier(t, s, negID).Notes
	if len(notes) != before+writers*each {
		t.Fatalf("%d notes, want %d", len(notes), before+writers*each)
	}
	seen := map[string]bool{}
	for _, n := range notes[before:] {
		if seen[n.Text] {
			t.Errorf("%q saved twice", n.Text)
		}
		seen[n.Text] = true
	}
}

// A reader waits while a writer (another Store in this process: its own
// open of the file, as another process's would be) keeps the file for
// twice LockTimeout, committing all along: every commit is progress. It
// reads once the writer lets go, and sees the last commit.
func TestReaderWaitsWhileAWriterKeepsCommitting(t *testing.T) {
	slow(t)
	t.Parallel()
	path := tempDB(t)
	reader := openStore(t, path)
	writer := openStore(t, path)
	held, commits := make(chan struct{}), make(chan uint64, 1)
	go func() {
		var n uint64
		err := writer.writer.with(writer, func(db *bolt.DB) error {
			db.NoSync = true // many commits; none needs to reach the disk
			defer func() { db.NoSync = false }()
			close(held)
			for start := time.Now(); time.Since(start) < 2*LockTimeout; {
				n++
				if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("test-turn"), itob(n)) }); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Error(err)
		}
		commits <- n
	}()
	<-held
	var last []byte
	err := reader.view(func(tx *bolt.Tx) error {
		last = slices.Clone(tx.Bucket(bucketMeta).Get([]byte("test-turn")))
		return nil
	})
	if err != nil {
		t.Fatalf("a read while another open commits under one long lock: %v", err)
	}
	if n := <-commits; string(last) != string(itob(n)) {
		t.Errorf("the read saw commit %x, want the last, %d: it did not wait", last, n)
	}
}

// A writer waits while readers in other processes take turns with the
// file for twice LockTimeout, never leaving it free: the holders change.
// It saves once they let go.
func TestWriterWaitsWhileReadersTakeTurns(t *testing.T) {
	slow(t)
	t.Parallel()
	path := tempDB(t)
	s := openStore(t, path)
	if err := s.SaveAccount(&model.Account{Name: "Before", Kind: model.Retail}); err != nil {
		t.Fatal(err) // the write handle is open and kept from here
	}
	a, b := startHelper(t, "turns", path), startHelper(t, "turns", path)
	turn := func(h *helper, what string) {
		t.Helper()
		if answer := h.say(what); answer != "done" {
			t.Fatalf("helper %s: %q", what, answer)
		}
	}
	turn(a, "lock")
	saved := make(chan error, 1)
	go func() { saved <- s.SaveAccount(&model.Account{Name: "Brightway", Kind: model.Retail}) }()
	for start := time.Now(); time.Since(start) < 2*LockTimeout; {
		turn(b, "lock")
		turn(a, "unlock")
		turn(a, "lock")
		turn(b, "unlock")
	}
	select {
	case err := <-saved:
		t.Fatalf("the save returned while readers held the file: %v", err)
	default:
	}
	turn(a, "unlock")
	if err := <-saved; err != nil {
		t.Fatalf("the save after the readers let go: %v", err)
	}
	if got, err := s.Accounts(); err != nil || len(got) != 2 {
		t.Errorf("Accounts() = %d, %v; want both saves", len(got), err)
	}
}

// A writer that waits in vain for a second gets ErrLocked naming the
// process that holds the file, by the PID that holds the lock and the
// command its lock-info record gives; once it lets go, the file is free
// again.
func TestWriterWaitsThenNamesTheHolder(t *testing.T) {
	slow(t)
	t.Parallel()
	path := tempDB(t)
	s := openStore(t, path)
	pid, release := holdInAnotherProcess(t, "hold", path)
	a := model.Account{Name: "Brightway", Kind: model.Retail}
	err := s.SaveAccount(&a)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("a save while another process holds the lock: %v, want ErrLocked", err)
	}
	for _, part := range []string{path, fmt.Sprintf("parley hold-test (pid %d) has held it for writing", pid), "try again"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not mention %q", err, part)
		}
	}
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Errorf("Open while held: %v, want ErrLocked", err)
	}
	release()
	if err := s.SaveAccount(&a); err != nil {
		t.Fatalf("after the holder let go: %v", err)
	}
	assertNoStrayFiles(t, filepath.Dir(path), "parley.db")
}

// Lock info left by a process that is gone (killed while writing) is not
// believed, nor is a record of this process: where no holder can be seen
// the message then names nobody.
func TestStaleLockInfoIsNotBelieved(t *testing.T) {
	path := tempDB(t)
	openStore(t, path)
	if err := os.WriteFile(lockInfoPath(path), []byte("+999999999\nparley ghost\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := lockedError(path, lockSight{}, heldTooLong)
	if !errors.Is(err, ErrLocked) || strings.Contains(err.Error(), "ghost") || strings.Contains(err.Error(), "pid") {
		t.Errorf("lockedError with stale info = %v", err)
	}
	if err := os.WriteFile(lockInfoPath(path), []byte(fmt.Sprintf("+%d\nparley note\n", os.Getpid())), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := lockedError(path, lockSight{}, heldTooLong); strings.Contains(err.Error(), "parley note") {
		t.Errorf("this process named as the holder: %v", err)
	}
}

// The lock-info file is private, and says "let go" once a write is done.
func TestLockInfoFile(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	if err := s.SaveAccount(&model.Account{Name: "Brightway", Kind: model.Retail}); err != nil {
		t.Fatal(err)
	}
	assertMode(t, lockInfoPath(path), 0o600)
	data, err := os.ReadFile(lockInfoPath(path))
	if err != nil || !strings.HasPrefix(string(data), "-") {
		t.Errorf("lock-info after a write = %q, %v; want a record marked let go", data, err)
	}
	if _, _, ok := readLockInfo(path); ok {
		t.Error("a let-go record is believed")
	}
}
