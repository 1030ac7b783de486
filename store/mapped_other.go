//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// forgetMapped does nothing where madvise is not at hand (see mapped_linux.go).
func forgetMapped(*bolt.Tx) {}
