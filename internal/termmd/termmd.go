// Package termmd renders the Markdown Parley writes (the brief) for a
// terminal. It knows only the subset Parley emits: headings, paragraphs
// whose lines stay lines (the brief says one thing a line), bullet, task and
// numbered lists, quotes, horizontal rules, fenced code, tables, and
// **strong**, _emphasis_ and `code` inside a line.
//
// Every line is wrapped between words, never inside one, so that a number or
// an e-mail is never cut; a table is drawn with box lines when it fits the
// terminal and as one block per row ("Header: value" fields) when it does
// not. The text is escaped (model.EscapeForTerminal) before anything else,
// so a control character stored in a note shows as \xHH and never reaches
// the terminal; only this package's own styles are escape sequences.
//
// It replaces a general Markdown renderer whose packages (a parser, an HTML
// sanitizer, a CSS parser) ran their init at every command's start (issue 23).
package termmd

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/parley-app/parley/model"
)

// margin is the blank left of every line; one more column is kept free on
// the right, so that no line fills the terminal's last column.
const margin = 2

// Render renders md for a terminal width columns wide, styled by r: its
// colour profile (Ascii for NO_COLOR or no terminal: no escape sequence at
// all) and its background (light or dark) decide the colours.
func Render(md string, width int, r *lipgloss.Renderer) string {
	p := &printer{st: newStyles(r), text: max(width, 20) - margin - 1}
	lines := strings.Split(strings.TrimRight(model.EscapeForTerminal(md), "\n"), "\n")
	p.blank()
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.TrimSpace(l) == "":
			p.blank()
		case strings.HasPrefix(l, "```"):
			end := i + 1
			for end < len(lines) && !strings.HasPrefix(lines[end], "```") {
				end++
			}
			p.code(lines[i+1 : end])
			i = end
		case headingLevel(l) > 0:
			level := headingLevel(l)
			p.heading(level, headingText(l[level:]))
		case isRule(l):
			p.rule()
		case isTableStart(lines, i):
			end := i
			for end < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[end]), "|") {
				end++
			}
			p.table(lines[i:end])
			i = end - 1
		case strings.HasPrefix(l, ">"):
			p.quote(strings.TrimPrefix(strings.TrimPrefix(l, ">"), " "))
		case listMarker(l) != "":
			indent := len(l) - len(strings.TrimLeft(l, " "))
			marker := listMarker(l)
			p.item(indent/2, marker, strings.TrimLeft(l[indent+len(marker):], " "))
		default:
			p.paragraph(strings.TrimSpace(l))
		}
	}
	p.blank()
	return strings.Join(p.out, "\n") + "\n"
}

// The block patterns are matched by hand: a package-level regexp is
// compiled in package init, at every command's start.

// headingLevel is the level of a heading line ("## Deal" is 2), or 0.
func headingLevel(l string) int {
	n := 0
	for n < len(l) && l[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(l) || (l[n] != ' ' && l[n] != '\t') {
		return 0
	}
	return n
}

// headingText is a heading's text without its closing #s ("Deal ##"),
// which must follow a blank ("C#" keeps its #).
func headingText(rest string) string {
	t := strings.TrimSpace(rest)
	if u := strings.TrimRight(t, "#"); u != t && (u == "" || strings.HasSuffix(u, " ")) {
		t = strings.TrimSpace(u)
	}
	return t
}

// isRule reports whether l is a horizontal rule: three or more of one of
// - * _ and nothing else.
func isRule(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 3 && strings.Trim(t, t[:1]) == "" && strings.Contains("-*_", t[:1])
}

// listMarker is a list item's bullet or number ("-", "12."), blank after
// it, or "".
func listMarker(l string) string {
	t := strings.TrimLeft(l, " ")
	n := 0
	switch {
	case t == "":
		return ""
	case t[0] == '-' || t[0] == '*' || t[0] == '+':
		n = 1
	default:
		for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
			n++
		}
		if n == 0 || n == len(t) || (t[n] != '.' && t[n] != ')') {
			return ""
		}
		n++
	}
	if n >= len(t) || t[n] != ' ' {
		return ""
	}
	return t[:n]
}

// isTableStart reports whether line i starts a table: a row, then the
// delimiter row ("| --- | :-: |").
func isTableStart(lines []string, i int) bool {
	if !strings.HasPrefix(strings.TrimSpace(lines[i]), "|") || i+1 >= len(lines) {
		return false
	}
	d := strings.TrimSpace(lines[i+1])
	if !strings.HasPrefix(d, "|") || !strings.Contains(d, "-") {
		return false
	}
	return strings.Trim(d, "|-: ") == ""
}

// printer collects the rendered lines.
type printer struct {
	st   *styles
	text int // the columns a line's text may take, after the margin
	out  []string
}

// emit adds a line, its margin before it.
func (p *printer) emit(line string) {
	p.out = append(p.out, strings.Repeat(" ", margin)+line)
}

// blank adds an empty line, unless the last line is one already.
func (p *printer) blank() {
	if len(p.out) == 0 || p.out[len(p.out)-1] != "" {
		p.out = append(p.out, "")
	}
}

// heading writes a heading: the first two levels underlined with a rule,
// the others marked with ▸, so that they stand out without colour too.
func (p *printer) heading(level int, text string) {
	b, lead := baseH3, "▸ "
	switch level {
	case 1:
		b, lead = baseH1, ""
	case 2:
		b, lead = baseH2, ""
	}
	lines := wrap(words(inline(lead+text)), p.text)
	widest := 0
	for _, l := range lines {
		p.emit(p.st.line(b, l))
		widest = max(widest, lineWidth(l))
	}
	switch level {
	case 1:
		p.emit(p.st.ink(baseRule, 0).Render(strings.Repeat("═", widest)))
	case 2:
		p.emit(p.st.ink(baseRule, 0).Render(strings.Repeat("─", widest)))
	}
}

// rule draws a horizontal rule across the text's width.
func (p *printer) rule() {
	p.emit(p.st.ink(baseRule, 0).Render(strings.Repeat("─", p.text)))
}

// paragraph writes one line of a paragraph, wrapped between words.
func (p *printer) paragraph(text string) {
	for _, l := range wrap(words(inline(text)), p.text) {
		p.emit(p.st.line(baseText, l))
	}
}

// quote writes one line of a quote behind a bar.
func (p *printer) quote(text string) {
	bar := p.st.ink(baseRule, 0).Render("│") + " "
	for _, l := range wrap(words(inline(text)), p.text-2) {
		p.emit(bar + p.st.line(baseText, l))
	}
}

// item writes a list item at its depth; its wrapped lines line up under its
// text, not under its bullet.
func (p *printer) item(depth int, marker, text string) {
	bullet := marker
	if marker == "-" || marker == "*" || marker == "+" {
		bullet = "•"
		if depth > 0 {
			bullet = "◦"
		}
	}
	indent := strings.Repeat("  ", depth)
	hang := strings.Repeat(" ", lineWidthOf(bullet)+1)
	avail := max(1, p.text-len(indent)-len(hang))
	for k, l := range wrap(words(inline(text)), avail) {
		lead := indent + hang
		if k == 0 {
			lead = indent + p.st.ink(baseBullet, 0).Render(bullet) + " "
		}
		p.emit(lead + p.st.line(baseText, l))
	}
}

// code writes a fenced block's lines as they are, indented; tabs become
// four blanks so that the columns are the terminal's.
func (p *printer) code(lines []string) {
	ink := p.st.ink(baseText, code)
	for _, l := range lines {
		p.emit("  " + ink.Render(strings.ReplaceAll(l, "\t", "    ")))
	}
}
