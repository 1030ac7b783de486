package main

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// forTerminal rewrites the brief's Markdown so that glamour, at width
// columns, neither splits a number or an e-mail across lines nor turns an
// e-mail into a footnote (issue 18, finding 3). Glamour wraps a paragraph
// twice (its words, then its margins) and the second wrap cuts through a
// word ("1." / "25"), and it wraps a table too wide by cutting its cells; so
// every line is wrapped here between words, narrower than glamour would, and
// a table wider than the terminal becomes one block per row. An e-mail's @
// is written as an entity, so that it stays text and is not made a link.
// With glamour keeping the newlines, it wraps nothing itself. The Markdown
// piped to a file is left as it is.
func forTerminal(md string, width int) string {
	lines := strings.Split(md, "\n")
	var out []string
	fenced := false
	wrapAt := max(20, width-textSlack)
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "```") {
			fenced = !fenced
		}
		if fenced {
			out = append(out, l)
			continue
		}
		if !isTableStart(lines, i) {
			out = append(out, wrapLine(unlinkEmails(l), wrapAt)...)
			continue
		}
		end := i
		for end < len(lines) && strings.HasPrefix(lines[end], "|") {
			end++
		}
		table := lines[i:end]
		if tableWidth(table) <= width-tableSlack {
			for _, l := range table {
				out = append(out, unlinkEmails(l))
			}
		} else {
			for _, l := range tableBlocks(table) {
				for _, w := range wrapLine(l, wrapAt) {
					out = append(out, strings.ReplaceAll(w, fieldGlue, " "))
				}
			}
		}
		i = end - 1
	}
	return strings.Join(out, "\n")
}

// tableSlack is what glamour takes around a table: the document's margins
// and the word-wrap allowance (measured: a table this much narrower than the
// terminal is drawn with no cell wrapped).
const tableSlack = 8

// textSlack is what glamour takes around a paragraph's text (margins, a
// list item's bullet and indent), and some to spare.
const textSlack = 10

// wrapLine wraps one Markdown line at width between words, never inside
// one; a list item's or a quote's next lines keep its indent or its "> ".
// Headings and table rows are left whole.
func wrapLine(line string, width int) []string {
	if ansi.StringWidth(line) <= width || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "|") {
		return []string{line}
	}
	indent := ""
	trimmed := strings.TrimLeft(line, " ")
	lead := line[:len(line)-len(trimmed)]
	switch {
	case strings.HasPrefix(trimmed, "- "), strings.HasPrefix(trimmed, "* "):
		indent = lead + "  "
	case strings.HasPrefix(trimmed, "> "):
		indent = lead + "> "
	}
	var out []string
	cur := ""
	for _, w := range strings.Split(line, " ") {
		switch {
		case cur == "":
			cur = w
		case ansi.StringWidth(cur)+1+ansi.StringWidth(w) <= width:
			cur += " " + w
		default:
			out = append(out, cur)
			cur = indent + w
		}
	}
	return append(out, cur)
}

// isTableStart reports whether line i starts a table: a row, then the
// delimiter row.
func isTableStart(lines []string, i int) bool {
	return strings.HasPrefix(lines[i], "|") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "| ---")
}

// tableCells splits a row into its cells, trimmed; `\|` stays in its cell.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(strings.TrimSuffix(row, "|"), "|")
	var cells []string
	var cell strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cell.WriteString(`\|`)
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
		default:
			cell.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(cell.String()))
}

// tableWidth is the width glamour draws a table at when no cell wraps: the
// widest cell of each column, a blank either side, and a rule between columns.
func tableWidth(table []string) int {
	var widths []int
	for k, row := range table {
		if k == 1 {
			continue // the delimiter row
		}
		for c, cell := range tableCells(row) {
			if c >= len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], ansi.StringWidth(cell))
		}
	}
	total := 0
	for _, w := range widths {
		total += w + 3
	}
	return total - 1
}

// fieldGlue holds a header to its value ("Theirs: 23.40") while a block's
// line is wrapped; it is a blank again once wrapped.
const fieldGlue = "\u00a0"

// tableBlocks writes each row of a table as a block: its first cell (with
// the second, when the first is a number column "#") in bold, then the other
// cells as "Header: value" on one line that wraps between fields. Empty
// cells are left out.
func tableBlocks(table []string) []string {
	head := tableCells(table[0])
	var out []string
	for _, row := range table[2:] {
		cells := tableCells(row)
		title, from := cells[0], 1
		if (head[0] == "#" || head[0] == "") && len(cells) > 1 {
			title, from = cells[0]+" · "+cells[1], 2
		}
		var fields []string
		for c := from; c < len(cells) && c < len(head); c++ {
			if cells[c] == "" {
				continue
			}
			fields = append(fields, head[c]+":"+fieldGlue+cells[c])
		}
		out = append(out, "**"+unlinkEmails(title)+"**", unlinkEmails(strings.Join(fields, " · ")), "")
	}
	return out
}

// unlinkEmails writes each @ of a line as the entity &#64;: glamour shows
// it as @, but does not make the address a link with its mailto: after it
// (or, in a table, a footnote).
func unlinkEmails(line string) string {
	return strings.ReplaceAll(line, "@", "&#64;")
}
