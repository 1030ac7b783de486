package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"
)

// How a workbench learns that another process changed the file, cheaply.
//
// Every commit raises bbolt's transaction ID, which sits in the file's two
// meta pages: reading them is one small read, no lock, no map. Every user
// change (not a draft, not "which negotiation is current") also raises a
// counter, the journal bucket's sequence (journal.go). A session (a Store, or one of its Sessions)
// remembers the ID and the counter it has seen; Changed compares. Its own
// commits move what it has seen along, unless another process wrote in
// between, so a workbench never reloads for its own saves and never misses
// another's.
//
// When to ask Changed is desk's business: it tells the sessions of this
// process of each change it runs, and watches the file for other
// processes' commits.

// watch is what one session has seen of the file.
type watch struct {
	mu      sync.Mutex
	tx      uint64 // the transaction ID last seen
	changes uint64 // the change counter at tx
}

// saw records the state of the file a session has read.
func (w *watch) saw(tx *bolt.Tx) {
	w.tx, w.changes = uint64(tx.ID()), changesOf(tx)
}

// wrote moves the session along its own commit, unless another process
// committed since the session last looked: then Changed must still see it.
func (w *watch) wrote(txid, changes uint64) {
	if txid-1 == w.tx {
		w.tx, w.changes = txid, changes
	}
}

// Changed reports whether another process (or another session) has changed
// the file's data since this session last looked; the answer counts as
// looking. When nothing was committed it costs one read of the meta pages;
// a commit that changed no user data (a draft) costs a tiny read
// transaction and reports false.
func (s *Store) Changed() (bool, error) {
	s.watch.mu.Lock()
	defer s.watch.mu.Unlock()
	v, err := s.version()
	if err != nil {
		return false, err
	}
	if v.tx == s.watch.tx {
		return false, nil
	}
	before := s.watch.changes
	s.shared.fillChanges.Lock()
	defer s.shared.fillChanges.Unlock()
	s.shared.mu.Lock()
	known := s.shared.of(v).changes
	s.shared.mu.Unlock()
	if known != nil { // another session of this Store looked at this version
		s.watch.tx, s.watch.changes = v.tx, *known
		return s.watch.changes != before, nil
	}
	var changes uint64
	stable, err := s.sharedRead(v, func(tx *bolt.Tx) error {
		s.watch.saw(tx)
		changes = s.watch.changes
		return nil
	})
	if stable {
		s.shared.mu.Lock()
		s.shared.of(v).changes = &changes
		s.shared.mu.Unlock()
	}
	return err == nil && s.watch.changes != before, err
}

// Session is another view of the same file for another user of this
// process (a second workbench): it sees the writes of this one as changes,
// and this one sees its writes, as two processes would.
func (s *Store) Session() *Store {
	c := *s
	s.watch.mu.Lock()
	c.watch = &watch{tx: s.watch.tx, changes: s.watch.changes}
	s.watch.mu.Unlock()
	c.author = newAuthor()
	c.checked = new(atomic.Pointer[checked]) // what Open checked is the first session's
	return &c
}

// fileTxID reads the ID of the last committed transaction from the file's
// meta pages: the higher of the two whose checksum holds. It takes no lock;
// a meta page being written fails its checksum and the other one counts.
func fileTxID(path string) (uint64, error) {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if err != nil {
		return 0, fmt.Errorf("look at %s: %w", path, err)
	}
	defer f.Close()
	return metaTxID(f, path)
}

// metaTxID is fileTxID on a file already open.
func metaTxID(f io.ReaderAt, path string) (uint64, error) {
	const header, metaSize = 16, 64 // bbolt's page header and meta struct
	buf := make([]byte, header+metaSize)
	var best uint64
	var found bool
	pageSize := int64(0)
	for i := range 2 {
		if _, err := f.ReadAt(buf, int64(i)*pageSize); err != nil && err != io.EOF {
			return 0, fmt.Errorf("look at %s: %w", path, err)
		}
		m := buf[header:]
		sum := fnv.New64a()
		sum.Write(m[:56])
		if binary.NativeEndian.Uint32(m[0:]) != 0xED0CDAED || sum.Sum64() != binary.NativeEndian.Uint64(m[56:]) {
			if i == 0 {
				pageSize = 4096 // bbolt's default; the second meta is read from there
			}
			continue
		}
		if i == 0 {
			pageSize = int64(binary.NativeEndian.Uint32(m[8:]))
		}
		if tx := binary.NativeEndian.Uint64(m[48:]); !found || tx > best {
			best, found = tx, true
		}
	}
	if !found {
		return 0, damaged(path, "neither meta page can be read")
	}
	return best, nil
}
