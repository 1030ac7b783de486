// Package notes is the Notes pane: notes, actions and questions by meeting,
// newest last, filtered by kind and text.
package notes

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// noteShow is the kind filter that f cycles through.
type noteShow int

const (
	showAll noteShow = iota
	showNotes
	showActions
	showQuestions
	showOpen
	noteShowCount
)

// String names the filter in the pane's title.
func (s noteShow) String() string {
	return [...]string{"all", "notes", "actions", "questions", "open only"}[s]
}

func (s noteShow) accepts(n *model.Note) bool {
	switch s {
	case showNotes:
		return n.Kind == model.KindNote
	case showActions:
		return n.Kind == model.KindAction
	case showQuestions:
		return n.Kind == model.KindQuestion
	case showOpen:
		return n.Open()
	}
	return true
}

// Pane is the stream of notes, actions and questions, newest last,
// grouped by meeting. The filtered rows are indices, worked out when the
// data or the filter changes; only the visible rows are formatted.
type Pane struct {
	now     func() time.Time // stamps an action done
	snap    *vocab.Snapshot
	groups  ui.MeetingGroups
	cache   ui.RowCache
	order   []int // note indices, group by group, oldest first in each
	groupOf []int // each note's group, while SetData sorts them
	bounds  []int // group g's notes are order[bounds[g]:bounds[g+1]]
	open    []int // open actions and questions per group
	titles  map[uint64]string
	rows    []ui.GroupedRow
	show    noteShow
	filter  ui.FilterBox
	sel     ui.Selection
	w, h    int
	list    ui.ListKeys
	edit    ui.EditKeys
	keys    struct{ Done, Answer, Show, Share key.Binding }
}

// New makes the notes pane; now stamps actions done.
func New(now func() time.Time) *Pane {
	p := &Pane{now: now, list: ui.NewListKeys(), edit: ui.NewEditKeys("note"), filter: ui.NewFilterBox("filter by text or item")}
	p.edit.Add.SetHelp("a", "add (opens the capture line)")
	p.edit.Edit.SetHelp("enter/e", "edit · on a meeting row: place, attendees, summary")
	p.edit.Delete.SetHelp("d", "delete (asks first)")
	p.keys.Done = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "action done / not done"))
	p.keys.Answer = key.NewBinding(key.WithKeys("A", "r"), key.WithHelp("A/r", "answer the question"))
	p.keys.Show = key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "show all · notes · actions · questions · open"))
	p.keys.Share = key.NewBinding(key.WithKeys("+"), key.WithHelp("+", "share with the buyer (minutes) / make internal"))
	return p
}

// Title names the pane with its kind filter and text filter.
func (p *Pane) Title() string {
	t := "Notes"
	if p.show != showAll {
		t += " · " + p.show.String()
	}
	if q := p.filter.Query(); q != "" {
		t += " · /" + q
	}
	return t
}

// Keys are the pane's own keys, for the help.
func (p *Pane) Keys() []key.Binding {
	return []key.Binding{p.edit.Add, p.edit.Edit, p.edit.Delete, p.keys.Done, p.keys.Answer, p.keys.Share, p.keys.Show, p.edit.Filter}
}

// Typing reports whether the filter has the keys.
func (p *Pane) Typing() bool { return p.filter.On }

// SetSize gives the pane its size inside the frame.
func (p *Pane) SetSize(w, h int) {
	p.w, p.h = max(0, w), max(0, h)
	p.sel.SetHeight(p.listHeight())
}

// SetData groups the notes by meeting with one counting pass (the notes
// come oldest first, and stay so within each group).
func (p *Pane) SetData(s *vocab.Snapshot) {
	key, atEnd := p.selectedKey()
	p.snap = s
	p.filter.SetStyles(s.St)
	d := s.D
	p.groups = ui.NewMeetingGroups(d)
	count := p.groups.Count()
	// The lists are refilled, not made anew: a reload of a long stream of
	// notes is one more note, and made anew they were most of its garbage.
	groupOf := resize(&p.groupOf, len(d.Notes))
	p.bounds = resize(&p.bounds, count+1)
	clear(p.bounds)
	p.open = resize(&p.open, count)
	clear(p.open)
	for i := range d.Notes {
		n := &d.Notes[i]
		g := p.groups.At(n.MeetingID, n.At)
		groupOf[i] = g
		p.bounds[g+1]++
		if n.Open() {
			p.open[g]++
		}
	}
	for g := 0; g < count; g++ {
		p.bounds[g+1] += p.bounds[g]
	}
	p.order = resize(&p.order, len(d.Notes))
	next := make([]int, count)
	copy(next, p.bounds[:count])
	for i, g := range groupOf {
		p.order[next[g]] = i
		next[g]++
	}
	p.titles = make(map[uint64]string, len(d.Items))
	for _, it := range d.Items {
		p.titles[it.ID] = it.Title
	}
	p.applyFilter(key, atEnd)
}

// resize makes *buf n long, in the array it has when that is large enough.
func resize(buf *[]int, n int) []int {
	*buf = slices.Grow((*buf)[:0], n)[:n]
	return *buf
}

// SaveView is the selected row, the filter and which kinds show (f).
func (p *Pane) SaveView() vocab.PaneView {
	key, _ := p.selectedKey()
	return vocab.PaneView{Row: key.String(), Filter: p.filter.Text(), Mode: strconv.Itoa(int(p.show))}
}

// RestoreView puts back what SaveView kept, after SetData; a row no longer
// there leaves the newest selected.
func (p *Pane) RestoreView(v vocab.PaneView) {
	p.filter.SetText(v.Filter)
	if n, err := strconv.Atoi(v.Mode); err == nil && n >= 0 && n < int(noteShowCount) {
		p.show = noteShow(n)
	}
	key, ok := ui.ParseRowKey(v.Row)
	if !p.applyFilter(key, !ok) {
		p.applyFilter(key, true)
	}
}

// applyFilter rebuilds the rows; it reports whether the row named by key
// is still there (and selected).
func (p *Pane) applyFilter(key ui.RowKey, atEnd bool) bool {
	p.cache.Reset()
	p.rows = ui.GroupRows(p.rows[:0], p.groups, func(g int) []int { return p.order[p.bounds[g]:p.bounds[g+1]] },
		func(i int) uint64 { return p.snap.D.Notes[i].ID }, p.show != showAll || p.filter.Query() != "" || p.snap.Private, p.accepts)
	p.sel.SetHeight(p.listHeight())
	return ui.SelectRow(&p.sel, p.rows, key, atEnd)
}

func (p *Pane) accepts(i int) bool {
	n := &p.snap.D.Notes[i]
	return p.snap.Privacy().Note(*n) && p.show.accepts(n) && p.filter.Matches(n.Text, p.titles[n.ItemID], n.Answer)
}

// selectedKey names the selected row and says whether it is the last one:
// a stream followed at its end scrolls to each new note.
func (p *Pane) selectedKey() (ui.RowKey, bool) {
	if p.snap == nil {
		return ui.RowKey{}, true
	}
	return ui.SelectedKey(p.rows, p.sel.Pos)
}

// selectedNote is the note under the cursor.
func (p *Pane) selectedNote() (model.Note, bool) {
	i, ok := ui.RecordAt(p.rows, p.sel.Pos)
	if p.snap == nil || !ok {
		return model.Note{}, false
	}
	return p.snap.D.Notes[i], true
}

// refilter applies a changed filter, keeping the selected note when it
// still shows and going to the newest otherwise.
func (p *Pane) refilter() {
	key, atEnd := p.selectedKey()
	if !p.applyFilter(key, atEnd) {
		p.sel.MoveTo(len(p.rows) - 1)
	}
}

// Update takes a key while the pane has focus.
func (p *Pane) Update(msg tea.KeyMsg) tea.Cmd {
	if p.snap == nil {
		return nil
	}
	if p.filter.On {
		if p.filter.Update(msg) {
			p.refilter()
		}
		p.sel.SetHeight(p.listHeight())
		return nil
	}
	if p.sel.Update(msg, p.list) {
		return nil
	}
	switch {
	case key.Matches(msg, p.edit.Filter):
		cmd := p.filter.Start()
		p.sel.SetHeight(p.listHeight())
		return cmd
	case key.Matches(msg, p.keys.Show):
		p.show = (p.show + 1) % noteShowCount
		p.refilter()
		return vocab.Status("Notes: showing " + p.show.String())
	case key.Matches(msg, p.edit.Add):
		return vocab.Cmd(vocab.CaptureMsg{})
	}
	if p.sel.Pos >= len(p.rows) {
		return nil
	}
	n, isNote := p.selectedNote()
	switch {
	case key.Matches(msg, p.edit.Edit):
		if isNote {
			return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindNote, Record: n})
		} else if mt, _, ok := p.groups.Meeting(p.rows[p.sel.Pos].Group); ok {
			return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindMeeting, Record: mt})
		}
	case !isNote:
		return nil
	case key.Matches(msg, p.edit.Delete):
		return vocab.Cmd(vocab.ConfirmMsg{Question: fmt.Sprintf("Delete this %s?", n.Kind), Detail: ui.Cut(n.Text, 70),
			Yes: vocab.SaveMsg{Status: "Deleted " + string(n.Kind) + ": " + n.Text, Change: act.DeleteNote(p.snap.D.Negotiation.ID, n.ID)}})
	case key.Matches(msg, p.keys.Done):
		if n.Kind != model.KindAction {
			return vocab.Error(fmt.Errorf("x marks an action done; this is %s", n.Kind.WithArticle()))
		}
		v := editor.WithDone(n, !n.Done, p.now())
		status := "Done: " + v.Text
		if !v.Done {
			status = "Not done: " + v.Text
		}
		return vocab.Cmd(vocab.SaveMsg{Status: status, Change: act.SaveNote(p.snap.D.Negotiation.ID, v)})
	case key.Matches(msg, p.keys.Share):
		v := n
		v.Shared = !n.Shared
		status := "Shared with the buyer (in the minutes): " + v.Text
		if !v.Shared {
			status = "Internal again (not in the minutes): " + v.Text
		}
		return vocab.Cmd(vocab.SaveMsg{Status: status, Change: act.SaveNote(p.snap.D.Negotiation.ID, v)})
	case key.Matches(msg, p.keys.Answer):
		if n.Kind != model.KindQuestion {
			return vocab.Error(fmt.Errorf("only a question can be answered (A); this is %s", n.Kind.WithArticle()))
		}
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindAnswer, Record: n})
	}
	return nil
}

// Heights of the parts of the pane.

func (p *Pane) detailLines() int {
	if p.h >= 14 {
		return 3
	}
	return 0
}

func (p *Pane) listHeight() int {
	h := p.h - p.detailLines()
	if p.filter.Shown() {
		h--
	}
	return max(1, h)
}
