package tui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/store"
)

// TestProgramWelcomeDemoQuit runs the workbench as a real Bubble Tea program
// (teatest) at 80×24 and 140×40: welcome, d for the demo, the agenda, q.
func TestProgramWelcomeDemoQuit(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		path := filepath.Join(t.TempDir(), "parley.db")
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		m := New(desk.New(s, ""), Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }, BriefDir: t.TempDir()})
		tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
		waitFor(t, tm, "Welcome to Parley")
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d")})
		waitFor(t, tm, "List price pe")
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
		tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s, err = store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		negs, err := s.Negotiations()
		s.Close()
		if err != nil || len(negs) != 1 {
			t.Fatalf("after the program: %d negotiations, %v", len(negs), err)
		}
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}
