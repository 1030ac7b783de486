package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// damagedError is a damaged file, said plainly: which file, what is wrong in
// a few words (never a Go runtime message), and what to do.
type damagedError struct {
	path, what string
}

func (e *damagedError) Error() string {
	return fmt.Sprintf("%s is damaged (%s). Parley has not changed it. Put back a good copy: "+
		"`parley --db GOOD-COPY backup %s`, or restore it from your own backups", e.path, e.what, e.path)
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *damagedError) Is(target error) bool { return target == ErrDamaged }

func damaged(path, what string) error { return &damagedError{path: path, what: what} }

// recoverDamaged turns a panic from reading a damaged page (bbolt trusts its
// pages; with panic-on-fault, a read past the mapping panics too) into
// ErrDamaged. Deferred by every function that reads pages.
func recoverDamaged(path string, err *error) {
	if r := recover(); r != nil {
		*err = damaged(path, "a page cannot be read")
	}
}

// plainDamage rewrites a record-level ErrDamaged (a record that does not
// decode) as the plain message for the whole file.
func plainDamage(path string, err error) error {
	var d *damagedError
	if err == nil || !errors.Is(err, ErrDamaged) || errors.As(err, &d) {
		return err
	}
	return damaged(path, err.Error())
}

// recordDamaged is a record of a bucket that does not decode.
func recordDamaged(key string) error { return fmt.Errorf("record %s %w", key, ErrDamaged) }

// looksLikeBolt reports whether the file starts with a bbolt meta page, so
// that a damaged Parley file is told from a file that is no database at all.
func looksLikeBolt(path string) bool {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	const magic = 0xED0CDAED // page header (16 bytes), then the meta's magic
	return binary.LittleEndian.Uint32(head[16:]) == magic || binary.BigEndian.Uint32(head[16:]) == magic
}

// checkCurrent copies every record of the negotiation the workbench opens
// first, for inspect to decode once the lock is let go (check), so that a
// damaged record there refuses the file at Open. It costs in proportion to
// that negotiation alone (of it, the parts p: a command reads nothing more
// of it than it checked); other negotiations are checked when they are
// loaded, and Verify checks the whole file.
func checkCurrent(tx *bolt.Tx, p parts) (*checked, error) {
	root := tx.Bucket(bucketNegotiations)
	meta := tx.Bucket(bucketMeta)
	if root == nil || meta == nil {
		return nil, fmt.Errorf("%w: a bucket is missing", ErrDamaged)
	}
	cur := btoi(meta.Get(keyCurrent))
	if cur == 0 || root.Bucket(itob(cur)) == nil {
		k, _ := root.Cursor().Last()
		cur = btoi(k)
	}
	if cur == 0 {
		return nil, nil
	}
	raw, err := copyDossier(tx, cur, p)
	if err != nil {
		return nil, err
	}
	return &checked{negID: cur, txid: uint64(tx.ID()), raw: raw, parts: p}, nil
}

// check decodes what checkCurrent copied: a record that does not decode
// refuses the file.
func (c *checked) check(path string) error {
	if c == nil || c.raw == nil {
		return nil
	}
	d, err := c.raw.decode()
	if err != nil {
		return plainDamage(path, err)
	}
	if c.parts == allParts {
		c.sums = c.raw.sums() // a Rereader goes on from here (reread.go)
	}
	c.dossier, c.raw = d, nil
	return nil
}

// checked is the negotiation Open read to check it, and the file's
// transaction then: the first Dossier call takes it instead of reading the
// negotiation again, while the file has not changed since (on a large
// negotiation the read is a good part of starting up).
type checked struct {
	negID, txid uint64
	raw         *rawDossier // copied under the lock, until check decodes it
	parts       parts       // what of it was checked (OpenForCapture: its outline)
	dossier     *model.Dossier
	sums        map[string]recordSums // its large buckets' records, hashed
}

// takeChecked hands out the negotiation Open checked, once, when it is the
// one asked for and no one has written since. A dossier checked in part
// serves only a caller that wants no more of it than that.
func (s *Store) takeChecked(negID uint64, p parts) (*checked, bool) {
	c := s.checked.Swap(nil)
	if c == nil || c.negID != negID || c.parts < p {
		return nil, false
	}
	if txid, err := fileTxID(s.path); err != nil || txid != c.txid {
		return nil, false
	}
	return c, true
}

// Verify reads the whole file: every page (pageFault), then every record.
// Commands that write much at once (demo, import) and backup run it first,
// so that they never add to, or copy, a damaged file.
func (s *Store) Verify() error {
	return s.view(func(tx *bolt.Tx) error {
		if err := checkPages(s.path); err != nil {
			return err
		}
		_, err := loadEverything(tx)
		return err
	})
}

// A write must not go into a damaged file: bbolt trusts its pages, and a
// freelist that lists a page in use, or a branch that points at garbage,
// makes a commit overwrite good records, after which no message can say
// truly that Parley has not changed the file. So a write transaction
// walks every page (pageFault: the freelist against every reachable page,
// each page's kind, elements and keys) before it changes anything, unless
// the file is exactly as a Parley process last found it whole: its own
// last commit or check, or another process's, with nothing written since.
// The state found whole is kept in this process (wholeFiles) and, for the
// next process, in the lock-info file (holder.go); a file copied, replaced,
// cut short or written by anything else has another inode, size or time
// of change, and is walked again. So a command (note, undo) walks the pages
// only when the file changed outside Parley, and costs in proportion to what
// it reads, not to the file (see BenchmarkCheckPages).

// wholeFiles maps a database path to the file and transaction this
// process last found whole.
var wholeFiles sync.Map // string → wholeState

// pageWalks counts the page walks before a write, for tests.
var pageWalks atomic.Int64

// wholeState is a file at a transaction: by device and inode, so that a
// file replaced under the same name is checked again, and by size and
// times of change, so that one changed in place by anything but a Parley
// commit is too. The inode's change time (ctime) moves with every write
// and cannot be set back by a program.
type wholeState struct {
	dev, ino, txid     uint64
	size, mtime, ctime int64
}

func wholeStateOf(path string, txid uint64) (wholeState, bool) {
	info, err := os.Stat(path)
	if err != nil {
		return wholeState{}, false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return wholeState{}, false
	}
	return wholeState{dev: uint64(st.Dev), ino: st.Ino, txid: txid, size: info.Size(), mtime: info.ModTime().UnixNano(),
		ctime: st.Ctim.Nano()}, true
}

// checkPagesBeforeWrite refuses a write into a file with a damaged page,
// checking every page unless the file is as a Parley process last found
// it whole. It runs under the write lock, after who has claimed it.
func checkPagesBeforeWrite(tx *bolt.Tx, path string, who *holder) error {
	// A write transaction's ID is one past the last committed one.
	if now, ok := wholeStateOf(path, uint64(tx.ID())-1); ok {
		if seen, ok := wholeFiles.Load(path); ok && seen.(wholeState) == now {
			return nil
		}
		if seen, ok := who.whole(); ok && seen == now {
			wholeFiles.Store(path, now)
			return nil
		}
	}
	pageWalks.Add(1)
	if err := checkPages(path); err != nil {
		return err
	}
	pagesWhole(path, uint64(tx.ID())-1, who)
	return nil
}

// pagesWhole records that the file at path was whole at transaction txid,
// here and (when who holds the write lock) for the next process.
func pagesWhole(path string, txid uint64, who *holder) {
	if st, ok := wholeStateOf(path, txid); ok {
		wholeFiles.Store(path, st)
		who.setWhole(st)
	}
}

// checkPages maps the file, under the lock the caller holds, and walks
// its pages (pageFault). The mapping is read-only and as long as the file:
// the walk's slices are bounds-checked, so a page that points past the end
// is a message, never a fault.
func checkPages(path string) error {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	if info.Size() == 0 {
		return nil // a new file: bbolt writes its first pages now
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	defer syscall.Munmap(data)
	if msg := pageFault(data); msg != "" {
		return damaged(path, msg)
	}
	return nil
}
