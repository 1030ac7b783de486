package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

func TestRenderMarkdownKeepsStoredControlsOffTheTerminal(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	md := model.EscapeForTerminal("# Brief\n\n| Item | Note |\n| --- | --- |\n| Price | set title \x1b]0;pwned\x07 here |\n")
	out := renderMarkdown(io.Discard, md, 80)
	if strings.Contains(out, "\x1b]0;") || strings.Contains(out, "\x07") {
		t.Errorf("a stored control sequence reached the rendered brief: %q", out)
	}
	if !strings.Contains(out, `\x1b]0;pwned\x07`) {
		t.Errorf("the escaped text is not shown: %q", out)
	}
	if strings.Contains(out, "| --- |") || !strings.Contains(out, "Price") {
		t.Errorf("the table is not rendered: %q", out)
	}
}

func TestBriefPipedIsMarkdown(t *testing.T) {
	db := demoDB(t)
	// A file is no terminal: Markdown as it is.
	var buf bytes.Buffer
	if err := printMarkdown(&buf, "# Brief\n"); err != nil || buf.String() != "# Brief\n" {
		t.Errorf("to a buffer: %q, %v", buf.String(), err)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "brief.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if code := run([]string{"--db", db, "brief"}, f, &buf); code != 0 {
		t.Fatalf("brief to a file: exit %d: %s", code, buf.String())
	}
	data, _ := os.ReadFile(f.Name())
	if !strings.HasPrefix(string(data), "# Hollis Foodstores › 2027 annual terms\n") || !strings.Contains(string(data), "| --- |") {
		t.Errorf("the brief in a file is not Markdown: %.80q", data)
	}
}

func TestBriefOnATerminalIsRendered(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	d := model.Demo(time.Now())
	if _, err := s.AddDossier(d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	term := startTerminal(t, db, 120, 400, "brief")
	term.waitFor("Progress: 0/13")
	if err := term.wait(); err != nil {
		t.Fatalf("brief: %v", err)
	}
	screen := term.screen()
	if strings.Contains(screen, "| --- |") {
		t.Errorf("the brief on a terminal is raw Markdown:\n%s", screen)
	}
	for _, want := range []string{"Meeting record", "Next meeting", "Dana Whitlock"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the rendered brief lacks %q", want)
		}
	}
}

// Go runs the init of every package linked into the binary before main, so a
// package that only the brief needs costs every command: glamour's Markdown
// parser, HTML sanitizer and CSS parser took about 11 ms of each start
// (issue 23). The brief is rendered by internal/termmd, and none of them is
// linked.
func TestCommandsStartWithoutAMarkdownLibrary(t *testing.T) {
	cmd := exec.Command(binary(t), "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("version: %v: %s", err, out)
	}
	if !strings.Contains(string(out), "init github.com/charmbracelet/lipgloss") {
		t.Fatalf("inittrace shows no package init; the test looks in the wrong place: %.300s", out)
	}
	for _, heavy := range []string{"glamour", "goldmark", "bluemonday", "gorilla/css", "chroma", "golang.org/x/net/html"} {
		if strings.Contains(string(out), heavy) {
			t.Errorf("every command initialises %s", heavy)
		}
	}
}

// A fenced block in a note prints as its text on a terminal.
func TestRenderMarkdownPrintsCodeAsItIs(t *testing.T) {
	out := renderMarkdown(io.Discard, "# Brief\n\n```go\nfunc price() int { return 42 }\n```\n", 80)
	if !strings.Contains(out, "func price() int { return 42 }") {
		t.Errorf("the code is not printed whole: %q", out)
	}
}
