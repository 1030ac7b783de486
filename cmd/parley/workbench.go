package main

import (
	"fmt"
	"os"
	"time"

	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/store"
	"github.com/parley-app/parley/tui"
)

// runWorkbench opens the workbench on the database.
func runWorkbench(e *env, g globalFlags) error {
	theme := tui.Theme(g.theme)
	switch theme {
	case tui.ThemeAuto, tui.ThemeLight, tui.ThemeDark:
	default:
		return usagef("--theme is light or dark, not %q", g.theme)
	}
	opts := tui.Options{Private: g.private, Theme: theme, Mouse: g.mouse}
	// PARLEY_DRAFT_DELAY shortens the wait before typed text is kept, for
	// the end-to-end tests; users have no reason to set it.
	if d, err := time.ParseDuration(os.Getenv("PARLEY_DRAFT_DELAY")); err == nil && d > 0 {
		opts.DraftDelay = d
	}
	// The file is opened (its current negotiation checked, but for its
	// notes) while the terminal comes up, and the first frame does not wait
	// for it; the older notes are read after the first screen.
	file := openBehind(e)
	defer file.close()
	err := tui.RunOpening(file.wait, opts)
	if _, _, openErr := file.wait(); openErr != nil {
		return openErr // as every command says it: the file's own reason
	}
	if err != nil {
		return fmt.Errorf("workbench: %w", err)
	}
	return nil
}

// openedFile is the workbench's file, opened on its own goroutine.
type openedFile struct {
	done   chan struct{}
	store  *store.Store
	sess   *desk.Session
	events <-chan desk.Event
	stop   func()
	err    error
}

// openBehind starts opening the file. The workbench is one person's
// session (desk): it writes through it, and hears of every commit to the
// file (its own process's and other processes') from it, instead of
// looking every second.
func openBehind(e *env) *openedFile {
	f := &openedFile{done: make(chan struct{})}
	go func() {
		defer close(f.done)
		if f.store, f.err = e.openWorkbench(); f.err != nil {
			return
		}
		f.sess = desk.New(f.store, "")
		f.events, f.stop = f.sess.Events()
	}()
	return f
}

// wait is the opened file, for the workbench.
func (f *openedFile) wait() (tui.Store, <-chan desk.Event, error) {
	<-f.done
	if f.err != nil {
		return nil, nil, f.err
	}
	return f.sess, f.events, nil
}

// close closes the file once it is open (the user may quit before).
func (f *openedFile) close() {
	<-f.done
	if f.err == nil {
		f.stop()
		f.store.Close()
	}
}
