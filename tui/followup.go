package tui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
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

// followUpPane is the after-the-deal checklist: who, on which side, does
// what by when, grouped customer / internal, with progress at the top.
type followUpPane struct {
	m       *Model
	snap    *snapshot
	now     time.Time     // when the lines were last checked for being overdue
	rows    []followUpRow // headings and lines, after the filter
	maxRole int           // the longest role, for the column width
	done    int
	total   int
	overdue int
	sel     ui.Selection
	selID   uint64 // the line to select after the next data change
	filter  ui.FilterBox
	w, h    int
	list    ui.ListKeys
	edit    ui.EditKeys
	keys    struct{ Toggle, Template key.Binding }
}

func newFollowUpPane(m *Model) pane {
	p := &followUpPane{m: m, list: ui.NewListKeys(), edit: ui.NewEditKeys("line"), filter: ui.NewFilterBox("filter follow-up")}
	p.keys.Toggle = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "done / not done"))
	p.keys.Template = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "fill from the account's template"))
	return p
}

func (p *followUpPane) Title() string { return "Follow-up" }

func (p *followUpPane) Keys() []key.Binding {
	return []key.Binding{p.edit.Add, p.edit.Edit, p.keys.Toggle, p.edit.Delete, p.keys.Template, p.edit.Filter}
}

func (p *followUpPane) Typing() bool { return p.filter.On }

func (p *followUpPane) SetSize(w, h int) {
	p.w, p.h = max(0, w), max(0, h)
	p.sel.SetHeight(p.listHeight())
}

func (p *followUpPane) SetData(s *snapshot) {
	// The lines may have moved (the old snapshot's lists were updated in
	// place): keep the ui.Selection by ID.
	if p.selID == 0 && p.sel.Pos < len(p.rows) {
		p.selID = p.rows[p.sel.Pos].id
	}
	p.snap = s
	p.now = p.m.opts.Now() // the workbench's clock only ticks during meetings
	p.done, p.total = s.d.FollowUpProgress()
	p.overdue = 0
	for _, f := range s.d.FollowUps {
		if f.Overdue(p.now) {
			p.overdue++
		}
	}
	p.build()
}

// build groups the lines by side, heading each group, and keeps the ui.Selection
// on the same line when it is still there.
func (p *followUpPane) build() {
	p.rows = p.rows[:0]
	p.maxRole = 0
	if p.snap == nil {
		return
	}
	d := p.snap.d
	for _, side := range []model.Side{model.CustomerSide, model.InternalSide} {
		var group []followUpRow
		done := 0
		for i, f := range d.FollowUps {
			if f.Side != side || !p.filter.Matches(f.Role, f.Person, f.Action) {
				continue
			}
			if f.Done {
				done++
			}
			group = append(group, p.row(i, f))
			p.maxRole = max(p.maxRole, ui.TextWidth(f.Role))
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

func (p *followUpPane) row(i int, f model.FollowUp) followUpRow {
	r := followUpRow{index: i, id: f.ID, role: f.Role, person: f.Person, action: f.Action,
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

// skipHeading moves the ui.Selection off a heading, in the direction it moved.
func (p *followUpPane) skipHeading(dir int) {
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

// selected is the follow-up line under the cursor.
func (p *followUpPane) selected() (model.FollowUp, bool) {
	if p.snap == nil || p.sel.Pos >= len(p.rows) || p.rows[p.sel.Pos].index < 0 {
		return model.FollowUp{}, false
	}
	return p.snap.d.FollowUps[p.rows[p.sel.Pos].index], true
}

func (p *followUpPane) Update(msg tea.KeyMsg) tea.Cmd {
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
	m := p.m
	f, ok := p.selected()
	switch {
	case key.Matches(msg, p.edit.Filter):
		cmd := p.filter.Start()
		p.sel.SetHeight(p.listHeight())
		return cmd
	case key.Matches(msg, p.keys.Template):
		return p.askTemplate()
	case key.Matches(msg, p.edit.Add):
		side := model.CustomerSide
		if ok {
			side = f.Side
		}
		m.openFollowUpForm(model.FollowUp{Side: side})
	case !ok:
		return nil
	case key.Matches(msg, p.edit.Edit):
		m.openFollowUpForm(f)
	case key.Matches(msg, p.keys.Toggle):
		return p.toggle(f)
	case key.Matches(msg, p.edit.Delete):
		p.askDelete(f)
	}
	return nil
}

// toggle marks a line done (stamped with the time) or open again, saved at once.
func (p *followUpPane) toggle(f model.FollowUp) tea.Cmd {
	f.Done = !f.Done
	f.DoneAt = time.Time{}
	status := "Open again: " + followUpName(f)
	if f.Done {
		f.DoneAt = p.m.opts.Now()
		status = "Done: " + followUpName(f)
	}
	return p.m.saveFollowUpCmd(0, f, status)
}

func (p *followUpPane) askDelete(f model.FollowUp) {
	m := p.m
	negID := m.negID()
	m.askConfirm(fmt.Sprintf("Delete the follow-up line %q?", followUpName(f)), f.Action, func() tea.Cmd {
		return writeCmd(m.store, 0, "Deleted "+followUpName(f), func(s Store) (func(*model.Dossier), error) {
			if err := s.DeleteFollowUp(negID, f.ID); err != nil {
				return nil, err
			}
			return func(d *model.Dossier) {
				d.FollowUps = remove(d.FollowUps, f.ID, func(f model.FollowUp) uint64 { return f.ID })
			}, nil
		})
	})
}

// askTemplate fills the checklist from the template: at once when it is
// empty, after a confirmation when that would replace lines.
func (p *followUpPane) askTemplate() tea.Cmd {
	m := p.m
	d := m.snap.d
	if len(d.FollowUps) == 0 {
		return m.fillFollowUpsCmd()
	}
	m.askConfirm(fmt.Sprintf("Replace the checklist with the %s template?", templateName(d.Account.Kind)),
		fmt.Sprintf("Its %d %s (%d done) give way to %d new ones, due from today.",
			p.total, ui.Plural(p.total, "line", "lines"), p.done, len(model.FollowUpTemplate(d.Account.Kind, m.opts.Now(), nil))),
		m.fillFollowUpsCmd)
	return nil
}

// offerFollowUps offers to fill the follow-up checklist from the template
// for the account's kind (on moving to agree or follow-up).
func (m *Model) offerFollowUps() tea.Cmd {
	if m.snap == nil || len(m.snap.d.FollowUps) > 0 {
		return nil
	}
	kind := m.snap.d.Account.Kind
	n := len(model.FollowUpTemplate(kind, m.opts.Now(), nil))
	m.askConfirm("Fill the follow-up checklist now?",
		fmt.Sprintf("%d lines from the %s template (customer-side and internal roles), due from today.", n, templateName(kind)),
		func() tea.Cmd {
			m.setFocus(paneFollowUp)
			return m.fillFollowUpsCmd()
		})
	return nil
}

// fillFollowUpsCmd replaces the checklist with the template for the
// account's kind, in one transaction, due dates counted from today.
func (m *Model) fillFollowUpsCmd() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	d := m.snap.d
	contacts := append([]model.Contact(nil), d.Account.Contacts...)
	lines := model.FollowUpTemplate(d.Account.Kind, m.opts.Now(), contacts)
	negID := d.Negotiation.ID
	status := fmt.Sprintf("Follow-up checklist filled from the %s template: %d lines", templateName(d.Account.Kind), len(lines))
	return writeCmd(m.store, 0, status, func(s Store) (func(*model.Dossier), error) {
		out, err := s.ReplaceFollowUps(negID, lines)
		if err != nil {
			return nil, err
		}
		return func(d *model.Dossier) { d.FollowUps = out }, nil
	})
}

// saveFollowUpCmd writes one follow-up line (a copy) and selects it.
func (m *Model) saveFollowUpCmd(origin int, f model.FollowUp, status string) tea.Cmd {
	negID := m.negID()
	p := m.panes[paneFollowUp].(*followUpPane)
	return writeCmd(m.store, origin, status, func(s Store) (func(*model.Dossier), error) {
		if err := s.SaveFollowUp(negID, &f); err != nil {
			return nil, err
		}
		return func(d *model.Dossier) {
			d.FollowUps = upsert(d.FollowUps, f, func(f model.FollowUp) uint64 { return f.ID })
			p.selID = f.ID
		}, nil
	})
}

// templateName names the template an account kind gets.
func templateName(k model.AccountKind) string {
	if k == model.Retail {
		return "retail"
	}
	return "industrial and commercial"
}

// followUpName is how a line is named in messages: its role, else its person.
func followUpName(f model.FollowUp) string {
	if f.Role != "" {
		return f.Role
	}
	return f.Person
}
