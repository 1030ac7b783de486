package model

import (
	"fmt"
	"strings"
	"time"
)

// Minutes writes the buyer-safe recap of one meeting (DESIGN 9), ready to
// paste into an e-mail: date, place and attendees, what each side moved and
// for what, in words (moves between meetings count toward the next one),
// the items agreed, where every item stands, the notes, actions (with their
// owners) and questions marked shared, and the next meeting, without our
// deadline. Number 0 means the last meeting. It shows only what the privacy
// rule calls buyer-safe, whatever is stored.
func Minutes(d *Dossier, meetingNumber int, now time.Time) (string, error) {
	if len(d.Meetings) == 0 {
		return "", fmt.Errorf("there is no meeting yet: the minutes recap a meeting")
	}
	m := d.Meetings[len(d.Meetings)-1]
	if meetingNumber != 0 {
		found := false
		for _, mt := range d.Meetings {
			if mt.Number == meetingNumber {
				m, found = mt, true
			}
		}
		if !found {
			return "", fmt.Errorf("there is no meeting %d: the negotiation has meetings 1–%d", meetingNumber, d.NextMeetingNumber()-1)
		}
	}
	w := &minutesWriter{briefWriter: briefWriter{d: d, r: d.Replay(), p: Privacy{BuyerView: true}, now: now}, m: m}
	w.heading()
	w.moves()
	w.agreed()
	w.standing()
	w.actions()
	w.next()
	return EscapeForTerminal(w.String()), nil
}

type minutesWriter struct {
	briefWriter
	m Meeting
}

func (w *minutesWriter) heading() {
	d, m := w.d, w.m
	w.line("# Minutes: %s › %s, meeting %d", d.Account.Name, d.Negotiation.Title, m.Number)
	w.line("")
	when := m.Started.Format("2006-01-02, 15:04")
	if m.Ended.IsZero() {
		when += " (under way)"
	} else {
		when += "–" + m.Ended.Format("15:04")
	}
	w.line("- Date: %s", when)
	if p := oneLine(m.Place); p != "" && w.p.Part(PartMeetingDates) {
		w.line("- Place: %s", p)
	}
	if len(m.Attendees) > 0 && w.p.Part(PartMeetingDates) {
		w.line("- Attendees: %s", oneLine(strings.Join(m.Attendees, ", ")))
	}
	w.line("")
}

// moves lists what each side moved that counts toward the meeting: in it,
// or between it and the meeting before.
func (w *minutesWriter) moves() {
	if !w.p.Part(PartMoves) {
		return
	}
	var theirs, ours []string
	for _, mv := range w.r.Moves {
		if mv.Epoch != w.m.Number || (mv.MeetingID != 0 && mv.MeetingID != w.m.ID) {
			continue
		}
		it := w.d.Items[mv.Item]
		s := fmt.Sprintf("%s: from %s to %s", it.Title, it.Format(mv.From), it.Format(mv.To))
		if it.Unit != "" {
			s += " " + it.Unit
		}
		if t := oneLine(resolveMoveRefs(mv.TradedFor, w.r)); t != "" {
			s += ", for " + t
		}
		if mv.MeetingID == 0 {
			s += " (" + strings.ToLower(w.d.PeriodName(mv.Epoch)) + ")"
		}
		if mv.By == Them {
			theirs = append(theirs, s)
		} else {
			ours = append(ours, s)
		}
	}
	w.line("## What moved")
	w.line("")
	if len(theirs)+len(ours) == 0 {
		w.line("Neither side moved.")
		w.line("")
		return
	}
	for _, side := range []struct {
		who   string
		moves []string
	}{{w.d.Account.Name, theirs}, {"We", ours}} {
		if len(side.moves) == 0 {
			continue
		}
		w.line("%s moved on:", side.who)
		w.line("")
		for _, s := range side.moves {
			w.line("- %s", s)
		}
		w.line("")
	}
}

// agreed lists the items agreed by the end of the meeting and not before it.
func (w *minutesWriter) agreed() {
	var prev Meeting
	for _, mt := range w.d.Meetings {
		if mt.Number < w.m.Number {
			prev = mt
		}
	}
	var lines []string
	for i, it := range w.d.Items {
		if !agreedBy(it, w.m) || (prev.ID != 0 && agreedBy(it, prev)) {
			continue
		}
		s := it.Title
		if st := w.r.Items[i]; st.HasTheirs && it.Numeric() {
			s += ": " + it.Format(st.Theirs)
			if it.Unit != "" {
				s += " " + it.Unit
			}
		}
		lines = append(lines, s)
	}
	w.line("## Agreed")
	w.line("")
	if len(lines) == 0 {
		w.line("No item was agreed in this meeting.")
	}
	for _, l := range lines {
		w.line("- %s", l)
	}
	w.line("")
}

// standing lists where every open numeric item stands after the meeting:
// both sides' positions and the gap in the item's unit.
func (w *minutesWriter) standing() {
	if !w.p.Field(FieldPositions) || !w.p.Field(FieldGap) {
		return
	}
	states := w.d.PositionsAfter(w.m.Number)
	var lines []string
	for i, it := range w.d.Items {
		st := states[i]
		if it.Status == ItemAgreed || !it.Tracked() {
			continue
		}
		unit := ""
		if it.Unit != "" {
			unit = " " + it.Unit
		}
		lines = append(lines, fmt.Sprintf("%s: you %s%s, we %s%s, %s apart", it.Title,
			it.Format(st.Theirs), unit, it.Format(st.Ours), unit, it.Format(st.Gap)))
	}
	if len(lines) == 0 {
		return
	}
	w.line("## Where we stand")
	w.line("")
	for _, l := range lines {
		w.line("- %s", l)
	}
	w.line("")
}

// actions lists the meeting's shared notes, its shared actions with their
// owners and its shared questions with their answers.
func (w *minutesWriter) actions() {
	var notes, actions, questions []string
	for _, n := range w.d.Notes {
		if n.MeetingID != w.m.ID || !w.p.Note(n) {
			continue
		}
		switch n.Kind {
		case KindNote:
			notes = append(notes, withoutTags(oneLine(n.Text)))
		case KindAction:
			owner, text := ActionOwner(n, w.d.Account, w.m.Attendees)
			text = withoutTags(text)
			box := "[ ]"
			if n.Done {
				box = "[x]"
			}
			actions = append(actions, fmt.Sprintf("%s %s (owner: %s)", box, text, owner))
		case KindQuestion:
			q := withoutTags(oneLine(n.Text))
			if a := oneLine(n.Answer); a != "" {
				q += " Answer: " + a
			} else {
				q += " (open)"
			}
			questions = append(questions, q)
		}
	}
	if len(notes) > 0 {
		w.line("## Notes")
		w.line("")
		for _, n := range notes {
			w.line("- %s", n)
		}
		w.line("")
	}
	w.line("## Actions")
	w.line("")
	if len(actions) == 0 {
		w.line("No actions.")
	}
	for _, a := range actions {
		w.line("- %s", a)
	}
	w.line("")
	if len(questions) > 0 {
		w.line("## Questions")
		w.line("")
		for _, q := range questions {
			w.line("- %s", q)
		}
		w.line("")
	}
}

func (w *minutesWriter) next() {
	w.line("## Next meeting")
	w.line("")
	for _, mt := range w.d.Meetings {
		if mt.Number == w.m.Number+1 {
			s := fmt.Sprintf("Meeting %d on %s", mt.Number, mt.Started.Format("2006-01-02 at 15:04"))
			if p := oneLine(mt.Place); p != "" {
				s += ", " + p
			}
			w.line("%s.", s)
			w.line("")
			return
		}
	}
	w.line("Meeting %d: date to be agreed.", w.m.Number+1) // our deadline is internal
	w.line("")
}

// ActionOwner names who owns an action: the person its text starts with
// ("Lena: pull the Q3 history"), matched to the account's contacts or the
// attendees by full or first name, else "us" (the KAM typed it). The text
// comes back without the owner's prefix.
func ActionOwner(n Note, a Account, attendees []string) (owner, text string) {
	text = oneLine(n.Text)
	who, rest, ok := strings.Cut(text, ":")
	if !ok || strings.TrimSpace(rest) == "" || len(strings.Fields(who)) > 3 {
		return "us", text
	}
	who = strings.TrimSpace(who)
	names := append([]string{}, attendees...)
	for _, c := range a.Contacts {
		names = append(names, c.Name)
	}
	for _, name := range names {
		first := strings.Fields(name)
		if strings.EqualFold(name, who) || (len(first) > 0 && strings.EqualFold(first[0], who)) {
			return name, strings.TrimSpace(rest)
		}
	}
	return "us", text
}

// withoutTags drops the #item tags, the KAM's shorthand, from a text.
func withoutTags(s string) string {
	words := strings.Fields(s)
	kept := words[:0]
	for _, w := range words {
		if !strings.HasPrefix(w, "#") || len(w) == 1 {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}
