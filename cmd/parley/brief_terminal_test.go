package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// numberToken is a number as the brief writes it: digits with , and .
// between digit groups ("190,000", "24.00", "2027").
var numberToken = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// Issue 18, finding 3: `parley brief` on a terminal of 80, 100 and 140
// columns shows every number and e-mail of the Markdown whole (a number cut
// in two leaves pieces that are other numbers, so each number must appear
// at least as often as in the Markdown), and each header line on its own.
func TestBriefOnATerminalKeepsEveryNumberWhole(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	d := model.Demo(time.Now())
	emails := []string{"dana.whitlock@hollis-foodstores.example", "marc.o@hollis-foodstores.example"}
	d.Account.Contacts[0].Email, d.Account.Contacts[1].Email = emails[0], emails[1]
	if _, err := s.AddDossier(d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, md, stderr := parley(t, "--db", db, "brief")
	if code != exitOK {
		t.Fatalf("brief piped: exit %d: %s", code, stderr)
	}
	want := countTokens(md)
	for _, width := range []int{80, 100, 140} {
		screen := renderedBrief(t, db, width)
		got := countTokens(screen)
		for n, c := range want {
			if got[n] < c {
				t.Errorf("at %d columns %q appears %d times whole, in the Markdown %d", width, n, got[n], c)
			}
		}
		for _, e := range emails {
			if !strings.Contains(screen, e) || strings.Contains(screen, "mailto:") {
				t.Errorf("at %d columns the e-mail %q is not shown whole and plain", width, e)
			}
		}
		for _, head := range []string{"Gap closed: ", "Their offer: ", "Likely landing: "} {
			if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(head)).MatchString(screen) {
				t.Errorf("at %d columns %q does not start a line", width, head)
			}
		}
		if t.Failed() {
			t.Fatalf("the brief at %d columns:\n%s", width, screen)
		}
	}
}

// countTokens counts each number of a text.
func countTokens(text string) map[string]int {
	out := map[string]int{}
	for _, n := range numberToken.FindAllString(text, -1) {
		out[n]++
	}
	return out
}

// renderedBrief runs `parley brief` in a pseudo-terminal width columns wide
// and tall enough for the whole brief, and reads the screen once it exited.
func renderedBrief(t *testing.T, db string, width int) string {
	t.Helper()
	screen, _ := briefOnATerminal(t, db, width, "NO_COLOR=")
	return screen
}

// briefOnATerminal runs `parley brief` in a pseudo-terminal with env added
// to its environment, and returns the screen once it exited and the bytes
// it wrote.
func briefOnATerminal(t *testing.T, db string, width int, env ...string) (screen string, raw []byte) {
	t.Helper()
	const rows = 2000
	cmd := exec.Command(binary(t), "brief")
	// CI is emptied: a terminal's colours are not CI's (termenv takes any
	// CI for a machine with no terminal), and CI runs these tests with it.
	cmd.Env = append(append(os.Environ(), "PARLEY_DB="+db, "TERM=xterm-256color", "CI="), env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(width), Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	emu := vt.NewSafeEmulator(width, rows)
	var written bytes.Buffer
	copied := make(chan struct{})
	go func() { _, _ = io.Copy(io.MultiWriter(emu, &written), f); close(copied) }()
	go func() { _, _ = io.Copy(f, emu) }()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("brief at %d columns: %v", width, err)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("brief at %d columns did not exit", width)
	}
	select { // the pty reads EOF once the program's output is all copied
	case <-copied:
	case <-time.After(5 * time.Second):
		t.Fatalf("brief at %d columns: its output was not all read", width)
	}
	return ansi.Strip(emu.Render()), written.Bytes()
}

// On a terminal the brief is coloured, and NO_COLOR turns every colour off
// (the text the same). Bubble Tea's package init asks every terminal its
// background (OSC 11) whatever the command; that query is not colour.
func TestBriefOnATerminalHonoursNoColor(t *testing.T) {
	db := demoDB(t)
	sgr := regexp.MustCompile("\x1b\\[[0-9;]*m")
	coloured, raw := briefOnATerminal(t, db, 100, "NO_COLOR=")
	if !sgr.Match(raw) {
		t.Fatalf("the brief on a terminal has no colour: %.200q", raw)
	}
	plain, raw := briefOnATerminal(t, db, 100, "NO_COLOR=1")
	if loc := sgr.FindIndex(raw); loc != nil {
		t.Errorf("with NO_COLOR the brief is coloured: %.200q", raw[loc[0]:])
	}
	if plain != coloured {
		t.Errorf("NO_COLOR changed the text:\n%s\nin colour:\n%s", plain, coloured)
	}
}

// The same at every width from 80 to 200 columns, rendered in-process: no
// number cut, and no line wider than the terminal (which would wrap it).
func TestRenderedBriefKeepsNumbersWholeAtEveryWidth(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	now := time.Date(2027, 2, 15, 12, 0, 0, 0, time.UTC)
	d := model.Demo(now)
	d.Account.Contacts[0].Email = "dana.whitlock@hollis-foodstores.example"
	md := model.Brief(d, model.BriefOptions{Now: now})
	want := countTokens(md)
	for width := 80; width <= 200; width += 3 {
		out := renderMarkdown(io.Discard, md, width)
		got := countTokens(out)
		for n, c := range want {
			if got[n] < c {
				t.Errorf("at %d columns %q appears %d times whole, in the Markdown %d", width, n, got[n], c)
			}
		}
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("at %d columns a line is %d wide: %q", width, w, l)
			}
		}
		if !strings.Contains(out, "dana.whitlock@hollis-foodstores.example") {
			t.Errorf("at %d columns the e-mail is not whole", width)
		}
		if t.Failed() {
			t.Fatalf("at %d columns:\n%s", width, out)
		}
	}
}
