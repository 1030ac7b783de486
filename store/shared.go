package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// What the sessions of one Store share of the file as it stands. A team
// server runs fifty workbenches on one Store, and after each commit every
// one of them asks the same questions of the same version of the file: did
// the data change, who are the people, what does this negotiation hold now.
// The first to ask reads; the others take its answer while the file is
// still at that version, without opening the file. Each session still
// asks the team's rule whether it may see what it takes (sees), so what is
// shared is the file's content, never a decision.
//
// A version is the file (device and inode: a restore is a new file) and
// its last transaction, read from the meta pages without a lock. An answer
// is kept only when the file was at the same version before and after the
// read that made it; a write makes a new version, so nothing kept is ever
// changed, only left behind.

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

// shared is what the sessions of a Store have read of one version.
type shared struct {
	look look // the file's descriptor for version
	// The fills are held by the session reading what the others will
	// take: the fifty sessions told of one commit read it once, not fifty
	// times. The team's fill is taken after a dossier's or the
	// approvals', never before.
	fillChanges, fillTeam, fillDossier, fillApprovals sync.Mutex

	mu        sync.Mutex
	at        fileVersion
	changes   *uint64                   // the change counter (watch.go)
	team      *teamState                // the people and who has which account
	dossiers  map[uint64]*model.Dossier // negotiations as read, whole; nobody changes them
	approvals *[]listedApproval         // every request for approval (approvals.go)
	accounts  map[uint64]uint64         // the account of each negotiation asked about

	// The team as last decoded, and its records as stored then: a new
	// version whose records are the same bytes takes it without decoding
	// (a note does not change the people, and fifty people's JSON was the
	// largest part of reading a version on a team server).
	lastTeam    *teamState
	lastTeamRaw []byte

	// The small lists of each negotiation as last decoded by any session,
	// with their records as stored then (smallOf).
	small map[uint64]decodedSmall
}

// decodedSmall is a dossier's small lists and the records they were
// decoded from, and which ledger records its ledger holds (ledgerKey).
type decodedSmall struct {
	raw    map[string]rawBucket
	d      *model.Dossier
	ledger uint64
}

// smallOf is the small lists of a negotiation as the last session to
// decode them has them. A session that takes the lists of the same bytes
// from there, rather than from its own last read, holds the very arrays
// the other sessions hold: after a note, each workbench finds at a glance
// that the figures stand (model.SameFigures), where comparing the agenda,
// the packages and the rest value by value was a tenth of what a note cost
// fifty sessions.
func (sh *shared) smallOf(negID uint64) (decodedSmall, bool) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	ds, ok := sh.small[negID]
	return ds, ok
}

// keepSmall makes d's small lists, decoded from raw, the last decoded,
// with its ledger of the records whose ledgerKey is ledger.
func (sh *shared) keepSmall(negID uint64, raw map[string]rawBucket, d *model.Dossier, ledger uint64) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.small == nil {
		sh.small = map[uint64]decodedSmall{}
	}
	sh.small[negID] = decodedSmall{raw: raw, d: d, ledger: ledger}
}

// ledgerKey sums a ledger's records, each its ID and the hash of its
// bytes, in any order: two ledgers of the same key hold the same records.
// (The Rereader already takes a record of the same hash for unchanged.)
func ledgerKey(sums recordSums) uint64 {
	var k uint64
	for id, h := range sums {
		k += mix64(id ^ mix64(h))
	}
	return k
}

// mix64 is splitmix64's finalizer: every bit of x moves every bit out.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// teamDecodes counts the decodes of the people records (readPeople), for tests.
var teamDecodes atomic.Int64

// teamBytes is the team's records (teamBuckets) as stored, each key and value
// with its length, each bucket closed by an empty key (bbolt has none).
func teamBytes(tx *bolt.Tx) []byte {
	var raw []byte
	for _, name := range teamBuckets {
		if b := tx.Bucket(name); b != nil {
			b.ForEach(func(k, v []byte) error {
				raw = binary.AppendUvarint(raw, uint64(len(k)))
				raw = append(raw, k...)
				raw = binary.AppendUvarint(raw, uint64(len(v)))
				raw = append(raw, v...)
				return nil
			})
		}
		raw = binary.AppendUvarint(raw, 0)
	}
	return raw
}

// teamBytesAre reports whether the team's records in tx are
// raw, as teamBytes would write them, without writing them: asked in every
// read that applies the team's rules, and nearly always true.
func teamBytesAre(tx *bolt.Tx, raw []byte) bool {
	next := func(want []byte) bool {
		n, w := binary.Uvarint(raw)
		if w <= 0 || n != uint64(len(want)) || uint64(len(raw)-w) < n || !bytes.Equal(raw[w:w+int(n)], want) {
			return false
		}
		raw = raw[w+int(n):]
		return true
	}
	for _, name := range teamBuckets {
		if b := tx.Bucket(name); b != nil {
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if !next(k) || !next(v) {
					return false
				}
			}
		}
		if !next(nil) { // the bucket's end
			return false
		}
	}
	return len(raw) == 0
}

// teamBuckets hold the team: its people, who has which account, and the
// limits of their authority.
var teamBuckets = [][]byte{bucketPeople, bucketAccess, bucketAuthority}

// teamState is the file's people, account access and authority, as one
// version holds them.
type teamState struct {
	people    model.People
	access    map[uint64]model.Access
	authority model.Authority
}

// of is the memo of version v, emptied when the file moved on from what
// it holds.
func (sh *shared) of(v fileVersion) *shared {
	if sh.at != v {
		sh.at, sh.changes, sh.team, sh.dossiers, sh.approvals, sh.accounts = v, nil, nil, nil, nil, nil
	}
	return sh
}

// sharedRead runs read in a read transaction of the file, and reports
// whether the file was at version before all along (so that what read
// found may be kept for it).
func (s *Store) sharedRead(before fileVersion, read func(tx *bolt.Tx) error) (stable bool, err error) {
	var txid uint64
	if err := s.view(func(tx *bolt.Tx) error {
		txid = uint64(tx.ID())
		return read(tx)
	}); err != nil {
		return false, err
	}
	if afterSharedRead != nil {
		afterSharedRead()
	}
	after, err := s.version()
	return err == nil && before == after && txid == before.tx, nil
}

// afterSharedRead, when set by a test, runs between a shared read and the
// look at the file after it: a commit there makes the read unstable.
var afterSharedRead func()

// teamAt is the people and access of the file at version v, read once for
// every session of the Store.
func (s *Store) teamAt(v fileVersion) (*teamState, error) {
	s.shared.fillTeam.Lock()
	defer s.shared.fillTeam.Unlock()
	s.shared.mu.Lock()
	if t := s.shared.of(v).team; t != nil {
		s.shared.mu.Unlock()
		return t, nil
	}
	s.shared.mu.Unlock()
	var t *teamState
	stable, err := s.sharedRead(v, func(tx *bolt.Tx) (err error) {
		t, err = s.teamIn(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	if stable {
		s.shared.mu.Lock()
		s.shared.of(v).team = t
		s.shared.mu.Unlock()
	}
	return t, nil
}

// teamIn is the people and access as tx holds them, decoded only when
// their records are not the bytes last decoded (a note, a move or a
// reload leaves them as they were). What it returns is shared: a caller
// that changes it changes a copy.
func (s *Store) teamIn(tx *bolt.Tx) (*teamState, error) {
	s.shared.mu.Lock()
	last, lastRaw := s.shared.lastTeam, s.shared.lastTeamRaw
	s.shared.mu.Unlock()
	if last != nil && teamBytesAre(tx, lastRaw) {
		return last, nil
	}
	raw := teamBytes(tx)
	var t teamState
	var err error
	if t.people, err = readPeople(tx); err != nil {
		return nil, err
	}
	if t.access, err = readAccess(tx); err != nil {
		return nil, err
	}
	if t.authority, err = readAuthority(tx); err != nil {
		return nil, err
	}
	s.shared.mu.Lock()
	s.shared.lastTeam, s.shared.lastTeamRaw = &t, raw
	s.shared.mu.Unlock()
	return &t, nil
}

// sees is the team's rule for this session's person on an account, asked
// of the team as a version holds it (mayRead asks the same in a
// transaction).
func (s *Store) sees(t *teamState, negID, accountID uint64) error {
	l, err := s.lensFrom(t.people, t.access)
	if err != nil {
		return err
	}
	if !l.seesAccount(accountID) {
		return fmt.Errorf("negotiation %d %w: no negotiation of yours matches", negID, ErrNotYours)
	}
	return nil
}

// sharedDossier is the negotiation as another session read it at version
// v, when this session's person may see it; ok is false when no session
// has read it at v.
func (s *Store) sharedDossier(v fileVersion, negID uint64) (d *model.Dossier, ok bool, err error) {
	s.shared.mu.Lock()
	d = s.shared.of(v).dossiers[negID]
	s.shared.mu.Unlock()
	if d == nil {
		return nil, false, nil
	}
	if s.person != "" {
		t, err := s.teamAt(v)
		if err != nil {
			return nil, false, err
		}
		if err := s.sees(t, negID, d.Negotiation.AccountID); err != nil {
			return nil, false, err
		}
	}
	return d, true, nil
}

// keepDossier offers the negotiation read at version v to the other
// sessions.
func (s *Store) keepDossier(v fileVersion, d *model.Dossier) {
	s.shared.mu.Lock()
	defer s.shared.mu.Unlock()
	sh := s.shared.of(v)
	if sh.dossiers == nil {
		sh.dossiers = map[uint64]*model.Dossier{}
	}
	sh.dossiers[d.Negotiation.ID] = d
}

// accountAt is the account negotiation negID is of at version v (found
// false when the file has no such negotiation), read once for every
// session of the Store.
func (s *Store) accountAt(v fileVersion, negID uint64) (acc uint64, found bool, err error) {
	s.shared.mu.Lock()
	sh := s.shared.of(v)
	if d := sh.dossiers[negID]; d != nil {
		acc, found = d.Negotiation.AccountID, true
	} else {
		acc, found = sh.accounts[negID]
	}
	s.shared.mu.Unlock()
	if found {
		return acc, true, nil
	}
	stable, err := s.sharedRead(v, func(tx *bolt.Tx) error {
		acc, found = accountOfNegotiation(tx, negID)
		return nil
	})
	if err != nil || !found {
		return 0, false, err
	}
	if stable {
		s.shared.mu.Lock()
		if sh := s.shared.of(v); sh.accounts == nil {
			sh.accounts = map[uint64]uint64{negID: acc}
		} else {
			sh.accounts[negID] = acc
		}
		s.shared.mu.Unlock()
	}
	return acc, true, nil
}
