package store

import (
	"bytes"
	"cmp"
	"hash/maphash"
	"slices"
	"sync"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Rereader reads one negotiation again and again, as a workbench does after
// every change made elsewhere, decoding only the records whose bytes changed
// since its last read. The ledger, notes and follow-ups are nearly all of a
// large negotiation (20,000 notes); a note added elsewhere is one record to
// decode, not 25,000, and the garbage of decoding them all is what made a
// workbench's memory climb with every reload (issue 23). The small buckets
// (items, meetings, packages …) are decoded only when their bytes are not
// those last decoded by a session of the Store: otherwise the dossier takes
// that decode's lists, the same arrays, so that a reload of notes alone is
// seen to leave the figures as they were at a glance
// (model.Dossier.SameFigures) rather than by comparing every item and
// package. The negotiation's own record and its account are decoded every
// time.
//
// A dossier it returns is cleaned (model.Dossier.Clean) and shares its
// unchanged records with the previous one: nobody may change it, as nobody
// changes a snapshot. It is safe for use by several goroutines.
type Rereader struct {
	s     *Store
	mu    sync.Mutex
	negID uint64
	last  *model.Dossier        // the last read, as returned
	sums  map[string]recordSums // per large bucket: what its records' bytes were
	spare map[string]recordSums // the sums read before those, whose maps the next read refills
	// decoded counts the large buckets' records the last read decoded, and
	// walked those it looked at.
	decoded, walked int
	// at is the file and transaction of the last read, and token the
	// transaction log's token there (0: none), from which the next read
	// asks the log what changed (txlog.go).
	at    fileVersion
	token uint64
	// The arrays under the lists last handed out, with room to add to.
	ledger    []model.Concession
	notes     []model.Note
	followUps []model.FollowUp
}

// byTime orders records as model.Dossier.Sort does the ledger and notes:
// by time, then ID.
func byTime[M any](key func(M) (time.Time, uint64)) func(a, b M) int {
	return func(a, b M) int {
		at, aid := key(a)
		bt, bid := key(b)
		return cmp.Or(at.Compare(bt), cmp.Compare(aid, bid))
	}
}

// recordSums is a large bucket's records as last read: key → hash of the bytes.
type recordSums map[uint64]uint64

// largeBuckets are the buckets a Rereader decodes only in part.
var largeBuckets = [][]byte{bucketLedger, bucketNotes, bucketFollowUps}

// Rereader makes a reader for this store session.
func (s *Store) Rereader() *Rereader { return &Rereader{s: s} }

// recordSeed hashes records' bytes, for every Rereader and Open's check.
var recordSeed = maphash.MakeSeed()

// sums hashes the copied records of the large buckets.
func (raw *rawDossier) sums() map[string]recordSums {
	out := make(map[string]recordSums, len(largeBuckets))
	for _, name := range largeBuckets {
		rb := raw.children[string(name)]
		now := make(recordSums, len(rb.recs))
		for _, rec := range rb.recs {
			now[rec.id] = maphash.Bytes(recordSeed, rb.buf[rec.lo:rec.hi])
		}
		out[string(name)] = now
	}
	return out
}

// keyedBy reports whether the records' IDs are exactly the keys hashed.
func keyedBy[M any](sums recordSums, list []M, id func(M) uint64) bool {
	if len(sums) != len(list) {
		return false
	}
	seen := make(map[uint64]bool, len(list))
	for _, m := range list {
		if _, ok := sums[id(m)]; !ok || seen[id(m)] {
			return false
		}
		seen[id(m)] = true
	}
	return true
}

// Dossier reads the negotiation, decoding what changed since the last read
// of the same negotiation; the first read (or one of another negotiation)
// decodes it whole.
func (r *Rereader) Dossier(negID uint64) (*model.Dossier, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.s.takeChecked(negID, allParts); ok {
		// Open decoded it already, and hashed its records: the next read
		// goes on from here.
		d := c.dossier
		d.Clean()
		r.decoded, r.walked = 0, 0
		r.negID, r.last, r.sums = 0, nil, nil
		if keyedBy(c.sums[string(bucketLedger)], d.Ledger, func(c model.Concession) uint64 { return c.ID }) &&
			keyedBy(c.sums[string(bucketNotes)], d.Notes, func(n model.Note) uint64 { return n.ID }) &&
			keyedBy(c.sums[string(bucketFollowUps)], d.FollowUps, func(f model.FollowUp) uint64 { return f.ID }) {
			d.Ledger, d.Notes, d.FollowUps = d.Ledger[:len(d.Ledger):len(d.Ledger)], d.Notes[:len(d.Notes):len(d.Notes)], d.FollowUps[:len(d.FollowUps):len(d.FollowUps)]
			r.negID, r.last, r.sums = negID, d, c.sums
			r.ledger, r.notes, r.followUps = d.Ledger, d.Notes, d.FollowUps
		}
		return d, nil
	}
	v, err := r.s.version()
	if err != nil {
		return nil, err
	}
	r.s.shared.fillDossier.Lock()
	defer r.s.shared.fillDossier.Unlock()
	if d, ok, err := r.s.sharedDossier(v, negID); ok || err != nil {
		r.decoded, r.walked = 0, 0
		return d, err // this version of it was read already
	}
	var prev map[string]recordSums
	last := &model.Dossier{}
	if r.negID == negID && r.last != nil {
		prev, last = r.sums, r.last
	}
	from, token := r.at, r.token
	if prev == nil || from.dev != v.dev || from.ino != v.ino {
		token = 0 // another file, or nothing read to go on from
	}
	spare := r.spare // the sums before last: their maps are filled again
	r.negID, r.last, r.sums, r.spare, r.at, r.token = 0, nil, nil, nil, fileVersion{}, 0
	var raw *rawDossier
	var logged *logRead // what the log said changed, when it could
	var readToken uint64
	walked := 0
	sums := make(map[string]recordSums, len(largeBuckets))
	var readTx uint64
	stable, err := r.s.sharedRead(v, func(tx *bolt.Tx) (err error) {
		if err := r.s.mayRead(tx, negID); err != nil {
			return err
		}
		readTx, readToken = uint64(tx.ID()), tokenAt(tx)
		if plan, ok := planSince(tx, from.tx, token, negID); ok && !plan.whole {
			logged = &logRead{plan: plan}
		}
		raw, err = copyDossierWith(tx, negID, allParts, func(name []byte, b *bolt.Bucket) rawBucket {
			if !isLarge(name) {
				return copyBucket(b)
			}
			if logged != nil {
				rb, now := logged.copy(b, largeKind(name), prev[string(name)])
				sums[string(name)], walked = now, walked+len(logged.plan.recs[largeKind(name)])
				return rb
			}
			rb, now := r.copyChanged(b, prev[string(name)], spare[string(name)])
			sums[string(name)], walked = now, walked+len(now)
			return rb
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	// The small lists of the same bytes, and the ledger of the same records,
	// are taken as the last session to decode them holds them (this one's
	// own last read included): every session holds the same arrays.
	others := r.s.shared.smallOf(negID)
	same, kept := sameSmall(raw, others.raw)
	d, err := raw.decode()
	if err != nil {
		return nil, plainDamage(r.s.path, err)
	}
	d.Clean() // what was read now; the rest was cleaned when it was read
	r.decoded, r.walked = len(d.Ledger)+len(d.Notes)+len(d.FollowUps), walked
	ledger, ok1 := mergeRead(logged, 0, sums, prev, d.Ledger, last.Ledger, &r.ledger,
		func(c model.Concession) uint64 { return c.ID }, byTime(func(c model.Concession) (time.Time, uint64) { return c.At, c.ID }))
	notes, ok2 := mergeRead(logged, 1, sums, prev, d.Notes, last.Notes, &r.notes,
		func(n model.Note) uint64 { return n.ID }, byTime(func(n model.Note) (time.Time, uint64) { return n.At, n.ID }))
	followUps, ok3 := mergeRead(logged, 2, sums, prev, d.FollowUps, last.FollowUps, &r.followUps,
		func(f model.FollowUp) uint64 { return f.ID }, func(a, b model.FollowUp) int { return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID)) })
	if !ok1 || !ok2 || !ok3 {
		// A record whose ID is not its key: no record can be matched
		// to its bytes, so this negotiation is read whole every time.
		return r.s.dossierWhole(negID)
	}
	d.Ledger, d.Notes, d.FollowUps = ledger, notes, followUps
	d.Sort() // one pass when the records read again come last in time, as new ones do
	for _, name := range same {
		smallLists[name](d, others.d) // decoded, cleaned and sorted by the read that decoded them
	}
	lk := ledgerKey(sums[string(bucketLedger)])
	if others.d != nil && others.ledger == lk && len(others.d.Ledger) == len(d.Ledger) {
		d.Ledger = others.d.Ledger
	}
	r.negID, r.last, r.sums, r.spare = negID, d, sums, prev
	r.s.shared.keepSmall(negID, kept, d, lk)
	if logged != nil {
		r.spare = spare // the log's read refilled no map: the sums are the last ones, brought up to date
	}
	// The next read goes on from the transaction this one read, even when
	// the file moved on meanwhile (a burst of commits on a team server):
	// the log's token at it tells the next read whether it is still the
	// same file. Only a read the file stood still for is offered to the
	// other sessions as version v.
	r.at, r.token = fileVersion{dev: v.dev, ino: v.ino, tx: readTx}, readToken
	if stable {
		r.s.keepDossier(v, d)
	}
	return d, nil
}

// sameSmall empties the small buckets of raw whose records are the bytes
// the last decode read (last: as it copied them), and names them;
// kept is every small bucket's records as this read's dossier holds them.
func sameSmall(raw *rawDossier, last map[string]rawBucket) (same []string, kept map[string]rawBucket) {
	kept = make(map[string]rawBucket, len(raw.children))
	for name, rb := range raw.children {
		if _, small := smallLists[name]; !small {
			continue
		}
		if was, ok := last[name]; ok && bytes.Equal(was.buf, rb.buf) && slices.Equal(was.recs, rb.recs) {
			same = append(same, name)
			raw.children[name] = rawBucket{}
			rb = was
		}
		kept[name] = rb
	}
	return same, kept
}

// smallLists gives a dossier the list another decoded from a small bucket.
var smallLists = map[string]func(d, last *model.Dossier){
	string(bucketItems):       func(d, last *model.Dossier) { d.Items = last.Items },
	string(bucketMeetings):    func(d, last *model.Dossier) { d.Meetings = last.Meetings },
	string(bucketScenarios):   func(d, last *model.Dossier) { d.Scenarios = last.Scenarios },
	string(bucketPackages):    func(d, last *model.Dossier) { d.Packages = last.Packages },
	string(bucketBudgets):     func(d, last *model.Dossier) { d.Budgets = last.Budgets },
	string(bucketOwed):        func(d, last *model.Dossier) { d.Cleared = last.Cleared },
	string(bucketSuggestions): func(d, last *model.Dossier) { d.Decisions = last.Decisions },
}

func isLarge(name []byte) bool {
	for _, l := range largeBuckets {
		if bytes.Equal(l, name) {
			return true
		}
	}
	return false
}

// forgetEvery is how many bytes of records a reread walks between two
// forgetMapped.
const forgetEvery = 1 << 20

// copyChanged copies the records of b whose bytes differ from before (all
// of them when before is nil), and hashes every record for the next read.
func (r *Rereader) copyChanged(b *bolt.Bucket, before, spare recordSums) (rawBucket, recordSums) {
	if before == nil {
		rb := copyBucket(b) // sized once
		now := make(recordSums, len(rb.recs))
		for _, rec := range rb.recs {
			now[rec.id] = maphash.Bytes(recordSeed, rb.buf[rec.lo:rec.hi])
		}
		return rb, now
	}
	now := spare // a reload makes no new map of every record: it refills the one it let go
	if now == nil {
		now = make(recordSums, len(before)+1)
	}
	clear(now)
	var rb rawBucket
	// Bytes walked since the map was last forgotten, and whether it was:
	// a walk of less than forgetEvery leaves its pages mapped. The map is
	// shared by every session of the file, and forgetting it after each
	// small walk made every other session's next read fault the pages in
	// again.
	unforgotten, forgot := 0, false
	defer func() {
		if forgot {
			forgetMapped(b.Tx())
		}
	}()
	b.ForEach(func(k, v []byte) error { //nolint:errcheck // fn returns nil
		if v == nil {
			return nil
		}
		if unforgotten += len(v); unforgotten > forgetEvery {
			forgetMapped(b.Tx())
			unforgotten, forgot = 0, true
		}
		id, h := btoi(k), maphash.Bytes(recordSeed, v)
		now[id] = h
		if was, ok := before[id]; ok && was == h {
			return nil
		}
		lo := len(rb.buf)
		rb.buf = append(rb.buf, v...)
		rb.recs = append(rb.recs, rawRecord{id: id, lo: lo, hi: len(rb.buf)})
		return nil
	})
	return rb, now
}

// merge is a large bucket's records now: the unchanged ones from the last
// read, in its order, then those read again. ok is false unless every
// record's ID is its key.
//
// Most reloads follow a record added at the end (a note, a move): then the
// list read last is reused, the new records written after it into spare
// room of the array the reader keeps (arr), and the list handed out ends
// where its records end (its capacity is its length), so that no one's
// append can write where a later list reads. A bucket that did not change
// is the list read last, as it is.
func merge[M any](now, before recordSums, changed, last []M, arr *[]M, id func(M) uint64, cmp func(a, b M) int) ([]M, bool) {
	if len(last) == 0 { // the first read: every record was read, in order
		seen := make(map[uint64]bool, len(changed))
		for _, m := range changed {
			if _, ok := now[id(m)]; !ok || seen[id(m)] {
				return nil, false
			}
			seen[id(m)] = true
		}
		*arr = changed
		return changed[:len(changed):len(changed)], len(changed) == len(now)
	}
	seen := make(map[uint64]bool, len(changed))
	added := true // only records that were not there, each after the last
	for k, m := range changed {
		h, ok := now[id(m)]
		was, had := before[id(m)]
		if !ok || (had && was == h) || seen[id(m)] {
			return nil, false // not the key of a record read again
		}
		seen[id(m)] = true
		prev := last[len(last)-1]
		if k > 0 {
			prev = changed[k-1]
		}
		added = added && !had && cmp(prev, m) < 0
	}
	if added && len(last)+len(changed) == len(now) && len(last) <= len(*arr) {
		if len(changed) == 0 {
			return last, true
		}
		out := append((*arr)[:len(last)], changed...)
		*arr = out
		return out[:len(out):len(out)], true
	}
	out := make([]M, 0, len(now))
	for _, m := range last {
		if h, ok := now[id(m)]; ok && h == before[id(m)] {
			out = append(out, m)
		}
	}
	out = append(out, changed...)
	*arr = out
	return out[:len(out):len(out)], len(out) == len(now)
}

// dossierWhole reads a negotiation whole, as Dossier does.
func (s *Store) dossierWhole(negID uint64) (*model.Dossier, error) {
	d, err := s.read(negID, allParts)
	if err != nil {
		return nil, err
	}
	d.Clean()
	return d, nil
}
