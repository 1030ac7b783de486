package notes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// View draws the visible rows of the stream and, under them, the selected
// note in full.
// View draws the pane at its size.
func (p *Pane) View(focused bool) []string {
	if p.snap == nil || p.w <= 0 || p.h <= 0 {
		return ui.Block(nil, p.w, p.h)
	}
	st := p.snap.St
	var lines []string
	if p.filter.Shown() {
		lines = append(lines, p.filter.View(p.w))
	}
	itemW := 0
	if p.w >= 50 {
		itemW = max(8, min(18, p.w/5))
	}
	from, to := p.sel.Visible()
	key := fmt.Sprint(p.w, itemW)
	for i := from; i < to && i < len(p.rows); i++ {
		if focused && i == p.sel.Pos {
			lines = append(lines, p.rowView(p.rows[i], itemW, true))
			continue
		}
		lines = append(lines, p.cache.Get(key, i, func() string { return p.rowView(p.rows[i], itemW, false) }))
	}
	switch {
	case len(p.snap.D.Notes) == 0:
		lines = append(lines, st.Dim.Render("No notes yet: n opens the capture line (! action, ? question, #item tags)."))
	case len(p.rows) == 0:
		lines = append(lines, st.Dim.Render("Nothing matches: f shows "+((p.show+1)%noteShowCount).String()+", / then esc clears the text filter."))
	}
	out := ui.Block(lines, p.w, p.h-p.detailLines())
	return append(out, ui.Block(p.detail(), p.w, p.detailLines())...)
}

// marker is a note's kind at a glance: · note, ☐/☑ action, ?/✓ question.
func marker(n *model.Note) string {
	switch n.Kind {
	case model.KindAction:
		if n.Done {
			return "☑"
		}
		return "☐"
	case model.KindQuestion:
		if n.Open() {
			return "?"
		}
		return "✓"
	}
	return "·"
}

// sharedMark follows the kind's marker on a line shared with the buyer
// (DESIGN 9): the `+` that shares it on the capture line and in the pane.
const sharedMark = "+"

// rowView draws one row; only visible rows are drawn.
func (p *Pane) rowView(r ui.GroupedRow, itemW int, selected bool) string {
	st := p.snap.St
	if r.Index < 0 {
		return p.header(r.Group).Render(p.w, selected, st)
	}
	n := &p.snap.D.Notes[r.Index]
	t := n.At.Format("15:04")
	if n.MeetingID == 0 {
		t = n.At.Format("01-02") // outside meetings the day says more than the hour
	}
	item := ""
	if itemW > 0 {
		item = ui.Fit(p.titles[n.ItemID], itemW) + " "
	}
	mark, text, answer := marker(n), n.Text, ""
	share := " "
	if n.Shared {
		share = sharedMark
	}
	if n.Kind == model.KindQuestion && !n.Open() {
		answer = " → " + n.Answer
	}
	if selected {
		return ui.SelectedRow(t+" "+mark+share+" "+item+text+answer, p.w, st)
	}
	switch {
	case n.Kind == model.KindNote:
	case !n.Open():
		text = st.Dim.Render(text)
	case n.Kind == model.KindAction:
		mark = st.Warn.Render(mark)
	default:
		mark = st.Accent.Render(mark)
	}
	if n.Shared {
		share = st.Accent.Render(share)
	}
	return ui.Cut(t+" "+mark+share+" "+st.Dim.Render(item)+text+st.Dim.Render(answer), p.w)
}

// header names a group: a meeting with its date, place and what is still
// open from it, or the notes made outside meetings.
func (p *Pane) header(g int) ui.HeaderParts {
	h := ui.HeaderParts{Name: p.groups.Label(g)}
	if mt, _, ok := p.groups.Meeting(g); ok {
		h = ui.MeetingHeader(mt)
	}
	if n := p.open[g]; n > 0 {
		h.Stats = fmt.Sprintf("%d open", n)
	}
	return h
}

// detail shows the selected note in full: kind, time, item, then its text
// and answer wrapped.
func (p *Pane) detail() []string {
	n := p.detailLines()
	if n == 0 || p.sel.Pos >= len(p.rows) {
		return nil
	}
	st := p.snap.St
	r := p.rows[p.sel.Pos]
	if r.Index < 0 {
		mt, _, ok := p.groups.Meeting(r.Group)
		if !ok {
			return []string{st.Dim.Render("Notes made outside meetings, while preparing or between them.")}
		}
		lines := []string{st.Dim.Render("Attendees: " + orNone(strings.Join(mt.Attendees, ", ")))}
		if !p.snap.Privacy().Part(model.PartMeetingSummary) {
			return lines
		}
		return append(lines, wrapLines("Summary: "+orNone(mt.Summary), p.w, n-1)...)
	}
	note := &p.snap.D.Notes[r.Index]
	state := string(note.Kind)
	switch {
	case note.Kind == model.KindAction && note.Done:
		state += " · done " + note.DoneAt.Format("2006-01-02 15:04")
	case note.Kind == model.KindAction:
		state += " · open (x marks it done)"
	case note.Kind == model.KindQuestion && note.Open():
		state += " · open (A answers it)"
	case note.Kind == model.KindQuestion:
		state += " · answered"
	}
	meta := []string{state, note.At.Format("2006-01-02 15:04")}
	if mt, ok := p.snap.D.Meeting(note.MeetingID); ok {
		meta = append(meta, fmt.Sprintf("meeting %d", mt.Number))
	}
	if note.Shared {
		meta = append(meta, "shared")
	} else {
		meta = append(meta, "internal")
	}
	if t := p.titles[note.ItemID]; t != "" {
		meta = append(meta, t)
	}
	body := note.Text
	if note.Kind == model.KindQuestion && !note.Open() {
		body += " → " + note.Answer
	}
	return append([]string{st.Dim.Render(strings.Join(meta, " · "))}, wrapLines(body, p.w, n-1)...)
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "none yet"
	}
	return s
}

// wrapLines wraps text to w cells in at most n lines, the last one ending
// with an ellipsis when the text goes on.
func wrapLines(text string, w, n int) []string {
	if w <= 0 || n <= 0 {
		return nil
	}
	lines := strings.Split(ansi.Wrap(text, w, ""), "\n")
	if len(lines) > n {
		// The last line runs into the next one and is cut there, so the
		// ellipsis never sits on a figure.
		lines[n-1] = ui.Truncate(lines[n-1]+" "+lines[n], w)
		lines = lines[:n]
	}
	return lines
}
