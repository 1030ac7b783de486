package model

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Scores of offers and how much room is left, read from a replay.

// RoomLeft is s·(ours − walk-away) for item i: how far we can still move.
// Below zero we are past our walk-away.
func (r *Replay) RoomLeft(i int) (decimal.Decimal, bool) {
	it := r.dossier.Items[i]
	if !it.Numeric() || !it.OurWalkAway.Valid {
		return decimal.Zero, false
	}
	return it.Better.Sign().Mul(r.Items[i].Ours.Sub(it.OurWalkAway.Decimal)), true
}

// Score is our score u(x) of value x on the item: 0 at the walk-away, 1 at the
// target, clamped to 0–1. ok is false when target or walk-away is missing.
func Score(it AgendaItem, x decimal.Decimal) (u float64, ok bool) {
	if !it.Scored() || !it.Better.Valid() {
		return 0, false
	}
	s := it.Better.Sign()
	span := s.Mul(it.OurTarget.Decimal.Sub(it.OurWalkAway.Decimal))
	if !span.IsPositive() {
		return 0, false
	}
	v, _ := s.Mul(x.Sub(it.OurWalkAway.Decimal)).Div(span).Float64()
	return min(1, max(0, v)), true
}

// ItemScore is our score of the current offer of party p on item i.
func (r *Replay) ItemScore(i int, p Party) (float64, bool) {
	return itemScore(r.dossier.Items[i], r.Items[i], p)
}

// itemScore is our score of party p's offer on an item that stands at st.
func itemScore(it AgendaItem, st ItemState, p Party) (float64, bool) {
	x, has := st.Ours, st.HasOurs
	if p == Them {
		x, has = st.Theirs, st.HasTheirs
	}
	if !has {
		return 0, false
	}
	return Score(it, x)
}

// PackageScore is 100·Σ w·u / Σ w over the scored items, for the current offer
// of party p (their offer on the table, or ours).
func (r *Replay) PackageScore(p Party) (float64, bool) {
	var sum, total float64
	weights := r.dossier.weights()
	for i := range r.Items {
		u, ok := r.ItemScore(i, p)
		if !ok {
			continue
		}
		w := weights[i]
		sum += w * u
		total += w
	}
	if total == 0 {
		return 0, false
	}
	return 100 * sum / total, true
}

// Flagged counts the moves that carry flag f.
func (r *Replay) Flagged(f Flag) int {
	return len(slices.DeleteFunc(slices.Clone(r.Moves), func(mv Move) bool { return !mv.Flags.Has(f) }))
}
