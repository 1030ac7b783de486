package tui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
)

// The approvals page (DESIGN 12): W lists the moves past authority the
// person may approve or reject, and their own that wait; a and r decide
// one with a note. The page and the header's count are read again when the
// file changes (an event), so a decision made in another session or by
// `parley approve` over SSH shows at once.

// approvalsDesk is what the page needs of the person's session;
// desk.Session has it.
type approvalsDesk interface {
	approvalsReader // the count: no names needed
	Requests(all bool) ([]model.Request, error)
	Decide(id uint64, approve bool, note string) (model.Approval, error)
	Person() string
}

// toDecideMsg brings how many requests wait for the person's decision.
type toDecideMsg struct{ n int }

// decidedMsg answers a decision made on the page.
type decidedMsg struct {
	row     dialog.ApprovalRow
	approve bool
	note    string
	err     error
}

// approvalsCmd reads the page's rows: the requests the person may decide,
// then their own still waiting.
func approvalsCmd(s Store) tea.Cmd {
	return func() tea.Msg {
		r, ok := s.(approvalsDesk)
		if !ok {
			return dialog.ApprovalsData{Err: errors.New("this workbench has no approvals")}
		}
		rows, err := approvalRows(r)
		return dialog.ApprovalsData{Rows: rows, Err: err}
	}
}

func approvalRows(r approvalsDesk) ([]dialog.ApprovalRow, error) {
	decide, err := r.Requests(false)
	if err != nil {
		return nil, err
	}
	all, err := r.Requests(true)
	if err != nil {
		return nil, err
	}
	var rows []dialog.ApprovalRow
	theirs := map[uint64]bool{}
	for _, q := range decide {
		theirs[q.ID] = true
		rows = append(rows, approvalRow(q, false))
	}
	if me := r.Person(); me != "" {
		for _, q := range all {
			if q.By == me && q.Status == model.Pending && !theirs[q.ID] {
				rows = append(rows, approvalRow(q, true))
			}
		}
	}
	return rows, nil
}

// approvalRow names a request for the page; names typed elsewhere are
// cleaned of anything that would act on the terminal.
func approvalRow(q model.Request, mine bool) dialog.ApprovalRow {
	a := q.Approval
	a.By, a.Approver = model.CleanText(a.By, false), model.CleanText(a.Approver, false)
	neg := q.Account + " › " + q.Title
	if q.Account == "" && q.Title == "" {
		neg = fmt.Sprintf("negotiation %d", a.NegotiationID)
	}
	return dialog.ApprovalRow{Approval: a, Negotiation: neg, Item: q.Item, Mine: mine}
}

// toDecideCmd counts the requests waiting for the person's decision; a
// workbench without approvals, or a failed read, counts none (the page
// says why when opened).
func toDecideCmd(s Store) tea.Cmd {
	r, ok := s.(approvalsDesk)
	if !ok {
		return nil
	}
	return func() tea.Msg {
		list, err := r.Approvals(false)
		if err != nil {
			return nil
		}
		return toDecideMsg{len(list)}
	}
}

// decide runs a decision asked on the page, remembering it was made here.
func (m *Model) decide(msg dialog.DecideMsg) tea.Cmd {
	if m.decidedHere == nil {
		m.decidedHere = map[uint64]bool{}
	}
	m.decidedHere[msg.Row.ID] = true
	return decideCmd(m.store, msg)
}

// decideCmd runs a decision off the UI goroutine.
func decideCmd(s Store, msg dialog.DecideMsg) tea.Cmd {
	return func() tea.Msg {
		r, ok := s.(approvalsDesk)
		if !ok {
			return decidedMsg{row: msg.Row, err: errors.New("this workbench has no approvals")}
		}
		_, err := r.Decide(msg.Row.ID, msg.Approve, msg.Note)
		return decidedMsg{row: msg.Row, approve: msg.Approve, note: msg.Note, err: err}
	}
}

// approvalsPage is the open page, nil when it is closed.
func (m *Model) approvalsPage() *dialog.Approvals {
	for _, md := range m.stack {
		if p, ok := md.(*dialog.Approvals); ok {
			return p
		}
	}
	return nil
}

// openApprovals opens the page and reads its rows.
func (m *Model) openApprovals() tea.Cmd {
	if m.approvalsPage() == nil {
		m.push(dialog.NewApprovals(m.st, m.opts.Now, m.privacy()))
	}
	return approvalsCmd(m.store)
}

// takeApprovals gives the page its rows.
func (m *Model) takeApprovals(msg dialog.ApprovalsData) {
	p := m.approvalsPage()
	if p == nil {
		return
	}
	if msg.Err != nil {
		m.remove(func(md modal) bool { return md == p })
		m.setError(msg.Err)
		return
	}
	p.SetData(msg)
}

// takeDecided says the decision on the footer and reads the page, the
// count and the open negotiation again (the session's own write is not a
// change made elsewhere).
func (m *Model) takeDecided(msg decidedMsg) tea.Cmd {
	if msg.err != nil {
		m.setError(fmt.Errorf("request %d not decided: %w", msg.row.ID, msg.err))
	} else {
		verb := map[bool]string{true: "Approved", false: "Rejected"}[msg.approve]
		text := fmt.Sprintf("%s #%d: %s", verb, msg.row.ID, msg.row.Describe(m.privacy()))
		if msg.note != "" && m.privacy().Part(model.PartAuthority) {
			text += " · " + msg.note
		}
		m.setStatus(text)
	}
	return m.followTeam()
}

// followTeam reads again what the team's decisions change: the approvals
// page, the portfolio, the header's count and the open negotiation.
func (m *Model) followTeam() tea.Cmd {
	cmds := []tea.Cmd{toDecideCmd(m.store)}
	if m.approvalsPage() != nil {
		cmds = append(cmds, approvalsCmd(m.store))
	}
	if m.portfolio() != nil {
		cmds = append(cmds, portfolioCmd(m.store))
	}
	if m.snap != nil {
		cmds = append(cmds, reloadCmd(m.store, m.negID()))
	}
	return tea.Batch(cmds...)
}
