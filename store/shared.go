package store

import (
	"sync"

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
// decode them has them (none when no session has). A session that takes
// the lists of the same bytes from there, rather than from its own last
// read, holds the very arrays the other sessions hold: after a note, each
// workbench finds at a glance that the figures stand (model.SameFigures),
// where comparing the agenda, the packages and the rest value by value was
// a tenth of what a note cost fifty sessions.
func (sh *shared) smallOf(negID uint64) decodedSmall {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return sh.small[negID]
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
