package tui

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// The first frame shows the chrome and "Opening …" while the file is still
// being opened (its check of the current negotiation takes seconds on a
// large one), and the negotiation once it is open.
func TestTheFirstFrameComesBeforeTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddDossier(model.Demo(testNow)); err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	open := func() (Store, <-chan desk.Event, error) {
		<-release // the file is still being opened
		sess := desk.New(s, "")
		events, stop := sess.Events()
		t.Cleanup(stop)
		return sess, events, nil
	}
	m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }})
	m.opener = open
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Parley")) && bytes.Contains(b, []byte("Opening …")) && bytes.Contains(b, []byte("q quit"))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	close(release)
	waitFor(t, tm, "List price pe")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// A file that cannot be opened ends the workbench with the file's reason;
// a quit while it opens leaves at once.
func TestAFileThatDoesNotOpenEndsTheWorkbench(t *testing.T) {
	refused := errors.New("parley.db is damaged: restore it with 'parley backup'")
	m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }})
	m.opener = func() (Store, <-chan desk.Event, error) { return nil, nil, refused }
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if !errors.Is(m.openErr, refused) {
		t.Errorf("the workbench ended with %v, want the file's reason", m.openErr)
	}

	never := make(chan struct{})
	defer close(never)
	m = New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }})
	m.opener = func() (Store, <-chan desk.Event, error) { <-never; return nil, nil, refused }
	tm = teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Opening …")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
