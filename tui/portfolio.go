package tui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
)

// The portfolio page (DESIGN 12): the first screen of a manager on the
// team's server, P for anyone with more than one negotiation. Its rows come
// from the summaries the store keeps, read again when the file changes.

// portfolioReader is the read the page needs; desk.Session has it.
type portfolioReader interface {
	Portfolio() ([]model.PortfolioRow, error)
}

// portfolioCmd reads the portfolio's rows.
func portfolioCmd(s Store) tea.Cmd {
	return func() tea.Msg {
		r, ok := s.(portfolioReader)
		if !ok {
			return dialog.PortfolioData{Err: errors.New("this workbench has no portfolio")}
		}
		rows, err := r.Portfolio()
		return dialog.PortfolioData{Rows: rows, Err: err}
	}
}

// portfolio is the open portfolio page, nil when it is closed.
func (m *Model) portfolio() *dialog.Portfolio {
	for _, md := range m.stack {
		if p, ok := md.(*dialog.Portfolio); ok {
			return p
		}
	}
	return nil
}

// overPage reports whether the approvals page may open over the top
// modal: the portfolio (not while its filter takes typed text) or the
// welcome of someone with nothing to open yet. esc goes back to it.
func (m *Model) overPage() bool {
	switch top := m.top().(type) {
	case *dialog.Portfolio:
		return !top.Typing()
	case *dialog.Welcome:
		return true
	}
	return false
}

// openPortfolio opens the page and reads its rows.
func (m *Model) openPortfolio() tea.Cmd {
	if m.portfolio() == nil {
		m.push(dialog.NewPortfolio(m.st, m.opts.Now))
	}
	return portfolioCmd(m.store)
}

// takePortfolio gives the page its rows. Opened with P by someone who sees
// one negotiation only, it closes again and says why.
func (m *Model) takePortfolio(msg dialog.PortfolioData) {
	p := m.portfolio()
	if p == nil {
		return
	}
	if msg.Err != nil {
		m.remove(func(md modal) bool { return md == p })
		m.setError(msg.Err)
		return
	}
	if len(msg.Rows) < 2 && !m.opts.Portfolio {
		m.remove(func(md modal) bool { return md == p })
		m.setStatus("The portfolio lists several negotiations; you see one.")
		return
	}
	p.SetData(msg)
	m.countOnPortfolio()
}

// countOnPortfolio gives the portfolio's title the count of requests
// waiting for the person (none while privacy is on: authority is internal).
func (m *Model) countOnPortfolio() {
	if p := m.portfolio(); p != nil {
		n := m.toDecide
		if !m.privacy().Part(model.PartAuthority) {
			n = 0
		}
		p.SetToDecide(n)
	}
}
