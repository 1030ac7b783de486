package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// pickerDataMsg brings the accounts and negotiations for the picker.
type pickerDataMsg struct {
	accounts     []model.Account
	negotiations []model.Negotiation
	err          error
}

func pickerDataCmd(s Store) tea.Cmd {
	return func() tea.Msg {
		accounts, err := s.Accounts()
		if err != nil {
			return pickerDataMsg{err: err}
		}
		negs, err := s.Negotiations()
		return pickerDataMsg{accounts: accounts, negotiations: negs, err: err}
	}
}

// pickerRow is an account or one of its negotiations.
type pickerRow struct {
	account model.Account
	neg     *model.Negotiation
}

// picker lists accounts with their negotiations to open, create, rename and delete.
type picker struct {
	m        *Model
	data     pickerDataMsg
	rows     []pickerRow
	sel      ui.Selection
	filter   textinput.Model
	filterOn bool
	keys     pickerKeys
	list     ui.ListKeys
}

type pickerKeys struct {
	Open, NewNeg, NewAccount, Edit, Delete, Filter, Close key.Binding
}

func (m *Model) openPicker() tea.Cmd {
	p := &picker{m: m, list: ui.NewListKeys()}
	p.filter = textinput.New()
	p.filter.Prompt = "/ "
	p.filter.Placeholder = "filter accounts and negotiations"
	p.keys = pickerKeys{
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		NewNeg:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "new negotiation")),
		NewAccount: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "new account")),
		Edit:       key.NewBinding(key.WithKeys("e", "r"), key.WithHelp("e/r", "edit/rename")),
		Delete:     key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Close:      key.NewBinding(key.WithKeys("esc", "o", "q"), key.WithHelp("esc", "close")),
	}
	m.picker = p
	return pickerDataCmd(m.store)
}

func (p *picker) setData(msg pickerDataMsg) {
	if msg.err != nil {
		p.m.setError(msg.err)
		return
	}
	p.data = msg
	p.rebuild()
}

// rebuild lists the rows that match the filter, accounts by name with their
// negotiations newest first, and selects the open negotiation the first time.
func (p *picker) rebuild() {
	q := strings.ToLower(strings.TrimSpace(p.filter.Value()))
	match := func(s string) bool { return q == "" || strings.Contains(strings.ToLower(s), q) }
	byAccount := map[uint64][]model.Negotiation{}
	for _, n := range p.data.negotiations {
		byAccount[n.AccountID] = append(byAccount[n.AccountID], n)
	}
	p.rows = p.rows[:0]
	selected := -1
	for _, a := range p.data.accounts {
		negs := byAccount[a.ID]
		slices.SortFunc(negs, func(x, y model.Negotiation) int { return cmp.Compare(y.ID, x.ID) })
		accountMatches := match(a.Name) || match(a.Category) || match(string(a.Kind))
		var shown []model.Negotiation
		for _, n := range negs {
			if accountMatches || match(n.Title) {
				shown = append(shown, n)
			}
		}
		if !accountMatches && len(shown) == 0 {
			continue
		}
		p.rows = append(p.rows, pickerRow{account: a})
		for i := range shown {
			if shown[i].ID == p.m.negID() {
				selected = len(p.rows)
			}
			p.rows = append(p.rows, pickerRow{account: a, neg: &shown[i]})
		}
	}
	p.sel.SetN(len(p.rows))
	if selected >= 0 && p.sel.Pos == 0 {
		p.sel.MoveTo(selected)
	}
}

func (p *picker) current() (pickerRow, bool) {
	if p.sel.Pos < len(p.rows) {
		return p.rows[p.sel.Pos], true
	}
	return pickerRow{}, false
}

func (p *picker) update(msg tea.KeyMsg) tea.Cmd {
	m := p.m
	if p.filterOn {
		switch msg.String() {
		case "enter":
			p.filterOn = false
			p.filter.Blur()
		case "esc":
			p.filterOn = false
			p.filter.Blur()
			p.filter.SetValue("")
			p.rebuild()
		default:
			var cmd tea.Cmd
			p.filter, cmd = p.filter.Update(msg)
			p.sel.MoveTo(0)
			p.rebuild()
			return cmd
		}
		return nil
	}
	if p.sel.Update(msg, p.list) {
		return nil
	}
	row, ok := p.current()
	switch {
	case key.Matches(msg, p.keys.Close):
		m.picker = nil
	case key.Matches(msg, p.keys.Filter):
		p.filterOn = true
		return p.filter.Focus()
	case key.Matches(msg, p.keys.NewAccount):
		m.openAccountForm(model.Account{Kind: model.Retail}, true)
	case key.Matches(msg, p.keys.NewNeg):
		if !ok {
			m.openAccountForm(model.Account{Kind: model.Retail}, true)
			return nil
		}
		m.openNegotiationForm(model.Negotiation{AccountID: row.account.ID}, row.account)
	case !ok:
		return nil
	case key.Matches(msg, p.keys.Open):
		if row.neg == nil {
			if next := p.sel.Pos + 1; next < len(p.rows) && p.rows[next].neg != nil && p.rows[next].account.ID == row.account.ID {
				p.sel.MoveTo(next)
				return nil
			}
			m.openNegotiationForm(model.Negotiation{AccountID: row.account.ID}, row.account)
			return nil
		}
		m.picker = nil
		m.setStatus("Opened " + row.account.Name + " › " + row.neg.Title)
		return loadCmd(m.store, row.neg.ID)
	case key.Matches(msg, p.keys.Edit):
		if row.neg != nil {
			m.openNegotiationForm(*row.neg, row.account)
		} else {
			m.openAccountForm(row.account, false)
		}
	case key.Matches(msg, p.keys.Delete):
		p.askDelete(row)
	}
	return nil
}

func (p *picker) askDelete(row pickerRow) {
	m, s := p.m, p.m.store
	open := m.negID()
	if row.neg != nil {
		n := *row.neg
		m.askConfirm(fmt.Sprintf("Delete the negotiation %q?", n.Title),
			"Its agenda, meetings, ledger, notes, follow-ups and scenarios go with it. This cannot be undone.",
			func() tea.Cmd {
				return func() tea.Msg {
					err := s.DeleteNegotiation(n.ID)
					return pickerChangedMsg{status: "Deleted " + n.Title, closedOpen: n.ID == open, err: err}
				}
			})
		return
	}
	a := row.account
	count, hasOpen := 0, false
	for _, n := range p.data.negotiations {
		if n.AccountID == a.ID {
			count++
			hasOpen = hasOpen || n.ID == open
		}
	}
	m.askConfirm(fmt.Sprintf("Delete the account %q?", a.Name),
		fmt.Sprintf("Its %d %s and everything in them go with it. This cannot be undone.", count, ui.Plural(count, "negotiation", "negotiations")),
		func() tea.Cmd {
			return func() tea.Msg {
				err := s.DeleteAccount(a.ID)
				return pickerChangedMsg{status: "Deleted " + a.Name, closedOpen: hasOpen, err: err}
			}
		})
}

func (p *picker) view(w, h int) []string {
	st := p.m.st
	width := min(max(0, w-4), 90)
	lines := []string{st.Bold.Render("Accounts and negotiations")}
	if p.filterOn || p.filter.Value() != "" {
		p.filter.Width = max(1, width-4)
		lines = append(lines, p.filter.View())
	}
	listH := max(1, h-2-len(lines)-2)
	p.sel.SetHeight(listH)
	if len(p.rows) == 0 {
		if len(p.data.accounts) == 0 {
			lines = append(lines, st.Dim.Render("No accounts yet: press A to create one."))
		} else {
			lines = append(lines, st.Dim.Render("Nothing matches the filter."))
		}
	}
	from, to := p.sel.Visible()
	for i := from; i < to; i++ {
		r := p.rows[i]
		var text string
		if r.neg == nil {
			text = st.Bold.Render(r.account.Name) + st.Dim.Render(fmt.Sprintf("  %s · %s", r.account.Kind, r.account.Category))
		} else {
			n := r.neg
			marker := "  "
			if n.ID == p.m.negID() {
				marker = st.Accent.Render("● ")
			}
			text = "  " + marker + n.Title + st.Dim.Render(fmt.Sprintf("  %s · %s · #%d", n.Stage, n.Status, n.ID))
		}
		text = ui.Fit(text, width)
		if i == p.sel.Pos {
			text = st.Selected.Render(ui.Fit(ansi.Strip(text), width))
		}
		lines = append(lines, text)
	}
	lines = append(lines, "", st.Dim.Render("enter open · a new negotiation · A new account · e rename · d delete · / filter · esc close"))
	return ui.Boxed(lines, w, h, st)
}
