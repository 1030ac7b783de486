package store

import (
	"fmt"
	"os"
	"sync"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// writer is the store's handle for writing, kept open between transactions
// but not locked: opening bbolt for writing reads the whole freelist (on a
// large file that is most of a save's cost), so the handle stays, and only
// the lock comes and goes. Each write takes the exclusive flock on the
// handle's own file again (lockFile, waiting as every open does) and
// checks that the file is still the one the handle last committed (same
// file, same transaction ID in its meta pages): then bbolt's state in memory (meta, freelist, map) is exactly
// the file's, and the write goes ahead. If another process wrote since, or
// the file was replaced, the handle is closed and opened afresh under the
// lock. No transaction ever runs without the lock.
type writer struct {
	mu   sync.Mutex
	db   *bolt.DB
	file *os.File    // the handle's file, whose flock comes and goes
	seen os.FileInfo // the file the handle has open
	tx   uint64      // the transaction ID the handle last saw committed
	max  int         // the MaxSize it was opened with (tests of a full disk)
}

// with runs fn under the exclusive lock, naming this process in the
// lock-info file meanwhile.
func (w *writer) with(s *Store, fn func(*bolt.DB) error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	defer letGo(true) // the lock was let go of, or never taken
	if err := w.lock(s); err != nil {
		return err
	}
	s.who.claim(s.path)
	err := fn(w.db)
	s.who.release()
	if err == nil {
		err = w.db.View(func(tx *bolt.Tx) error { w.tx = uint64(tx.ID()); return nil })
	}
	if err != nil {
		w.close() // after a failure, start afresh rather than trust what is in memory
		return err
	}
	if uerr := syscall.Flock(int(w.file.Fd()), syscall.LOCK_UN); uerr != nil {
		w.close()
		return fmt.Errorf("let go of %s: %w", s.path, uerr)
	}
	return nil
}

// look runs a read transaction on the handle, under the exclusive lock,
// opening the handle when there is none: Open's first look at the file.
func (w *writer) look(s *Store, fn func(*bolt.Tx) error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	defer letGo(true) // the lock was let go of, or never taken
	if err := w.lock(s); err != nil {
		return err
	}
	if err := safeView(w.db, s.path, fn); err != nil {
		w.close()
		return err
	}
	if err := syscall.Flock(int(w.file.Fd()), syscall.LOCK_UN); err != nil {
		w.close()
		return fmt.Errorf("let go of %s: %w", s.path, err)
	}
	return nil
}

// lock takes the exclusive lock on a handle that matches the file, opening
// one when there is none or the file changed.
func (w *writer) lock(s *Store) error {
	if w.db != nil {
		if err := lockFile(w.file, s.path, true); err != nil {
			return err
		}
		if w.current(s.path) && w.max == s.maxSize {
			return nil
		}
		w.close() // another process wrote (bbolt's memory of the file is stale), or a test set another MaxSize
	}
	opts := boltOptions(s.path, false, false, s.maxSize)
	open := opts.OpenFile
	opts.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := open(name, flag, perm)
		w.file = f
		return f, err
	}
	db, err := openWith(s.path, opts)
	if err != nil {
		w.file = nil
		return err
	}
	w.db, w.max = db, s.maxSize
	w.seen, err = w.file.Stat()
	if err == nil {
		err = db.View(func(tx *bolt.Tx) error { w.tx = uint64(tx.ID()); return nil })
	}
	if err != nil {
		w.close()
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	return nil
}

// current reports whether the file at path is the handle's file, with no
// commit since the handle's last.
func (w *writer) current(path string) bool {
	info, err := os.Stat(path)
	if err != nil || !os.SameFile(info, w.seen) {
		return false
	}
	txid, err := fileTxID(path)
	return err == nil && txid == w.tx
}

// close closes the handle (which lets go of any lock on it).
func (w *writer) close() error {
	if w.db == nil {
		return nil
	}
	err := w.db.Close()
	w.db, w.file, w.seen = nil, nil, nil
	return err
}
