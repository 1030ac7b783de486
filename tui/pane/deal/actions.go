package deal

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
)

// errNotAProposal explains that only saved proposals change.
var errNotAProposal = errors.New("only a proposal changes: press a to make one from this package")

// startEdit opens the selected proposal's cell for typing.
func (p *Pane) startEdit() tea.Cmd {
	c, ok := p.selected()
	it, hasItem := p.item()
	switch {
	case !ok || !hasItem:
		return nil
	case !c.saved:
		return vocab.Error(errNotAProposal)
	}
	text := ""
	if v, ok := c.pkg().Values[it.ID]; ok {
		text = model.FormatValue(v)
	}
	p.edit.SetValue(text)
	p.edit.CursorEnd()
	p.typing = true
	return p.edit.Focus()
}

// editKey takes a key while a cell is edited: enter saves, esc leaves it.
func (p *Pane) editKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		p.stopEdit()
		return nil
	case "enter":
		return p.saveCell()
	}
	var cmd tea.Cmd
	p.edit, cmd = p.edit.Update(msg)
	return cmd
}

func (p *Pane) stopEdit() {
	p.typing = false
	p.edit.Blur()
}

// cellProblem is what is wrong with the text typed in the cell, or a
// warning about its value; ok is false when it cannot be saved.
func (p *Pane) cellProblem() (v model.Values, warn string, err error) {
	c, _ := p.selected()
	it, _ := p.item()
	v = copyValues(c.pkg().Values)
	text := p.edit.Value()
	if text == "" {
		delete(v, it.ID)
		return v, "", nil
	}
	x, err := model.ParseNumber(text)
	if err != nil {
		return nil, "", err
	}
	if err := it.Lever.CheckValue(x); err != nil { // DESIGN 5.8: where it is typed
		return nil, "", err
	}
	v[it.ID] = x
	if it.OurWalkAway.Valid && it.Better.Sign().Mul(x.Sub(it.OurWalkAway.Decimal)).IsNegative() {
		warn = "past our walk-away " + it.Format(it.OurWalkAway.Decimal)
	}
	return v, warn, nil
}

// saveCell writes the proposal with the cell's new value; a value that is
// not a number keeps the cell open with the reason.
func (p *Pane) saveCell() tea.Cmd {
	values, warn, err := p.cellProblem()
	if err != nil {
		return nil // the reason shows under the table; the text stays
	}
	c, _ := p.selected()
	it, _ := p.item()
	pkg := c.pkg()
	pkg.Values = values
	p.stopEdit()
	status := fmt.Sprintf("Saved %s: %s %s", pkg.Name, it.Title, p.edit.Value())
	if warn != "" {
		status += " (" + warn + ")"
	}
	return vocab.Cmd(vocab.SaveMsg{Status: status, Change: act.SavePackage(p.snap.D.Negotiation.ID, pkg)})
}

// makeOffers works out equivalent offers from the selected package (our
// offer when a derived package other than ours is selected).
func (p *Pane) makeOffers() tea.Cmd {
	ref := p.snap.R.Positions(model.OriginOurs)
	if c, ok := p.selected(); ok && (c.saved || c.offer) {
		ref = c.pkg()
	}
	m := p.snap.R.EquivalentOffers(ref, 3)
	p.offers = p.offers[:0]
	p.says = map[string]string{}
	for i, o := range m.Offers {
		o.Name = fmt.Sprintf("Offer %c", 'A'+i)
		o.Origin = model.OriginMeso
		p.offers = append(p.offers, o)
		if i < len(m.Says) {
			p.says[o.Name] = m.Says[i]
		}
	}
	p.reason = m.Reason
	p.SetData(p.snap)
	if len(m.Offers) > 0 {
		p.col = len(p.cols) - len(m.Offers)
	}
	switch {
	case len(m.Offers) == 0:
		return vocab.Error(fmt.Errorf("no equivalent offer from %s: %s", ref.Name, m.Reason))
	case m.Reason != "":
		return vocab.Status(fmt.Sprintf("%d equivalent offers from %s (fewer than 3: %s); a saves one", len(m.Offers), ref.Name, m.Reason))
	}
	return vocab.Status(fmt.Sprintf("3 equivalent offers from %s, same annual contribution; a saves one to table", ref.Name))
}

// table marks the selected proposal as put on the table in the running meeting.
func (p *Pane) table() tea.Cmd {
	c, ok := p.selected()
	if !ok || !c.saved {
		return vocab.Error(errors.New("only a saved proposal is tabled: press a to save one"))
	}
	mt, running := p.snap.D.RunningMeeting()
	if !running {
		return vocab.Error(errors.New("a package is tabled in a meeting: start one with m"))
	}
	pkg := c.pkg()
	if pkg.Tabled() {
		return vocab.Status(fmt.Sprintf("%s was tabled at %s", pkg.Name, pkg.TabledAt.Format("15:04")))
	}
	pkg.TabledMeeting, pkg.TabledAt = mt.ID, p.now()
	return vocab.Cmd(vocab.SaveMsg{Status: fmt.Sprintf("Tabled %s in meeting %d", pkg.Name, mt.Number),
		Change: act.SavePackage(p.snap.D.Negotiation.ID, pkg)})
}

// askDelete deletes the selected proposal once confirmed.
func (p *Pane) askDelete() tea.Cmd {
	c, ok := p.selected()
	switch {
	case !ok:
		return nil
	case c.offer:
		p.dropOffer(c.pkg().Name)
		p.SetData(p.snap)
		return vocab.Status("Dropped " + c.pkg().Name)
	case !c.saved:
		return vocab.Error(errors.New("last year, the walk-away, the target and both offers follow the agenda and the ledger: only proposals are deleted"))
	}
	pkg := c.pkg()
	return vocab.Cmd(vocab.ConfirmMsg{Question: fmt.Sprintf("Delete the proposal %q?", pkg.Name), Detail: "Its values go; the agenda and the ledger stay.",
		Yes: vocab.SaveMsg{Status: "Deleted " + pkg.Name, Change: act.DeletePackage(p.snap.D.Negotiation.ID, pkg.ID)}})
}
