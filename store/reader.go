package store

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// reader is the store's map of the file for reading, kept between
// transactions and shared by its sessions, as the writer's handle is.
// Opening bbolt for each read mapped the file and let go of the map again,
// so every read faulted in every page it touched: on a team server, fifty
// sessions reading after each commit, that was about a fifth of the
// server's time.
//
// The map holds no lock. Each read opens the file for its lock alone and
// takes the shared flock on that descriptor (lockFile, waiting as every
// open does), so reads lock one by one exactly as before: a writer waits
// for the reads running, never for a session that merely keeps the map.
// Under that lock the file cannot change, and bbolt finds the newest meta
// page through the shared map at the start of each transaction. The map
// stands only for the file it was made of and only up to its room: a file
// put in its place (a restore), or grown past the room, is mapped afresh,
// and the old map is let go when the last read on it ends.
type reader struct {
	mu  sync.Mutex
	cur *readMap
}

// readMap is one map of the file.
type readMap struct {
	db      *bolt.DB
	seen    os.FileInfo // the file mapped
	room    int64       // bytes mapped: a file larger than this is mapped afresh
	reads   int         // reads running on it
	retired bool        // closed when its last read ends
}

// minRoom is the least a map reserves. Room is address space, not memory.
const minRoom = 1 << 20

// with runs fn on the map of the file under a shared lock of its own.
func (r *reader) with(s *Store, fn func(*bolt.DB) error) error {
	lock, err := openRegular(s.path, os.O_RDONLY, 0)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return gone(s.path, err)
		}
		return err
	}
	defer func() {
		lock.Close() // closing lets go of the flock
		letGo(false)
	}()
	if err := lockFile(lock, s.path, false); err != nil {
		return err
	}
	info, err := lock.Stat()
	if err != nil {
		return fmt.Errorf("look at %s: %w", s.path, err)
	}
	m, err := r.take(s.path, info)
	if err != nil {
		return err
	}
	err = fn(m.db)
	r.give(m, errors.Is(err, ErrDamaged))
	return err
}

// take returns a map of the file info describes, counting one more read
// on it; the caller holds the file's shared lock.
func (r *reader) take(path string, info os.FileInfo) (*readMap, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m := r.cur; m != nil && (!os.SameFile(m.seen, info) || info.Size() > m.room) {
		r.retire(m)
	}
	if r.cur == nil {
		m, err := mapFile(path, info)
		if err != nil {
			return nil, err
		}
		r.cur = m
	}
	r.cur.reads++
	return r.cur, nil
}

// give ends a read on m; a read that found the file damaged retires the
// map, so that the next one looks at the file afresh.
func (r *reader) give(m *readMap, damaged bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m.reads--
	if damaged && r.cur == m {
		r.retire(m)
		return
	}
	if m.retired && m.reads == 0 {
		m.db.Close()
	}
}

// retire stops m from taking new reads and closes it once none runs.
func (r *reader) retire(m *readMap) {
	if r.cur == m {
		r.cur = nil
	}
	m.retired = true
	if m.reads == 0 {
		m.db.Close()
	}
}

// close lets go of the map (the store is closing).
func (r *reader) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cur != nil {
		r.retire(r.cur)
	}
}

// mapFile opens the file read-only with room to grow, then lets go of the
// lock bbolt's open took on its own descriptor: the read's lock stands.
// A file that is no longer the one info describes (replaced between the
// read's lock and this open) is refused, so that the map is never of
// another file than the one locked.
func mapFile(path string, info os.FileInfo) (*readMap, error) {
	room := max(2*info.Size(), minRoom)
	opts := boltOptions(path, true, false, 0)
	opts.InitialMmapSize = int(room)
	open := opts.OpenFile
	var file *os.File
	opts.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := open(name, flag, perm)
		file = f
		return f, err
	}
	db, err := openWith(path, opts)
	if err != nil {
		return nil, err
	}
	seen, err := file.Stat()
	if err == nil && !os.SameFile(seen, info) {
		err = fmt.Errorf("open %s: the file was replaced while it was read; try again", path)
	}
	if err == nil {
		err = syscall.Flock(int(file.Fd()), syscall.LOCK_UN)
		letGo(false)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &readMap{db: db, seen: seen, room: room}, nil
}
