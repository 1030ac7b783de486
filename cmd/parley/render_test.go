package main

import (
	"bytes"
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
	out, err := renderMarkdown(md, 80)
	if err != nil {
		t.Fatal(err)
	}
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
// package that only the brief needs costs every command: the syntax
// highlighter glamour imports parsed its ~250 lexers and 70 styles at each
// start (about 24 ms; issue 23). It is replaced by internal/plaincode.
func TestCommandsStartWithoutTheHighlighter(t *testing.T) {
	cmd := exec.Command(binary(t), "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("version: %v: %s", err, out)
	}
	if !strings.Contains(string(out), "init github.com/charmbracelet/glamour") {
		t.Fatalf("inittrace shows no package init; the test looks in the wrong place: %.300s", out)
	}
	for _, heavy := range []string{"chroma/v2/lexers ", "chroma/v2/formatters ", "dlclark/regexp2 "} {
		if strings.Contains(string(out), heavy) {
			t.Errorf("every command initialises %s", heavy)
		}
	}
}

// A fenced block in a note prints as its text on a terminal, uncoloured.
func TestRenderMarkdownPrintsCodeAsItIs(t *testing.T) {
	t.Setenv("GLAMOUR_STYLE", "dark")
	out, err := renderMarkdown("# Brief\n\n```go\nfunc price() int { return 42 }\n```\n", 80)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "func price() int { return 42 }") {
		t.Errorf("the code is not printed whole: %q", out)
	}
}
