// Package deal is the Deal pane (6): the packages side by side — our offer
// and theirs first, then last year, our walk-away, target and the proposals
// — item by item, with what each earns us a year, its change against last
// year, its score and its verdict in words; then the selected package's
// contribution at low, expected and high volume, its term, the bridge from
// last year and the tornado as bars, and its waterfall (DESIGN 5.2–5.4,
// 5.8). Proposals are edited in their cells; M makes equivalent offers to
// table together.
package deal

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
)

// column is one package of the table.
type column struct {
	result model.PackageResult
	saved  bool // a saved proposal or equivalent offer: edited, tabled, deleted
	offer  bool // an equivalent offer not saved yet
	// analysis is the controller's figures (range, term, bridge, tornado),
	// worked out once when the column is first shown selected.
	analysis *model.Analysis
}

func (c column) pkg() model.Package { return c.result.Package }

// Pane is the Deal pane.
type Pane struct {
	snap   *vocab.Snapshot
	cols   []column
	rows   []int // the agenda indices of the numeric items
	row    int   // the selected item (index into rows)
	col    int   // the selected package (index into cols)
	offers []model.Package
	says   map[string]string // what each offer gives and asks, by name
	reason string            // why fewer equivalent offers than asked, or none
	pick   string            // the package to select after the next data change
	edit   textinput.Model
	typing bool
	now    func() time.Time
	w, h   int
	keys   keys
}

type keys struct {
	Left, Right, Up, Down, New, Edit, Delete, Offers, Table key.Binding
}

// New makes the Deal pane; now stamps a tabled package.
func New(now func() time.Time) *Pane {
	p := &Pane{now: now}
	p.keys = keys{
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←→/hl", "package")),
		Right:  key.NewBinding(key.WithKeys("right", "l")),
		Up:     key.NewBinding(key.WithKeys("up", "k")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		New:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "new proposal from the selected package")),
		Edit:   key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "edit the proposal's value of the item")),
		Delete: key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete the proposal")),
		Offers: key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "equivalent offers (MESO) from the selected package")),
		Table:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "table the proposal in the running meeting")),
	}
	p.edit = textinput.New()
	p.edit.Prompt = ""
	p.edit.CharLimit = 40
	p.edit.Cursor.SetMode(cursor.CursorStatic)
	return p
}

// Title names the pane.
func (p *Pane) Title() string { return "Deal" }

// Keys are the pane's own keys, for the help.
func (p *Pane) Keys() []key.Binding {
	k := p.keys
	return []key.Binding{k.Left, k.New, k.Edit, k.Offers, k.Table, k.Delete}
}

// Typing reports whether a cell is being edited.
func (p *Pane) Typing() bool { return p.typing }

// SetSize gives the pane its size inside the frame.
func (p *Pane) SetSize(w, h int) { p.w, p.h = max(0, w), max(0, h) }

// SetData takes the open negotiation: the packages as the snapshot judged
// them, then the equivalent offers still on screen, priced again.
func (p *Pane) SetData(s *vocab.Snapshot) {
	selected := p.selectedName()
	if p.pick != "" {
		selected, p.pick = p.pick, ""
	}
	p.snap = s
	s.St.StyleInput(&p.edit)
	p.rows = p.rows[:0]
	for i, it := range s.D.Items {
		if it.Numeric() {
			p.rows = append(p.rows, i)
		}
	}
	p.cols = p.cols[:0]
	// Our offer and theirs first, side by side (issue 18, finding 8): the
	// comparison a KAM makes most; then last year, walk-away, target and
	// the proposals.
	first := func(pr model.PackageResult) bool {
		return pr.Package.Origin == model.OriginOurs || pr.Package.Origin == model.OriginTheirs
	}
	for _, lead := range []bool{true, false} {
		for _, pr := range s.Deal.Results {
			if first(pr) != lead {
				continue
			}
			saved := pr.Package.Origin == model.OriginProposal || pr.Package.Origin == model.OriginMeso
			p.cols = append(p.cols, column{result: pr, saved: saved && pr.Package.ID != 0})
		}
	}
	for _, o := range p.offers {
		p.cols = append(p.cols, column{result: s.R.Evaluate(o), offer: true})
	}
	p.row = min(max(0, p.row), max(0, len(p.rows)-1))
	p.col = min(max(0, p.col), max(0, len(p.cols)-1))
	for i, c := range p.cols {
		if c.pkg().Name == selected {
			p.col = i
		}
	}
}

func (p *Pane) selectedName() string {
	if c, ok := p.selected(); ok {
		return c.pkg().Name
	}
	return ""
}

func (p *Pane) selected() (column, bool) {
	if p.col < len(p.cols) {
		return p.cols[p.col], true
	}
	return column{}, false
}

// item is the selected row's agenda item.
func (p *Pane) item() (model.AgendaItem, bool) {
	if p.snap == nil || p.row >= len(p.rows) {
		return model.AgendaItem{}, false
	}
	return p.snap.D.Items[p.rows[p.row]], true
}

// Saved selects a proposal just saved (by name: a new one has its ID only
// now) once the new data comes.
func (p *Pane) Saved(c act.Change) {
	if s, ok := c.(*act.Save[model.Package]); ok {
		p.pick = s.Record.Name
		p.dropOffer(s.Record.Name)
	}
}

// dropOffer takes an equivalent offer off the screen once it is saved.
func (p *Pane) dropOffer(name string) {
	kept := p.offers[:0]
	for _, o := range p.offers {
		if o.Name != name {
			kept = append(kept, o)
		}
	}
	p.offers = kept
}

// Update takes a key while the pane has focus.
func (p *Pane) Update(msg tea.KeyMsg) tea.Cmd {
	if p.snap == nil || p.snap.Private {
		return nil
	}
	if p.typing {
		return p.editKey(msg)
	}
	k := p.keys
	switch {
	case key.Matches(msg, k.Left):
		p.col = max(0, p.col-1)
	case key.Matches(msg, k.Right):
		p.col = min(max(0, len(p.cols)-1), p.col+1)
	case key.Matches(msg, k.Up):
		p.row = max(0, p.row-1)
	case key.Matches(msg, k.Down):
		p.row = min(max(0, len(p.rows)-1), p.row+1)
	case key.Matches(msg, k.New):
		return p.newProposal()
	case key.Matches(msg, k.Edit):
		return p.startEdit()
	case key.Matches(msg, k.Offers):
		return p.makeOffers()
	case key.Matches(msg, k.Table):
		return p.table()
	case key.Matches(msg, k.Delete):
		return p.askDelete()
	}
	return nil
}

// newProposal saves the selected package (our offer when none) as a new
// proposal to work on; an equivalent offer is saved as it is.
func (p *Pane) newProposal() tea.Cmd {
	c, ok := p.selected()
	if !ok {
		return vocab.Error(fmt.Errorf("no package to start from: the agenda has no numeric items"))
	}
	pkg := model.Package{Name: p.freeName("Proposal"), Origin: model.OriginProposal, Values: copyValues(c.pkg().Values)}
	if c.offer {
		pkg.Name, pkg.Origin = c.pkg().Name, model.OriginMeso
	}
	return vocab.Cmd(vocab.SaveMsg{Status: "Saved " + pkg.Name + ": edit its cells with enter", Change: act.SavePackage(p.snap.D.Negotiation.ID, pkg)})
}

// freeName is the first "<base> N" no package has.
func (p *Pane) freeName(base string) string {
	used := map[string]bool{}
	for _, c := range p.cols {
		used[c.pkg().Name] = true
	}
	for n := 1; ; n++ {
		if name := fmt.Sprintf("%s %d", base, n); !used[name] {
			return name
		}
	}
}

func copyValues(v model.Values) model.Values {
	out := make(model.Values, len(v))
	for k, x := range v {
		out[k] = x
	}
	return out
}
