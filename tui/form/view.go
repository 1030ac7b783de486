package form

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/tui/ui"
)

// View draws the form in a box at most w×h.
func (f *Form) View(w, h int) []string {
	st := f.st
	inner := max(0, w-4)
	boxW := min(inner, 96) // every row fits it, so the box keeps its width
	labelW, hidden := 0, 0
	for _, fl := range f.fields {
		if fl.Hidden {
			hidden++
			continue
		}
		labelW = max(labelW, ui.TextWidth(fl.Label))
	}
	labelW = min(labelW, max(0, inner/3))
	// The input gets up to 40 cells, leaving about 30 for the reason a value
	// is wrong; on a narrow screen both shrink.
	inputW := max(0, min(40, inner-labelW-3-30, inner-labelW-3))
	if inputW < 12 {
		inputW = max(0, min(12, inner-labelW-3))
	}
	var rows []string
	focusRow := 0
	for i, fl := range f.fields {
		if fl.Hidden {
			continue
		}
		ls := st.Dim
		marker := "  "
		if i == f.focus {
			ls, marker = st.FieldFocus, st.Accent.Render("▸ ")
			focusRow = len(rows)
		}
		note, style := "", st.Dim.Render
		switch {
		case f.given[fl.Key] != nil:
			note, style = "✗ "+f.given[fl.Key].Error(), st.Error.Render
		case fl.err != nil && fl.Value() != "":
			note, style = "✗ "+fl.err.Error(), st.Error.Render
		case fl.err != nil:
			note, style = fl.err.Error(), st.Warn.Render
		case i == f.focus && fl.prefilled:
			note = "as last time: typing replaces it, ← → edit it"
		case i == f.focus && fl.Hint != "":
			note = fl.Hint
		}
		// The box keeps its width whatever the note: an input with a note
		// beside it gives up its empty cells, and a note longer than the
		// room left goes on under itself, in the note's column.
		fieldW := inputW
		if over := labelW + 4 + inputW + ui.TextWidth(note) - boxW; note != "" && fl.kind != choiceField && over > 0 {
			fieldW = min(inputW, max(12, inputW-over, ui.TextWidth(fl.Value())+1))
		}
		var val string
		if fl.kind == choiceField {
			label := fl.Value()
			if fl.choice < len(fl.labels) {
				label = fl.labels[fl.choice]
			}
			val = "‹ " + label + " ›"
		} else if i == f.focus {
			ui.SetInputWidth(&fl.input, max(1, fieldW-1))
			val = fl.input.View()
		} else {
			val = fl.input.Value() // its start, whatever the cursor last showed
		}
		row := marker + ls.Render(ui.Fit(fl.Label, labelW)) + " " + ui.Fit(val, max(fieldW, min(ui.TextWidth(val), inputW)))
		if note == "" {
			rows = append(rows, row)
			continue
		}
		at := ui.TextWidth(row) + 1
		lines := ui.WrapWords(note, max(12, boxW-at), "")
		rows = append(rows, row+" "+style(lines[0]))
		for _, l := range lines[1:] {
			rows = append(rows, strings.Repeat(" ", at)+style(l))
		}
	}
	var tail []string
	if hidden > 0 {
		tail = append(tail, st.Dim.Render(fmt.Sprintf("  %d %s hidden while privacy is on (they keep their values)", hidden, ui.Plural(hidden, "field", "fields"))))
	}
	if f.preview != nil && f.Valid() && f.err == nil {
		tail = append(tail, "")
		for _, l := range f.previewed {
			// Long previews (a concession's effect) wrap rather than
			// vanish, between their " · " parts so that a figure stays
			// with its words; the line's colour goes to each of its lines.
			lead := l[:escapesEnd(l)]
			for _, part := range ui.Pack(strings.Split(ansi.Strip(l), " · "), max(1, boxW)) {
				if lead != "" {
					part = lead + part + "\x1b[m"
				}
				tail = append(tail, part)
			}
		}
	}
	tail = append(tail, "")
	switch {
	case f.saving:
		tail = append(tail, st.Dim.Render("saving…"))
	case f.err != nil:
		tail = append(tail, st.Error.Render(f.err.Error()))
	case f.kept == f.version:
		tail = append(tail, st.Dim.Render("✎ kept · enter next · ctrl+s save · esc cancel"))
	default:
		tail = append(tail, st.Dim.Render("enter next · ctrl+s save · esc cancel"))
	}
	// Keep the focused field in view when the box is short.
	room := max(1, h-2-1-len(tail))
	start := 0
	if focusRow >= room {
		start = focusRow - room + 1
	}
	rows = rows[start:min(len(rows), start+room)]
	body := append([]string{ui.Fit(st.Bold.Render(f.title), boxW)}, rows...)
	body = append(body, tail...)
	return ui.Boxed(body, w, h, st)
}

// escapesEnd is the byte after the colour escapes that start s.
func escapesEnd(s string) int {
	i := 0
	for strings.HasPrefix(s[i:], "\x1b[") {
		j := i + 2
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
			j++
		}
		i = min(len(s), j+1)
	}
	return i
}
