// Package sparring is the workbench's sparring page (DESIGN 13): the
// trainee tables offers against the simulated buyer of model/spar on a
// training copy of the open negotiation, sees the agenda with both sides'
// positions, the buyer's moves as they come and the gap closing, and reads
// the debrief at the end. It does no IO: a finished session is handed to
// the root to store with a StoreMsg.
package sparring

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/model/spar"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// StoreMsg asks the root to store a finished session of the negotiation.
type StoreMsg struct {
	Negotiation uint64
	Record      spar.Record
}

// tactics are the ones ctrl+t steps through before the first offer.
var tactics = []spar.Tactic{spar.Boulware, spar.Linear, spar.Conceder}

// Page is one sparring session on screen.
type Page struct {
	st      *ui.Styles
	d       *model.Dossier
	c       *spar.Case
	seed    uint64
	tactic  int
	session *spar.Session
	input   textinput.Model
	err     error
	stored  bool         // the session was handed over to be stored
	record  *spar.Record // the finished session's record, worked out once
	done    bool
	keys    keys
}

type keys struct {
	Table, Tactic, Leave key.Binding
}

// New opens a session on a training copy of d with the buyer's seed; it
// fails when d has nothing to spar over.
func New(st *ui.Styles, d *model.Dossier, seed uint64) (*Page, error) {
	c, err := spar.NewCase(d)
	if err != nil {
		return nil, err
	}
	p := &Page{st: st, d: d, c: c, seed: seed}
	p.session = spar.NewSession(c, p.config())
	p.input = st.NewInput()
	p.input.Prompt = "offer › "
	p.input.Placeholder = spar.OfferHelp
	p.input.CharLimit = 500
	p.input.Focus()
	p.keys = keys{
		Table:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "table the offer")),
		Tactic: key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "buyer's tactic (before the first offer)")),
		Leave:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (the session is stored)")),
	}
	return p, nil
}

func (p *Page) config() spar.Config {
	return spar.Config{Seed: p.seed, Tactic: tactics[p.tactic], Meetings: spar.DefaultMeetings}
}

// Session is the session being played.
func (p *Page) Session() *spar.Session { return p.session }

// Done reports whether the page was left.
func (p *Page) Done() bool { return p.done }

// ShortHelp is the page's keys for the footer.
func (p *Page) ShortHelp() []key.Binding {
	p.keys.Tactic.SetEnabled(p.session.Round() == 0)
	p.keys.Table.SetEnabled(p.session.Outcome == spar.Open)
	return []key.Binding{p.keys.Table, p.keys.Tactic, p.keys.Leave}
}

// Update tables the typed offer on enter, changes the tactic before the
// first offer, and leaves on esc; other keys edit the offer.
func (p *Page) Update(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.keys.Leave):
		p.done = true
		return p.store()
	case key.Matches(msg, p.keys.Tactic):
		if p.session.Round() == 0 {
			p.tactic = (p.tactic + 1) % len(tactics)
			p.session = spar.NewSession(p.c, p.config())
		}
		return nil
	case key.Matches(msg, p.keys.Table):
		if p.session.Outcome != spar.Open {
			return nil
		}
		if p.err = p.session.Play(p.input.Value()); p.err != nil {
			return nil // the text stays to be put right
		}
		p.input.SetValue("")
		if p.session.Round() >= p.session.Config.Rounds() || p.session.Outcome != spar.Open {
			return p.store()
		}
		return nil
	}
	if p.session.Outcome != spar.Open {
		return nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// store hands the session to the root once, when an offer was tabled.
func (p *Page) store() tea.Cmd {
	if p.stored || p.session.Round() == 0 {
		return nil
	}
	p.session.Stop()
	p.stored = true
	return vocab.Cmd(StoreMsg{Negotiation: p.d.Negotiation.ID, Record: p.session.Record()})
}

// View draws the page in w×h: the heading; while the session runs, the
// agenda with both sides' positions and the gap, the gap closed, the latest
// moves and the offer line; once it is over, the debrief first and the
// agenda at the deal below it, as far as there is room.
func (p *Page) View(w, h int) []string {
	st := p.st
	s := p.session
	lines := []string{
		st.Bold.Render("Sparring") + " " + st.Dim.Render("(a training copy: the negotiation is not touched)"),
		st.Dim.Render(s.Heading()),
		st.Dim.Render(fmt.Sprintf("Round %d of %d · meeting %d of %d", min(s.Round()+1, s.Config.Rounds()), s.Config.Rounds(),
			min(s.Round()/spar.RoundsPerMeeting+1, s.Config.Rounds()/spar.RoundsPerMeeting), s.Config.Rounds()/spar.RoundsPerMeeting)),
		"",
	}
	bar := max(0, min(30, w-24))
	gap := fmt.Sprintf("Gap closed %s %s", ui.Bar(s.GapClosed(), bar, st), model.FormatPercent(s.GapClosed()))
	var tail []string
	if s.Outcome == spar.Open {
		lines = append(lines, p.agenda(w)...)
		lines = append(lines, "", gap, "", st.Bold.Render("Moves"))
		ui.SetInputWidth(&p.input, max(1, w-len(p.input.Prompt)-1))
		tail = append(tail, p.input.View())
		if p.err != nil {
			tail = append(tail, st.Error.Render(model.EscapeForTerminal(p.err.Error())))
		}
		moves := make([]string, 0, len(s.Rows))
		for _, r := range s.Rows {
			moves = append(moves, "  "+s.Describe(r))
		}
		if keep := max(0, h-len(lines)-len(tail)); len(moves) > keep {
			moves = moves[len(moves)-keep:] // the latest moves stay in sight
		}
		lines = append(lines, moves...)
	} else {
		tail = append(tail, st.Dim.Render("esc leaves; the session is stored for the team's debriefs (parley spar --list)"))
		if p.record == nil { // the session is over: its record no longer changes
			rec := s.Record()
			p.record = &rec
		}
		lines = append(lines, st.Dim.Render(s.Describe(s.Rows[len(s.Rows)-1])))
		for _, l := range p.record.DebriefLines() {
			lines = append(lines, wrapIndented(l, w)...)
		}
		lines = append(lines, "", gap)
		lines = append(lines, p.agenda(w)...)
	}
	if room := max(0, h-len(tail)); len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < h-len(tail) {
		lines = append(lines, "")
	}
	lines = append(lines, tail...)
	return ui.Block(lines, w, h)
}

// wrapIndented folds a line at spaces to w cells, keeping its indent and
// indenting what follows by two more.
func wrapIndented(l string, w int) []string {
	text := strings.TrimLeft(l, " ")
	indent := l[:len(l)-len(text)]
	out := ui.WrapWords(text, max(1, w-len(indent)), "  ")
	for i := range out {
		out[i] = indent + out[i]
	}
	return out
}

// agenda is the items in play: our offer, theirs, the gap, and each side's
// walk-away (theirs as our estimate, or our opening standing in for it).
func (p *Page) agenda(w int) []string {
	s := p.session
	const num = 10
	title := max(8, w-4-5*num-6)
	head := fmt.Sprintf("%-3s %s %s %s %s %s %s", "#", ui.Fit("Item", title), ui.FitRight("We", num), ui.FitRight("They", num),
		ui.FitRight("Gap", num), ui.FitRight("Our walk", num), ui.FitRight("Their walk", num))
	out := []string{p.st.Dim.Render(head)}
	ours, theirs := s.Ours(), s.Counter()
	if s.Outcome == spar.Agreed {
		ours, theirs = s.Deal, s.Deal
	}
	for i, is := range p.c.Issues {
		it := is.Item
		walk := "—"
		if it.OurWalkAway.Valid {
			walk = it.Format(it.OurWalkAway.Decimal)
		}
		their := it.Format(is.BuyerWalk)
		if !is.Estimated {
			their += "*"
		}
		out = append(out, fmt.Sprintf("%-3d %s %s %s %s %s %s", is.Number, ui.Fit(model.EscapeForTerminal(it.Title), title),
			ui.FitRight(it.Format(ours[it.ID]), num), ui.FitRight(it.Format(theirs[it.ID]), num),
			ui.FitRight(it.Format(s.Gap(i)), num), ui.FitRight(walk, num), ui.FitRight(their, num)))
	}
	if len(p.c.Issues) < countNumeric(p.d) {
		out = append(out, p.st.Dim.Render("Items without both openings or a gap are not in play."))
	}
	for _, is := range p.c.Issues {
		if !is.Estimated {
			return append(out, p.st.Dim.Render("* no estimate of their walk-away: our opening stands in for it"))
		}
	}
	return out
}

func countNumeric(d *model.Dossier) int {
	n := 0
	for _, it := range d.Items {
		if it.Numeric() {
			n++
		}
	}
	return n
}
