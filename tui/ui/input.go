package ui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// Text inputs. Bubbles makes an input's styles, and its cursor's, with
// lipgloss's default renderer: the terminal of the process. On the team
// server that is the server's own output, which is no terminal, so every
// line typed over SSH had no cursor (a space typed changed nothing on the
// screen) and a placeholder no dimmer than the text. Every input of the
// workbench takes its styles from the session's renderer instead.

// NewInput is a text input whose cursor does not blink (a blink is a frame
// for every session twice a second) and whose styles are the session's.
func (s *Styles) NewInput() textinput.Model {
	in := textinput.New()
	in.Cursor.SetMode(cursor.CursorStatic)
	s.StyleInput(&in)
	return in
}

// StyleInput gives an input the session's styles: plain text and prompt,
// a dim placeholder, a cursor in reverse video.
func (s *Styles) StyleInput(in *textinput.Model) {
	if s == nil {
		return // no styles given (a test of the keys alone): bubbles' own
	}
	in.PromptStyle, in.TextStyle = s.plain, s.plain
	in.PlaceholderStyle, in.CompletionStyle = s.dim, s.dim
	in.Cursor.Style, in.Cursor.TextStyle = s.plain, s.plain
}
