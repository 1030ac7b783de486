package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// The answer to a move held for approval (DESIGN 12): when a move of the
// open negotiation stops waiting (approved or rejected in another session),
// the footer says who decided it, how, and their note.

// approvalsReader is the read the answer needs; desk.Session has it.
type approvalsReader interface {
	Approvals(all bool) ([]model.Approval, error)
}

// answeredMsg brings the decisions on the requests that stopped waiting.
type answeredMsg struct{ decided []model.Approval }

// answered lists the requests that waited in before and no longer do in after.
func answered(before, after *model.Dossier) map[uint64]bool {
	gone := map[uint64]bool{}
	for _, c := range before.Ledger {
		if c.Held() {
			gone[c.Approval] = true
		}
	}
	for _, c := range after.Ledger {
		delete(gone, c.Approval)
	}
	return gone
}

// answersCmd reads the decisions on the requests in ids.
func answersCmd(s Store, ids map[uint64]bool) tea.Cmd {
	r, ok := s.(approvalsReader)
	if !ok || len(ids) == 0 {
		return nil
	}
	return func() tea.Msg {
		all, err := r.Approvals(true)
		if err != nil {
			return nil // the ledger shows the outcome all the same
		}
		var out []model.Approval
		for _, a := range all {
			if ids[a.ID] && a.Status != model.Pending {
				out = append(out, a)
			}
		}
		return answeredMsg{out}
	}
}

// takeAnswers says the decisions on the footer.
func (m *Model) takeAnswers(msg answeredMsg) {
	for _, a := range msg.decided {
		if m.decidedHere[a.ID] {
			continue // decided on this workbench's page: its status says so already
		}
		text := fmt.Sprintf("Request %d %s by %s", a.ID, a.Status, a.Decider)
		if a.Note != "" {
			text += ": " + a.Note
		}
		m.setStatus(text)
	}
}
