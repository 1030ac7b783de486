package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parley-app/parley/internal/atomicfile"
	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the open database to dest while it stays
// in use: the copy is written to a temporary file in dest's folder, fsynced
// and renamed into place, so dest is either the old file or the whole copy.
func (s *Store) Backup(dest string) error {
	if err := s.checkDest(dest); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	return atomicfile.Write(dest, func(w io.Writer) error {
		return s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
}

// ErrIsDatabase: an export or backup was asked to overwrite the open database.
var ErrIsDatabase = errors.New("is the database itself")

// CheckTarget says whether a file the commands write beside the database
// (an export, a backup, a calendar) may be written at path: not the
// database itself by any name or link, nothing but a regular file.
func (s *Store) CheckTarget(path string) error { return s.checkDest(path) }

// checkDest refuses to write an export or backup over the database itself
// (by name, link or any other path to the same file) or over anything but a
// regular file.
func (s *Store) checkDest(dest string) error {
	if dest == "" {
		return fmt.Errorf("no file name given")
	}
	if same(dest, s.path) {
		return fmt.Errorf("%s %w: give another file name", dest, ErrIsDatabase)
	}
	// The lock-info file is the database's too: written over, every
	// writer's record would land in the export, or the export in it.
	if info := lockInfoPath(s.path); same(dest, info) || sameName(dest, info) {
		return fmt.Errorf("%s is the database's lock-info file: give another file name", dest)
	}
	_, err := atomicfile.CheckTarget(dest)
	return err
}

// sameName reports whether a and b name the same path, whether or not a
// file is there yet.
func sameName(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// same reports whether a and b are one file (os.SameFile follows links).
func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}
