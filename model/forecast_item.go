package model

// The landing forecast of one item (DESIGN 5.5): each side's projection from
// its own moves, and where the two meet. The readings it makes are listed in
// forecast.go.

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// maxSteps bounds the projection's terms: with r ≤ 0.9, a term past 500
// meetings is below 10⁻²² of the last move, far below any stored decimal.
const maxSteps = 500

// SideProjection is one side's projected further movement on one item.
type SideProjection struct {
	Party Party
	// Sizes are d_1..d_k: the side's movement in each meeting in which it moved.
	Sizes []decimal.Decimal
	// R is the decay; meaningful when len(Sizes) ≥ 2 (else it is not computed).
	R decimal.Decimal
	// Further is d_k·(r + r² + … + r^m), cut at the side's walk-away: how
	// far the side is projected to move toward the other from where it stands.
	Further decimal.Decimal
	// Capped says the walk-away (ours, or our estimate of theirs) cut Further.
	Capped bool
	// From is where the side stands now; To where the projection leaves it.
	From, To decimal.Decimal
	// Path is the projected position after each of the m meetings left (at
	// most 500 of them), for drawing after the real positions in a chart.
	Path []decimal.Decimal
}

// Holds reports whether the side has not moved on the item: it is projected to stay.
func (p SideProjection) Holds() bool { return len(p.Sizes) == 0 }

// TooFew reports whether the side moved in fewer than two meetings, too few
// to tell a pattern from.
func (p SideProjection) TooFew() bool { return len(p.Sizes) < 2 }

// ItemForecast is the forecast of one numeric item.
type ItemForecast struct {
	Index int // in Dossier.Items
	Item  AgendaItem
	Ours  SideProjection
	// Theirs is meaningful when TheirsKnown (their opening is set).
	Theirs      SideProjection
	TheirsKnown bool
	// Settled: the item is agreed (or the positions already met); Landing is where.
	Settled bool
	// Gap is the gap now, and GapLeft what the projections leave of it.
	Gap, GapLeft decimal.Decimal
	// Agrees says the projections meet or cross before the deadline; Landing
	// is then the value that splits the gap in proportion to each side's
	// projected movement, reached at meeting Meeting.
	Agrees  bool
	Landing decimal.Decimal
	Meeting int
	// PackageValue is the item's value in the landing package: the landing
	// when the sides agree, else their projected position (our projection
	// when theirs is unknown).
	PackageValue decimal.Decimal
}

// Told reports whether the item has enough moves to show a landing: both
// sides moved in at least two meetings, or it is settled.
func (f ItemForecast) Told() bool {
	return f.Settled || (f.TheirsKnown && !f.Ours.TooFew() && !f.Theirs.TooFew())
}

// Outlook is the item's forecast in words: the landing value, "no agreement
// expected, gap X left", or "too few moves to tell".
func (f ItemForecast) Outlook() string {
	it := f.Item
	switch {
	case f.Settled:
		return "settled at " + it.Format(f.Landing)
	case !f.TheirsKnown:
		return "their position is unknown"
	case !f.Told():
		return "too few moves to tell"
	case f.Agrees:
		return fmt.Sprintf("likely landing %s by meeting %d", it.FormatStep(f.Landing), f.Meeting)
	}
	return "no agreement expected, gap " + it.FormatStep(f.GapLeft) + " left"
}

// sizesByMeeting is, per item and side, the side's movement in each meeting
// (epoch) in which it moved, in meeting order.
func (r *Replay) sizesByMeeting() []map[Party][]decimal.Decimal {
	type key struct {
		item  int
		by    Party
		epoch int
	}
	total := map[key]decimal.Decimal{}
	var order []key
	for _, mv := range r.Moves {
		if !mv.Size.IsPositive() {
			continue // not a concession: nothing to learn from
		}
		k := key{mv.Item, mv.By, mv.Epoch}
		if _, seen := total[k]; !seen {
			order = append(order, k)
		}
		total[k] = total[k].Add(mv.Size)
	}
	slices.SortStableFunc(order, func(a, b key) int { return a.epoch - b.epoch })
	out := make([]map[Party][]decimal.Decimal, len(r.Items))
	for i := range out {
		out[i] = map[Party][]decimal.Decimal{}
	}
	for _, k := range order {
		out[k.item][k.by] = append(out[k.item][k.by], total[k])
	}
	return out
}

// forecastItem projects both sides on item i and finds where they meet.
func (r *Replay) forecastItem(i int, sizes map[Party][]decimal.Decimal, m, last int) ItemForecast {
	it, st := r.dossier.Items[i], r.Items[i]
	s := it.Better.Sign()
	f := ItemForecast{Index: i, Item: it, TheirsKnown: st.HasTheirs, Gap: st.Gap}
	// Our room: s·(ours − walk-away); theirs: s·(their walk-away − theirs).
	ourRoom, theirRoom := it.OurWalkAway, it.TheirWalkAway
	if ourRoom.Valid {
		ourRoom.Decimal = decimal.Max(decimal.Zero, s.Mul(st.Ours.Sub(ourRoom.Decimal)))
	}
	if theirRoom.Valid {
		theirRoom.Decimal = decimal.Max(decimal.Zero, s.Mul(theirRoom.Decimal.Sub(st.Theirs)))
	}
	if st.HasTheirs { // a projection stops at the other side's current position
		ourRoom = minRoom(ourRoom, st.Gap)
		theirRoom = minRoom(theirRoom, st.Gap)
	}
	f.Ours = project(Us, sizes[Us], m, ourRoom, st.Ours, s.Neg())
	f.Theirs = project(Them, sizes[Them], m, theirRoom, st.Theirs, s)
	f.PackageValue = f.Ours.To
	if !st.HasTheirs {
		f.Meeting = last + m
		return f
	}
	if it.Status == ItemAgreed || !st.Gap.IsPositive() {
		f.Settled, f.Landing, f.PackageValue, f.Meeting = true, st.Ours, st.Ours, last
		return f
	}
	moved := f.Ours.Further.Add(f.Theirs.Further)
	if moved.LessThan(st.Gap) || !moved.IsPositive() {
		// Midway between the projections, never past our walk-away.
		mid := it.RoundToStep(f.Ours.To.Add(f.Theirs.To).Div(decimal.NewFromInt(2)))
		if it.OurWalkAway.Valid && s.Mul(mid.Sub(it.OurWalkAway.Decimal)).IsNegative() {
			mid = it.OurWalkAway.Decimal
		}
		f.GapLeft, f.PackageValue, f.Meeting = st.Gap.Sub(moved), mid, last+m
		return f
	}
	// The gap splits in proportion to each side's projected movement.
	f.Agrees = true
	f.Landing = it.RoundToStep(st.Ours.Sub(s.Mul(st.Gap).Mul(f.Ours.Further).Div(moved)))
	f.PackageValue = f.Landing
	f.Meeting = last + m
	for j := range min(m, maxSteps) {
		if f.Ours.step(j).Add(f.Theirs.step(j)).GreaterThanOrEqual(st.Gap) {
			f.Meeting = last + j + 1
			break
		}
	}
	return f
}

// step is the side's projected movement after j+1 meetings (j below the
// meetings projected: both sides' paths have one position per meeting).
func (p SideProjection) step(j int) decimal.Decimal {
	return p.Path[j].Sub(p.From).Abs()
}

// project is one side's projection: the decay from its moves, the further
// movement over m meetings cut at its room (when known), and the path of
// positions. dir is the sign of the side's moves on the item's scale.
func project(by Party, sizes []decimal.Decimal, m int, room decimal.NullDecimal, from, dir decimal.Decimal) SideProjection {
	p := SideProjection{Party: by, Sizes: sizes, From: from, To: from}
	steps := min(m, maxSteps)
	p.Path = make([]decimal.Decimal, steps)
	for j := range p.Path {
		p.Path[j] = from
	}
	if len(sizes) < 2 {
		return p // too few moves: no projection, the side holds
	}
	p.R = decay(sizes)
	dk := sizes[len(sizes)-1]
	power, cum := one, decimal.Zero
	for j := range steps {
		power = power.Mul(p.R)
		cum = cum.Add(dk.Mul(power))
		moved := cum
		if room.Valid && moved.GreaterThan(room.Decimal) {
			moved, p.Capped = room.Decimal, true
		}
		p.Path[j] = from.Add(dir.Mul(moved))
		p.Further = moved
	}
	p.To = from.Add(dir.Mul(p.Further))
	return p
}

var (
	half     = decimal.RequireFromString("0.5")
	maxDecay = decimal.RequireFromString("0.9")
)

// decay is r = clamp(median(d_{j+1}/d_j), 0, 0.9) for two moves or more,
// and 0.5 for one. Sizes are positive (sizesByMeeting keeps only real moves).
func decay(sizes []decimal.Decimal) decimal.Decimal {
	if len(sizes) < 2 {
		return half
	}
	ratios := make([]decimal.Decimal, len(sizes)-1)
	for j := range ratios {
		ratios[j] = sizes[j+1].Div(sizes[j])
	}
	slices.SortFunc(ratios, func(a, b decimal.Decimal) int { return a.Cmp(b) })
	n := len(ratios)
	med := ratios[n/2]
	if n%2 == 0 {
		med = ratios[n/2-1].Add(ratios[n/2]).Div(decimal.NewFromInt(2))
	}
	return decimal.Min(maxDecay, decimal.Max(decimal.Zero, med))
}

// minRoom is the room cut at most at limit.
func minRoom(room decimal.NullDecimal, limit decimal.Decimal) decimal.NullDecimal {
	if !room.Valid || room.Decimal.GreaterThan(limit) {
		return decimal.NewNullDecimal(limit)
	}
	return room
}
