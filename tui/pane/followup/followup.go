// Package followup is the Follow-up pane: the after-the-deal checklist by
// side and role, with people, due dates, overdue lines and progress.
package followup

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// followUpRow is one line of the checklist, or the heading of its side,
// formatted once per data change.
type followUpRow struct {
	index                int // in Dossier.FollowUps; -1 for a heading
	id                   uint64
	heading              string
	role, person, action string
	due, doneAt          string
	done, overdue        bool
}

// Pane is the after-the-deal checklist: who, on which side, does
// what by when, grouped customer / internal, with progress at the top.
type Pane struct {
	clock   func() time.Time // the workbench's clock, for overdue lines and done stamps
	snap    *vocab.Snapshot
	now     time.Time     // when the lines were last checked for being overdue
	rows    []followUpRow // headings and lines, after the filter
	maxRole int           // the longest role, for the column width
	commits bool          // a line shown checks a commitment: its action column says whose
	done    int
	total   int
	overdue int
	sel     ui.Selection
	selID   uint64 // the line to select after the next data change
	filter  ui.FilterBox
	w, h    int
	list    ui.ListKeys
	edit    ui.EditKeys
	keys    struct{ Toggle, Template, Commitments key.Binding }
}

// New makes the follow-up pane on the workbench's clock.
func New(clock func() time.Time) *Pane {
	p := &Pane{clock: clock, list: ui.NewListKeys(), edit: ui.NewEditKeys("line"), filter: ui.NewFilterBox("filter follow-up")}
	p.keys.Toggle = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "done / not done"))
	p.keys.Template = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "fill from the account's template"))
	p.keys.Commitments = key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "the agreement's commitments: shown, then written or updated"))
	return p
}

// Title names the pane.
func (p *Pane) Title() string { return "Follow-up" }

// Keys are the pane's own keys, for the help.
func (p *Pane) Keys() []key.Binding {
	return []key.Binding{p.edit.Add, p.edit.Edit, p.keys.Toggle, p.edit.Delete, p.keys.Template, p.keys.Commitments, p.edit.Filter}
}

// Typing reports whether the filter has the keys.
func (p *Pane) Typing() bool { return p.filter.On }

// SetSize gives the pane its size inside the frame.
func (p *Pane) SetSize(w, h int) {
	p.w, p.h = max(0, w), max(0, h)
	p.sel.SetHeight(p.listHeight())
}

// SetData takes the open negotiation, keeping the selected line.
func (p *Pane) SetData(s *vocab.Snapshot) {
	p.filter.SetStyles(s.St)
	// The lines may have moved (the old snapshot's lists were updated in
	// place): keep the selection by ID.
	if p.selID == 0 && p.sel.Pos < len(p.rows) {
		p.selID = p.rows[p.sel.Pos].id
	}
	p.snap = s
	p.now = p.clock() // the workbench's clock only ticks during meetings
	p.done, p.total = s.FollowUpProgress()
	p.overdue = 0
	priv := s.Privacy()
	for _, f := range s.D.FollowUps {
		if f.Overdue(p.now) && priv.FollowUp(f) {
			p.overdue++
		}
	}
	p.build()
}

// build groups the lines by side, heading each group, and keeps the selection
// on the same line when it is still there.
func (p *Pane) build() {
	p.rows = p.rows[:0]
	p.maxRole, p.commits = 0, false
	if p.snap == nil {
		return
	}
	d, priv := p.snap.D, p.snap.Privacy()
	for _, side := range []model.Side{model.CustomerSide, model.InternalSide} {
		var group []followUpRow
		done := 0
		for i, f := range d.FollowUps {
			if f.Side != side || !priv.FollowUp(f) || !p.filter.Matches(f.Role, f.Person, f.Action) {
				continue
			}
			if f.Done {
				done++
			}
			group = append(group, p.row(i, f))
			p.maxRole = max(p.maxRole, ui.TextWidth(f.Role))
			p.commits = p.commits || f.Commitment != ""
		}
		if len(group) == 0 {
			continue
		}
		title := "Customer side"
		if side == model.InternalSide {
			title = "Internal"
		}
		p.rows = append(p.rows, followUpRow{index: -1, heading: fmt.Sprintf("%s · %d/%d done", title, done, len(group))})
		p.rows = append(p.rows, group...)
	}
	p.sel.SetN(len(p.rows))
	p.sel.SetHeight(p.listHeight())
	pos := p.sel.Pos
	if p.selID != 0 {
		for k, r := range p.rows {
			if r.index >= 0 && r.id == p.selID {
				pos = k
			}
		}
		p.selID = 0
	}
	p.sel.MoveTo(pos)
	p.skipHeading(+1)
}

func (p *Pane) row(i int, f model.FollowUp) followUpRow {
	action := f.Action
	if f.Commitment != "" {
		action = f.Commitment // whose it is, and what: "they: 170,000 cases committed"
	}
	r := followUpRow{index: i, id: f.ID, role: f.Role, person: f.Person, action: action,
		done: f.Done, overdue: f.Overdue(p.now), due: "—"}
	if r.role == "" {
		r.role = "—"
	}
	if !f.Due.IsZero() {
		r.due = f.Due.Format(model.DateLayout)
	}
	if f.Done && !f.DoneAt.IsZero() {
		r.doneAt = f.DoneAt.Format(model.DateLayout)
	}
	return r
}

// skipHeading moves the selection off a heading, in the direction it moved.
func (p *Pane) skipHeading(dir int) {
	if p.sel.Pos >= len(p.rows) || p.rows[p.sel.Pos].index >= 0 {
		return
	}
	next := p.sel.Pos + dir
	if next < 0 || next >= len(p.rows) {
		next = p.sel.Pos - dir
	}
	if next >= 0 && next < len(p.rows) {
		p.sel.MoveTo(next)
	}
}

// SaveView is the selected line and the filter.
func (p *Pane) SaveView() vocab.PaneView {
	v := vocab.PaneView{Filter: p.filter.Text()}
	if f, ok := p.selected(); ok {
		v.Row = strconv.FormatUint(f.ID, 10)
	}
	return v
}

// RestoreView puts back what SaveView kept, after SetData.
func (p *Pane) RestoreView(v vocab.PaneView) {
	p.filter.SetText(v.Filter)
	if id, err := strconv.ParseUint(v.Row, 10, 64); err == nil {
		p.selID = id
	}
	p.build()
}

// selected is the follow-up line under the cursor.
func (p *Pane) selected() (model.FollowUp, bool) {
	if p.snap == nil || p.sel.Pos >= len(p.rows) || p.rows[p.sel.Pos].index < 0 {
		return model.FollowUp{}, false
	}
	return p.snap.D.FollowUps[p.rows[p.sel.Pos].index], true
}

// Update takes a key while the pane has focus.
func (p *Pane) Update(msg tea.KeyMsg) tea.Cmd {
	if p.snap == nil {
		return nil
	}
	if p.filter.On {
		if p.filter.Update(msg) {
			p.sel.MoveTo(0)
			p.build()
		}
		p.sel.SetHeight(p.listHeight())
		return nil
	}
	before := p.sel.Pos
	if p.sel.Update(msg, p.list) {
		dir := +1
		if p.sel.Pos < before {
			dir = -1
		}
		p.skipHeading(dir)
		return nil
	}
	f, ok := p.selected()
	switch {
	case key.Matches(msg, p.edit.Filter):
		cmd := p.filter.Start()
		p.sel.SetHeight(p.listHeight())
		return cmd
	case key.Matches(msg, p.keys.Template):
		return p.askTemplate()
	case key.Matches(msg, p.keys.Commitments):
		if q, ok := OfferCommitments(p.snap.D, p.snap.Privacy()); ok {
			return vocab.Cmd(q)
		}
		if len(model.Commitments(p.snap.D)) == 0 {
			return vocab.Status("No commitments yet: no item is agreed (agree <item> on the capture line)")
		}
		return vocab.Status("The checklist already holds the agreement's commitments as they stand")
	case key.Matches(msg, p.edit.Add):
		side := model.CustomerSide
		if ok {
			side = f.Side
		}
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindFollowUp, Record: model.FollowUp{Side: side}})
	case !ok:
		return nil
	case key.Matches(msg, p.edit.Edit):
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindFollowUp, Record: f})
	case key.Matches(msg, p.keys.Toggle):
		return p.toggle(f)
	case key.Matches(msg, p.edit.Delete):
		return vocab.Cmd(vocab.ConfirmMsg{Question: fmt.Sprintf("Delete the follow-up line %q?", editor.FollowUpName(f)), Detail: f.Action,
			Yes: vocab.SaveMsg{Status: "Deleted " + editor.FollowUpName(f), Change: act.DeleteFollowUp(p.snap.D.Negotiation.ID, f.ID)}})
	}
	return nil
}

// toggle marks a line done (stamped with the time) or open again, saved at once.
func (p *Pane) toggle(f model.FollowUp) tea.Cmd {
	f.Done = !f.Done
	f.DoneAt = time.Time{}
	status := "Open again: " + editor.FollowUpName(f)
	if f.Done {
		f.DoneAt = p.clock()
		status = "Done: " + editor.FollowUpName(f)
	}
	return vocab.Cmd(vocab.SaveMsg{Status: status, Change: act.SaveFollowUp(p.snap.D.Negotiation.ID, f)})
}

// askTemplate fills the checklist from the template: at once when it is
// empty, after a confirmation when that would replace lines.
func (p *Pane) askTemplate() tea.Cmd {
	d := p.snap.D
	fill := FillFromTemplate(d, p.clock())
	if len(d.FollowUps) == 0 {
		return vocab.Cmd(fill)
	}
	its := fmt.Sprintf("Its %d %s (%d done)", p.total, ui.Plural(p.total, "line", "lines"), p.done)
	if _, all := d.FollowUpProgress(); all > p.total {
		its += " and the lines privacy hides" // replaced too, and not counted on this screen
	}
	return vocab.Cmd(vocab.ConfirmMsg{Question: fmt.Sprintf("Replace the checklist with the %s template?", templateName(d.Account.Kind)),
		Detail: fmt.Sprintf("%s give way to %d new ones, due from today.", its, len(fill.Change.(*act.ReplaceFollowUps).Lines)),
		Yes:    fill})
}

// Offer is the question, on moving to agree or follow-up, whether to fill
// the empty checklist from the template for the account's kind.
func Offer(d *model.Dossier, now time.Time) vocab.ConfirmMsg {
	fill := FillFromTemplate(d, now)
	return vocab.ConfirmMsg{Question: "Fill the follow-up checklist now?",
		Detail: fmt.Sprintf("%d lines from the %s template (customer-side and internal roles), due from today.",
			len(fill.Change.(*act.ReplaceFollowUps).Lines), templateName(d.Account.Kind)),
		Yes: fill}
}

// OfferCommitments is the list of the agreement's commitments
// (model.Commitments: the agreed items at their agreed values and the
// trades that stand, with whose each is and the role that checks it), shown
// before anything is written: space leaves a line out, enter writes the
// chosen ones. Lines an earlier agreement made are updated in place, and
// those that no longer stand removed; false when the checklist already
// says it all. While privacy is on, internal lines are counted, not shown.
func OfferCommitments(d *model.Dossier, priv model.Privacy) (vocab.ChooseMsg, bool) {
	proposed := model.Commitments(d)
	lines, remove := model.CommitmentLines(d, proposed, nil)
	if len(lines) == 0 && len(remove) == 0 {
		return vocab.ChooseMsg{}, false
	}
	q := vocab.ChooseMsg{Question: fmt.Sprintf("Write the agreement's %d %s to the follow-up checklist?",
		len(proposed), ui.Plural(len(proposed), "commitment", "commitments")),
		No: vocab.StatusMsg{Text: "No commitments written: the checklist is as it was"}}
	for i, c := range proposed {
		q.Lines = append(q.Lines, c.Line())
		if !priv.FollowUp(model.FollowUp{Side: c.Side}) {
			q.Hidden = append(q.Hidden, i)
		}
	}
	updated := 0
	for _, f := range lines {
		if f.ID != 0 {
			updated++
		}
	}
	var detail []string
	if updated > 0 {
		detail = append(detail, fmt.Sprintf("%d already on the checklist %s updated", updated, ui.Plural(updated, "is", "are")))
	}
	if n := len(remove); n > 0 {
		detail = append(detail, fmt.Sprintf("%d from an earlier agreement no longer %s and %s removed", n,
			ui.Plural(n, "stands", "stand"), ui.Plural(n, "is", "are")))
	}
	q.Detail = strings.Join(detail, "; ")
	negID := d.Negotiation.ID
	q.Yes = func(chosen []bool) tea.Msg {
		lines, remove := model.CommitmentLines(d, proposed, chosen)
		if len(lines) == 0 && len(remove) == 0 {
			return vocab.StatusMsg{Text: "No commitments written: the checklist is as it was"}
		}
		status := fmt.Sprintf("Wrote %d %s to the follow-up checklist", len(lines), ui.Plural(len(lines), "commitment", "commitments"))
		if len(remove) > 0 {
			status += fmt.Sprintf(", removed %d that no longer %s", len(remove), ui.Plural(len(remove), "stands", "stand"))
		}
		return vocab.SaveMsg{Status: status, Change: &act.WriteCommitments{NegID: negID, Lines: lines, Remove: remove}}
	}
	return q, true
}

// FillFromTemplate replaces the checklist with the template for the
// account's kind, in one transaction, due dates counted from now.
func FillFromTemplate(d *model.Dossier, now time.Time) vocab.SaveMsg {
	contacts := append([]model.Contact(nil), d.Account.Contacts...)
	lines := model.FollowUpTemplate(d.Account.Kind, now, contacts)
	return vocab.SaveMsg{Status: fmt.Sprintf("Follow-up checklist filled from the %s template: %d lines", templateName(d.Account.Kind), len(lines)),
		Change: &act.ReplaceFollowUps{NegID: d.Negotiation.ID, Lines: lines}}
}

// Saved selects a line just saved (a new one has its ID only now).
func (p *Pane) Saved(c act.Change) {
	if s, ok := c.(*act.Save[model.FollowUp]); ok {
		p.selID = s.Record.ID
	}
}

// templateName names the template an account kind gets.
func templateName(k model.AccountKind) string {
	if k == model.Retail {
		return "retail"
	}
	return "industrial and commercial"
}
