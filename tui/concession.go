package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// effect is what logging a concession does to its item: the move, the gap,
// our score of the offer, and the discipline flags it raises.
type effect struct {
	item                model.AgendaItem
	by                  model.Party
	from, to            decimal.Decimal
	gapBefore, gapAfter decimal.Decimal
	tracked             bool
	score               [2]float64 // our score of the conceding side's offer, before and after
	scored              bool
	gapClosed           [2]float64 // overall, before and after
	flags               model.Flag
	money               decimal.Decimal // what the move is worth to us (model.Dossier.Worth)
	moneyVia            string
	priced              bool
	currency            string
}

// concessionEffect works out the effect of c (new, or an edit of a logged
// one) by replaying the ledger with it in place.
func concessionEffect(d *model.Dossier, r *model.Replay, c model.Concession) effect {
	i := d.ItemIndex(c.ItemID)
	e := effect{by: c.By, to: c.To}
	if i < 0 {
		return e
	}
	e.item = d.Items[i]
	after := *d
	after.Ledger = slices.Clone(d.Ledger)
	if c.ID == 0 {
		c.ID = ^uint64(0) // sorts after every logged concession made at the same time
		after.Ledger = append(after.Ledger, c)
	} else {
		for k := range after.Ledger {
			if after.Ledger[k].ID == c.ID {
				after.Ledger[k] = c
			}
		}
	}
	after.Sort()
	ra := after.Replay()
	for _, mv := range ra.Moves {
		if mv.ID == c.ID {
			e.from, e.flags = mv.From, mv.Flags
		}
	}
	e.tracked = e.item.Tracked()
	e.gapBefore, e.gapAfter = r.Items[i].Gap, ra.Items[i].Gap
	b, ok1 := r.ItemScore(i, c.By)
	a, ok2 := ra.ItemScore(i, c.By)
	e.score, e.scored = [2]float64{b, a}, ok1 && ok2
	e.gapClosed = [2]float64{r.GapClosed, ra.GapClosed}
	e.money, e.moneyVia, e.priced = d.Worth(e.item, e.from, e.to)
	e.currency = d.Negotiation.Currency
	return e
}

// summary says the effect in one line; private hides scores and walk-away talk.
func (e effect) summary(private bool) string {
	who := "we"
	if e.by == model.Them {
		who = "they"
	}
	it := e.item
	parts := []string{fmt.Sprintf("%s %s %s → %s %s", who, it.Title, it.Format(e.from), it.Format(e.to), it.Unit)}
	if e.tracked {
		parts = append(parts, fmt.Sprintf("gap %s → %s", it.Format(e.gapBefore), it.Format(e.gapAfter)))
	}
	parts = append(parts, "closed "+model.FormatPercent(e.gapClosed[0])+" → "+model.FormatPercent(e.gapClosed[1]))
	if e.scored && !private {
		parts = append(parts, fmt.Sprintf("our score of the offer %.0f → %.0f", 100*e.score[0], 100*e.score[1]))
	}
	if e.priced && !private && !e.money.IsZero() {
		verb := "gains us"
		if e.money.IsNegative() {
			verb = "costs us"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s (%s)", verb, model.FormatMoney(e.money.Abs()), e.currency, e.moneyVia))
	}
	flags := e.flags
	if private {
		flags &^= model.PastWalkAway
	}
	if flags != 0 {
		parts = append(parts, "⚠ "+flags.String())
	}
	return strings.Join(parts, " · ")
}

// openConcessionForm logs a concession (c.ID 0) or edits one from the ledger.
// It shows, before saving, how the gap and our score change and any flag;
// going past our walk-away asks for confirmation.
func (m *Model) openConcessionForm(c model.Concession) {
	if m.snap == nil {
		return
	}
	d := m.snap.d
	var itemIDs, itemLabels []string
	for i, it := range d.Items {
		if !it.Numeric() || (it.Status == model.ItemAgreed && it.ID != c.ItemID) {
			continue
		}
		itemIDs = append(itemIDs, fmt.Sprint(it.ID))
		itemLabels = append(itemLabels, fmt.Sprintf("%d %s", i+1, it.Title))
	}
	if len(itemIDs) == 0 {
		m.setError(fmt.Errorf("no open item has numbers to concede on: add one to the agenda first"))
		return
	}
	if c.ItemID == 0 {
		if it, ok := m.selectedItem(); ok && it.Numeric() {
			c.ItemID = it.ID
		}
	}
	if c.By == "" {
		c.By = model.Them
	}
	against := []string{"0"}
	againstLabels := []string{"nothing linked"}
	for k := len(d.Ledger) - 1; k >= 0 && len(against) < 30; k-- {
		l := d.Ledger[k]
		if l.ID == c.ID {
			continue
		}
		it, _ := d.Item(l.ItemID)
		who := "we"
		if l.By == model.Them {
			who = "they"
		}
		against = append(against, fmt.Sprint(l.ID))
		againstLabels = append(againstLabels, fmt.Sprintf("%s: %s to %s", who, it.Title, it.Format(l.To)))
	}
	value := ""
	if c.ID != 0 {
		value = c.To.String()
	}
	fields := []*field{
		newChoice("Item", itemIDs, itemLabels, fmt.Sprint(c.ItemID)),
		newChoice("By", []string{string(model.Them), string(model.Us)}, []string{"they conceded", "we conceded"}, string(c.By)),
		newField("New value", numberField, value),
		newField("Traded for", textField, c.TradedFor),
		newChoice("Traded against", against, againstLabels, fmt.Sprint(c.TradedAgainst)),
		newField("Note", textField, c.Note),
	}
	fields[2].required = true
	fields[2].check()
	fields[3].hint = "what was given in return"
	title := "Log a concession"
	if c.ID != 0 {
		title = "Edit concession"
	}
	build := func(f *form) model.Concession {
		v := c
		fmt.Sscan(f.byLabel("Item").value(), &v.ItemID)
		v.By = model.Party(f.byLabel("By").value())
		v.To = f.byLabel("New value").decimal()
		v.TradedFor = f.byLabel("Traded for").value()
		fmt.Sscan(f.byLabel("Traded against").value(), &v.TradedAgainst)
		v.Note = f.byLabel("Note").value()
		if v.ID == 0 {
			v.At = m.opts.Now()
			if mt, ok := d.RunningMeeting(); ok {
				v.MeetingID = mt.ID
			}
		}
		return v
	}
	confirmed := false
	var fm *form
	fm = newForm(title, fields, func(f *form) (tea.Cmd, error) {
		v := build(f)
		if err := d.CheckConcession(v); err != nil {
			return nil, err
		}
		e := concessionEffect(d, m.snap.r, v)
		if e.flags.Has(model.PastWalkAway) && !confirmed {
			m.askConfirm("This takes us past our walk-away. Log it anyway?", e.summary(m.private), func() tea.Cmd {
				confirmed = true
				return fm.trySubmit()
			})
			return nil, nil
		}
		return writeCmd(m.store, f.id, "Saved: "+e.summary(m.private), func(s Store) (func(*model.Dossier), error) {
			if err := s.SaveConcession(d.Negotiation.ID, &v); err != nil {
				return nil, err
			}
			return func(d *model.Dossier) {
				d.Ledger = upsert(d.Ledger, v, func(c model.Concession) uint64 { return c.ID })
			}, nil
		}), nil
	})
	fm.preview = func(f *form) []string {
		v := build(f)
		if err := d.CheckConcession(v); err != nil {
			return []string{m.st.Warn.Render(err.Error())}
		}
		e := concessionEffect(d, m.snap.r, v)
		line := e.summary(m.private)
		if e.flags != 0 {
			return []string{m.st.Warn.Render(line)}
		}
		return []string{m.st.Good.Render(line)}
	}
	fm.setPrivate(m.private)
	m.showForm(fm, formRef{"concession", c.ID})
}

// toggleMeeting starts the next meeting, or ends the one that runs.
func (m *Model) toggleMeeting() {
	if m.snap == nil {
		return
	}
	d := m.snap.d
	if mt, ok := d.RunningMeeting(); ok {
		summary := newField("Summary", textField, mt.Summary)
		summary.hint = "optional: what was agreed, what is next"
		m.showForm(newForm(fmt.Sprintf("End meeting %d (%s)", mt.Number, ui.Clock(m.opts.Now().Sub(mt.Started))), []*field{summary},
			func(f *form) (tea.Cmd, error) {
				v := mt
				v.Ended = m.opts.Now()
				v.Summary = f.byLabel("Summary").value()
				return m.saveMeetingCmd(f.id, v, fmt.Sprintf("Meeting %d ended", v.Number)), nil
			}), formRef{"meeting-end", mt.ID})
		return
	}
	place := newField("Place", textField, "")
	attendees := newField("Attendees", textField, "")
	attendees.hint = "comma-separated, optional"
	if n := len(d.Meetings); n > 0 {
		last := d.Meetings[n-1]
		place.input.SetValue(last.Place)
		attendees.input.SetValue(strings.Join(last.Attendees, ", "))
	}
	number := d.NextMeetingNumber()
	m.showForm(newForm(fmt.Sprintf("Start meeting %d", number), []*field{place, attendees}, func(f *form) (tea.Cmd, error) {
		v := model.Meeting{Number: number, Started: m.opts.Now(), Place: f.byLabel("Place").value()}
		for _, a := range strings.Split(f.byLabel("Attendees").value(), ",") {
			if a = strings.TrimSpace(a); a != "" {
				v.Attendees = append(v.Attendees, a)
			}
		}
		return m.saveMeetingCmd(f.id, v, fmt.Sprintf("Meeting %d started: notes and concessions now belong to it", number)), nil
	}), formRef{"meeting-start", 0})
}

// saveMeetingCmd writes a meeting and starts the clock when it runs.
func (m *Model) saveMeetingCmd(origin int, v model.Meeting, status string) tea.Cmd {
	negID := m.negID()
	return writeCmd(m.store, origin, status, func(s Store) (func(*model.Dossier), error) {
		if err := s.SaveMeeting(negID, &v); err != nil {
			return nil, err
		}
		return func(d *model.Dossier) {
			d.Meetings = upsert(d.Meetings, v, func(m model.Meeting) uint64 { return m.ID })
		}, nil
	})
}

// openMeetingForm edits a meeting's place, attendees and summary; an ended
// meeting's summary stays editable.
func (m *Model) openMeetingForm(mt model.Meeting) {
	place := newField("Place", textField, mt.Place)
	attendees := newField("Attendees", textField, strings.Join(mt.Attendees, ", "))
	attendees.hint = "comma-separated"
	summary := newField("Summary", textField, mt.Summary)
	summary.hint = "what was agreed, what is next"
	title := fmt.Sprintf("Meeting %d · %s", mt.Number, ui.MeetingWhen(mt))
	if !mt.Ended.IsZero() {
		title += " (ended)"
	}
	m.form = newForm(title, []*field{place, attendees, summary}, func(f *form) (tea.Cmd, error) {
		v := mt
		v.Place = f.byLabel("Place").value()
		v.Attendees = ui.SplitAttendees(f.byLabel("Attendees").value())
		v.Summary = f.byLabel("Summary").value()
		return m.saveMeetingCmd(f.id, v, fmt.Sprintf("Meeting %d saved", v.Number)), nil
	})
	m.showForm(m.form, formRef{"meeting", mt.ID})
}
