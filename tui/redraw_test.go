package tui

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/capture"
	"github.com/parley-app/parley/tui/vocab"
)

// On a team server every session takes a message after every commit (the
// count of requests to decide, the negotiation read again) and one after
// every key typed on the capture line (its draft's delay): each drew every
// pane again, the largest part of the server's time during the load
// test's typing burst. Those messages now keep the panes' last drawing,
// and a note read again redraws the notes pane alone.
func TestMessagesThatChangeNoPaneKeepTheirDrawing(t *testing.T) {
	var ticks []tea.Msg
	m := New(nil, Options{Renderer: lipgloss.NewRenderer(io.Discard), Now: func() time.Time { return testNow },
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			ticks = append(ticks, fn(testNow))
			return nil
		}})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	d := model.Demo(testNow)
	m.setDossier(d)
	drawnAfter := func(msg tea.Msg) (kept []paneID) {
		t.Helper()
		_ = m.View()
		m.Update(msg)
		for _, p := range []paneID{m.desk, paneLedger, paneNotes} {
			if m.drawn[p].ok {
				kept = append(kept, p)
			}
		}
		_ = m.View()
		return kept
	}
	all := []paneID{m.desk, paneLedger, paneNotes}
	if kept := drawnAfter(toDecideMsg{n: 2}); !slices.Equal(kept, all) {
		t.Errorf("a count of requests to decide redrew panes: kept %v of %v", kept, all)
	}
	if got := ansi.Strip(m.View()); !strings.Contains(got, "2 to approve") {
		t.Errorf("the count is not on the screen")
	}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	ticks = nil
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a")})
	var tick tea.Msg
	for _, msg := range ticks {
		if capture.Quiet(msg) {
			tick = msg
		}
	}
	if tick == nil {
		t.Fatal("typing on the capture line started no draft delay")
	}
	if kept := drawnAfter(tick); !slices.Equal(kept, all) {
		t.Errorf("the draft's delay redrew panes: kept %v of %v", kept, all)
	}
	if kept := drawnAfter(vocab.DraftKeptMsg{Key: capture.DraftKey(d.Negotiation.ID), Text: "a"}); !slices.Equal(kept, all) {
		t.Errorf("the draft kept redrew panes: kept %v of %v", kept, all)
	}
	again := *d
	again.Notes = append(slices.Clone(d.Notes), model.Note{ID: 9999, Kind: model.KindNote, At: testNow, Text: "from another session"})
	if kept := drawnAfter(reloadedMsg{loadedMsg{dossier: &again}}); !slices.Equal(kept, []paneID{m.desk, paneLedger}) {
		t.Errorf("a note read again: kept %v, want the desk pane and the ledger", kept)
	}
	if got := ansi.Strip(m.View()); !strings.Contains(got, "from another session") {
		t.Errorf("the note read again is not on the screen")
	}
}
