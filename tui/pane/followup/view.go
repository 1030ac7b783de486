package followup

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// Rows above and below the list.
func (p *Pane) headerLines() int {
	n := 1 // progress
	if p.h >= 6 {
		n++ // column titles
	}
	if p.filter.Shown() {
		n++
	}
	return n
}

func (p *Pane) footerLines() int {
	switch {
	case p.h >= 16:
		return 5
	case p.h >= 9:
		return 2
	}
	return 0
}

func (p *Pane) listHeight() int {
	return max(1, p.h-p.headerLines()-p.footerLines())
}

// followUpColumns are the widths of a row's cells; zero hides a cell.
type followUpColumns struct{ role, person, action, date int }

const markW = 2 // "☐ "

func (p *Pane) columns() followUpColumns {
	c := followUpColumns{date: 11}
	rest := p.w - markW - c.date - 1
	if rest >= 44 {
		c.person = 18
		rest -= c.person + 1
	}
	// The role comes first; the action (always in the detail below) gets
	// what is left when that is enough to read.
	c.role = max(0, rest)
	role := max(p.maxRole, 8)
	if rest-role-1 < 16 && p.commits {
		role = min(role, max(16, rest*2/5)) // a long role gives way to the action (whose commitment it is)
	}
	if rest-role-1 >= 16 {
		c.role, c.action = role, rest-role-1
	}
	return c
}

// View draws the pane at its size.
func (p *Pane) View(focused bool) []string {
	if p.snap == nil {
		return ui.Block(nil, p.w, p.h)
	}
	st := p.snap.St
	lines := []string{p.progressLine()}
	if p.filter.Shown() {
		lines = append(lines, p.filter.View(p.w))
	}
	cols := p.columns()
	if p.h >= 6 {
		head := "  " + ui.Fit("Role", cols.role) + " "
		if cols.person > 0 {
			head += ui.Fit("Person", cols.person) + " "
		}
		if cols.action > 0 {
			head += ui.Fit("Action", cols.action) + " "
		}
		head += ui.FitRight("Due/done", cols.date)
		lines = append(lines, st.Dim.Render(ui.Cut(head, p.w)))
	}
	if len(p.rows) == 0 {
		lines = append(lines, p.emptyLines()...)
	}
	from, to := p.sel.Visible()
	for i := from; i < to && i < len(p.rows); i++ {
		lines = append(lines, p.rowView(&p.rows[i], cols, focused && i == p.sel.Pos))
	}
	lines = ui.Block(lines, p.w, p.h-p.footerLines())
	return append(lines, ui.Block(p.detail(), p.w, p.footerLines())...)
}

// progressLine is done/total with a bar, and how many lines are overdue.
func (p *Pane) progressLine() string {
	st := p.snap.St
	if p.total == 0 {
		return st.Dim.Render(ui.Cut("Progress 0/0 · no checklist yet", p.w))
	}
	share := float64(p.done) / float64(p.total)
	head := fmt.Sprintf("Progress %d/%d ", p.done, p.total)
	pct := " " + model.FormatPercent(share)
	late := ""
	if p.overdue > 0 {
		late = fmt.Sprintf(" · %d overdue", p.overdue)
	}
	barW := min(20, max(0, p.w-ui.TextWidth(head+pct+late)))
	return ui.Cut(st.Bold.Render(head)+ui.Bar(share, barW, st)+pct+st.Bad.Render(late), p.w)
}

func (p *Pane) emptyLines() []string {
	st := p.snap.St
	if p.filter.Query() != "" {
		return []string{st.Dim.Render("No line matches the filter.")}
	}
	if len(p.snap.D.FollowUps) > 0 {
		return []string{st.Dim.Render("No line to show while privacy is on.")}
	}
	kind := p.snap.D.Account.Kind
	return []string{
		st.Dim.Render("No follow-up checklist yet."),
		st.Dim.Render(fmt.Sprintf("Press t to fill it from the %s template (customer-side and internal roles), or a to add a line.", templateName(kind))),
	}
}

func (p *Pane) rowView(r *followUpRow, cols followUpColumns, selected bool) string {
	st := p.snap.St
	if r.index < 0 {
		return st.Accent.Render(ui.Cut(r.heading, p.w))
	}
	mark := "☐ "
	if r.done {
		mark = "☑ "
	}
	date := ui.FitRight(r.due, cols.date)
	switch {
	case r.done:
		date = ui.FitRight(r.doneAt, cols.date)
	case r.overdue:
		date = ui.FitRight("!"+r.due, cols.date)
	}
	cells := []string{ui.Fit(r.role, cols.role)}
	if cols.person > 0 {
		cells = append(cells, ui.Fit(r.person, cols.person))
	}
	if cols.action > 0 {
		cells = append(cells, ui.Fit(r.action, cols.action))
	}
	text := strings.Join(cells, " ")
	if selected {
		return ui.SelectedRow(mark+text+" "+date, p.w, st)
	}
	switch {
	case r.done:
		mark, text, date = st.Good.Render(mark), st.Dim.Render(text), st.Good.Render(date)
	case r.overdue:
		mark, date = st.Bad.Render(mark), st.Bad.Render(date)
	}
	return ui.Cut(mark+text+" "+date, p.w)
}

// detail shows the selected line in full: role and person, dates, action.
func (p *Pane) detail() []string {
	n := p.footerLines()
	f, ok := p.selected()
	if n == 0 || !ok {
		return nil
	}
	st := p.snap.St
	who := f.Role
	if f.Person != "" {
		who = joinWords(" — ", f.Role, f.Person)
	}
	lines := []string{""}
	for _, l := range ui.WrapWords(who, p.w, "  ") {
		lines = append(lines, st.Bold.Render(l))
	}
	if n == 2 {
		return lines[:2]
	}
	when := "no due date"
	if !f.Due.IsZero() {
		when = "due " + f.Due.Format(model.DateLayout)
	}
	whenStyle := st.Dim
	switch {
	case f.Done:
		when += " · done " + f.DoneAt.Format("2006-01-02 15:04")
		whenStyle = st.Good
	case f.Overdue(p.now):
		when = "overdue since " + f.Due.Format(model.DateLayout)
		whenStyle = st.Bad
	}
	for _, l := range ui.WrapWords(when, p.w, "  ") {
		lines = append(lines, whenStyle.Render(l))
	}
	if c := f.CommitmentLine(); c != "" {
		return append(lines, ui.WrapWords(c, p.w, "")...) // whose it is and the role that checks it
	}
	return append(lines, ui.WrapWords(f.Action, p.w, "")...)
}

// joinWords joins the texts that are not blank.
func joinWords(sep string, texts ...string) string {
	var out []string
	for _, t := range texts {
		if strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, sep)
}
