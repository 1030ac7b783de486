package serve

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/tui/ui"
)

// A session's frames. Bubble Tea's renderer sends a frame at its next tick,
// 120 a second at most: a key waited up to 8 ms for its frame on an idle
// server, and the ticks of fifty sessions woke the server six thousand
// times a second whether anything had changed or not. Here a frame goes to
// the client as soon as it differs from the one on the client's screen,
// and the next no sooner than frameGap after it (a burst of messages is one
// frame a gap), written by a goroutine of the session's own so that a slow
// client never holds the workbench. Only the lines that changed are sent.

// frameGap is the least time between two frames of one session.
const frameGap = time.Second / 120

// screen is what one session's client shows, and the frames on their way.
type screen struct {
	out  io.Writer
	wake chan struct{} // a frame or a size is waiting
	done chan struct{} // the workbench ended
	gone chan struct{} // the writer stopped
	once sync.Once     // close's

	mu      sync.Mutex
	view    string // the newest frame
	w, h    int    // the client's size
	resized bool   // the size changed since the last frame: draw it whole

	// The writer's own.
	shown   []string // the lines on the client's screen, as drawn
	started bool     // the alternate screen is on
	buf     bytes.Buffer
}

// Sequences that set the client's terminal up for the workbench (the
// alternate screen, no cursor, pasted text marked) and set it back.
const (
	screenOn  = ansi.SetModeAltScreenSaveCursor + ansi.EraseEntireScreen + ansi.CursorHomePosition + ansi.HideCursor + ansi.SetModeBracketedPaste
	screenOff = ansi.ResetModeBracketedPaste + ansi.ShowCursor + ansi.ResetModeAltScreenSaveCursor
)

func newScreen(out io.Writer) *screen {
	s := &screen{out: out, wake: make(chan struct{}, 1), done: make(chan struct{}), gone: make(chan struct{})}
	go s.run()
	return s
}

// resize takes the client's new size: the next frame is drawn whole.
func (s *screen) resize(w, h int) {
	s.mu.Lock()
	s.w, s.h, s.resized = max(0, w), max(0, h), true
	s.mu.Unlock()
	s.poke()
}

// show takes the workbench's newest frame.
func (s *screen) show(view string) {
	s.mu.Lock()
	changed := view != s.view
	s.view = view
	s.mu.Unlock()
	if changed {
		s.poke()
	}
}

func (s *screen) poke() {
	select {
	case s.wake <- struct{}{}:
	default: // one is waiting already: it takes the newest frame
	}
}

// run writes the frames until the workbench ends or the client is gone.
func (s *screen) run() {
	defer close(s.gone)
	var last time.Time
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		if wait := frameGap - time.Since(last); wait > 0 {
			pause := time.NewTimer(wait)
			select {
			case <-s.done:
				pause.Stop()
				return
			case <-pause.C:
			}
		}
		s.mu.Lock()
		view, w, h, whole := s.view, s.w, s.h, s.resized
		s.resized = false
		s.mu.Unlock()
		if err := s.draw(view, w, h, whole); err != nil {
			return // the client is gone: the session ends by its own way
		}
		last = time.Now()
	}
}

// draw brings the client's screen from the lines shown to view's, w×h.
func (s *screen) draw(view string, w, h int, whole bool) error {
	if w == 0 || h == 0 {
		return nil // no size yet: nothing can be placed
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		lines = lines[len(lines)-h:] // the bottom, as Bubble Tea's renderer keeps: never scroll the client
	}
	b := &s.buf
	b.Reset()
	switch {
	case !s.started:
		b.WriteString(screenOn)
		s.started, s.shown = true, nil
	case whole:
		b.WriteString(ansi.EraseEntireScreen)
		s.shown = nil
	}
	for i, line := range lines {
		if i < len(s.shown) && s.shown[i] == line {
			continue
		}
		b.WriteString(ansi.CursorPosition(1, i+1))
		width := ui.TextWidth(line) // the workbench's own measure: colours skipped, plain characters from a table
		if width > w {
			line, width = ansi.Truncate(line, w, ""), w // a line too wide would wrap and push the screen up
		}
		b.WriteString(line)
		if width < w {
			b.WriteString(ansi.EraseLineRight)
		}
	}
	if len(lines) < len(s.shown) {
		b.WriteString(ansi.CursorPosition(1, len(lines)+1) + ansi.EraseScreenBelow)
	}
	s.shown = lines
	if b.Len() == 0 {
		return nil
	}
	_, err := s.out.Write(b.Bytes())
	return err
}

// close stops the frames, and sets the client's terminal back as it was
// before the workbench (once its last frame is written).
func (s *screen) close() {
	s.once.Do(func() {
		close(s.done)
		<-s.gone
		if s.started {
			_, _ = io.WriteString(s.out, screenOff)
		}
	})
}

// framed is the workbench drawn by a screen: each frame the program asks
// of it goes to the screen, and the program's own renderer draws nothing.
type framed struct {
	tea.Model
	scr *screen
}

func (f framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		f.scr.resize(size.Width, size.Height)
	}
	m, cmd := f.Model.Update(msg)
	return framed{m, f.scr}, cmd
}

func (f framed) View() string {
	f.scr.show(f.Model.View())
	return ""
}

// Unsaved is the workbench's text not yet kept (keepTyped asks it).
func (f framed) Unsaved() map[string]string {
	if wb, ok := f.Model.(interface{ Unsaved() map[string]string }); ok {
		return wb.Unsaved()
	}
	return nil
}
