package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Errors callers test with errors.Is.
var (
	// ErrLocked: another parley process has the file open.
	ErrLocked = errors.New("is open in another parley process")
	// ErrNotParley: the file is not a Parley database, or is damaged beyond reading.
	ErrNotParley = errors.New("is not a Parley database")
	// ErrNewerSchema: the file was written by a newer Parley.
	ErrNewerSchema = errors.New("was written by a newer version of Parley")
	// ErrCorrupt: a record could not be read.
	ErrCorrupt = errors.New("damaged record")
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("not found")
)

// LockTimeout is how long Open waits for another process to let go of the file.
const LockTimeout = time.Second

// Store is an open Parley database.
type Store struct {
	db   *bolt.DB
	path string
}

// DefaultPath is $XDG_DATA_HOME/parley/parley.db, or ~/.local/share/parley/parley.db.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the home folder for the data file: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "parley", "parley.db"), nil
}

// Open opens (or creates) the database at path. A file that is not a Parley
// database, or is damaged, is refused with ErrNotParley and left untouched; a
// file written by a newer Parley is refused with ErrNewerSchema; a file held
// by another process is refused with ErrLocked after LockTimeout. An older
// file is backed up next to itself and then migrated.
func Open(path string) (*Store, error) {
	if err := ensureFolder(filepath.Dir(path)); err != nil {
		return nil, err
	}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a database file", path)
	case err == nil && info.Size() > 0:
		// Look before writing: a read-only open never changes a byte.
		if err := inspect(path); err != nil {
			return nil, err
		}
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("open %s: %w", path, err)
	}

	db, err := openBolt(path, false)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := os.Chmod(path, 0o600); err != nil {
		db.Close()
		return nil, fmt.Errorf("make %s private: %w", path, err)
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// ensureFolder creates the data folder, private to the user, when it is missing.
func ensureFolder(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create the data folder %s: %w", dir, err)
	}
	return nil
}

// openBolt opens the file with a lock timeout, turning bbolt's errors (and
// the panics a damaged file can cause) into ours.
func openBolt(path string, readOnly bool) (db *bolt.DB, err error) {
	// A damaged file can make bbolt read past the end of its mapping; with
	// panic-on-fault that is a panic recovered below, not a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("%s %w (damaged: %v)", path, ErrNotParley, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: readOnly})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%s %w", path, ErrLocked)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return nil, fmt.Errorf("%s %w (%v)", path, ErrNotParley, err)
	}
	return nil, fmt.Errorf("open %s: %w", path, err)
}

// inspect opens an existing file read-only and refuses it unless it is a
// Parley database this version can read (or an empty bbolt file).
func inspect(path string) error {
	db, err := openBolt(path, true)
	if err != nil {
		return err
	}
	defer db.Close()
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	return safeView(db, path, func(tx *bolt.Tx) error {
		// A file cut short (a copy interrupted, a full disk) still has its
		// meta pages but not the pages they point at.
		if tx.Size() > info.Size() {
			return fmt.Errorf("%s %w (damaged: %d bytes of data in a %d-byte file)", path, ErrNotParley, tx.Size(), info.Size())
		}
		_, err := schemaOf(tx, path)
		return err
	})
}

// safeView runs a read transaction, reporting a panic from a damaged page as ErrNotParley.
func safeView(db *bolt.DB, path string, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s %w (damaged: %v)", path, ErrNotParley, r)
		}
	}()
	return db.View(fn)
}

// schemaOf reads the schema version: 0 for a file with no buckets at all
// (new), an error for a file that holds something other than Parley data or
// was written by a newer version.
func schemaOf(tx *bolt.Tx, path string) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		empty := true
		tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if empty {
			return 0, nil
		}
		return 0, fmt.Errorf("%s %w", path, ErrNotParley)
	}
	if string(meta.Get(keyApp)) != string(appName) {
		return 0, fmt.Errorf("%s %w", path, ErrNotParley)
	}
	v := int(btoi(meta.Get(keySchema)))
	if v < 1 {
		return 0, fmt.Errorf("%s %w (no schema version)", path, ErrNotParley)
	}
	if v > SchemaVersion {
		return v, fmt.Errorf("%s %w (schema %d; this Parley reads up to %d): update Parley", path, ErrNewerSchema, v, SchemaVersion)
	}
	return v, nil
}

// Path is the file the store has open.
func (s *Store) Path() string { return s.path }

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// update runs one user action as one write transaction, committed and
// fsynced before it returns. A panic on a damaged page becomes an error.
func (s *Store) update(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s %w (damaged: %v)", s.path, ErrNotParley, r)
		}
	}()
	return s.db.Update(fn)
}

// view runs a read transaction.
func (s *Store) view(fn func(*bolt.Tx) error) error { return safeView(s.db, s.path, fn) }
