package store

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// The transaction log: every write transaction this Parley commits also
// puts, under its own transaction ID, which records of the negotiations'
// large buckets (ledger, notes, follow-ups) it wrote or removed. A
// workbench that read a negotiation at transaction T reads it again at T'
// by fetching only those records, when the log holds an entry for T and for
// every transaction after it up to T' (Rereader). A transaction without an
// entry (a Parley from before the log, a tool that writes with bbolt
// itself), an entry trimmed away, or a file replaced in place (each entry
// carries a random token the reader checks at T) sends the reader back to
// walking every record, as it did before the log: the log saves work, it is
// never trusted past what it can show.

var bucketTxLog = []byte("txlog")

// txLogKeep is how many transactions the log keeps at least (up to
// trimBatch more): a workbench further behind than that reads its
// negotiation's records whole once.
const txLogKeep = 1000

// maxTouched is how many records an entry names per transaction; a larger
// change (an import, a checklist filled anew) names its negotiations whole.
const maxTouched = 4096

// touchWhole is the kind of an entry's item that stands for every large
// bucket of its negotiation (negotiation 0: of every negotiation).
const touchWhole = 0xFF

// touched collects what one write transaction wrote to the large buckets.
type touched struct {
	all   bool            // every negotiation, whole (a migration)
	whole map[uint64]bool // negotiations written whole
	recs  map[touch]bool  // records, by negotiation, bucket and key
}

type touch struct {
	neg  uint64
	kind byte // index into largeBuckets
	id   uint64
}

// touches maps a write transaction to what it touched.
var touches sync.Map // *bolt.Tx → *touched

func loggedBy(tx *bolt.Tx) *touched {
	if t, ok := touches.Load(tx); ok {
		return t.(*touched)
	}
	return nil
}

// largeKind is the index of a large bucket's name, or -1.
func largeKind(name []byte) int {
	for i, l := range largeBuckets {
		if bytes.Equal(l, name) {
			return i
		}
	}
	return -1
}

// record notes a write at path: a record (key non-nil) or the bucket at
// path itself (key nil: made or removed).
func (t *touched) record(path [][]byte, key []byte) {
	if t == nil || t.all || len(path) < 2 || !bytes.Equal(path[0], bucketNegotiations) || len(path[1]) != 8 {
		return // not in a negotiation (the journal never makes or removes a top-level bucket)
	}
	neg := btoi(path[1])
	switch {
	case len(path) == 2 && key != nil:
		return // the negotiation's own record: read every time
	case len(path) == 3 && key != nil && len(key) == 8 && largeKind(path[2]) >= 0:
		if len(t.recs) >= maxTouched {
			t.wholeNeg(neg)
			return
		}
		if t.recs == nil {
			t.recs = map[touch]bool{}
		}
		t.recs[touch{neg: neg, kind: byte(largeKind(path[2])), id: btoi(key)}] = true
	case len(path) == 3 && largeKind(path[2]) < 0 && key != nil:
		return // a small bucket's record: read every time
	default:
		t.wholeNeg(neg) // a bucket made or removed, or a key of a shape the reader does not know
	}
}

// recordBucket notes a nested bucket name made or removed inside path.
func (t *touched) recordBucket(path [][]byte, name []byte) {
	if t != nil {
		t.record(append(clonePath(path), name), nil) // a negotiation's bucket, or one of its buckets: whole
	}
}

func (t *touched) wholeNeg(neg uint64) {
	if t.whole == nil {
		t.whole = map[uint64]bool{}
	}
	t.whole[neg] = true
}

// writeTxLog puts tx's entry and trims the log.
func writeTxLog(tx *bolt.Tx, t *touched) error {
	lb, err := tx.CreateBucketIfNotExists(bucketTxLog)
	if err != nil {
		return err
	}
	lb.FillPercent = 0.9 // appended at the end
	v := make([]byte, 9, 9+17*(len(t.whole)+len(t.recs)))
	binary.BigEndian.PutUint64(v, rand.Uint64()|1) // never 0: 0 is "no token known"
	if t.all {
		v[8] = 1
	}
	item := func(neg uint64, kind byte, id uint64) {
		v = binary.BigEndian.AppendUint64(v, neg)
		v = append(v, kind)
		v = binary.BigEndian.AppendUint64(v, id)
	}
	for neg := range t.whole {
		item(neg, touchWhole, 0)
	}
	for r := range t.recs {
		if !t.whole[r.neg] {
			item(r.neg, r.kind, r.id)
		}
	}
	id := uint64(tx.ID())
	if err := lb.Put(itob(id), v); err != nil {
		return err
	}
	c := lb.Cursor()
	if k, _ := c.First(); k == nil || btoi(k)+txLogKeep+trimBatch > id {
		return nil
	}
	for k, _ := c.First(); k != nil && btoi(k)+txLogKeep <= id; k, _ = c.First() {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// logPlan is what the log says changed in one negotiation between two
// transactions: records per large bucket, or everything (whole).
type logPlan struct {
	whole bool
	recs  [3]map[uint64]bool // by index into largeBuckets
	token uint64             // the entry's token at the later transaction
}

// planSince reads the log from transaction from (whose entry must carry
// token) to tx's own, for negotiation neg. ok is false when the log cannot
// show every transaction in between.
func planSince(tx *bolt.Tx, from, token, neg uint64) (p logPlan, ok bool) {
	to := uint64(tx.ID())
	lb := tx.Bucket(bucketTxLog)
	if lb == nil || from == 0 || token == 0 || to < from || to-from > txLogKeep {
		return p, false
	}
	c := lb.Cursor()
	k, v := c.Seek(itob(from))
	if k == nil || btoi(k) != from || len(v) < 9 || binary.BigEndian.Uint64(v) != token {
		return p, false
	}
	p.token = token
	for want := from + 1; want <= to; want++ {
		if k, v = c.Next(); k == nil || btoi(k) != want || len(v) < 9 || (len(v)-9)%17 != 0 {
			return p, false
		}
		p.token = binary.BigEndian.Uint64(v)
		if v[8] == 1 {
			p.whole = true
		}
		for rest := v[9:]; len(rest) > 0; rest = rest[17:] {
			n, kind, id := binary.BigEndian.Uint64(rest), rest[8], binary.BigEndian.Uint64(rest[9:])
			switch {
			case n != neg && n != 0:
			case kind == touchWhole || int(kind) >= len(largeBuckets):
				p.whole = true
			default:
				if p.recs[kind] == nil {
					p.recs[kind] = map[uint64]bool{}
				}
				p.recs[kind][id] = true
			}
		}
	}
	return p, true
}

// tokenAt is the token of tx's own entry in the log, 0 when it has none.
func tokenAt(tx *bolt.Tx) uint64 {
	lb := tx.Bucket(bucketTxLog)
	if lb == nil {
		return 0
	}
	if v := lb.Get(itob(uint64(tx.ID()))); len(v) >= 9 {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

// everything notes a transaction that may have written any record.
func (t *touched) everything() {
	if t != nil {
		t.all = true
	}
}
