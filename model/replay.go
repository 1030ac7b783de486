package model

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Move is a concession as the replayed ledger sees it: where the party moved
// from, how far, and what the move breaks.
type Move struct {
	Concession
	Item  int             // index of the item in Dossier.Items
	From  decimal.Decimal // the party's position before the move
	Size  decimal.Decimal // units moved toward the other side, > 0 for a real concession
	Share float64         // Size as a share of the item's opening gap, 0 when that gap is 0 or unknown
	Flags Flag
	// Number is the move's place in the ledger, 1-based in ledger order: the
	// number the ledger shows and a "for #N" names.
	Number int
	// Epoch is the number of the meeting at whose end the move first counts:
	// its own meeting, or the next one for a move made between meetings.
	Epoch int
}

// ItemState is where one item stands at one point of the ledger.
type ItemState struct {
	Ours      decimal.Decimal // our position; meaningful when the item is numeric
	Theirs    decimal.Decimal // their position; meaningful when their opening is known
	HasOurs   bool
	HasTheirs bool
	Gap0      decimal.Decimal // the gap between the openings
	Gap       decimal.Decimal // the gap now, 0 once the positions met or crossed
	Closed    float64         // share of the opening gap closed, 0–1
}

// MeetingResult is what a meeting did to the gap.
type MeetingResult struct {
	Meeting    Meeting
	GapClosed  float64   // overall share of the gap closed at the meeting's end (so far, while it runs)
	ItemClosed []float64 // per agenda item, in agenda order
	OurMoves   int
	TheirMoves int
	// Reciprocity is Σ their normalised moves / Σ ours in the meeting; it is
	// known only when we moved at all.
	Reciprocity      float64
	ReciprocityKnown bool
}

// Replay is the ledger replayed from the openings: every item's current
// position and gap, every move with its derived "from" and flags, and the gap
// closed after each meeting.
type Replay struct {
	Items     []ItemState // in agenda order
	Moves     []Move      // in ledger order
	Meetings  []MeetingResult
	GapClosed float64 // overall share closed now, 0–1
	Openings  float64 // overall share closed before any concession (items whose openings already meet)

	dossier *Dossier
	bases   *sideBases // each side's package priced once, when first asked
	// What a new move is priced from (effect.go): our last move on each
	// item, the items' weights and the meetings' numbers by ID.
	ours    []ourLast
	weights []float64
	numbers map[uint64]int
}

// ourLast is our last move on an item, which tells whether the next one
// is an increasing concession.
type ourLast struct {
	size  decimal.Decimal
	moved bool
}

// Replay replays the whole ledger. It costs time in proportion to the ledger.
func (d *Dossier) Replay() *Replay { return d.ReplayAfter(nil) }

// ReplayAfter is Replay for a dossier that follows the one prev replayed
// (a change to it): a move whose place, item, value and starting position
// are prev's takes prev's size and share instead of working them out again
// in decimals. Most changes add or change a move near the end, so a long
// ledger is mostly taken over. The result is Replay's, whatever prev is.
func (d *Dossier) ReplayAfter(prev *Replay) *Replay {
	r := &Replay{dossier: d, bases: &sideBases{}}
	index := make(map[uint64]int, len(d.Items))
	for i, it := range d.Items {
		index[it.ID] = i
	}
	r.Items = openingStates(d.Items)
	meetingNumber := d.meetingNumbers()
	r.numbers = meetingNumber

	// Moves in ledger order, each with its epoch.
	r.Moves = make([]Move, 0, len(d.Ledger))
	for _, c := range d.Ledger {
		i, ok := index[c.ItemID]
		if !ok || c.Held() {
			continue // a move waiting for approval does not count yet
		}
		r.Moves = append(r.Moves, Move{Concession: c, Item: i, Number: len(r.Moves) + 1, Epoch: d.epoch(c, meetingNumber)})
	}

	// Derive from, size and flags in ledger order.
	r.ours = make([]ourLast, len(d.Items))
	for k := range r.Moves {
		mv := &r.Moves[k]
		step(d.Items[mv.Item], &r.Items[mv.Item], &r.ours[mv.Item], mv, prev.sameMove(k, d, mv))
	}

	d.flagOverBudget(r.Moves)

	// Positions now, and after each meeting.
	weights := d.weights()
	r.weights = weights
	r.Items = d.statesAfter(r.Moves, func(Move) bool { return true }, func(it AgendaItem) bool { return it.Status == ItemAgreed })
	r.GapClosed = gapClosed(r.Items, weights)
	r.Openings = gapClosed(d.statesAfter(nil, nil, func(AgendaItem) bool { return false }), weights)
	r.Meetings = d.meetingResults(r.Moves, weights)
	return r
}

// step moves the conceding party of mv from where its item stands (st) to
// the move's value, and derives the move's from, size and share, and the
// flags that its item's history gives a move of ours (all but over budget:
// Dossier.overBudget); last is our last move on the item, and becomes mv
// when mv is ours. The replay steps every move; a preview steps one more.
func step(it AgendaItem, st *ItemState, last *ourLast, mv *Move, same *Move) {
	down := it.Better == Down
	size := func(from, to decimal.Decimal) decimal.Decimal {
		if same != nil && same.From.Equal(mv.From) {
			return same.Size
		}
		return toward(down, from, to)
	}
	if mv.By == Us {
		mv.From = st.Ours
		mv.Size = size(mv.To, mv.From)
		st.Ours, st.HasOurs = mv.To, true
		if !mv.Reciprocated() {
			mv.Flags |= Unreciprocated
		}
		if last.moved && mv.Size.GreaterThan(last.size) {
			mv.Flags |= Increasing
		}
		*last = ourLast{size: mv.Size, moved: true}
		if it.OurWalkAway.Valid && beyond(down, it.OurWalkAway.Decimal, mv.To) {
			mv.Flags |= PastWalkAway
		}
	} else {
		mv.From = st.Theirs
		mv.Size = size(mv.From, mv.To)
		st.Theirs, st.HasTheirs = mv.To, true
	}
	switch {
	case same != nil && same.From.Equal(mv.From):
		mv.Share = same.Share // same size, same opening gap (sameMove)
	case st.Gap0.IsPositive():
		mv.Share = mv.Size.InexactFloat64() / st.Gap0.InexactFloat64()
	}
}

// PositionsAfter replays the ledger up to the end of meeting number k and
// returns every item's state then (k = 0: the openings, before any meeting).
func (d *Dossier) PositionsAfter(k int) []ItemState {
	r := d.Replay()
	if k <= 0 {
		return d.statesAfter(nil, nil, func(AgendaItem) bool { return false })
	}
	var meeting Meeting
	for _, m := range d.Meetings {
		if m.Number == k {
			meeting = m
		}
	}
	return d.statesAfter(r.Moves,
		func(mv Move) bool { return mv.Epoch <= k },
		func(it AgendaItem) bool { return meeting.ID != 0 && agreedBy(it, meeting) })
}

// epoch is the meeting number after which a concession counts.
func (d *Dossier) epoch(c Concession, meetingNumber map[uint64]int) int {
	if n, ok := meetingNumber[c.MeetingID]; ok {
		return n
	}
	return d.EpochAt(c.At)
}

// agreedBy reports whether the item had been agreed by the end of meeting m.
func agreedBy(it AgendaItem, m Meeting) bool {
	if it.Status != ItemAgreed || it.AgreedAt.IsZero() {
		return false
	}
	return m.Ended.IsZero() || !it.AgreedAt.After(m.Ended)
}

// openingStates is every item at its openings, before any concession.
func openingStates(items []AgendaItem) []ItemState {
	states := make([]ItemState, len(items))
	for i, it := range items {
		st := ItemState{Ours: it.OurOpening.Decimal, HasOurs: it.OurOpening.Valid,
			Theirs: it.TheirOpening.Decimal, HasTheirs: it.TheirOpening.Valid}
		if it.Tracked() {
			st.Gap0 = gap(it, st.Ours, st.Theirs)
		}
		states[i] = st
	}
	return states
}

// statesAfter replays the moves that include accepts, in order, and settles
// each item's gap and closed share; agreed says which items count as settled.
func (d *Dossier) statesAfter(moves []Move, include func(Move) bool, agreed func(AgendaItem) bool) []ItemState {
	states := openingStates(d.Items)
	for _, mv := range moves {
		if include(mv) {
			apply(states, mv)
		}
	}
	d.settle(states, agreed)
	return states
}

// apply moves the conceding party's position to the move's value.
func apply(states []ItemState, mv Move) {
	st := &states[mv.Item]
	if mv.By == Us {
		st.Ours, st.HasOurs = mv.To, true
	} else {
		st.Theirs, st.HasTheirs = mv.To, true
	}
}

// settle computes each item's gap and closed share from its positions.
func (d *Dossier) settle(states []ItemState, agreed func(AgendaItem) bool) {
	for i, it := range d.Items {
		settleItem(it, &states[i], agreed(it))
	}
}

// settleItem works out one item's gap and closed share from its positions.
func settleItem(it AgendaItem, st *ItemState, agreed bool) {
	if it.Tracked() {
		st.Gap = gap(it, st.Ours, st.Theirs)
	}
	switch {
	case agreed:
		st.Closed = 1
	case !it.Tracked():
		st.Closed = 0
	default:
		st.Closed = closedShare(st.Gap0, st.Gap)
	}
}

// gap is g = max(0, s·(ours − theirs)).
func gap(it AgendaItem, ours, theirs decimal.Decimal) decimal.Decimal {
	if it.Better == Down {
		ours, theirs = theirs, ours
	}
	if ours.Cmp(theirs) < 0 { // compared first: a replay takes thousands of gaps
		return decimal.Zero
	}
	return ours.Sub(theirs)
}

// closedShare is 1 − g/g0, clamped to 0–1; 1 when the openings already met.
func closedShare(g0, g decimal.Decimal) float64 {
	if !g0.IsPositive() {
		return 1
	}
	// A share to show and weigh: float division is exact enough and much
	// cheaper than a decimal one, which the replay would do per item per meeting.
	share := 1 - g.InexactFloat64()/g0.InexactFloat64()
	return min(1, max(0, share))
}

// weights are the items' weights in overall figures; when no item has a
// weight, every item counts the same.
func (d *Dossier) weights() []float64 {
	w := make([]float64, len(d.Items))
	weighted := slices.ContainsFunc(d.Items, func(it AgendaItem) bool { return it.Weight > 0 })
	for i, it := range d.Items {
		w[i] = 1
		if weighted {
			w[i] = float64(it.Weight)
		}
	}
	return w
}

// gapClosed is Σ w·closed / Σ w over the agenda.
func gapClosed(states []ItemState, weights []float64) float64 {
	return gapClosedWith(states, weights, -1, 0)
}

// gapClosedWith is gapClosed with item i's closed share taken as closed
// (i < 0: none): a preview's gap closed, without copying every state.
func gapClosedWith(states []ItemState, weights []float64, i int, closed float64) float64 {
	var sum, total float64
	for k, st := range states {
		c := st.Closed
		if k == i {
			c = closed
		}
		sum += weights[k] * c
		total += weights[k]
	}
	if total == 0 {
		return 0
	}
	return sum / total
}

// beyond reports whether a move from a to b goes against us (toward(down,
// a, b) is negative), without working out by how much.
func beyond(down bool, a, b decimal.Decimal) bool {
	if down {
		return a.Cmp(b) < 0
	}
	return b.Cmp(a) < 0
}

// toward is the size of a move from a to b in the direction better for us
// (down: a falling value is better).
func toward(down bool, a, b decimal.Decimal) decimal.Decimal {
	if down {
		return a.Sub(b)
	}
	return b.Sub(a)
}
