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
		var val string
		if fl.kind == choiceField {
			label := fl.Value()
			if fl.choice < len(fl.labels) {
				label = fl.labels[fl.choice]
			}
			val = "‹ " + label + " ›"
		} else if i == f.focus {
			ui.SetInputWidth(&fl.input, max(1, inputW-1))
			val = fl.input.View()
		} else {
			val = fl.input.Value() // its start, whatever the cursor last showed
		}
		note := ""
		switch {
		case f.given[fl.Key] != nil:
			note = st.Error.Render("✗ " + f.given[fl.Key].Error())
		case fl.err != nil && fl.Value() != "":
			note = st.Error.Render("✗ " + fl.err.Error())
		case fl.err != nil:
			note = st.Warn.Render(fl.err.Error())
		case i == f.focus && fl.prefilled:
			note = st.Dim.Render("as last time: typing replaces it, ← → edit it")
		case i == f.focus && fl.Hint != "":
			note = st.Dim.Render(fl.Hint)
		}
		rows = append(rows, marker+ls.Render(ui.Fit(fl.Label, labelW))+" "+ui.Fit(val, inputW)+" "+note)
	}
	var tail []string
	if hidden > 0 {
		tail = append(tail, st.Dim.Render(fmt.Sprintf("  %d %s hidden while privacy is on (they keep their values)", hidden, ui.Plural(hidden, "field", "fields"))))
	}
	if f.preview != nil && f.Valid() && f.err == nil {
		tail = append(tail, "")
		for _, l := range f.previewed {
			// Long previews (a concession's effect) wrap rather than vanish.
			tail = append(tail, strings.Split(ansi.Wrap(l, max(1, min(inner, 84)), " ·"), "\n")...)
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
	body := append([]string{ui.Fit(st.Bold.Render(f.title), min(inner, 84))}, rows...)
	body = append(body, tail...)
	return ui.Boxed(body, w, h, st)
}
