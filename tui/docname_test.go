package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
)

// E and M write their file for any account name and title: the file name
// is capped by bytes (a file system takes 255), cut on a character, and
// keeps the start of the name readable (issue 24, finding 10).
func TestDocumentNamesFitAFileSystem(t *testing.T) {
	for _, name := range []struct{ account, title string }{
		{strings.Repeat("北海道食品株式会社", 8), "2027年度年間契約"},                                          // 72 CJK characters
		{"Northfield " + strings.Repeat("Wholesale ", 20), strings.Repeat("annual terms ", 10)}, // over 212 ASCII
	} {
		for _, msg := range []tea.Msg{keyMsg("E"), vocab.MinutesMsg{Meeting: 2}} {
			dir := t.TempDir()
			m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }, BriefDir: dir})
			m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
			d := model.Demo(testNow)
			d.Account.Name, d.Negotiation.Title = name.account, name.title
			m.setDossier(d)
			_, cmd := m.Update(msg)
			if cmd == nil {
				t.Fatal("no command")
			}
			answer := writtenOf(cmd())
			written, ok := answer.(writtenMsg)
			if !ok || written.err != nil {
				t.Fatalf("%.20s…: the command answered %#v", name.account, answer)
			}
			base := filepath.Base(written.path)
			if len(base) > 160 || !utf8.ValidString(base) {
				t.Errorf("file name of %d bytes: %q", len(base), base)
			}
			first := strings.ToLower(strings.Fields(name.account)[0])
			if !strings.HasPrefix(base, first[:min(len(first), 9)]) {
				t.Errorf("file name %q does not start with the account's name", base)
			}
		}
	}
}

// writtenOf finds the writtenMsg among what a command answered.
func writtenOf(msg tea.Msg) tea.Msg {
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if c == nil {
				continue
			}
			if w, ok := writtenOf(c()).(writtenMsg); ok {
				return w
			}
		}
	}
	return msg
}
