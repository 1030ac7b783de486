package tui

import "github.com/parley-app/parley/tui/ui"

// Theme says which colours to use; ThemeAuto asks the terminal.
type Theme = ui.Theme

// The themes.
const (
	ThemeAuto  = ui.ThemeAuto
	ThemeLight = ui.ThemeLight
	ThemeDark  = ui.ThemeDark
)
