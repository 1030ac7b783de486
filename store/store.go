package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/parley-app/parley/internal/storeerr"
	bolt "go.etcd.io/bbolt"
)

// Errors callers test with errors.Is.
var (
	// ErrLocked: one process (or another open in this one) held the file
	// for longer than LockTimeout; the message names it (lockname.go).
	ErrLocked = errors.New("is busy")
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
	ErrNotFound = storeerr.ErrNotFound
)

// LockTimeout is how long a transaction waits for one holder of the file
// to let go before it gives up with ErrLocked; while the holders change or
// commit, it waits on (lockwait.go).
const LockTimeout = time.Second

// Store is a Parley database file. It holds no lock between transactions
// (see the package comment): each method takes the file's lock, runs one
// transaction on the handle kept for writing or the map kept for reading,
// and lets go.
type Store struct {
	path     string
	readOnly bool
	who      *holder          // this process, as named in the lock-info file
	watch    *watch           // what this session has seen of the file
	maxSize  int              // bbolt's MaxSize, for tests of a full disk; 0: none
	author   string           // this session's token in the undo journal
	writer   *writer          // the handle writes go through, shared by sessions
	reader   *reader          // the map reads go through, shared by sessions
	clock    func() time.Time // the time a change is Updated at (tests set it)
	// importFault, set by tests, fails an import after so many records written.
	importFault func(written int) error
	checked     *atomic.Pointer[checked] // the negotiation Open checked, until the first read takes it
	person      string                   // whose drafts and current negotiation this session keeps ("": the file's one user)
	doing       any                      // the change value being written, for the audit row (audit.go)
	shared      *shared                  // what its sessions have read of the file as it stands (shared.go)
	written     *atomic.Pointer[written] // the summaries this store's last change wrote (summary.go)
	borrowed    bool                     // a session a command borrowed: Close leaves the handles (Borrow)
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
// file written by a newer Parley is refused with ErrNewerSchema; a file one
// process holds for longer than LockTimeout is refused with ErrLocked. An
// older file is backed up next to itself and then migrated. Anything but a
// regular file (a FIFO, a device, a link to nothing) is refused at once.
func Open(path string) (*Store, error) { return openWrite(path, true, allParts) }

// OpenExisting opens the database at path for a command that changes what
// it holds but makes none (undo, redo): a path with no database is
// refused with ErrNoDatabase, and no folder or file is created.
func OpenExisting(path string) (*Store, error) { return openWrite(path, false, allParts) }

// OpenForCapture is OpenExisting for a command that captures one line
// (parley note): of the current negotiation it checks, and keeps for
// Outline, only its record, account, items and meetings. The ledger, the
// notes and the rest are most of a large negotiation's bytes, and
// decoding them was most of a note's time (issue 23); a move reads, and
// so checks, the ledger in the transaction that writes it (Capture).
func OpenForCapture(path string) (*Store, error) { return openWrite(path, false, outlineParts) }

func openWrite(path string, create bool, p parts) (*Store, error) {
	info, err := fileAt(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && !create:
		return nil, noDatabase(path, "")
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, err
	case info != nil && info.Size() == 0 && !create:
		return nil, noDatabase(path, ": the file is empty")
	}
	if create {
		if err := ensureFolder(filepath.Dir(path)); err != nil {
			return nil, err
		}
	}
	var cur *checked
	if info != nil && info.Size() > 0 {
		// Look before writing: a read-only open never changes a byte.
		if cur, err = inspect(path, p); err != nil {
			return nil, err
		}
	}

	if info == nil || info.Size() == 0 {
		// The one open that may create the file; every later one refuses a
		// file that has gone rather than make an empty one.
		db, err := openBolt(path, false, true, 0)
		if err != nil {
			return nil, err
		}
		if err := db.Close(); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	s := newStore(path, false)
	// The handle writes go through is opened now, and kept: a file that
	// cannot be written is refused before anything else, and the first
	// write does not open the file again.
	var from int
	if err := s.writer.look(s, func(tx *bolt.Tx) (err error) {
		from, err = schemaOf(tx, s.path)
		s.watch.saw(tx) // what this session has seen, for Changed
		return err
	}); err != nil {
		return nil, err
	}
	if err := makePrivate(path); err != nil {
		return nil, err
	}
	if err := s.migrate(from); err != nil {
		return nil, err
	}
	s.checked.Store(cur)
	return s, nil
}

// makePrivate makes the file 0600, changing nothing when it is: a chmod
// moves the file's change time, which would make the next write walk its
// pages again (damage.go).
func makePrivate(path string) error {
	if info, err := os.Stat(path); err == nil && info.Mode().Perm() == 0o600 {
		return nil
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("make %s private: %w", path, err)
	}
	return nil
}

// errNotRegular: the path is a FIFO, a device or a socket.
var errNotRegular = errors.New("not a regular file")

// noDatabase says there is no database at path, and how to make one.
func noDatabase(path, why string) error {
	return fmt.Errorf("%w at %s%s: check --db or PARLEY_DB, or create one with 'parley demo' or 'parley'", ErrNoDatabase, path, why)
}

// fileAt is what is at path: an error wrapping os.ErrNotExist when nothing
// is, and a refusal of a folder, of anything but a regular file (reading a
// FIFO would wait for a writer forever) and of a link to nothing (writing
// through it would create its target somewhere else).
func fileAt(path string) (os.FileInfo, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if l, lerr := os.Lstat(path); lerr == nil && l.Mode()&os.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return nil, fmt.Errorf("%s is a link to %s, which does not exist: point --db at the database file itself", path, target)
		}
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", path, err)
	case info.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a database file", path)
	case !info.Mode().IsRegular():
		return nil, notRegular(path, info.Mode())
	}
	return info, nil
}

// notRegular refuses a path that is no regular file, saying what it is.
func notRegular(path string, mode os.FileMode) error {
	what := "a special file"
	switch {
	case mode&os.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&os.ModeSocket != 0:
		what = "a socket"
	case mode&os.ModeDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("%s is %s, %w: point --db at a database file", path, what, errNotRegular)
}

func newStore(path string, readOnly bool) *Store {
	return &Store{path: path, readOnly: readOnly, who: defaultHolder(), watch: &watch{}, author: newAuthor(), writer: &writer{}, reader: &reader{}, clock: time.Now,
		checked: new(atomic.Pointer[checked]), shared: &shared{}, written: new(atomic.Pointer[written])}
}

var sessions atomic.Uint64

// newAuthor is a token that tells this session's changes in the journal
// from every other's: the process, the session in it, and the time.
func newAuthor() string {
	return fmt.Sprintf("%d-%d-%d", os.Getpid(), sessions.Add(1), time.Now().UnixNano())
}

// OpenReadOnly opens an existing database for reading only (bbolt's
// read-only mode: a shared lock, the file opened O_RDONLY, so a 0444 file
// reads fine). It never creates a folder or a file: a path with no database
// is refused with ErrNoDatabase. The same files as Open are refused.
func OpenReadOnly(path string) (*Store, error) {
	info, err := fileAt(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, noDatabase(path, "")
	case err != nil:
		return nil, err
	case info.Size() == 0:
		return nil, fmt.Errorf("%w at %s: the file is empty", ErrNoDatabase, path)
	}
	cur, err := inspect(path, allParts)
	if err != nil {
		return nil, err
	}
	s := newStore(path, true)
	s.checked.Store(cur)
	var v int
	if err := s.view(func(tx *bolt.Tx) (err error) { v, err = schemaOf(tx, path); return err }); err != nil {
		return nil, err
	}
	switch {
	case v == 0:
		return nil, fmt.Errorf("%w at %s: the file holds no Parley data yet", ErrNoDatabase, path)
	case v < SchemaVersion:
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

// inspect opens an existing file read-only and refuses it unless it is a
// Parley database this version can read (or an empty bbolt file). Of the
// current negotiation it checks the parts p.
func inspect(path string, p parts) (*checked, error) {
	cur, err := inspectLocked(path, p)
	if err != nil {
		return nil, err
	}
	// Decoded after the file is closed and its lock let go: a writer
	// waits for the copy only.
	if err := cur.check(path); err != nil {
		return nil, err
	}
	return cur, nil
}

// inspectLocked is inspect's look at the file under its shared lock.
func inspectLocked(path string, p parts) (cur *checked, err error) {
	db, err := openBolt(path, true, false, 0)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	err = safeView(db, path, func(tx *bolt.Tx) error {
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
		var cerr error
		cur, cerr = checkCurrent(tx, p)
		return cerr
	})
	return cur, err
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

// Path is the file the store works on.
func (s *Store) Path() string { return s.path }

// Close closes the write handle, the map for reading and the lock-info
// file. None holds a lock between transactions.
func (s *Store) Close() error {
	if s.borrowed {
		return nil // the handles are the store's it was borrowed from
	}
	s.writer.mu.Lock()
	werr := s.writer.close()
	s.writer.mu.Unlock()
	s.reader.close()
	s.shared.look.close()
	s.who.mu.Lock()
	defer s.who.mu.Unlock()
	if err := s.who.closeFile(); err != nil {
		return fmt.Errorf("close %s: %w", lockInfoPath(s.path), err)
	}
	if werr != nil {
		return fmt.Errorf("close %s: %w", s.path, werr)
	}
	return nil
}
