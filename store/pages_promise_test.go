package store

import (
	"os"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
)

// Promises of the page walk (pageFault) that a mutation run found no test
// holding: each kind of damage is named, and a file whose first meta page
// is damaged is read from the second, as bbolt does.
func TestPageFaultNamesEachKindOfDamage(t *testing.T) {
	s, negID := demoStore(t)
	for range 5 { // free some pages
		if _, err := s.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "a note"}, now, 0, "", true); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	whole, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	w := &pageWalk{data: whole}
	if !w.readMeta() || pageFault(whole) != "" {
		t.Fatalf("the whole file: %q", pageFault(whole))
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
	s, _ := demoStore(t)
	s.Close()
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	w := &pageWalk{data: data}
	w.readMeta()
	for _, n := range []int{40, int(w.ps) + pageHeader + 63} {
		cut := data[:n:n] // no room past the end, as a file read whole
		if got := pageFault(cut); got == "" {
			t.Errorf("a file of %d bytes: no fault found", n)
		}
	}
}
