package tui

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
)

// Over SSH the session's renderer has colours while the process's own
// output (lipgloss's default renderer) has none. The text inputs took
// their styles from the default one, so the capture line had no cursor:
// typing a space changed nothing on the screen, and the load test's
// typing waited a second for a frame. Each input now draws with the
// session's renderer.
func TestTheCaptureLineShowsItsCursorWithTheSessionsColours(t *testing.T) {
	m := overSSH(t)
	line := func() string {
		for _, l := range strings.Split(m.View(), "\n") {
			if strings.HasPrefix(ansi.Strip(l), "› ") {
				return l
			}
		}
		t.Fatalf("no capture line on the screen:\n%s", m.View())
		return ""
	}
	for _, k := range "nthe" {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{k}})
	}
	word := line()
	if !strings.Contains(word, "\x1b[7m") {
		t.Errorf("the capture line shows no cursor (reverse video): %q", word)
	}
	m.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	if after := line(); after == word {
		t.Errorf("typing a space left the capture line as it was: %q", after)
	}
}

// A pane's filter line draws its cursor with the session's colours too.
func TestAFilterLineShowsItsCursorWithTheSessionsColours(t *testing.T) {
	m := overSSH(t)
	for _, k := range "1/pri" {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{k}})
	}
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.Contains(ansi.Strip(l), "/ pri") {
			if !strings.Contains(l, "\x1b[7m") {
				t.Errorf("the filter line shows no cursor (reverse video): %q", l)
			}
			return
		}
	}
	t.Fatalf("no filter line on the screen:\n%s", ansi.Strip(m.View()))
}

// overSSH is the workbench on the demo at 120×40 as a team server's session
// has it: its own renderer with the client's colours, while the process's
// own output (lipgloss's default renderer) has none.
func overSSH(t *testing.T) *Model {
	before := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.Ascii) // the server's own output: no terminal
	t.Cleanup(func() { lipgloss.SetColorProfile(before) })
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256) // the client's terminal
	m := New(nil, Options{Renderer: r, Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.setDossier(model.Demo(testNow))
	return m
}
