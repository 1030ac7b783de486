package tui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/desk"
)

// Opening the file behind the screen: opening checks the current
// negotiation whole (every record decoded), half a second on the large
// sample and seconds on a ten times larger one, and the terminal stayed
// blank for it. With RunOpening the first frame shows the header, the
// footer and "Opening …" at once, and the file is opened by a command.

// Opener opens the file for the workbench: its store session and the
// events of commits to the file (nil: look every Options.Poll).
type Opener func() (Store, <-chan desk.Event, error)

// openedMsg brings the opened file, or why it could not be opened.
type openedMsg struct {
	store  Store
	events <-chan desk.Event
	err    error
}

func openCmd(open Opener) tea.Cmd {
	return func() tea.Msg {
		s, events, err := open()
		return openedMsg{store: s, events: events, err: err}
	}
}

// takeOpened starts on the opened file as Init does on a store given to
// New; a file that cannot be opened ends the workbench with its reason.
func (m *Model) takeOpened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		m.openErr = msg.err
		return tea.Quit
	}
	m.store, m.opts.Events = msg.store, msg.events
	return m.start()
}

// RunOpening runs the workbench on the terminal while open opens the file,
// until the user quits; an error of open is returned once the screen is
// put back.
func RunOpening(open Opener, opts Options) error {
	m := New(nil, opts)
	m.opener = open
	err := run(m, opts)
	if m.openErr != nil {
		return m.openErr
	}
	return err
}

// run runs a workbench model on the terminal.
func run(m *Model, opts Options) error {
	progOpts := []tea.ProgramOption{tea.WithAltScreen()}
	if opts.Mouse {
		progOpts = append(progOpts, tea.WithMouseCellMotion())
	}
	_, err := tea.NewProgram(m, progOpts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) {
		return nil
	}
	return err
}
