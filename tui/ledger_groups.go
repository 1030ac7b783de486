package tui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// meetingGroups places the records of a stream (concessions, notes) in the
// groups the Ledger and Notes panes show, in time order: before each meeting
// the records made outside any meeting that count with it (preparation,
// or between meetings), then the meeting's own; last, what was made after
// the last meeting ended. Group 2i is "before meeting i", 2i+1 is meeting i
// (indices into Dossier.Meetings), and 2·len(Meetings) is "after the last".
type meetingGroups struct {
	meetings []model.Meeting
	byID     map[uint64]int // meeting ID → index
	byNumber map[int]int    // meeting number → index
}

func newMeetingGroups(d *model.Dossier) meetingGroups {
	g := meetingGroups{meetings: d.Meetings, byID: make(map[uint64]int, len(d.Meetings)), byNumber: make(map[int]int, len(d.Meetings))}
	for i, mt := range d.Meetings {
		g.byID[mt.ID] = i
		g.byNumber[mt.Number] = i
	}
	return g
}

// count is the number of groups.
func (g meetingGroups) count() int { return 2*len(g.meetings) + 1 }

// of is the group of a record of meeting meetingID (0: none) that counts
// with meeting number epoch.
func (g meetingGroups) of(meetingID uint64, epoch int) int {
	if i, ok := g.byID[meetingID]; ok && meetingID != 0 {
		return 2*i + 1
	}
	if i, ok := g.byNumber[epoch]; ok {
		return 2 * i
	}
	return 2 * len(g.meetings)
}

// at is the group of a record of meeting meetingID (0: none) made at t.
func (g meetingGroups) at(meetingID uint64, t time.Time) int {
	if i, ok := g.byID[meetingID]; ok && meetingID != 0 {
		return 2*i + 1
	}
	return g.of(0, g.epoch(t))
}

// epoch is the number of the meeting a record made at t outside any meeting
// counts with: the first meeting that had not ended by then (as the ledger
// replay counts concessions), or the next one after the last.
func (g meetingGroups) epoch(t time.Time) int {
	n := 0
	for _, mt := range g.meetings {
		if mt.Ended.IsZero() || !t.After(mt.Ended) {
			return mt.Number
		}
		n = max(n, mt.Number)
	}
	return n + 1
}

// meeting is the meeting of group k, when k is a meeting's own group.
func (g meetingGroups) meeting(k int) (model.Meeting, int, bool) {
	if k%2 == 0 || k/2 >= len(g.meetings) {
		return model.Meeting{}, -1, false
	}
	return g.meetings[k/2], k / 2, true
}

// label names a group of records made outside meetings.
func (g meetingGroups) label(k int) string {
	i := k / 2
	switch {
	case len(g.meetings) == 0 || i == 0:
		return "Preparation"
	case i >= len(g.meetings):
		return fmt.Sprintf("After meeting %d", g.meetings[len(g.meetings)-1].Number)
	}
	return fmt.Sprintf("Between meetings %d and %d", g.meetings[i-1].Number, g.meetings[i].Number)
}

// meetingWhen is a meeting's date and times: "2026-11-18 14:00–15:45", or
// "2026-11-25 10:00– running" while it runs.
func meetingWhen(mt model.Meeting) string {
	start := mt.Started.Format("2006-01-02 15:04")
	switch {
	case mt.Ended.IsZero():
		return start + "– running"
	case mt.Ended.Format(model.DateLayout) == mt.Started.Format(model.DateLayout):
		return start + "–" + mt.Ended.Format("15:04")
	}
	return start + " – " + mt.Ended.Format("2006-01-02 15:04")
}

// meetingHeader is a meeting's name, times and place for a header row.
func meetingHeader(mt model.Meeting) headerParts {
	short := mt.Started.Format("01-02 15:04") + " running"
	if !mt.Ended.IsZero() {
		short = mt.Started.Format("01-02 15:04") + "–" + mt.Ended.Format("15:04")
	}
	return headerParts{name: fmt.Sprintf("Meeting %d", mt.Number), when: meetingWhen(mt), short: short, place: mt.Place}
}

// headerParts are the parts of a group's header row, most important first
// after the name: the row drops the later ones (place first) when narrow.
type headerParts struct {
	name  string // "Meeting 2", "Between meetings 1 and 2"
	when  string
	short string // when, shorter
	place string
	stats string // e.g. "gap closed 44% · reciprocity 1.74"
}

// render joins the parts that fit in w cells.
func (h headerParts) render(w int, selected bool, st *Styles) string {
	var rest []string
	for _, parts := range [][]string{{h.when, h.place, h.stats}, {h.when, h.stats}, {h.short, h.stats}, {h.stats}} {
		rest = rest[:0]
		for _, p := range parts {
			if p != "" {
				rest = append(rest, p)
			}
		}
		if textWidth(strings.Join(append([]string{h.name}, rest...), " · ")) <= w {
			break
		}
	}
	text := strings.Join(append([]string{h.name}, rest...), " · ")
	if selected {
		return st.Selected.Render(fit(text, w))
	}
	line := st.Accent.Render(h.name)
	if len(rest) > 0 {
		line += st.Dim.Render(" · " + strings.Join(rest, " · "))
	}
	return cut(line, w)
}

// openMeetingForm edits a meeting's place, attendees and summary; an ended
// meeting's summary stays editable.
func (m *Model) openMeetingForm(mt model.Meeting) {
	place := newField("Place", textField, mt.Place)
	attendees := newField("Attendees", textField, strings.Join(mt.Attendees, ", "))
	attendees.hint = "comma-separated"
	summary := newField("Summary", textField, mt.Summary)
	summary.hint = "what was agreed, what is next"
	title := fmt.Sprintf("Meeting %d · %s", mt.Number, meetingWhen(mt))
	if !mt.Ended.IsZero() {
		title += " (ended)"
	}
	m.form = newForm(title, []*field{place, attendees, summary}, func(f *form) (tea.Cmd, error) {
		v := mt
		v.Place = f.byLabel("Place").value()
		v.Attendees = splitAttendees(f.byLabel("Attendees").value())
		v.Summary = f.byLabel("Summary").value()
		return m.saveMeetingCmd(f.id, v, fmt.Sprintf("Meeting %d saved", v.Number)), nil
	})
	m.showForm(m.form, formRef{"meeting", mt.ID})
}

// splitAttendees reads a comma-separated list of names.
func splitAttendees(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// groupedRow is one row of a pane grouped by meeting (the ledger, the
// notes): a group's header or one record.
type groupedRow struct {
	group int    // see meetingGroups
	index int    // the record's index (Replay.Moves, Dossier.Notes); -1 for the group's header
	id    uint64 // the record's ID, or the meeting's for a header (0 between meetings)
}

// rowKey names what a row shows, so that the selection stays on it when
// the rows are rebuilt.
type rowKey struct {
	kind byte // 'h' a group header (id: the meeting's ID, 0 between meetings), 'r' a record
	id   uint64
}

// key names the row without reading the data behind it, which a write may
// have changed in place before the rows are rebuilt.
func (r groupedRow) key() rowKey {
	if r.index < 0 {
		return rowKey{'h', r.id}
	}
	return rowKey{'r', r.id}
}

// selectedKey names row pos and says whether it is the last one.
func selectedKey(rows []groupedRow, pos int) (rowKey, bool) {
	if len(rows) == 0 {
		return rowKey{}, true
	}
	return rows[pos].key(), pos >= len(rows)-1
}

// groupRows lists, group by group, the group's header and the records (of
// records(g)) that keep accepts. Without a filter every meeting keeps its
// header, even when empty; a group outside meetings shows only with records;
// with a filter only groups with matching records show.
func groupRows(dst []groupedRow, groups meetingGroups, records func(g int) []int, id func(i int) uint64,
	filtered bool, keep func(i int) bool) []groupedRow {
	for g := 0; g < groups.count(); g++ {
		start := len(dst)
		header := groupedRow{group: g, index: -1}
		mt, _, isMeeting := groups.meeting(g)
		if isMeeting {
			header.id = mt.ID
		}
		dst = append(dst, header)
		for _, i := range records(g) {
			if !filtered || keep(i) {
				dst = append(dst, groupedRow{group: g, index: i, id: id(i)})
			}
		}
		if len(dst) == start+1 && (filtered || !isMeeting) {
			dst = dst[:start]
		}
	}
	return dst
}

// selectRow puts the selection on the row key names, or on the last row when
// atEnd; it reports whether the named row is still there.
func selectRow(sel *selection, rows []groupedRow, key rowKey, atEnd bool) bool {
	sel.setN(len(rows))
	if atEnd {
		sel.moveTo(len(rows) - 1)
		return false
	}
	for i := range rows {
		if rows[i].key() == key {
			sel.moveTo(i)
			return true
		}
	}
	return false
}

// recordAt is the record index of row pos; false for a header or no row.
func recordAt(rows []groupedRow, pos int) (int, bool) {
	if pos >= len(rows) || rows[pos].index < 0 {
		return 0, false
	}
	return rows[pos].index, true
}
