package main

import (
	"fmt"
	"os"
	"time"

	"github.com/parley-app/parley/desk"
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
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	// The workbench is one person's session (desk): it writes through it,
	// and hears of every commit to the file (its own process's and other
	// processes') from it, instead of looking every second.
	sess := desk.New(s, "")
	events, stop := sess.Events()
	defer stop()
	opts := tui.Options{Private: g.private, Theme: theme, Mouse: g.mouse, Events: events}
	// PARLEY_DRAFT_DELAY shortens the wait before typed text is kept, for
	// the end-to-end tests; users have no reason to set it.
	if d, err := time.ParseDuration(os.Getenv("PARLEY_DRAFT_DELAY")); err == nil && d > 0 {
		opts.DraftDelay = d
	}
	if err := tui.Run(sess, opts); err != nil {
		return fmt.Errorf("workbench: %w", err)
	}
	return nil
}
