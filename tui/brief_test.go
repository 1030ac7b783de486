package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
)

// TestDocumentsAreBuiltInACommand: E and M return a command and build
// nothing in Update (which allocates a small fraction of what building the
// document does); the file appears only once the command runs, and holds
// the negotiation as it was when the key was pressed, though the workbench
// took a change meanwhile.
func TestDocumentsAreBuiltInACommand(t *testing.T) {
	for _, tc := range []struct {
		name, file, status string
		msg                tea.Msg
		build              func(d *model.Dossier)
	}{
		{"brief", "*brief-*.md", "Brief written to", keyMsg("E"),
			func(d *model.Dossier) { model.Brief(d, model.BriefOptions{Now: testNow}) }},
		{"minutes", "*minutes-meeting-2.md", "Minutes of meeting 2 written to", vocab.MinutesMsg{Meeting: 2},
			func(d *model.Dossier) { _, _ = model.Minutes(d, 2, testNow) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }, BriefDir: dir})
			m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
			m.setDossier(model.Demo(testNow))
			d := m.snap.D
			var cmd tea.Cmd
			press := testing.AllocsPerRun(1, func() { _, cmd = m.Update(tc.msg) })
			build := testing.AllocsPerRun(1, func() { tc.build(d) })
			if cmd == nil {
				t.Fatal("no command")
			}
			if press*10 > build {
				t.Errorf("Update allocates %.0f times, building the document %.0f: it builds the document itself", press, build)
			}
			if files, _ := filepath.Glob(filepath.Join(dir, tc.file)); len(files) != 0 {
				t.Fatalf("written by Update: %v", files)
			}
			title := d.Items[0].Title
			it := d.Items[0]
			it.Title = "Changed since"
			m.follow(act.SaveItem(d.Negotiation.ID, it)) // a save reaching the file meanwhile
			if m.snap.D.Items[0].Title != "Changed since" {
				t.Fatal("the workbench did not take the change")
			}
			msg, ok := cmd().(writtenMsg)
			if !ok || msg.err != nil {
				t.Fatalf("the command answered %#v", msg)
			}
			data, err := os.ReadFile(msg.path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), title) || strings.Contains(string(data), "Changed since") {
				t.Errorf("the document is not of the negotiation as it was when asked for:\n%s", data)
			}
			m.Update(msg)
			if !strings.Contains(m.status.text, tc.status) {
				t.Errorf("status %q, want %q", m.status.text, tc.status)
			}
		})
	}
}
