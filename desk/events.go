package desk

import (
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/parley-app/parley/act"
)

// Event says that a change was committed to the file.
type Event struct {
	NegotiationID uint64     // the negotiation changed (0: unknown, or none in particular)
	Person        string     // who made it, when made in this process
	Change        act.Change // the change itself, when made in this process through Do
	// Elsewhere: made by another process; Changed on a store session says
	// whether it concerns that session, and the negotiation must be read again.
	Elsewhere bool
	// People: the file's people changed (a session of someone removed ends).
	People bool
}

// hub passes events to every session of one file in this process.
type hub struct {
	path string
	mu   sync.Mutex
	next int
	subs map[int]chan Event
	stop func() // ends the file watch, once no one listens
}

var (
	hubsMu sync.Mutex
	hubs   = map[string]*hub{}
)

// hubFor is the hub of the file at path, shared by every session on it.
func hubFor(path string) *hub {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	hubsMu.Lock()
	defer hubsMu.Unlock()
	h, ok := hubs[path]
	if !ok {
		h = &hub{path: path, subs: map[int]chan Event{}}
		hubs[path] = h
	}
	return h
}

// Events delivers an event for each change committed to the file after
// this call: by any session of this process at once, by another process
// as soon as the file shows it. A slow reader misses intermediate events,
// never the last one. cancel ends them.
func (s *Session) Events() (events <-chan Event, cancel func()) { return s.hub.subscribe() }

func (h *hub) subscribe() (<-chan Event, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id, ch := h.next, make(chan Event, 1)
	h.next++
	h.subs[id] = ch
	if h.stop == nil {
		h.stop = watchFile(h.path, func() { h.publish(Event{Elsewhere: true}) })
	}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if c, ok := h.subs[id]; ok {
			delete(h.subs, id)
			close(c)
		}
		if len(h.subs) == 0 && h.stop != nil {
			h.stop()
			h.stop = nil
		}
	}
}

// publish gives every subscriber the event, never waiting for one: an
// unread event is replaced by the newer one (both say "read again").
func (h *hub) publish(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, ch := range h.subs {
		select {
		case ch <- ev:
		default:
			select {
			case <-ch:
			default:
			}
			ch <- ev
		}
	}
}

// settle is how long the watch waits after the file moved before it says
// so: a commit is several writes (pages, then the meta page), told once.
const settle = 15 * time.Millisecond

// watchFile calls changed whenever the file at path is written by anyone,
// until the returned stop is called. It watches the folder (a file
// replaced by a restore is a new file with the same name). Where the
// system cannot watch, it looks at the file's size and time twice a second.
func watchFile(path string, changed func()) (stop func()) {
	done := make(chan struct{})
	var once sync.Once
	stop = func() { once.Do(func() { close(done) }) }
	w, err := fsnotify.NewWatcher()
	if err == nil {
		err = w.Add(filepath.Dir(path))
	}
	if err != nil {
		if w != nil {
			w.Close()
		}
		go pollFile(path, changed, done)
		return stop
	}
	go func() {
		defer w.Close()
		var fire <-chan time.Time
		for {
			select {
			case <-done:
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Clean(ev.Name) == path && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 && fire == nil {
					fire = time.After(settle)
				}
			case <-w.Errors:
				// A lost event (the queue overflowed): say "read again" anyway.
				fire = time.After(settle)
			case <-fire:
				fire = nil
				changed()
			}
		}
	}()
	return stop
}
