package dialog

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// PortfolioData brings the portfolio's rows: every negotiation the person
// sees, from the summaries the store keeps (no ledger is replayed).
type PortfolioData struct {
	Rows []model.PortfolioRow
	Err  error
}

// Portfolio is the sales manager's page (DESIGN 12): every visible
// negotiation with its stage, days to deadline, gap closed, their offer's
// verdict, likely landing against the floor, owed and pending approvals;
// sorted and filtered; enter opens one.
type Portfolio struct {
	st     *ui.Styles
	now    func() time.Time
	all    []model.PortfolioRow
	rows   []model.PortfolioRow
	loaded bool
	// toDecide counts the requests waiting for the person's decision (0:
	// none, or privacy hides them).
	toDecide int
	sort     model.PortfolioSort
	sel      ui.Selection
	filter   ui.FilterBox
	done     bool
	keys     portfolioKeys
	list     ui.ListKeys
}

type portfolioKeys struct {
	Open, Sort, Filter, Close key.Binding
}

// NewPortfolio opens the page; its rows come as a PortfolioData message.
func NewPortfolio(st *ui.Styles, now func() time.Time) *Portfolio {
	p := &Portfolio{st: st, now: now, list: ui.NewListKeys()}
	p.filter = ui.NewFilterBox("filter by account, negotiation, KAM or stage")
	p.filter.SetStyles(st)
	p.keys = portfolioKeys{
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Sort:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Filter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Close:  key.NewBinding(key.WithKeys("esc", "P", "q"), key.WithHelp("esc", "close")),
	}
	return p
}

// SetData takes the rows read for the page, keeping the selected
// negotiation selected.
func (p *Portfolio) SetData(msg PortfolioData) {
	var keep uint64
	if r, ok := p.current(); ok {
		keep = r.NegotiationID
	}
	p.all, p.loaded = msg.Rows, true
	p.rebuild()
	for i, r := range p.rows {
		if r.NegotiationID == keep {
			p.sel.MoveTo(i)
		}
	}
}

// Done reports whether the page was closed.
func (p *Portfolio) Done() bool { return p.done }

// ShortHelp is nil: the page shows its own keys.
func (p *Portfolio) ShortHelp() []key.Binding { return nil }

// SetToDecide counts the requests waiting for the person's decision, for
// the title (0 says nothing).
func (p *Portfolio) SetToDecide(n int) { p.toDecide = n }

// Typing reports whether the filter has the keys.
func (p *Portfolio) Typing() bool { return p.filter.On }

func (p *Portfolio) rebuild() {
	p.rows = append([]model.PortfolioRow(nil), model.FilterPortfolio(p.all, p.filter.Text())...)
	model.SortPortfolio(p.rows, p.sort)
	p.sel.SetN(len(p.rows))
}

func (p *Portfolio) current() (model.PortfolioRow, bool) {
	if p.sel.Pos >= 0 && p.sel.Pos < len(p.rows) {
		return p.rows[p.sel.Pos], true
	}
	return model.PortfolioRow{}, false
}

// Update takes a key.
func (p *Portfolio) Update(msg tea.KeyMsg) tea.Cmd {
	if p.filter.On {
		if p.filter.Update(msg) {
			p.sel.MoveTo(0)
			p.rebuild()
		}
		return nil
	}
	if p.sel.Update(msg, p.list) {
		return nil
	}
	switch {
	case key.Matches(msg, p.keys.Close):
		p.done = true
	case key.Matches(msg, p.keys.Filter):
		return p.filter.Start()
	case key.Matches(msg, p.keys.Sort):
		p.sort = p.sort.Next()
		p.rebuild()
	case key.Matches(msg, p.keys.Open):
		if r, ok := p.current(); ok {
			p.done = true
			return vocab.Cmd(vocab.OpenMsg{NegID: r.NegotiationID})
		}
	}
	return nil
}

// View draws the table in a box; only the visible rows are drawn.
func (p *Portfolio) View(w, h int) []string {
	st := p.st
	width := max(0, w-4)
	title := fmt.Sprintf("Portfolio · %d %s · sorted by %s", len(p.rows), ui.Plural(len(p.rows), "negotiation", "negotiations"), p.sort)
	if p.toDecide > 0 {
		title += fmt.Sprintf(" · %d to approve (W)", p.toDecide)
	}
	lines := []string{st.Bold.Render(ui.Cut(title, width))}
	if p.filter.Shown() {
		lines = append(lines, p.filter.View(max(1, width-4)))
	}
	lines = append(lines, st.Dim.Render(ui.Cut(portfolioHeader(), width)))
	p.sel.SetHeight(max(1, h-2-len(lines)-2))
	switch {
	case !p.loaded:
		lines = append(lines, st.Dim.Render("Reading the summaries…"))
	case len(p.all) == 0:
		lines = append(lines, st.Dim.Render("No negotiation of yours matches: ask an admin to share an account with you."))
	case len(p.rows) == 0:
		lines = append(lines, st.Dim.Render("Nothing matches the filter (/ then esc clears it)."))
	}
	from, to := p.sel.Visible()
	now := p.now()
	for i := from; i < to && i < len(p.rows); i++ {
		text := ui.Cut(portfolioLine(p.rows[i], now), width)
		if i == p.sel.Pos {
			text = ui.SelectedRow(ansi.Strip(text), width, st)
		}
		lines = append(lines, text)
	}
	lines = append(lines, "", st.Dim.Render("enter open · s sort · / filter · ↑↓ move · esc close"))
	return ui.Boxed(lines, w, h, st)
}

func portfolioHeader() string {
	return fmt.Sprintf("%-20s %-22s %-8s %-9s %5s %4s  %-22s %-16s %5s %4s",
		"Account", "Negotiation", "KAM", "Stage", "Days", "Gap", "Their offer", "Landing vs floor", "Owed", "Wait")
}

// portfolioLine is one row: figures that cannot be worked out say why in
// a word, never zero.
func portfolioLine(r model.PortfolioRow, now time.Time) string {
	days := "—"
	if d, ok := r.DaysLeft(now); ok {
		days = fmt.Sprint(d)
	}
	landing := "—"
	switch {
	case r.Landing.Valid && r.BelowFloor:
		landing = "below floor"
	case r.Landing.Valid && r.Floor.Valid:
		landing = "above floor"
	case r.Landing.Valid:
		landing = "no floor set"
	case r.LandingWhy != "":
		landing = "? " + r.LandingWhy
	}
	verdict := r.Verdict
	if verdict == "" {
		verdict = "—"
	}
	kam := r.KAM
	if kam == "" {
		kam = "—"
	}
	return fmt.Sprintf("%-20s %-22s %-8s %-9s %5s %4s  %-22s %-16s %5d %4d",
		ui.Fit(r.Account, 20), ui.Fit(r.Title, 22), ui.Fit(kam, 8), ui.Fit(string(r.Stage), 9), days,
		model.FormatPercent(r.GapClosed), ui.Fit(verdict, 22), ui.Fit(landing, 16), r.Owed, r.Pending)
}
