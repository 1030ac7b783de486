package store

import (
	"errors"
	"fmt"
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
	// ErrDamaged: the file is a Parley database that is damaged or cut
	// short; it is refused without changing a byte.
	ErrDamaged = errors.New("is damaged")
	// ErrCorrupt is the older name of ErrDamaged.
	ErrCorrupt = ErrDamaged
	// ErrNoDatabase: a read-only command was pointed at a path with no database.
	ErrNoDatabase = errors.New("no database")
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

// OpenReadOnly opens an existing database for reading only (bbolt's
// read-only mode: a shared lock, the file opened O_RDONLY, so a 0444 file
// reads fine). It never creates a folder or a file: a path with no database
// is refused with ErrNoDatabase. The same files as Open are refused.
func OpenReadOnly(path string) (*Store, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%w at %s: check --db or PARLEY_DB, or create one with 'parley demo' or 'parley'", ErrNoDatabase, path)
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", path, err)
	case info.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a database file", path)
	case info.Size() == 0:
		return nil, fmt.Errorf("%w at %s: the file is empty", ErrNoDatabase, path)
	}
	if err := inspect(path); err != nil {
		return nil, err
	}
	db, err := openBolt(path, true)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	var v int
	if err := s.view(func(tx *bolt.Tx) (err error) { v, err = schemaOf(tx, path); return err }); err != nil {
		db.Close()
		return nil, err
	}
	switch {
	case v == 0:
		db.Close()
		return nil, fmt.Errorf("%w at %s: the file holds no Parley data yet", ErrNoDatabase, path)
	case v < SchemaVersion:
		db.Close()
		return nil, fmt.Errorf("%s was written by an older Parley: open it once with 'parley' to upgrade it", path)
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
	defer recoverDamaged(path, &err)
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: readOnly})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%s %w", path, ErrLocked)
	case errors.Is(err, os.ErrPermission):
		return nil, fmt.Errorf("open %s: %w", path, err)
	case looksLikeBolt(path):
		// A checksum, a file shorter than two pages, a page that cannot be read.
		return nil, damaged(path, "its first pages cannot be read")
	}
	return nil, fmt.Errorf("%s %w", path, ErrNotParley)
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
			return damaged(path, fmt.Sprintf("it is cut short: %d bytes of data in a %d-byte file", tx.Size(), info.Size()))
		}
		v, err := schemaOf(tx, path)
		if err != nil || v == 0 {
			return err
		}
		if v < SchemaVersion {
			// An older layout lacks buckets a migration will add: check every
			// page once before the upgrade writes, rather than its records.
			for err := range tx.Check() {
				return damaged(path, err.Error())
			}
			return nil
		}
		return checkCurrent(tx)
	})
}

// safeView runs a read transaction, reporting a panic from a damaged page
// and a record that cannot be read as ErrDamaged.
func safeView(db *bolt.DB, path string, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer recoverDamaged(path, &err)
	return plainDamage(path, db.View(fn))
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
	defer recoverDamaged(s.path, &err)
	return plainDamage(s.path, s.db.Update(fn))
}

// view runs a read transaction.
func (s *Store) view(fn func(*bolt.Tx) error) error { return safeView(s.db, s.path, fn) }
