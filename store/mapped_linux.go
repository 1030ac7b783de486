//go:build linux

package store

import (
	"golang.org/x/sys/unix"

	bolt "go.etcd.io/bbolt"
)

// forgetMapped drops the pages of tx's map of the file from this
// process's resident memory. The map is read-only and shared, so this
// only forgets: the pages stay in the system's cache, and a later read
// maps them again. A reread that walks every record of a large bucket
// calls it as it goes, so that a workbench's memory does not swell by
// the file's size at every reload.
func forgetMapped(tx *bolt.Tx) {
	unix.Syscall(unix.SYS_MADVISE, tx.DB().Info().Data, uintptr(tx.Size()), unix.MADV_DONTNEED) //nolint:errcheck // advice
}
