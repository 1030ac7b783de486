package model

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// closingFor starts the "traded for" of a closing move of `agree`.
const closingFor = "agreement on "

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
	s := it.Better.Sign()
	if crossed := st.HasTheirs && s.Mul(st.Theirs.Sub(st.Ours)).IsPositive(); crossed {
		// They ask for more than we offer: any value between the two
		// settles it, but which is meant is for the KAM to say, and the
		// item's direction is most likely wrong.
		lo, hi := decimal.Min(st.Ours, st.Theirs), decimal.Max(st.Ours, st.Theirs)
		if !c.HasValue || v.LessThan(lo) || v.GreaterThan(hi) {
			way := map[Direction]string{Up: "higher", Down: "lower"}[it.Better]
			return Agreement{}, fmt.Errorf("their %s on %q is already better for us than our %s (%s is better for us): check the item's direction (e on the agenda), or agree at a value from %s to %s",
				it.Format(st.Theirs), it.Title, it.Format(st.Ours), way, it.Format(lo), it.Format(hi))
		}
		return closeAt(it, st, v, at, meetingID)
	}
	if !c.HasValue {
		if !st.HasTheirs {
			return Agreement{}, fmt.Errorf("their position on %q is not known: type the value, agree <item> <value>", it.Title)
		}
		v = st.Theirs
	}
	if s.Mul(st.Ours.Sub(v)).IsNegative() || (st.HasTheirs && s.Mul(v.Sub(st.Theirs)).IsNegative()) {
		return Agreement{}, fmt.Errorf("agree %q between their %s and our %s, not at %s",
			it.Title, it.Format(st.Theirs), it.Format(st.Ours), it.Format(v))
	}
	return closeAt(it, st, v, at, meetingID)
}

// closeAt is the agreement of it at v: the item marked agreed and each
// side's closing move to v.
func closeAt(it AgendaItem, st ItemState, v decimal.Decimal, at time.Time, meetingID uint64) (Agreement, error) {
	a := Agreement{Item: it}
	a.Item.Status, a.Item.AgreedAt = ItemAgreed, at
	closing := closingFor + it.Title
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
