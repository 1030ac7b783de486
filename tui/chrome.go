package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// headerView is the top line: account › negotiation, stage, meeting and
// clock, their offer's verdict, owed, budget left and the likely landing,
// and the gap closed as a bar with its percentage.
func (m *Model) headerView() string {
	st, w := m.st, m.width
	if m.snap == nil {
		return ui.Fit(st.Header.Render("Parley"), w)
	}
	d := m.snap.D
	name := d.Account.Name + " › " + d.Negotiation.Title
	parts := []headerPart{{st.Accent.Render(string(d.Negotiation.Stage)), keepStage}}
	if mt, ok := d.RunningMeeting(); ok {
		parts = append(parts, headerPart{st.Bad.Render("●") + st.Bold.Render(fmt.Sprintf(" meeting %d %s", mt.Number, ui.Clock(m.now.Sub(mt.Started)))), keepClock})
	} else {
		parts = append(parts, headerPart{st.HeaderDim.Render(fmt.Sprintf("%d %s", len(d.Meetings), ui.Plural(len(d.Meetings), "meeting", "meetings"))), keepCount})
	}
	if d.Negotiation.Stage == model.StageFollowUp {
		done, total := m.snap.FollowUpProgress()
		// After the deal the checklist is what the header is for.
		parts = append(parts, headerPart{st.HeaderDim.Render(fmt.Sprintf("follow-up %d/%d", done, total)), keepStatus})
	}
	if d.Negotiation.Status != model.Active {
		parts = append(parts, headerPart{st.Warn.Render(string(d.Negotiation.Status)), keepStatus})
	}
	if v, ok := m.theirVerdict(); ok {
		parts = append(parts, headerPart{v, keepVerdict})
	}
	parts = append(parts, m.aheadParts()...)
	pct := model.FormatPercent(m.snap.R.GapClosed)
	gapPart := func(barW int) string {
		g := st.HeaderDim.Render("gap closed ")
		if barW > 0 {
			g += ui.Bar(m.snap.R.GapClosed, barW, st) + " "
		}
		g += st.Bold.Render(pct)
		if m.private {
			g = st.Private.Render(" PRIVATE ") + " " + g
		}
		return g
	}
	join := func(barW int) string {
		texts := make([]string, 0, len(parts)+1)
		for _, p := range parts {
			texts = append(texts, p.text)
		}
		return strings.Join(append(texts, gapPart(barW)), st.HeaderDim.Render(" │ "))
	}
	// Keep room for the name (whole, or two fifths of the line when it is
	// longer); the bar takes what is left, up to 20 cells; when even the
	// figures do not fit, the least useful part goes first, then the name
	// shortens.
	room := min(ui.TextWidth(name), max(12, w*2/5)) + 1
	for len(parts) > 0 && ui.TextWidth(join(0))+room > w {
		least := 0
		for k, p := range parts {
			if p.keep < parts[least].keep {
				least = k
			}
		}
		parts = append(parts[:least], parts[least+1:]...)
	}
	right := join(min(20, max(0, w-room-ui.TextWidth(join(0))-1)))
	if ui.TextWidth(right) > w {
		right = ui.Cut(st.Bold.Render(pct)+st.HeaderDim.Render(" closed"), w)
	}
	nameW := max(0, w-ui.TextWidth(right)-1)
	return ui.Fit(st.Header.Render(ui.Cut(name, nameW)), nameW) + " " + right
}

// footerView is the bottom line: the last status message, then short help.
func (m *Model) footerView() string {
	st := m.st
	var help []key.Binding
	switch {
	case m.top() != nil:
		help = m.top().ShortHelp()
	case m.capture.IsOpen():
		help = m.capture.ShortHelp()
	case m.snap == nil:
		help = nil
	default:
		k := m.keys
		help = []key.Binding{k.Capture, k.Concession, k.Meeting, k.Privacy, k.Open, k.Help, k.Quit}
	}
	var hs []string
	for _, b := range help {
		if b.Enabled() {
			hs = append(hs, st.Key.Render(b.Help().Key)+" "+st.Dim.Render(b.Help().Desc))
		}
	}
	helpText := strings.Join(hs, st.Dim.Render(" · "))
	if m.status.text == "" {
		return ui.Cut(helpText, m.width)
	}
	msg := st.Good.Render(m.status.text)
	if m.status.isErr {
		msg = st.Error.Render(m.status.text)
	}
	if helpText == "" {
		return ui.Cut(msg, m.width)
	}
	return ui.Cut(msg+st.Dim.Render("  │  ")+helpText, m.width)
}

// theirVerdict is their offer's verdict in a word for the header: internal,
// so nothing while privacy is on or when the deal has no prices.
func (m *Model) theirVerdict() (string, bool) {
	if !m.privacy().Part(model.PartDeal) {
		return "", false
	}
	r, ok := m.snap.Deal.Result(model.OriginTheirs)
	if !ok || (r.Err != nil && r.PastWalkAway == 0) {
		return "", false
	}
	st := m.st
	switch {
	case r.PastWalkAway > 0:
		return st.Warn.Render("their offer past walk-away"), true
	case r.BelowFloor:
		return st.Warn.Render("their offer below floor"), true
	}
	return st.Good.Render("their offer acceptable"), true
}

// privacy is the one rule of what the buyer may see, as the screen applies it now.
func (m *Model) privacy() model.Privacy { return model.Privacy{BuyerView: m.private} }

// headerPart is one fact of the header and how long it stays when the line
// is short: the higher keep, the later it goes.
type headerPart struct {
	text string
	keep int
}

// What the header keeps longest, in a meeting: the clock, then the stage,
// a status other than active (and, after the deal, the follow-up's
// progress), today's budget, what is owed, their offer's verdict, the
// landing, and last the meeting count.
const (
	keepCount = iota
	keepLanding
	keepVerdict
	keepOwed
	keepBudget
	keepStatus
	keepStage
	keepClock
)
