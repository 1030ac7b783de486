package dialog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// PickerData brings the accounts and negotiations for the picker.
type PickerData struct {
	Accounts     []model.Account
	Negotiations []model.Negotiation
	Err          error
}

// pickerRow is an account or one of its negotiations.
type pickerRow struct {
	account model.Account
	neg     *model.Negotiation
}

// Picker lists accounts with their negotiations to open, create, rename and delete.
type Picker struct {
	open     uint64 // the open negotiation, 0 for none
	data     PickerData
	done     bool
	st       *ui.Styles
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

// NewPicker opens the picker; its data comes as a PickerData message.
func NewPicker(st *ui.Styles, open uint64) *Picker {
	p := &Picker{open: open, st: st, list: ui.NewListKeys()}
	p.filter = st.NewInput()
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
	return p
}

// SetData takes the accounts and negotiations read for the picker.
func (p *Picker) SetData(msg PickerData) {
	p.data = msg
	p.rebuild()
}

// SetOpen names the open negotiation (0 for none).
func (p *Picker) SetOpen(id uint64) { p.open = id }

// Done reports whether the picker was closed.
func (p *Picker) Done() bool { return p.done }

// ShortHelp is empty: the box shows its keys.
func (p *Picker) ShortHelp() []key.Binding { return nil }

// rebuild lists the rows that match the filter, accounts by name with their
// negotiations newest first, and selects the open negotiation the first time.
func (p *Picker) rebuild() {
	q := strings.ToLower(strings.TrimSpace(p.filter.Value()))
	match := func(s string) bool { return q == "" || strings.Contains(strings.ToLower(s), q) }
	byAccount := map[uint64][]model.Negotiation{}
	for _, n := range p.data.Negotiations {
		byAccount[n.AccountID] = append(byAccount[n.AccountID], n)
	}
	p.rows = p.rows[:0]
	selected := -1
	for _, a := range p.data.Accounts {
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
			if shown[i].ID == p.open {
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

func (p *Picker) current() (pickerRow, bool) {
	if p.sel.Pos < len(p.rows) {
		return p.rows[p.sel.Pos], true
	}
	return pickerRow{}, false
}

// Update takes a key.
func (p *Picker) Update(msg tea.KeyMsg) tea.Cmd {
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
		p.done = true
	case key.Matches(msg, p.keys.Filter):
		p.filterOn = true
		return p.filter.Focus()
	case key.Matches(msg, p.keys.NewAccount):
		return newAccount()
	case key.Matches(msg, p.keys.NewNeg):
		if !ok {
			return newAccount()
		}
		return newNegotiation(row.account)
	case !ok:
		return nil
	case key.Matches(msg, p.keys.Open):
		if row.neg == nil {
			if next := p.sel.Pos + 1; next < len(p.rows) && p.rows[next].neg != nil && p.rows[next].account.ID == row.account.ID {
				p.sel.MoveTo(next)
				return nil
			}
			return newNegotiation(row.account)
		}
		p.done = true
		return vocab.Cmd(vocab.OpenMsg{NegID: row.neg.ID})
	case key.Matches(msg, p.keys.Edit):
		if row.neg != nil {
			return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindNegotiation, Record: vocab.NegotiationRecord{Negotiation: *row.neg, Account: row.account}})
		}
		return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindAccount, Record: row.account})
	case key.Matches(msg, p.keys.Delete):
		return vocab.Cmd(p.askDelete(row))
	}
	return nil
}

func newAccount() tea.Cmd {
	return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindAccount, Record: model.Account{Kind: model.Retail}})
}

func newNegotiation(a model.Account) tea.Cmd {
	return vocab.Cmd(vocab.EditMsg{Kind: vocab.KindNegotiation, Record: vocab.NegotiationRecord{Negotiation: model.Negotiation{AccountID: a.ID}, Account: a}})
}

// askDelete is the question before a delete.
func (p *Picker) askDelete(row pickerRow) vocab.ConfirmMsg {
	if row.neg != nil {
		n := *row.neg
		return vocab.ConfirmMsg{Question: fmt.Sprintf("Delete the negotiation %q?", n.Title),
			Detail: "Its agenda, meetings, ledger, notes, follow-ups and scenarios go with it. This cannot be undone.",
			Yes:    vocab.SaveMsg{Status: "Deleted " + n.Title, Change: &act.DeleteNegotiation{ID: n.ID}}}
	}
	a := row.account
	count := 0
	for _, n := range p.data.Negotiations {
		if n.AccountID == a.ID {
			count++
		}
	}
	return vocab.ConfirmMsg{Question: fmt.Sprintf("Delete the account %q?", a.Name),
		Detail: fmt.Sprintf("Its %d %s and everything in them go with it. This cannot be undone.", count, ui.Plural(count, "negotiation", "negotiations")),
		Yes:    vocab.SaveMsg{Status: "Deleted " + a.Name, Change: &act.DeleteAccount{ID: a.ID}}}
}

// View draws the list in a box.
func (p *Picker) View(w, h int) []string {
	st := p.st
	width := min(max(0, w-4), 90)
	lines := []string{st.Bold.Render("Accounts and negotiations")}
	if p.filterOn || p.filter.Value() != "" {
		p.filter.Width = max(1, width-4)
		lines = append(lines, p.filter.View())
	}
	listH := max(1, h-2-len(lines)-2)
	p.sel.SetHeight(listH)
	if len(p.rows) == 0 {
		if len(p.data.Accounts) == 0 {
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
			if n.ID == p.open {
				marker = st.Accent.Render("● ")
			}
			text = "  " + marker + n.Title + st.Dim.Render(fmt.Sprintf("  %s · %s · #%d", n.Stage, n.Status, n.ID))
		}
		text = ui.Fit(text, width)
		if i == p.sel.Pos {
			text = ui.SelectedRow(ansi.Strip(text), width, st)
		}
		lines = append(lines, text)
	}
	lines = append(lines, "", st.Dim.Render("enter open · a new negotiation · A new account · e rename · d delete · / filter · esc close"))
	return ui.Boxed(lines, w, h, st)
}
