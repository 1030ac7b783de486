package store

import (
	"bytes"
	"hash/fnv"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// Promises of the page walk (pageFault) that a mutation run found no test
// holding: each kind of damage is named, and a file whose first meta page
// is damaged is read from the second, as bbolt does.
func TestPageFaultNamesEachKindOfDamage(t *testing.T) {
	whole, w := demoPages(t, 5)
	if pageFault(whole) != "" {
		t.Fatalf("the whole file: %q", pageFault(whole))
	}
	// The walk starts from the meta page of the later transaction.
	txAt := func(off uint64) uint64 { return ne.Uint64(whole[off+pageHeader+48:]) }
	newest := uint64(0)
	if txAt(w.ps) > txAt(0) {
		newest = w.ps
	}
	if root := ne.Uint64(whole[newest+pageHeader+16:]); w.root != root {
		t.Fatalf("the walk starts at root %d, the later meta page's is %d", w.root, root)
	}
	damage := map[string]struct {
		change func(data []byte) []byte
		want   string
	}{
		"cut short": {func(d []byte) []byte { return d[:len(d)/2] }, "cut short"},
		"the root page mislabelled": {func(d []byte) []byte {
			ne.PutUint64(d[w.root*w.ps:], w.root+1)
			return d
		}, "says it is page"},
		"a page lost from the freelist": {func(d []byte) []byte {
			fl := d[w.freelist*w.ps:]
			ne.PutUint16(fl[10:], ne.Uint16(fl[10:])-1)
			return d
		}, "neither in use nor free"},
		"the first meta page damaged": {func(d []byte) []byte {
			d[pageHeader+60] ^= 0xFF // its checksum: bbolt reads the second
			return d
		}, ""},
	}
	for name, c := range damage {
		got := pageFault(c.change(append([]byte(nil), whole...)))
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s: pageFault = %q, want %q", name, got, c.want)
		}
	}
}

// A file cut inside its second meta page, or shorter than one, is named
// damaged without reading past its end (fails when the guard on the meta
// page's bytes is loosened).
func TestPageFaultOfAFileCutInItsMetaPages(t *testing.T) {
	data, w := demoPages(t, 0)
	for _, n := range []int{40, int(w.ps) + pageHeader + 63} {
		cut := data[:n:n] // no room past the end, as a file read whole
		if got := pageFault(cut); got == "" {
			t.Errorf("a file of %d bytes: no fault found", n)
		}
	}
}

// setMeta sets the uint64 at field (bytes into the meta) in the meta page
// at off, and its checksum again, so that the page still reads as valid.
func setMeta(data []byte, off, field, v uint64) {
	m := data[off+pageHeader : off+pageHeader+64]
	ne.PutUint64(m[field:], v)
	sum := fnv.New64a()
	sum.Write(m[:56])
	ne.PutUint64(m[56:], sum.Sum64())
}

// Pages that point at or run up to the file's end, and freelists that run
// past their page or exactly fill it, are named for what they are (fails
// when any of those bounds is off by one, or its sum turned round).
func TestPageFaultAtTheEdges(t *testing.T) {
	whole, w := demoPages(t, 5)
	newest := uint64(0)
	if ne.Uint64(whole[w.ps+pageHeader+48:]) > ne.Uint64(whole[pageHeader+48:]) {
		newest = w.ps
	}
	full := (w.ps - pageHeader) / 8 // the ids a freelist page holds
	for name, c := range map[string]struct {
		change func(d []byte)
		want   string
	}{
		"the root at the high-water mark": {func(d []byte) { setMeta(d, newest, 16, w.hw) }, "outside the file's"},
		"the root running up to it": {func(d []byte) {
			ne.PutUint32(d[w.root*w.ps+12:], uint32(w.hw-w.root))
		}, "runs past the end of the file"},
		"a freelist listing the high-water mark": {func(d []byte) {
			fl := d[w.freelist*w.ps:]
			ne.PutUint64(fl[pageHeader:], w.hw)
		}, "outside the file"},
		"the root holding more elements than fit": {func(d []byte) {
			ne.PutUint16(d[w.root*w.ps+10:], uint16((w.ps-pageHeader)/elementSize+50))
		}, "holds more elements than fit"},
		"a freelist longer than its page": {func(d []byte) {
			ne.PutUint16(d[w.freelist*w.ps+10:], uint16(full+90))
		}, "runs past its page"},
	} {
		d := append([]byte(nil), whole...)
		c.change(d)
		if got := pageFault(d[:len(d):len(d)]); !strings.Contains(got, c.want) {
			t.Errorf("%s: pageFault = %q, want %q", name, got, c.want)
		}
	}
	d := append([]byte(nil), whole...)
	ne.PutUint16(d[w.freelist*w.ps+10:], uint16(full)) // fills the page exactly
	if got := pageFault(d); got == "" || strings.Contains(got, "runs past its page") {
		t.Errorf("a freelist filling its page: pageFault = %q, want a fault in what it lists", got)
	}
}

// Files of the smallest and largest page sizes bbolt is given are read
// whole (fails when either bound is refused).
func TestPageFaultReadsFilesOfEveryPageSize(t *testing.T) {
	for _, size := range []int{1024, 1 << 16} {
		data := boltFileOf(t, size, "k")
		if got := pageFault(data); got != "" {
			t.Errorf("a file of %d-byte pages: %q", size, got)
		}
	}
}

// An element whose value runs past its page is named, whatever its key's
// size (fails when the key's size is taken off instead of added).
func TestPageFaultOfAValuePastItsPage(t *testing.T) {
	data, w := demoPages(t, 0)
	root := data[w.root*w.ps : (w.root+1)*w.ps]
	e := root[pageHeader : pageHeader+elementSize] // the first element: a leaf's
	start := pageHeader + uint64(ne.Uint32(e[4:]))
	ne.PutUint32(e[12:], uint32(w.ps-start)) // its key then takes it past the page
	if got := pageFault(data); !strings.Contains(got, "lies outside the page") {
		t.Errorf("pageFault = %q, want the element named outside its page", got)
	}
}

// Keys out of order, or the same key twice, are named (fails when the
// order is not checked, or equal keys pass).
func TestPageFaultOfKeysOutOfOrder(t *testing.T) {
	whole := boltFileOf(t, 0, "k1", "k2", "k3")
	if got := pageFault(whole); got != "" {
		t.Fatalf("the whole file: %q", got)
	}
	for name, key := range map[string]string{"out of order": "k3", "twice": "k1"} {
		data := append([]byte(nil), whole...)
		i := bytes.Index(data, []byte("k2x"))
		if i < 0 {
			t.Fatal("no k2 in the file")
		}
		copy(data[i:], key)
		if got := pageFault(data); !strings.Contains(got, "out of order") {
			t.Errorf("a key %s: pageFault = %q", name, got)
		}
	}
}

// demoPages is the bytes of a demo file after notes more notes (each frees
// some pages), closed, and the walk's reading of its meta pages.
func demoPages(t *testing.T, notes int) ([]byte, *pageWalk) {
	t.Helper()
	s, negID := demoStore(t)
	for range notes {
		saveNoteT(t, s, negID, "frees some pages")
	}
	s.Close()
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	w := &pageWalk{data: data}
	if !w.readMeta() {
		t.Fatal("the demo file's meta pages cannot be read")
	}
	return data, w
}

// boltFileOf is the bytes of a bbolt file of pageSize-byte pages (0: the
// system's) holding one bucket with keys, each of value "x".
func boltFileOf(t *testing.T, pageSize int, keys ...string) []byte {
	t.Helper()
	path := tempDB(t)
	db, err := bolt.Open(path, 0o600, &bolt.Options{PageSize: pageSize})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		for _, k := range keys {
			if err := b.Put([]byte(k), []byte("x")); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
