package main

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/x/term"
)

// terminalWidth reports whether w is a terminal and how wide it is; a pipe
// or a file is not one.
func terminalWidth(w io.Writer) (width int, ok bool) {
	f, isFile := w.(*os.File)
	if !isFile || !term.IsTerminal(f.Fd()) {
		return 0, false
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil || width <= 0 {
		width = 80
	}
	return width, true
}

// renderMarkdown renders Markdown for a terminal of the given width with
// glamour: the style follows GLAMOUR_STYLE, else the terminal's background;
// NO_COLOR renders without colour. Each line of a paragraph stays a line
// (the brief's header says one thing a line), and forTerminal keeps numbers
// and e-mails whole. The text must already be escaped
// (model.EscapeForTerminal): stored control characters reach glamour as
// visible \xHH and never the terminal.
func renderMarkdown(md string, width int) (string, error) {
	style := glamour.WithEnvironmentConfig()
	if os.Getenv("NO_COLOR") != "" {
		style = glamour.WithStandardStyle(styles.NoTTYStyle)
	}
	r, err := glamour.NewTermRenderer(style, glamour.WithWordWrap(max(20, width-2)), glamour.WithPreservedNewLines())
	if err != nil {
		return "", fmt.Errorf("render the brief: %w", err)
	}
	out, err := r.Render(forTerminal(md, width))
	if err != nil {
		return "", fmt.Errorf("render the brief: %w", err)
	}
	return out, nil
}

// printMarkdown prints Markdown to w: rendered on a terminal, as it is to a
// pipe or a file (for e-mail, a wiki, another tool).
func printMarkdown(w io.Writer, md string) error {
	if width, ok := terminalWidth(w); ok {
		out, err := renderMarkdown(md, width)
		if err != nil {
			return err
		}
		md = out
	}
	_, err := io.WriteString(w, md)
	return err
}
