package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
)

// pageFault walks the pages of a bbolt file, as its bytes (read, not
// mapped), the way bbolt will read them: from the newer valid meta page,
// the freelist and every bucket's tree, each page's header, elements, keys
// and values within its bounds, no page reached twice, none both free and
// in use, none lost. It returns what is wrong in a few words, "" when
// nothing is. It is bbolt's own check (tx.Check) without its two dangers:
// that check reads the mapping in a goroutine of its own, where a page
// that points past the mapping crashes the process instead of raising a
// panic Parley can recover, and it costs 65 ms on the large negotiation
// against this walk's few.
func pageFault(data []byte) string {
	w := &pageWalk{data: data}
	if !w.readMeta() {
		return "neither meta page can be read"
	}
	if w.hw*w.ps > uint64(len(data)) || w.hw < 2 {
		return fmt.Sprintf("it is cut short: %d pages of data in a %d-byte file", w.hw, len(data))
	}
	w.seen = make([]byte, w.hw)
	w.seen[0], w.seen[1] = inUse, inUse
	if w.freelist != noFreelist {
		if msg := w.readFreelist(); msg != "" {
			return msg
		}
	}
	if msg := w.page(w.root, 0); msg != "" {
		return msg
	}
	for id, s := range w.seen {
		if s == 0 {
			return fmt.Sprintf("page %d is neither in use nor free", id)
		}
	}
	return ""
}

const (
	noFreelist = ^uint64(0)
	inUse      = 1
	free       = 2

	branchPage   = 0x01
	leafPage     = 0x02
	freelistPage = 0x10
	bucketLeaf   = 0x01
	pageHeader   = 16
	elementSize  = 16
	bucketHeader = 16
	maxDepth     = 64 // far deeper than any tree bbolt builds
)

type pageWalk struct {
	data                   []byte
	ps, hw, root, freelist uint64
	seen                   []byte
}

var ne = binary.NativeEndian

// readMeta takes the valid meta page with the higher transaction, as bbolt does.
func (w *pageWalk) readMeta() bool {
	var best uint64
	found := false
	for i, off := range []uint64{0, 0} {
		if i == 1 {
			if w.ps == 0 {
				off = 4096
			} else {
				off = w.ps
			}
		}
		if off+pageHeader+64 > uint64(len(w.data)) {
			continue
		}
		m := w.data[off+pageHeader : off+pageHeader+64]
		sum := fnv.New64a()
		sum.Write(m[:56])
		if ne.Uint32(m[0:]) != 0xED0CDAED || sum.Sum64() != ne.Uint64(m[56:]) {
			continue
		}
		ps := uint64(ne.Uint32(m[8:]))
		if ps < 1024 || ps > 1<<16 {
			continue
		}
		if tx := ne.Uint64(m[48:]); !found || tx > best {
			best, found = tx, true
			w.ps, w.root, w.freelist, w.hw = ps, ne.Uint64(m[16:]), ne.Uint64(m[32:]), ne.Uint64(m[40:])
		}
	}
	return found
}

// pageAt is page id with its overflow, or a fault.
func (w *pageWalk) pageAt(id uint64) ([]byte, string) {
	if id < 2 || id >= w.hw {
		return nil, fmt.Sprintf("a page points at page %d, outside the file's %d", id, w.hw)
	}
	head := w.data[id*w.ps:]
	if ne.Uint64(head) != id {
		return nil, fmt.Sprintf("page %d says it is page %d", id, ne.Uint64(head))
	}
	overflow := uint64(ne.Uint32(head[12:]))
	if id+overflow >= w.hw {
		return nil, fmt.Sprintf("page %d runs past the end of the file", id)
	}
	for i := id; i <= id+overflow; i++ {
		switch w.seen[i] {
		case inUse:
			return nil, fmt.Sprintf("page %d is used twice", i)
		case free:
			return nil, fmt.Sprintf("page %d is in use and listed as free", i)
		}
		w.seen[i] = inUse
	}
	return w.data[id*w.ps : (id+overflow+1)*w.ps], ""
}

func (w *pageWalk) readFreelist() string {
	p, msg := w.pageAt(w.freelist)
	if msg != "" {
		return "the freelist: " + msg
	}
	if ne.Uint16(p[8:])&freelistPage == 0 {
		return "the freelist page is not a freelist"
	}
	idx, count := uint64(0), uint64(ne.Uint16(p[10:]))
	if count == 0xFFFF {
		idx, count = 1, ne.Uint64(p[pageHeader:])
	}
	if pageHeader+(idx+count)*8 > uint64(len(p)) {
		return "the freelist runs past its page"
	}
	for i := idx; i < idx+count; i++ {
		id := ne.Uint64(p[pageHeader+i*8:])
		if id < 2 || id >= w.hw {
			return fmt.Sprintf("the freelist lists page %d, outside the file", id)
		}
		if w.seen[id] != 0 {
			return fmt.Sprintf("the freelist lists page %d, which is in use or listed twice", id)
		}
		w.seen[id] = free
	}
	return ""
}

// page walks the tree under page id (depth guards a loop).
func (w *pageWalk) page(id uint64, depth int) string {
	if depth > maxDepth {
		return "a bucket's tree is deeper than any bbolt makes"
	}
	p, msg := w.pageAt(id)
	if msg != "" {
		return msg
	}
	return w.elements(p, id, depth)
}

// elements checks the elements of a branch or leaf page (p may be an
// inline bucket's page, which has no ID of its own).
func (w *pageWalk) elements(p []byte, id uint64, depth int) string {
	if len(p) < pageHeader {
		return fmt.Sprintf("page %d is cut short", id)
	}
	flags, count := ne.Uint16(p[8:]), uint64(ne.Uint16(p[10:]))
	if flags != branchPage && flags != leafPage {
		return fmt.Sprintf("page %d is of an unknown kind (%#x)", id, flags)
	}
	if pageHeader+count*elementSize > uint64(len(p)) {
		return fmt.Sprintf("page %d holds more elements than fit", id)
	}
	var prev []byte
	for i := uint64(0); i < count; i++ {
		off := pageHeader + i*elementSize
		e := p[off : off+elementSize]
		var pos, ksize, vsize uint64
		if flags == branchPage {
			pos, ksize = uint64(ne.Uint32(e[0:])), uint64(ne.Uint32(e[4:]))
		} else {
			pos, ksize, vsize = uint64(ne.Uint32(e[4:])), uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
		}
		start := off + pos
		if pos == 0 || start+ksize+vsize > uint64(len(p)) {
			return fmt.Sprintf("page %d: element %d lies outside the page", id, i)
		}
		key := p[start : start+ksize]
		if prev != nil && bytes.Compare(prev, key) >= 0 {
			return fmt.Sprintf("page %d: its keys are out of order", id)
		}
		prev = key
		if flags == branchPage {
			if msg := w.page(ne.Uint64(e[8:]), depth+1); msg != "" {
				return msg
			}
			continue
		}
		if ne.Uint32(e[0:])&bucketLeaf == 0 {
			continue
		}
		value := p[start+ksize : start+ksize+vsize]
		if len(value) < bucketHeader {
			return fmt.Sprintf("page %d: a bucket's header is cut short", id)
		}
		if root := ne.Uint64(value); root != 0 {
			if msg := w.page(root, depth+1); msg != "" {
				return msg
			}
		} else if msg := w.elements(value[bucketHeader:], id, depth+1); msg != "" {
			return msg
		}
	}
	return ""
}
