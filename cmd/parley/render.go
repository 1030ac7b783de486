package main

import (
	"io"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/internal/termmd"
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

// renderMarkdown renders Markdown for the terminal w of the given width
// (internal/termmd): colours for w's background, none with NO_COLOR; each
// line of a paragraph stays a line, numbers and e-mails stay whole, and
// stored control characters show as \xHH.
func renderMarkdown(w io.Writer, md string, width int) string {
	r := lipgloss.NewRenderer(w)
	switch {
	case os.Getenv("NO_COLOR") != "":
		r.SetColorProfile(termenv.Ascii)
	case w == os.Stdout:
		// Bubble Tea's package init asked the terminal on stdout for its
		// background already (lipgloss's default renderer keeps the answer):
		// asking again costs a second round trip to the terminal.
		r.SetHasDarkBackground(lipgloss.HasDarkBackground())
	}
	return termmd.Render(md, width, r)
}

// printMarkdown prints Markdown to w: rendered on a terminal, as it is to a
// pipe or a file (for e-mail, a wiki, another tool).
func printMarkdown(w io.Writer, md string) error {
	if width, ok := terminalWidth(w); ok {
		md = renderMarkdown(w, md, width)
	}
	_, err := io.WriteString(w, md)
	return err
}
