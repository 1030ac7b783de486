package model

// The brief's open actions and questions and the follow-up checklist.

import (
	"slices"
	"strings"
)

func (b *briefWriter) openNotes() {
	b.line("## Open actions and questions")
	b.line("")
	listed := false
	for _, n := range b.d.Notes {
		if !n.Open() || !b.p.Note(n) {
			continue
		}
		listed = true
		tag := ""
		if it, ok := b.d.Item(n.ItemID); ok {
			tag = " _(" + it.Title + ")_"
		}
		if n.Kind == KindAction {
			b.line("- [ ] %s%s", oneLine(n.Text), tag)
		} else {
			b.line("- ? %s%s", oneLine(n.Text), tag)
		}
	}
	if !listed {
		b.line("Nothing open.")
	}
	b.line("")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (b *briefWriter) followUps() {
	var shown []FollowUp
	done, total := 0, 0
	for _, f := range b.d.FollowUps {
		if b.p.FollowUp(f) {
			shown = append(shown, f)
			total++
			if f.Done {
				done++
			}
		}
	}
	b.line("## Follow-up")
	b.line("")
	if total == 0 {
		b.line("Progress: 0/0 (no checklist yet)")
		b.line("")
		return
	}
	b.line("Progress: %d/%d `%s`", done, total, Bar(float64(done)/float64(total), 20))
	b.line("")
	var rows [][]string
	for _, f := range shown {
		due := "—"
		if !f.Due.IsZero() {
			due = f.Due.Format(DateLayout)
			if !b.now.IsZero() && f.Overdue(b.now) {
				due += " (overdue)"
			}
		}
		state := "open"
		if f.Done {
			state = "done " + f.DoneAt.Format(DateLayout)
		}
		rows = append(rows, []string{string(f.Side), f.Role, f.Person, f.Action, due, state, dash(f.Commitment)})
	}
	head := []string{"Side", "Role", "Person", "Action", "Due", "Done", "Commitment"}
	if !slices.ContainsFunc(shown, func(f FollowUp) bool { return f.Commitment != "" }) {
		head = head[:len(head)-1] // no commitments yet: the template's lines only
		for i := range rows {
			rows[i] = rows[i][:len(head)]
		}
	}
	b.table(head, rows)
}
