package model

// The brief's meeting record: per meeting, and per period between meetings,
// everything that happened in time order (DESIGN 7), and the account's
// contacts. What the buyer may not see is left out by the privacy rule.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// recordEntry is one line of the meeting record: a note or a move.
type recordEntry struct {
	at   time.Time
	text string
}

// recordGroup is a meeting, or the period outside meetings before the
// meeting numbered epoch (after the last one when no meeting has it).
type recordGroup struct {
	meeting *Meeting
	epoch   int
	entries []recordEntry
}

// meetingRecord groups the notes and moves the privacy rule shows by meeting
// and period, in time order: each period before the meeting it counts
// toward, the period after the last meeting last. Meetings are listed even
// when nothing was recorded in them.
func (b *briefWriter) meetingRecord() []recordGroup {
	d := b.d
	var groups []recordGroup
	index := map[string]int{}
	key := func(meetingID uint64, epoch int) string { return fmt.Sprintf("%d/%d", meetingID, epoch) }
	for i := range d.Meetings {
		m := &d.Meetings[i]
		index[key(0, m.Number)] = len(groups)
		groups = append(groups, recordGroup{epoch: m.Number})
		index[key(m.ID, 0)] = len(groups)
		groups = append(groups, recordGroup{meeting: m, epoch: m.Number})
	}
	after := d.NextMeetingNumber()
	index[key(0, after)] = len(groups)
	groups = append(groups, recordGroup{epoch: after})
	add := func(meetingID uint64, at time.Time, text string) {
		k := key(0, d.EpochAt(at))
		if _, ok := d.Meeting(meetingID); ok && meetingID != 0 {
			k = key(meetingID, 0)
		}
		if g, ok := index[k]; ok {
			groups[g].entries = append(groups[g].entries, recordEntry{at: at, text: text})
		}
	}
	for _, n := range d.Notes {
		if b.p.Note(n) {
			add(n.MeetingID, n.At, b.noteEntry(n))
		}
	}
	for _, mv := range b.r.Moves {
		add(mv.MeetingID, mv.At, b.moveEntry(mv))
	}
	for i := range groups {
		slices.SortStableFunc(groups[i].entries, func(x, y recordEntry) int { return x.at.Compare(y.at) })
	}
	return slices.DeleteFunc(groups, func(g recordGroup) bool { return g.meeting == nil && len(g.entries) == 0 })
}

// noteEntry is a note, action or question as the record lists it.
func (b *briefWriter) noteEntry(n Note) string {
	tag := ""
	if it, ok := b.d.Item(n.ItemID); ok {
		tag = " _(" + it.Title + ")_"
	}
	switch n.Kind {
	case KindAction:
		state := "open"
		if n.Done {
			state = "done"
			if !n.DoneAt.IsZero() {
				state += " " + n.DoneAt.Format(DateLayout)
			}
		}
		return fmt.Sprintf("action (%s): %s%s", state, oneLine(n.Text), tag)
	case KindQuestion:
		answer := "open"
		if a := oneLine(n.Answer); a != "" {
			answer = "answer: " + a
		}
		return fmt.Sprintf("question: %s%s — %s", oneLine(n.Text), tag, answer)
	}
	return fmt.Sprintf("note: %s%s", oneLine(n.Text), tag)
}

// moveEntry is a concession as the record lists it: who moved what, from
// where to where, and for what.
func (b *briefWriter) moveEntry(mv Move) string {
	it := b.d.Items[mv.Item]
	who := "we"
	if mv.By == Them {
		who = "they"
	}
	s := fmt.Sprintf("%s moved **%s** %s → %s", who, it.Title, it.Format(mv.From), it.Format(mv.To))
	if it.Unit != "" {
		s += " " + it.Unit
	}
	if t := oneLine(mv.TradedFor); t != "" {
		s += " for " + t
	}
	if n := oneLine(mv.Note); n != "" && b.p.Part(PartConcessionNote) {
		s += " (note: " + n + ")"
	}
	return s
}

func (b *briefWriter) record() {
	b.line("## Meeting record")
	b.line("")
	groups := b.meetingRecord()
	if len(groups) == 0 {
		b.line("Nothing recorded yet.")
		b.line("")
		return
	}
	for _, g := range groups {
		b.recordGroup(g)
	}
}

// recordGroup writes one meeting or period: its heading, the meeting's
// facts, then its entries.
func (b *briefWriter) recordGroup(g recordGroup) {
	layout := "2006-01-02 15:04"
	if m := g.meeting; m != nil {
		layout = "15:04"
		b.line("### %s", meetingHeading(*m))
		b.line("")
		if len(m.Attendees) > 0 {
			b.line("Attendees: %s", oneLine(strings.Join(m.Attendees, ", ")))
			b.line("")
		}
		if s := oneLine(m.Summary); s != "" && b.p.Part(PartMeetingSummary) {
			b.line("Summary: %s", s)
			b.line("")
		}
	} else {
		b.line("### %s", b.d.PeriodName(g.epoch))
		b.line("")
	}
	if len(g.entries) == 0 {
		b.line("Nothing recorded.")
	}
	for _, e := range g.entries {
		b.line("- %s %s", e.at.Format(layout), e.text)
	}
	b.line("")
}

// meetingHeading is "Meeting 2 · 2027-03-08 14:00–15:45 · Hollis head office".
func meetingHeading(m Meeting) string {
	when := m.Started.Format("2006-01-02 15:04")
	switch {
	case m.Ended.IsZero():
		when += " (running)"
	case m.Ended.Format(DateLayout) == m.Started.Format(DateLayout):
		when += "–" + m.Ended.Format("15:04")
	default:
		when += " – " + m.Ended.Format("2006-01-02 15:04")
	}
	parts := []string{fmt.Sprintf("Meeting %d", m.Number), when}
	if p := oneLine(m.Place); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, " · ")
}

// contacts lists the account's people the privacy rule shows, customer first.
func (b *briefWriter) contacts() {
	var shown []Contact
	for _, c := range b.d.Account.Contacts {
		if b.p.Contact(c) {
			shown = append(shown, c)
		}
	}
	if len(shown) == 0 {
		return
	}
	customerFirst := func(c Contact) int {
		if c.Side == CustomerSide {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(shown, func(x, y Contact) int { return cmp.Compare(customerFirst(x), customerFirst(y)) })
	b.line("## Contacts")
	b.line("")
	var rows [][]string
	for _, c := range shown {
		rows = append(rows, []string{string(c.Side), c.Name, c.Role, dash(c.Email), dash(c.Phone)})
	}
	b.table([]string{"Side", "Name", "Role", "E-mail", "Phone"}, rows)
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
