package main

import (
	"bytes"
	"os"
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
