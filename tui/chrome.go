package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// header is the top line as drawn last, worked out again only when what it
// is drawn from changed (headerKey). Every message draws a frame, and on a
// team server the header was a third of a frame's time.
func (m *Model) header() string {
	key := headerKey{width: m.width, toDecide: m.toDecide, private: m.private, now: m.now}
	if s := m.snap; s != nil {
		key.r, key.ahead, key.readOnly, key.owner = s.R, s.Ahead, s.Access.ReadOnly, s.Access.Owner
		key.followUps = len(s.D.FollowUps)
		if key.followUps > 0 {
			key.firstFollowUp = &s.D.FollowUps[0]
		}
	}
	if m.drawnHeader.ok && m.drawnHeader.key == key {
		return m.drawnHeader.line
	}
	line := ui.Fit(m.headerView(), m.width)
	m.drawnHeader = drawnHeader{key: key, line: line, ok: true}
	return line
}

// drawnHeader is the header as drawn last, and from what.
type drawnHeader struct {
	key  headerKey
	line string
	ok   bool
}

// headerKey is everything headerView reads that can change. The replay
// stands for the negotiation's figures and records (any change but a note
// or a follow-up line makes a new one: refresh), and the follow-up lines,
// which the header counts in the follow-up stage, for the same array. A
// note, read again or saved here, leaves the key as it was.
type headerKey struct {
	r                   *model.Replay
	ahead               *model.Outlook
	readOnly            bool
	owner               string
	firstFollowUp       *model.FollowUp
	followUps, toDecide int
	width               int
	private             bool
	now                 time.Time
}

// headerView is the top line: account › negotiation, stage, meeting and
// clock, their offer's verdict, owed, budget left and the likely landing,
// and the gap closed as a bar with its percentage.
func (m *Model) headerView() string {
	st, w := m.st, m.width
	if m.snap == nil {
		title := st.Header.Render("Parley")
		if p, ok := m.toDecidePart(); ok {
			title += st.HeaderDim.Render(" │ ") + p.text
		}
		return ui.Fit(title, w)
	}
	d := m.snap.D
	name := d.Account.Name + " › " + d.Negotiation.Title
	var parts []headerPart
	if a := m.snap.Access; a.ReadOnly {
		parts = append(parts, headerPart{text: st.Warn.Render("read-only · " + a.Whose()), short: st.Warn.Render("read-only"), keep: keepReadOnly})
	}
	parts = append(parts, headerPart{text: st.Accent.Render(string(d.Negotiation.Stage)), keep: keepStage})
	if mt, ok := d.RunningMeeting(); ok {
		parts = append(parts, headerPart{text: st.Bad.Render("●") + st.Bold.Render(fmt.Sprintf(" meeting %d %s", mt.Number, ui.Clock(m.now.Sub(mt.Started)))), keep: keepClock})
	} else {
		parts = append(parts, headerPart{text: st.HeaderDim.Render(fmt.Sprintf("%d %s", len(d.Meetings), ui.Plural(len(d.Meetings), "meeting", "meetings"))), keep: keepCount})
	}
	if d.Negotiation.Stage == model.StageFollowUp {
		done, total := m.snap.FollowUpProgress()
		// After the deal the checklist is what the header is for.
		parts = append(parts, headerPart{text: st.HeaderDim.Render(fmt.Sprintf("follow-up %d/%d", done, total)), keep: keepStatus})
	}
	if d.Negotiation.Status != model.Active {
		parts = append(parts, headerPart{text: st.Warn.Render(string(d.Negotiation.Status)), keep: keepStatus})
	}
	if v, short, ok := m.theirVerdict(); ok {
		parts = append(parts, headerPart{text: v, short: short, keep: keepVerdict})
	}
	parts = append(parts, m.aheadParts()...)
	if p, ok := m.toDecidePart(); ok {
		parts = append(parts, p)
	}
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
	// Keep room for the name (whole, or a third of the line when it is
	// longer); the bar takes what is left, up to 20 cells. The figures go
	// by how long they stay (headerPart.keep): shortened first, then left
	// out, and taken back where a part left out later made room.
	room := min(ui.TextWidth(name), max(12, w/3)) + 1
	all := parts
	chosen := make([]bool, len(all))
	form := make([]string, len(all))
	for k := range all {
		chosen[k], form[k] = true, all[k].text
	}
	fits := func() bool {
		parts = parts[:0:0]
		for k, p := range all {
			if chosen[k] {
				parts = append(parts, headerPart{text: form[k], keep: p.keep})
			}
		}
		return ui.TextWidth(join(0))+room <= w
	}
	// The least useful part takes its shorter form, or goes.
	for !fits() {
		least := -1
		for k, p := range all {
			if chosen[k] && (least < 0 || p.keep < all[least].keep) {
				least = k
			}
		}
		switch {
		case least < 0:
		case all[least].short != "" && form[least] != all[least].short:
			form[least] = all[least].short
			continue
		default:
			chosen[least] = false
			continue
		}
		break
	}
	// Then take back what was left out, the most useful first, where it
	// fits now.
	order := make([]int, 0, len(all))
	for k := range all {
		if !chosen[k] {
			order = append(order, k)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return all[b].keep - all[a].keep })
	for _, k := range order {
		chosen[k] = true
		if form[k] = all[k].text; fits() {
			continue
		}
		if form[k] = all[k].short; form[k] != "" && fits() {
			continue
		}
		chosen[k] = false
	}
	fits()
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
		help = []key.Binding{m.keys.Quit} // while the file opens, q is the one key
	case m.readOnly():
		k := m.keys // no key that would change it
		help = []key.Binding{k.Privacy, k.Open, k.Portfolio, k.Approvals, k.Help, k.Quit}
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
	if m.status.text == "" || m.capture.Says() {
		// The capture line says its own result right above: not twice.
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

// theirVerdict is their offer's verdict in words for the header, and a
// shorter form for a narrow one: internal, so nothing while privacy is on
// or when the deal has no prices.
func (m *Model) theirVerdict() (text, short string, ok bool) {
	if !m.privacy().Part(model.PartDeal) {
		return "", "", false
	}
	r, ok := m.snap.Deal.Result(model.OriginTheirs)
	if !ok || (r.Err != nil && r.PastWalkAway == 0) {
		return "", "", false
	}
	style, verdict := m.st.Good.Render, "acceptable"
	switch {
	case r.PastWalkAway > 0:
		style, verdict = m.st.Warn.Render, "past walk-away"
	case r.BelowFloor:
		style, verdict = m.st.Warn.Render, "below floor"
	}
	return style("their offer " + verdict), style("theirs " + verdict), true
}

// toDecidePart counts the requests for approval waiting for the person's
// decision, and names the key of their page; how far we may go is
// internal, so nothing while privacy is on.
func (m *Model) toDecidePart() (headerPart, bool) {
	if m.toDecide == 0 || !m.privacy().Part(model.PartAuthority) {
		return headerPart{}, false
	}
	return headerPart{text: m.st.Warn.Render(fmt.Sprintf("%d to approve (W)", m.toDecide)),
		short: m.st.Warn.Render(fmt.Sprintf("%d to approve", m.toDecide)), keep: keepToDecide}, true
}

// privacy is the one rule of what the buyer may see, as the screen applies it now.
func (m *Model) privacy() model.Privacy { return model.Privacy{BuyerView: m.private} }

// headerPart is one fact of the header and how long it stays when the line
// is short: the higher keep, the later it goes.
type headerPart struct {
	text  string
	short string // a shorter form for a narrow line; "" when there is none
	keep  int
}

// What the header keeps longest: "read-only" on a negotiation the person
// may only look at (it is why no edit key works), in a meeting the clock,
// then the count of requests waiting for the person's decision, the stage,
// a status other than active (and, after the deal, the follow-up's
// progress), today's budget, their offer's verdict (whether to take it
// says more than what is owed), what is owed, the landing, and last the
// meeting count.
const (
	keepCount = iota
	keepLanding
	keepOwed
	keepVerdict
	keepBudget
	keepStatus
	keepStage
	keepToDecide // a manager's requests waiting: what the manager is here for
	keepClock
	keepReadOnly // why no edit key works: kept longest
)
