package serve

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// client is a terminal the screen draws on, and everything written to it.
type client struct {
	emu     *vt.SafeEmulator
	written bytes.Buffer
}

func (c *client) Write(p []byte) (int, error) {
	c.written.Write(p)
	return c.emu.Write(p)
}

// lines is what the client's screen shows, each line without its trailing
// blanks.
func (c *client) lines() []string {
	rows := strings.Split(ansi.Strip(c.emu.Render()), "\n")
	for i, r := range rows {
		rows[i] = strings.TrimRight(r, " ")
	}
	return rows
}

func wantLines(t *testing.T, c *client, step string, want ...string) {
	t.Helper()
	got := c.lines()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: the client shows\n%q\nwant\n%q", step, got, want)
	}
}

// Each frame leaves the client's screen as the frame is, whatever was on
// it before: lines that got shorter, fewer lines, a line too wide for the
// terminal, a new size. Only the lines that changed are sent.
func TestTheScreenShowsEachFrameAsItIs(t *testing.T) {
	c := &client{emu: vt.NewSafeEmulator(10, 3)}
	s := &screen{out: c}
	draw := func(view string, w, h int, whole bool) {
		t.Helper()
		c.written.Reset()
		if err := s.draw(view, w, h, whole); err != nil {
			t.Fatal(err)
		}
	}
	draw("alpha\nbravo\ncharlie", 10, 3, true)
	wantLines(t, c, "the first frame", "alpha", "bravo", "charlie")
	if !c.emu.IsAltScreen() || !c.emu.CursorHidden() {
		t.Errorf("the first frame: alternate screen %v, cursor hidden %v; want both", c.emu.IsAltScreen(), c.emu.CursorHidden())
	}
	draw("alpha\nbr\ncharlie", 10, 3, false)
	wantLines(t, c, "a line shorter", "alpha", "br", "charlie")
	if w := c.written.String(); strings.Contains(w, "alpha") || strings.Contains(w, "charlie") {
		t.Errorf("a line shorter: lines that did not change were sent again: %q", w)
	}
	draw("alpha", 10, 3, false)
	wantLines(t, c, "fewer lines", "alpha", "", "")
	draw("0123456789ABC\nnext", 10, 3, false)
	wantLines(t, c, "a line too wide", "0123456789", "next", "")
	draw("same", 10, 3, false)
	draw("same", 10, 3, false)
	if c.written.Len() != 0 {
		t.Errorf("the same frame again wrote %q", c.written.String())
	}
	c.emu.Resize(6, 2)
	draw("resize\nd", 6, 2, true)
	wantLines(t, c, "a new size", "resize", "d")
	draw("one\ntwo\nthree", 6, 2, false)
	wantLines(t, c, "a frame taller than the terminal", "two", "three")
	s.started = true
	s.done, s.gone = make(chan struct{}), make(chan struct{})
	close(s.gone)
	s.close()
	if c.emu.IsAltScreen() || c.emu.CursorHidden() {
		t.Errorf("closed: alternate screen %v, cursor hidden %v; want neither", c.emu.IsAltScreen(), c.emu.CursorHidden())
	}
}

// The workbench's frames reach the client through the screen's writer: a
// burst of frames ends with the last one on the client's screen, and a new
// size draws it whole. What the workbench has not kept yet is still asked
// of it through the frame.
func TestAFramedWorkbenchReachesTheClient(t *testing.T) {
	c := &client{emu: vt.NewSafeEmulator(12, 2)}
	s := newScreen(c)
	f := tea.Model(framed{Model: &views{}, scr: s})
	f, _ = f.Update(tea.WindowSizeMsg{Width: 12, Height: 2})
	for i := range 50 {
		f, _ = f.Update(i)
		if v := f.View(); v != "" {
			t.Fatalf("the program's own renderer was given %q", v)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && strings.Join(c.lines(), "\n") != "frame 49\nsecond line" {
		time.Sleep(time.Millisecond)
	}
	wantLines(t, c, "after fifty frames", "frame 49", "second line")
	s.close()
	if got := f.(framed).Unsaved(); got["k"] != "typed" {
		t.Errorf("Unsaved through the frame: %v", got)
	}
}

// views is a workbench that shows the last message it took.
type views struct{ last int }

func (v *views) Init() tea.Cmd { return nil }
func (v *views) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if n, ok := msg.(int); ok {
		v.last = n
	}
	return v, nil
}
func (v *views) View() string               { return "frame " + strconv.Itoa(v.last) + "\nsecond line" }
func (v *views) Unsaved() map[string]string { return map[string]string{"k": "typed"} }

// BenchmarkScreenWholeFrame is a frame whose every line changed (tab moves
// the focus, and every pane's border takes another colour) drawn over the
// last, at 120×40 with true-colour escapes on every border and title.
func BenchmarkScreenWholeFrame(b *testing.B) {
	frame := func(colour string) string {
		border := "\x1b[38;2;" + colour + "m│\x1b[0m"
		lines := make([]string, 40)
		for i := range lines {
			left := fmt.Sprintf(" %2d List price per case    24.50    23.40   1.10  205,420.93 EUR", i)
			right := " #6 they Payment terms   75→60 · ±0 "
			left += strings.Repeat(" ", 68-utf8.RuneCountInString(left))
			right += strings.Repeat("─", 48-utf8.RuneCountInString(right))
			lines[i] = border + left + border + border + right + border // 120 cells
		}
		return strings.Join(lines, "\n")
	}
	frames := [2]string{frame("121;192;255"), frame("72;79;88")}
	s := &screen{out: io.Discard}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := s.draw(frames[i%2], 120, 40, false); err != nil {
			b.Fatal(err)
		}
	}
}
