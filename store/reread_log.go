package store

import (
	"fmt"
	"hash/maphash"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// verifyRereads makes every read the transaction log planned walk the
// buckets as well and panic when the log missed a record: the store's
// tests turn it on, so that a write that reaches a large bucket without
// being logged fails them.
var verifyRereads bool

// logRead is one reread the transaction log planned: only the records it
// names are read, per large bucket.
type logRead struct {
	plan logPlan
	// replaced are the named records the last read had, per bucket.
	replaced [3]map[uint64]bool
}

// copy copies b's records the plan names and brings sums (the last read's
// hashes, updated in place) up to date with them.
func (l *logRead) copy(b *bolt.Bucket, kind int, sums recordSums) (rawBucket, recordSums) {
	if sums == nil {
		sums = recordSums{}
	}
	ids := slices.Sorted(maps.Keys(l.plan.recs[kind]))
	var rb rawBucket
	for _, id := range ids {
		if _, had := sums[id]; had {
			if l.replaced[kind] == nil {
				l.replaced[kind] = map[uint64]bool{}
			}
			l.replaced[kind][id] = true
		}
		v := b.Get(itob(id))
		if v == nil {
			delete(sums, id)
			continue
		}
		sums[id] = maphash.Bytes(recordSeed, v)
		lo := len(rb.buf)
		rb.buf = append(rb.buf, v...)
		rb.recs = append(rb.recs, rawRecord{id: id, lo: lo, hi: len(rb.buf)})
	}
	if verifyRereads {
		all := recordSums{}
		b.ForEach(func(k, v []byte) error { //nolint:errcheck // fn returns nil
			if v != nil {
				all[btoi(k)] = maphash.Bytes(recordSeed, v)
			}
			return nil
		})
		if !maps.Equal(all, sums) {
			panic(fmt.Sprintf("store: the transaction log missed a write to %s (%d records, %d known)", largeBuckets[kind], len(all), len(sums)))
		}
	}
	return rb, sums
}

// mergeRead is a large bucket's records after a reread: merge's, or when the
// log planned the read, the last read's records it did not name, and the
// named ones as they are now. ok is false unless every record read is the
// one under its key.
func mergeRead[M any](l *logRead, kind int, sums, prev map[string]recordSums, changed, last []M, arr *[]M, id func(M) uint64, cmp func(a, b M) int) ([]M, bool) {
	name := string(largeBuckets[kind])
	if l == nil {
		return merge(sums[name], prev[name], changed, last, arr, id, cmp)
	}
	named, replaced := l.plan.recs[kind], l.replaced[kind]
	seen := make(map[uint64]bool, len(changed))
	added := len(replaced) == 0 // only records that were not there, each after the last
	for k, m := range changed {
		if !named[id(m)] || seen[id(m)] {
			return nil, false // not the record under its key
		}
		seen[id(m)] = true
		if added && (k > 0 || len(last) > 0) {
			prev := changed[max(k-1, 0)]
			if k == 0 {
				prev = last[len(last)-1]
			}
			added = cmp(prev, m) < 0
		}
	}
	now := len(sums[name])
	if added && len(last) <= len(*arr) {
		if len(changed) == 0 {
			return last, len(last) == now
		}
		out := append((*arr)[:len(last)], changed...)
		*arr = out
		return out[:len(out):len(out)], len(out) == now
	}
	out := make([]M, 0, len(last)+len(changed))
	for _, m := range last {
		if !replaced[id(m)] {
			out = append(out, m)
		}
	}
	out = append(out, changed...)
	slices.SortStableFunc(out, cmp)
	*arr = out
	return out[:len(out):len(out)], len(out) == now
}
