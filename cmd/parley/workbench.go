package main

import (
	"fmt"

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
	if err := tui.Run(s, tui.Options{Private: g.private, Theme: theme, Mouse: g.mouse}); err != nil {
		return fmt.Errorf("workbench: %w", err)
	}
	return nil
}
