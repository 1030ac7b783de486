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

// What the workbench draws from its kept drawings (the panes', the header,
// the panes joined) is what it would draw afresh, key after key: moving
// the focus round the panes and back, into a pane and through its rows, on
// the capture line, across a resize and a tiny terminal.
func TestKeptDrawingsAreWhatWouldBeDrawnAfresh(t *testing.T) {
	m := New(nil, Options{Renderer: lipgloss.NewRenderer(io.Discard), Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.setDossier(model.Demo(testNow))
	key := func(k string) tea.Msg {
		switch k {
		case "tab":
			return tea.KeyMsg{Type: tea.KeyTab}
		case "shift+tab":
			return tea.KeyMsg{Type: tea.KeyShiftTab}
		case "esc":
			return tea.KeyMsg{Type: tea.KeyEsc}
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
	}
	steps := []tea.Msg{}
	for range 7 {
		steps = append(steps, key("tab"))
	}
	steps = append(steps, key("shift+tab"), key("3"), key("j"), key("j"), key("1"), key("k"), key("tab"),
		tea.WindowSizeMsg{Width: 80, Height: 24}, key("tab"), key("tab"), key("n"), key("a"), key("esc"), key("4"),
		tea.WindowSizeMsg{Width: 20, Height: 6}, tea.WindowSizeMsg{Width: 100, Height: 30}, key("shift+tab"), key("2"))
	d := model.Demo(testNow)
	noted := *d
	noted.Notes = append(slices.Clone(d.Notes), model.Note{ID: 9999, Kind: model.KindNote, At: testNow, Text: "from another session"})
	moved := noted
	moved.Items = slices.Clone(d.Items)
	moved.Items[0].Title = "renamed in another session"
	// Each change read again while the panes that show it are on screen.
	// The figures ahead, worked out off the UI goroutine, arrive: the header
	// shows what is owed (a message made when its turn comes: it names the
	// refresh it answers).
	ahead := func() tea.Msg { return aheadMsg{gen: m.ahead.gen, negID: m.negID(), ahead: m.snap.R.Outlook(testNow)} }
	steps = append(steps, tea.WindowSizeMsg{Width: 120, Height: 40}, ahead, key("1"), reloadedMsg{loadedMsg{dossier: &noted}},
		key("tab"), key("3"), toDecideMsg{n: 4}, key("1"), reloadedMsg{loadedMsg{dossier: &moved}},
		key("tab"), key("p"), key("tab"), key("p"), key("P"), key("esc"), key("tab"))
	// A note that comes with what the header shows: the negotiation now
	// read-only, and, in the follow-up stage, a follow-up line ticked.
	readOnly := moved
	readOnly.Notes = append(slices.Clone(moved.Notes), model.Note{ID: 9998, Kind: model.KindNote, At: testNow, Text: "another"})
	followUp := readOnly
	followUp.Negotiation.Stage = model.StageFollowUp
	ticked := followUp
	ticked.FollowUps = slices.Clone(followUp.FollowUps)
	ticked.FollowUps[0].Done = !ticked.FollowUps[0].Done
	steps = append(steps, reloadedMsg{loadedMsg{dossier: &readOnly, access: vocab.Access{ReadOnly: true, Owner: "mia"}}},
		reloadedMsg{loadedMsg{dossier: &followUp}}, reloadedMsg{loadedMsg{dossier: &ticked}})
	seen := map[string]bool{}
	owed := false // the header said what is owed
	for i, msg := range steps {
		if later, ok := msg.(func() tea.Msg); ok {
			msg = later()
		}
		m.Update(msg)
		kept := m.View()
		owed = owed || strings.Contains(strings.SplitN(ansi.Strip(kept), "\n", 2)[0], "owed")
		m.redrawAll()
		m.drawnHeader, m.drawnBody = drawnHeader{}, drawnBody{}
		for _, text := range []string{"from another session", "renamed in another", "read-only", "follow-up"} {
			seen[text] = seen[text] || strings.Contains(ansi.Strip(kept), text)
		}
		if fresh := m.View(); kept != fresh {
			t.Fatalf("step %d (%v): the screen from kept drawings differs from one drawn afresh:\nkept:\n%s\nfresh:\n%s", i, msg, ansi.Strip(kept), ansi.Strip(fresh))
		}
	}
	for text, ok := range seen {
		if !ok {
			t.Errorf("%q, read again, was never on the screen", text)
		}
	}
	if !owed {
		t.Error("the figures ahead never reached the header")
	}
}
