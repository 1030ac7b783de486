package store

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync/atomic"
	"syscall"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrReadOnly: a write was asked of a store opened with OpenReadOnly.
var ErrReadOnly = errors.New("is open read-only")

// openBolt opens the file, waiting for its lock (lockwait.go), turning
// bbolt's errors (and the panics a damaged file can cause) into ours. Only
// create may make a new file: a file that went away mid-session is an
// error, not a fresh one.
func openBolt(path string, readOnly, create bool, maxSize int) (*bolt.DB, error) {
	return openWith(path, boltOptions(path, readOnly, create, maxSize))
}

// boltOptions are the options of every open of the file. Its OpenFile
// takes the flock itself, as lockFile waits for it (shared to read,
// exclusive to write), so that bbolt's own flock on the same open file
// succeeds at once and its Timeout never runs out.
func boltOptions(path string, readOnly, create bool, maxSize int) *bolt.Options {
	opts := &bolt.Options{Timeout: LockTimeout, ReadOnly: readOnly, MaxSize: maxSize, FreelistType: bolt.FreelistMapType}
	if info, err := os.Stat(path); err == nil && !readOnly {
		// Map room to grow, so that a commit never has to map the file
		// again (bbolt maps the file's size rounded up, and a save that
		// crosses it would remap mid-commit). Mapping is address space,
		// not memory, and does not grow the file.
		opts.InitialMmapSize = int(2 * info.Size())
	}
	opts.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		if !create {
			flag &^= os.O_CREATE
		}
		f, err := openRegular(name, flag, perm)
		if err != nil {
			return nil, err
		}
		if err := lockFile(f, path, flag&(os.O_WRONLY|os.O_RDWR) != 0); err != nil {
			f.Close()
			return nil, err
		}
		return f, nil
	}
	return opts
}

// openRegular opens a file that must be a regular one. O_NONBLOCK makes
// the open of a FIFO return at once (it would wait for a writer) so that
// it can be refused; on a regular file the flag changes nothing.
func openRegular(name string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(name, flag|syscall.O_NONBLOCK, perm)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = notRegular(name, info.Mode())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// boltOpens counts the opens of a database file, for tests.
var boltOpens atomic.Int64

// openWith opens the file with opts; see openBolt.
func openWith(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	boltOpens.Add(1)
	// A damaged file can make bbolt read past the end of its mapping; with
	// panic-on-fault that is a panic recovered below, not a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer recoverDamaged(path, &err)
	db, err = bolt.Open(path, 0o600, opts)
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, ErrLocked), errors.Is(err, errCannotLock), errors.Is(err, errNotRegular):
		return nil, err // from lockFile, which said it all
	case errors.Is(err, berrors.ErrTimeout):
		// Not expected: OpenFile took the lock before bbolt tried.
		return nil, fmt.Errorf("%s %w: its lock could not be taken; try again in a moment", path, ErrLocked)
	case errors.Is(err, os.ErrNotExist):
		return nil, gone(path, err)
	case errors.Is(err, os.ErrPermission):
		return nil, fmt.Errorf("open %s: %w", path, err)
	case looksLikeBolt(path):
		// A checksum, a file shorter than two pages, a page that cannot be read.
		return nil, damaged(path, "its first pages cannot be read")
	}
	return nil, fmt.Errorf("%s %w", path, ErrNotParley)
}

// withFile runs fn on the store's handle for writing (writer.go) or its map
// for reading (reader.go), under the file's lock, held only while fn runs. A
// writer names itself in the lock-info file while it holds the lock, so
// that a process that waits in vain can say whom it waited for.
func (s *Store) withFile(readOnly bool, fn func(*bolt.DB) error) (err error) {
	if !readOnly && s.readOnly {
		return fmt.Errorf("%s %w", s.path, ErrReadOnly)
	}
	if !readOnly {
		return s.writer.with(s, fn)
	}
	return s.reader.with(s, fn)
}

// update runs one write transaction, committed and fsynced before it
// returns. A file upgraded by a newer Parley since this one opened it is
// refused, and a panic on a damaged page becomes an error. When no other
// process wrote since this session last looked, its own commit does not
// count as a change to show (see Changed).
func (s *Store) update(fn func(*bolt.Tx) error) error {
	var txid, changes uint64
	// The session's watch before the file's lock, in the order Changed
	// takes them: Changed holds the watch while its read waits for the
	// lock, and a save that held the lock while it waited for the watch
	// kept both waiting until the read gave up.
	s.watch.mu.Lock()
	defer s.watch.mu.Unlock()
	err := s.withFile(false, func(db *bolt.DB) (err error) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer recoverDamaged(s.path, &err)
		err = plainDamage(s.path, db.Update(func(tx *bolt.Tx) error {
			if _, err := schemaOf(tx, s.path); err != nil {
				return err
			}
			if err := checkPagesBeforeWrite(tx, s.path, s.who); err != nil {
				return err
			}
			t := &touched{}
			touches.Store(tx, t)
			defer touches.Delete(tx)
			if err := fn(tx); err != nil {
				return err
			}
			if err := writeTxLog(tx, t); err != nil {
				return err
			}
			txid, changes = uint64(tx.ID()), changesOf(tx)
			return nil
		}))
		if err == nil {
			s.watch.wrote(txid, changes)
			pagesWhole(s.path, txid, s.who)
		}
		return err
	})
	return err
}

// view runs a read transaction under a shared lock.
func (s *Store) view(fn func(*bolt.Tx) error) error {
	return s.withFile(true, func(db *bolt.DB) error { return safeView(db, s.path, fn) })
}

// safeView runs a read transaction, reporting a panic from a damaged page
// and a record that cannot be read as ErrDamaged.
func safeView(db *bolt.DB, path string, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer recoverDamaged(path, &err)
	return plainDamage(path, db.View(fn))
}

// gone is the error of a database file that went away while Parley was
// using it.
func gone(path string, err error) error {
	return fmt.Errorf("open %s: the database is gone (moved or deleted while Parley was using it): %w", path, err)
}
