package store

import (
	"fmt"
	"os"
	"sync"
	"syscall"
)

// The file's version, which keys what the sessions share (shared.go): the
// file (device and inode) and its last transaction, read from the meta
// pages without a lock.

// fileVersion is one state of the file.
type fileVersion struct{ dev, ino, tx uint64 }

// versionOf looks at the file's version: one open, one stat, one small read.
func versionOf(path string) (fileVersion, error) {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if err != nil {
		return fileVersion{}, fmt.Errorf("look at %s: %w", path, err)
	}
	defer f.Close()
	var v fileVersion
	if info, err := f.Stat(); err == nil {
		if st, ok := statOf(info); ok {
			v.dev, v.ino = uint64(st.Dev), st.Ino
		}
	}
	v.tx, err = metaTxID(f, path)
	return v, err
}

// version is versionOf the Store's file, through a descriptor of the file
// the Store keeps: a stat of the path and the small read of the meta pages,
// without an open and a close each time (asked after every commit by
// every session, they were a tenth of the team server's time during a
// burst of notes). A path that is no longer the file kept is opened anew.
func (s *Store) version() (fileVersion, error) {
	info, err := os.Stat(s.path)
	st, ok := statOf(info)
	if err != nil || !ok || !info.Mode().IsRegular() {
		return versionOf(s.path) // which says why it cannot look
	}
	v := fileVersion{dev: uint64(st.Dev), ino: st.Ino}
	l := &s.shared.look
	if !l.holds(v) {
		l.keep(s.path)
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.f == nil || l.dev != v.dev || l.ino != v.ino {
		return versionOf(s.path) // it could not be kept, or was replaced again meanwhile
	}
	v.tx, err = metaTxID(l.f, s.path)
	return v, err
}

// holds reports whether the descriptor kept is of the file v is of.
func (l *look) holds(v fileVersion) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.f != nil && l.dev == v.dev && l.ino == v.ino
}

// look is the descriptor version reads the file's meta pages through.
type look struct {
	mu       sync.RWMutex
	f        *os.File
	dev, ino uint64
}

// keep opens the file at path as the one looked at, in place of the last.
func (l *look) keep(path string) {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if err != nil {
		return // version looks without it, and says why
	}
	info, err := f.Stat()
	st, ok := statOf(info)
	if err != nil || !ok {
		f.Close()
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		l.f.Close()
	}
	l.f, l.dev, l.ino = f, uint64(st.Dev), st.Ino
}

// close lets go of the descriptor (the next look opens the file again).
func (l *look) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		l.f.Close()
		l.f = nil
	}
}

// statOf is the system's stat of info (nil when there is none).
func statOf(info os.FileInfo) (*syscall.Stat_t, bool) {
	if info == nil {
		return nil, false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	return st, ok
}
