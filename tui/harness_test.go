package tui

import (
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// testNow is the fixed clock of the workbench tests.
var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// harness drives the real root model by direct Update calls, running the
// commands it returns (store writes included) until nothing is left, except
// timers, which wait until the test fires them.
type harness struct {
	t      *testing.T
	m      *Model
	store  *store.Store
	sess   *desk.Session // the workbench's session on store
	path   string
	now    time.Time
	mu     sync.Mutex
	timers []func(time.Time) tea.Msg
	waits  []<-chan desk.Event // the workbench waits for a commit to the file
	quit   bool
}

// asciiRenderer renders without colour, so screens compare as plain text.
func asciiRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return r
}

// newHarness opens a fresh store (with the demo when demo is true) and
// starts the workbench on it at w×h.
func newHarness(t *testing.T, demo bool, w, h int) *harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if demo {
		// The follow-up tests start from the demo without its checklist
		// (the demo gained one with the meeting record, issue 13).
		d := model.Demo(testNow)
		d.FollowUps = nil
		if _, err := s.AddDossier(d); err != nil {
			t.Fatal(err)
		}
	}
	return startHarness(t, s, path, Options{}, w, h)
}

// startHarness starts the workbench on an open store.
func startHarness(t *testing.T, s *store.Store, path string, opts Options, w, h int) *harness {
	t.Helper()
	return startHarnessAs(t, s, path, "", opts, w, h)
}

// startHarnessAs starts the workbench on an open store as one of its people.
func startHarnessAs(t *testing.T, s *store.Store, path, person string, opts Options, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, store: s, path: path, now: testNow}
	opts.Renderer = asciiRenderer()
	opts.Now = func() time.Time { return hs.now }
	opts.BriefDir = t.TempDir()
	opts.Tick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			hs.mu.Lock()
			hs.timers = append(hs.timers, fn)
			hs.mu.Unlock()
			return nil
		}
	}
	hs.sess = desk.New(s, person)
	hs.m = New(hs.sess, opts)
	hs.m.waitEvent = func(events <-chan desk.Event) tea.Cmd {
		return func() tea.Msg {
			hs.mu.Lock()
			hs.waits = append(hs.waits, events)
			hs.mu.Unlock()
			return nil
		}
	}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// send delivers one message and runs what it starts.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

// run executes commands and feeds their messages back until none is left.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	h.runHolding(cmd, nil)
}

// runHolding is run, but the messages hold says yes to are held back from
// the model and returned.
func (h *harness) runHolding(cmd tea.Cmd, hold func(tea.Msg) bool) (held []tea.Msg) {
	h.t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		default:
			if hold != nil && hold(msg) {
				held = append(held, msg)
				continue
			}
			_, next := h.m.Update(msg)
			queue = append(queue, next)
		}
	}
	return held
}

// fireTimers delivers every timer scheduled so far, as if its time had come.
func (h *harness) fireTimers() {
	h.t.Helper()
	h.mu.Lock()
	timers := h.timers
	h.timers = nil
	h.mu.Unlock()
	for _, fn := range timers {
		h.send(fn(h.now))
	}
}

// awaitEvent lets the workbench's wait for a commit end: it blocks until
// the event comes (failing the test after 10 s, so that a broken test does
// not hang) and hands over what the wait would have.
func (h *harness) awaitEvent() {
	h.t.Helper()
	h.mu.Lock()
	waits := h.waits
	h.waits = nil
	h.mu.Unlock()
	if len(waits) != 1 {
		h.t.Fatalf("the workbench waits for %d event channels, want 1", len(waits))
	}
	select {
	case <-waits[0]:
		h.send(pollMsg{})
	case <-time.After(10 * time.Second):
		h.t.Fatal("no event came")
	}
}

// typeText types each rune as a key press.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		switch r {
		case ' ':
			h.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
		default:
			h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
}

// press sends named keys: "enter", "esc", "tab", "up", "ctrl+s", or a single rune.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"backspace": tea.KeyBackspace, "ctrl+s": tea.KeyCtrlS, "ctrl+r": tea.KeyCtrlR, "ctrl+c": tea.KeyCtrlC,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"shift+up": tea.KeyShiftUp, "shift+down": tea.KeyShiftDown, "delete": tea.KeyDelete, "ctrl+u": tea.KeyCtrlU,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// resize changes the terminal size.
func (h *harness) resize(w, hgt int) { h.send(tea.WindowSizeMsg{Width: w, Height: hgt}) }

// screen is what the terminal shows, without escapes.
func (h *harness) screen() string { return ansi.Strip(h.m.View()) }

// wantScreen fails unless the screen shows every part.
func (h *harness) wantScreen(parts ...string) {
	h.t.Helper()
	s := h.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			h.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
}

// lackModal fails if the modal on top (drawn over the panes) shows any
// part: what the panes behind it show does not count.
func (h *harness) lackModal(parts ...string) {
	h.t.Helper()
	top := h.m.top()
	if top == nil {
		h.t.Fatalf("no modal is open:\n%s", h.screen())
	}
	s := ansi.Strip(strings.Join(top.View(h.m.width, h.m.bodyHeight()), "\n"))
	for _, p := range parts {
		if strings.Contains(s, p) {
			h.t.Fatalf("the modal shows %q:\n%s", p, s)
		}
	}
}

// lackScreen fails if the screen shows any part.
func (h *harness) lackScreen(parts ...string) {
	h.t.Helper()
	s := h.screen()
	for _, p := range parts {
		if strings.Contains(s, p) {
			h.t.Fatalf("screen shows %q:\n%s", p, s)
		}
	}
}

// dossier reads the open negotiation back from the store.
func (h *harness) dossier() *model.Dossier {
	h.t.Helper()
	id, err := h.store.Current()
	if err != nil || id == 0 {
		h.t.Fatalf("no current negotiation: %v", err)
	}
	d, err := h.store.Dossier(id)
	if err != nil {
		h.t.Fatal(err)
	}
	return d
}
