package model

import (
	"fmt"
	"time"
)

// Agreement is an item settled from the capture line: the closing moves
// that bring both sides to the agreed value, and the item marked agreed.
type Agreement struct {
	Item  AgendaItem   // with Status agreed and AgreedAt set
	Moves []Concession // the closing moves, ours first; none when the positions already meet there
}

// Agree settles the item of an agree capture at its value (default: their
// current position), between their position and ours. Each side that is not
// already there makes the closing move to it.
func (d *Dossier) Agree(c Capture, at time.Time, meetingID uint64) (Agreement, error) {
	return d.Replay().Agree(c, at, meetingID)
}

// Agree is Dossier.Agree from r, a replay of the dossier's ledger: it
// costs in proportion to the agenda.
func (r *Replay) Agree(c Capture, at time.Time, meetingID uint64) (Agreement, error) {
	d := r.dossier
	it, ok := d.Item(c.ItemID)
	switch {
	case !ok:
		return Agreement{}, fmt.Errorf("there is no such item on the agenda")
	case it.Status == ItemAgreed:
		return Agreement{}, fmt.Errorf("%q is already agreed", it.Title)
	case !it.Numeric():
		return Agreement{}, fmt.Errorf("%q has no numbers: mark it agreed on the agenda", it.Title)
	}
	st := r.Items[d.ItemIndex(it.ID)]
	v := c.Value
	if !c.HasValue {
		if !st.HasTheirs {
			return Agreement{}, fmt.Errorf("their position on %q is not known: type the value, agree <item> <value>", it.Title)
		}
		v = st.Theirs
	}
	s := it.Better.Sign()
	if s.Mul(st.Ours.Sub(v)).IsNegative() || (st.HasTheirs && s.Mul(v.Sub(st.Theirs)).IsNegative()) {
		return Agreement{}, fmt.Errorf("agree %q between their %s and our %s, not at %s",
			it.Title, it.Format(st.Theirs), it.Format(st.Ours), it.Format(v))
	}
	a := Agreement{Item: it}
	a.Item.Status, a.Item.AgreedAt = ItemAgreed, at
	closing := "agreement on " + it.Title
	if !v.Equal(st.Ours) {
		a.Moves = append(a.Moves, Concession{MeetingID: meetingID, ItemID: it.ID, By: Us, To: v, TradedFor: closing, At: at,
			Note: "closing move"})
	}
	if st.HasTheirs && !v.Equal(st.Theirs) {
		a.Moves = append(a.Moves, Concession{MeetingID: meetingID, ItemID: it.ID, By: Them, To: v, TradedFor: closing, At: at,
			Note: "closing move"})
	}
	for _, m := range a.Moves {
		if err := m.Validate(); err != nil {
			return Agreement{}, err
		}
	}
	return a, nil
}
