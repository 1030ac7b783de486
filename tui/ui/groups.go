package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/model"
)

// MeetingGroups places the records of a stream (concessions, notes) in the
// groups the Ledger and Notes panes show, in time order: before each meeting
// the records made outside any meeting that count with it (preparation,
// or between meetings), then the meeting's own; last, what was made after
// the last meeting ended. Group 2i is "before meeting i", 2i+1 is meeting i
// (indices into Dossier.Meetings), and 2·len(Meetings) is "after the last".
type MeetingGroups struct {
	d        *model.Dossier // names the periods between meetings
	meetings []model.Meeting
	byID     map[uint64]int // meeting ID → index
	byNumber map[int]int    // meeting number → index
}

// NewMeetingGroups groups by the negotiation's meetings.
func NewMeetingGroups(d *model.Dossier) MeetingGroups {
	g := MeetingGroups{d: d, meetings: d.Meetings, byID: make(map[uint64]int, len(d.Meetings)), byNumber: make(map[int]int, len(d.Meetings))}
	for i, mt := range d.Meetings {
		g.byID[mt.ID] = i
		g.byNumber[mt.Number] = i
	}
	return g
}

// Count is the number of groups.
func (g MeetingGroups) Count() int { return 2*len(g.meetings) + 1 }

// Of is the group of a record of meeting meetingID (0: none) that counts
// with meeting number epoch.
func (g MeetingGroups) Of(meetingID uint64, epoch int) int {
	if i, ok := g.byID[meetingID]; ok && meetingID != 0 {
		return 2*i + 1
	}
	if i, ok := g.byNumber[epoch]; ok {
		return 2 * i
	}
	return 2 * len(g.meetings)
}

// At is the group of a record of meeting meetingID (0: none) made at t.
func (g MeetingGroups) At(meetingID uint64, t time.Time) int {
	if i, ok := g.byID[meetingID]; ok && meetingID != 0 {
		return 2*i + 1
	}
	return g.Of(0, g.Epoch(t))
}

// Epoch is the number of the meeting a record made at t outside any meeting
// counts with: the first meeting that had not ended by then (as the ledger
// replay counts concessions), or the next one after the last.
func (g MeetingGroups) Epoch(t time.Time) int {
	n := 0
	for _, mt := range g.meetings {
		if mt.Ended.IsZero() || !t.After(mt.Ended) {
			return mt.Number
		}
		n = max(n, mt.Number)
	}
	return n + 1
}

// Meeting is the meeting of group k, when k is a meeting's own group.
func (g MeetingGroups) Meeting(k int) (model.Meeting, int, bool) {
	if k%2 == 0 || k/2 >= len(g.meetings) {
		return model.Meeting{}, -1, false
	}
	return g.meetings[k/2], k / 2, true
}

// Label names a group of records made outside meetings as the brief,
// the minutes and `parley note` name it (model's PeriodName): "Before
// meeting 1", "Between meetings 1 and 2", "After meeting 2".
func (g MeetingGroups) Label(k int) string {
	if i := k / 2; i < len(g.meetings) {
		return g.d.PeriodName(g.meetings[i].Number)
	}
	return g.d.PeriodName(g.d.NextMeetingNumber())
}

// MeetingWhen is a meeting's date and times: "2026-11-18 14:00–15:45", or
// "2026-11-25 10:00– running" while it runs.
func MeetingWhen(mt model.Meeting) string {
	start := mt.Started.Format("2006-01-02 15:04")
	switch {
	case mt.Ended.IsZero():
		return start + "– running"
	case mt.Ended.Format(model.DateLayout) == mt.Started.Format(model.DateLayout):
		return start + "–" + mt.Ended.Format("15:04")
	}
	return start + " – " + mt.Ended.Format("2006-01-02 15:04")
}

// MeetingHeader is a meeting's name, times and place for a header row.
func MeetingHeader(mt model.Meeting) HeaderParts {
	short := mt.Started.Format("01-02 15:04") + " running"
	if !mt.Ended.IsZero() {
		short = mt.Started.Format("01-02 15:04") + "–" + mt.Ended.Format("15:04")
	}
	return HeaderParts{Name: fmt.Sprintf("Meeting %d", mt.Number), When: MeetingWhen(mt), Short: short, Place: mt.Place}
}

// HeaderParts are the parts of a group's header row, most important first
// after the name: the row drops the later ones (place first) when narrow.
type HeaderParts struct {
	Name  string // "Meeting 2", "Between meetings 1 and 2"
	When  string
	Short string // when, shorter
	Place string
	Stats string // e.g. "gap closed 44% · reciprocity 1.74"
}

// Render joins the parts that Fit in w cells.
func (h HeaderParts) Render(w int, selected bool, st *Styles) string {
	var rest []string
	for _, parts := range [][]string{{h.When, h.Place, h.Stats}, {h.When, h.Stats}, {h.Short, h.Stats}, {h.Stats}} {
		rest = rest[:0]
		for _, p := range parts {
			if p != "" {
				rest = append(rest, p)
			}
		}
		if TextWidth(strings.Join(append([]string{h.Name}, rest...), " · ")) <= w {
			break
		}
	}
	text := strings.Join(append([]string{h.Name}, rest...), " · ")
	if selected {
		return SelectedRow(text, w, st)
	}
	line := st.Accent.Render(h.Name)
	if len(rest) > 0 {
		line += st.Dim.Render(" · " + strings.Join(rest, " · "))
	}
	return Cut(line, w)
}

// SplitAttendees reads a comma-separated list of names.
func SplitAttendees(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// GroupedRow is one row of a pane grouped by meeting (the ledger, the
// notes): a group's header or one record.
type GroupedRow struct {
	Group int    // see MeetingGroups
	Index int    // the record's index (Replay.Moves, Dossier.Notes); -1 for the group's header
	ID    uint64 // the record's ID, or the meeting's for a header (0 between meetings)
}

// RowKey names what a row shows, so that the Selection stays on it when
// the rows are rebuilt.
type RowKey struct {
	kind byte // 'h' a group header (id: the meeting's ID, 0 between meetings), 'r' a record
	id   uint64
}

// Key names the row without reading the data behind it, which a write may
// have changed in place before the rows are rebuilt.
func (r GroupedRow) Key() RowKey {
	if r.Index < 0 {
		return RowKey{'h', r.ID}
	}
	return RowKey{'r', r.ID}
}

// SelectedKey names row pos and says whether it is the last one.
func SelectedKey(rows []GroupedRow, pos int) (RowKey, bool) {
	if len(rows) == 0 {
		return RowKey{}, true
	}
	return rows[pos].Key(), pos >= len(rows)-1
}

// GroupRows lists, group by group, the group's header and the records (of
// records(g)) that keep accepts. Without a filter every meeting keeps its
// header, even when empty; a group outside meetings shows only with records;
// with a filter only groups with matching records show.
func GroupRows(dst []GroupedRow, groups MeetingGroups, records func(g int) []int, id func(i int) uint64,
	filtered bool, keep func(i int) bool) []GroupedRow {
	for g := 0; g < groups.Count(); g++ {
		start := len(dst)
		header := GroupedRow{Group: g, Index: -1}
		mt, _, isMeeting := groups.Meeting(g)
		if isMeeting {
			header.ID = mt.ID
		}
		dst = append(dst, header)
		for _, i := range records(g) {
			if !filtered || keep(i) {
				dst = append(dst, GroupedRow{Group: g, Index: i, ID: id(i)})
			}
		}
		if len(dst) == start+1 && (filtered || !isMeeting) {
			dst = dst[:start]
		}
	}
	return dst
}

// SelectRow puts the Selection on the row key names, or on the last row when
// atEnd; it reports whether the named row is still there.
func SelectRow(sel *Selection, rows []GroupedRow, key RowKey, atEnd bool) bool {
	sel.SetN(len(rows))
	if atEnd {
		sel.MoveTo(len(rows) - 1)
		return false
	}
	for i := range rows {
		if rows[i].Key() == key {
			sel.MoveTo(i)
			return true
		}
	}
	return false
}

// RecordAt is the record index of row pos; false for a header or no row.
func RecordAt(rows []GroupedRow, pos int) (int, bool) {
	if pos >= len(rows) || rows[pos].Index < 0 {
		return 0, false
	}
	return rows[pos].Index, true
}

// RecordKey names the row of the record with ID id.
func RecordKey(id uint64) RowKey { return RowKey{'r', id} }

// String writes the key to keep it across a restart: "r42", "h7".
func (k RowKey) String() string {
	if k.kind == 0 {
		return ""
	}
	return string(k.kind) + strconv.FormatUint(k.id, 10)
}

// ParseRowKey reads a key String wrote; false when s is not one.
func ParseRowKey(s string) (RowKey, bool) {
	if len(s) < 2 || (s[0] != 'r' && s[0] != 'h') {
		return RowKey{}, false
	}
	id, err := strconv.ParseUint(s[1:], 10, 64)
	if err != nil {
		return RowKey{}, false
	}
	return RowKey{s[0], id}, true
}
