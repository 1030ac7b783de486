package termmd

import (
	"slices"
	"strings"
)

// cell is a table cell's words and how wide they are on one line.
type cell struct {
	ws    []word
	width int
}

// table draws a table (its header row, delimiter row and body rows) with
// box lines when it fits the terminal, and as one block per row when it
// does not: a wrapped cell would cut numbers, a cut table would lose them.
func (p *printer) table(rows []string) {
	head := rowCells(rows[0], 0)
	n := len(head)
	var body [][]cell
	for _, r := range rows[2:] {
		body = append(body, rowCells(r, n))
	}
	widths := make([]int, n)
	total := 3*n + 1
	for c := range n {
		widths[c] = head[c].width
		for _, r := range body {
			widths[c] = max(widths[c], r[c].width)
		}
		total += widths[c]
	}
	if total <= p.text {
		p.box(head, body, widths)
	} else {
		p.blocks(head, body)
	}
}

// rowCells splits a row into its cells; `\|` stays in its cell (as |).
// With n > 0 the row has n cells, the missing ones empty.
func rowCells(row string, n int) []cell {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(strings.TrimSuffix(row, "|"), "|")
	var texts []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\':
			i++
		case row[i] == '|':
			texts = append(texts, row[start:i])
			start = i + 1
		}
	}
	texts = append(texts, row[start:])
	if n > 0 {
		for len(texts) < n {
			texts = append(texts, "")
		}
		texts = texts[:n]
	}
	cells := make([]cell, len(texts))
	for i, t := range texts {
		ws := words(inline(strings.TrimSpace(t)))
		cells[i] = cell{ws: ws, width: lineWidth(ws)}
	}
	return cells
}

// box draws the table with box lines, a number column aligned right.
func (p *printer) box(head []cell, body [][]cell, widths []int) {
	right := make([]bool, len(widths))
	for c := range widths {
		right[c] = numberColumn(body, c)
	}
	rule := func(l, m, r string) {
		parts := make([]string, len(widths))
		for c, w := range widths {
			parts[c] = strings.Repeat("─", w+2)
		}
		p.emit(p.st.ink(baseRule, 0).Render(l + strings.Join(parts, m) + r))
	}
	bar := p.st.ink(baseRule, 0).Render("│")
	row := func(cells []cell, b base) {
		var out strings.Builder
		out.WriteString(bar)
		for c, cl := range cells {
			pad := strings.Repeat(" ", widths[c]-cl.width)
			text := p.st.line(b, cl.ws)
			if right[c] {
				text = pad + text
			} else {
				text += pad
			}
			out.WriteString(" " + text + " " + bar)
		}
		p.emit(out.String())
	}
	rule("┌", "┬", "┐")
	row(head, baseHead)
	rule("├", "┼", "┤")
	for _, r := range body {
		row(r, baseText)
	}
	rule("└", "┴", "┘")
}

// numberColumn reports whether column c holds numbers (and blanks or —
// where there is none), which read best aligned right.
func numberColumn(body [][]cell, c int) bool {
	found := false
	for _, r := range body {
		t := plainText(r[c].ws)
		switch {
		case t == "" || t == "—":
		case isNumberCell(t):
			found = true
		default:
			return false
		}
	}
	return found
}

// isNumberCell reports whether a cell is a number ("-1,764.00", "44%") or
// numbers joined by · / → ("95.0 → 97.0").
func isNumberCell(t string) bool {
	parts := strings.Split(t, " ")
	for k, part := range parts {
		if k%2 == 1 {
			if part != "·" && part != "/" && part != "→" {
				return false
			}
		} else if !isNumber(part) {
			return false
		}
	}
	return len(parts)%2 == 1
}

// isNumber reports whether s is a number as Parley writes it: a sign,
// digits grouped with , and ., a %.
func isNumber(s string) bool {
	s = strings.TrimSuffix(s, "%")
	for _, sign := range []string{"+", "-", "−"} {
		if t, ok := strings.CutPrefix(s, sign); ok {
			s = t
			break
		}
	}
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == '.' || r == ',':
		default:
			return false
		}
	}
	return digits
}

// plainText is a cell's text without its markup.
func plainText(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		for _, sp := range w.spans {
			parts[i] += sp.text
		}
	}
	return strings.Join(parts, " ")
}

// blocks writes each body row as a block: its first cell in bold (with the
// second, when the first column is a number "#"), then the other cells as
// "Header: value" fields, wrapped between words but never between a header
// and its value. Empty cells are left out.
func (p *printer) blocks(head []cell, body [][]cell) {
	from := 1
	if h := plainText(head[0].ws); (h == "#" || h == "") && len(head) > 1 {
		from = 2
	}
	dot := word{spans: []span{{text: "·", st: label}}}
	for k, r := range body {
		if k > 0 {
			p.blank()
		}
		title := r[0].ws
		if from == 2 {
			title = append(append(append([]word{}, title...), dot), r[1].ws...)
		}
		for _, l := range wrap(title, p.text) {
			p.emit(p.st.line(baseHead, l))
		}
		var fields []word
		for c := from; c < len(r); c++ {
			if len(r[c].ws) == 0 {
				continue
			}
			if len(fields) > 0 {
				// The dot ends the field before it, so no line starts with one.
				last := &fields[len(fields)-1]
				last.spans = append(slices.Clone(last.spans), span{text: fieldGlue + "·", st: label})
			}
			value := append([]word{}, r[c].ws...)
			if h := plainText(head[c].ws); h != "" {
				name := span{text: h + ":", st: label}
				if lineWidthOf(name.text)+1+value[0].width() > p.text-2 {
					// Too narrow for the two together: the value goes under it.
					value = append([]word{{spans: []span{name}}}, value...)
				} else {
					name.text += fieldGlue
					value[0].spans = append([]span{name}, value[0].spans...)
				}
			}
			fields = append(fields, value...)
		}
		for _, l := range wrap(fields, p.text-2) {
			p.emit("  " + p.st.line(baseText, l))
		}
	}
}
