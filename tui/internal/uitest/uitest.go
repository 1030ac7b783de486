// Package uitest is what the component tests share: the demo negotiation as
// the components see it (a vocab.Snapshot built as the root builds one, without
// the root or the store), keys by name, the message a command delivers, and
// a drawing checked for its size. Only tests import it.
package uitest

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Now is the fixed clock of the component tests (the root's tests use the same).
var Now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// Clock always says Now.
func Clock() time.Time { return Now }

// Styles renders without colour, as with NO_COLOR, so that drawings compare
// as plain text and the selected row shows by its marker alone.
func Styles() *ui.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return ui.NewStyles(r)
}

// Demo is the demo negotiation as the root holds it once loaded: cleaned
// and sorted.
func Demo() *model.Dossier {
	d := model.Demo(Now)
	d.Clean()
	d.Sort()
	return d
}

// Snapshot is d as the root hands it to the components after a change:
// replayed, its deal priced, and (privacy off) the figures that keep us
// ahead worked out, as the root's command delivers them.
func Snapshot(d *model.Dossier, private bool) *vocab.Snapshot {
	r := d.Replay()
	s := &vocab.Snapshot{D: d, R: r, Deal: r.Deal(), Private: private, St: Styles()}
	if !private {
		s.Ahead = r.Outlook(Now)
	}
	return s
}

// DemoSnapshot is the demo's snapshot.
func DemoSnapshot(private bool) *vocab.Snapshot { return Snapshot(Demo(), private) }

// Key is a key press by name: "enter", "esc", "up", "ctrl+s", … or runes.
func Key(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "ctrl+s": tea.KeyCtrlS, "ctrl+u": tea.KeyCtrlU,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"shift+up": tea.KeyShiftUp, "shift+down": tea.KeyShiftDown, " ": tea.KeySpace,
	}
	if t, ok := named[k]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: t, Runes: []rune{' '}}
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// Keyed is a component that takes keys: a pane, a form, a dialog.
type Keyed interface{ Update(msg tea.KeyMsg) tea.Cmd }

// Press sends keys by name to c, failing if any asks the root for something.
func Press(t *testing.T, c Keyed, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if msgs := Msgs(c.Update(Key(k))); len(msgs) > 0 {
			t.Fatalf("key %q asks %#v", k, msgs)
		}
	}
}

// Keys are the key presses of each rune of text, as typed.
func Keys(text string) []tea.KeyMsg {
	out := make([]tea.KeyMsg, 0, len(text))
	for _, r := range text {
		out = append(out, Key(string(r)))
	}
	return out
}

// Msg is the one message cmd delivers; it fails the test when there is
// none or more than one.
func Msg(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	msgs := Msgs(cmd)
	if len(msgs) != 1 {
		t.Fatalf("the command delivers %d messages, want 1: %#v", len(msgs), msgs)
	}
	return msgs[0]
}

// Msgs are the messages cmd delivers, batches opened and nil ones left
// out. (The components' cursors do not blink: no command here waits.)
func Msgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, Msgs(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// As is the message cmd delivers as a T; it fails the test when it is
// something else.
func As[T any](t *testing.T, cmd tea.Cmd) T {
	t.Helper()
	msg := Msg(t, cmd)
	v, ok := msg.(T)
	if !ok {
		var want T
		t.Fatalf("the command delivers %T %+v, want a %T", msg, msg, want)
	}
	return v
}

// Screen is a drawing of w×h as text; it fails the test unless the drawing
// is exactly that size, as the root's frames need.
func Screen(t *testing.T, lines []string, w, h int) string {
	t.Helper()
	if len(lines) != h {
		t.Fatalf("drawn %d lines, want %d:\n%s", len(lines), h, strings.Join(lines, "\n"))
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, got, w, l)
		}
	}
	return ansi.Strip(strings.Join(lines, "\n"))
}

// Line is the first line of screen that contains part, "" when none does.
func Line(screen, part string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}

// Pane is what every pane package's Pane has.
type Pane interface {
	SetSize(w, h int)
	SetData(s *vocab.Snapshot)
	View(focused bool) []string
}

// Place sizes the pane to w×h and gives it s.
func Place[P Pane](p P, s *vocab.Snapshot, w, h int) P {
	p.SetSize(w, h)
	p.SetData(s)
	return p
}

// PaneScreen is the pane drawn focused, failing unless it is exactly w×h.
func PaneScreen(t *testing.T, p Pane, w, h int) string {
	t.Helper()
	return Screen(t, p.View(true), w, h)
}

// WantMarked fails unless the row marked › of the pane at 80×24 contains row.
func WantMarked(t *testing.T, p Pane, row string) {
	t.Helper()
	s := PaneScreen(t, p, 80, 24)
	if l := Line(s, "›"); !strings.Contains(l, row) {
		t.Fatalf("the selected row is %q, want %q:\n%s", l, row, s)
	}
}
