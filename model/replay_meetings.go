package model

import "slices"

// meetingResults walks the moves once in epoch order and takes the gap closed
// at the end of each meeting, and each meeting's reciprocity.
func (d *Dossier) meetingResults(moves []Move, weights []float64) []MeetingResult {
	// The moves in epoch order, as indices: a Move is large to copy.
	byEpoch := make([]int, len(moves))
	for k := range byEpoch {
		byEpoch[k] = k
	}
	slices.SortStableFunc(byEpoch, func(a, b int) int { return moves[a].Epoch - moves[b].Epoch })
	// Counted by epoch: a move between meetings counts toward the next
	// meeting in move counts and reciprocity too (DESIGN 5.8).
	type sums struct{ ours, theirs float64 }
	inMeeting := make(map[int]*sums, len(d.Meetings))
	counts := make(map[int]*MeetingResult, len(d.Meetings))
	results := make([]MeetingResult, len(d.Meetings))
	for i, m := range d.Meetings {
		results[i].Meeting = m
		inMeeting[m.Number] = &sums{}
		counts[m.Number] = &results[i]
	}
	for _, mv := range moves {
		s, ok := inMeeting[mv.Epoch]
		if !ok {
			continue
		}
		if mv.By == Us {
			counts[mv.Epoch].OurMoves++
			s.ours += weights[mv.Item] * mv.Share
		} else {
			counts[mv.Epoch].TheirMoves++
			s.theirs += weights[mv.Item] * mv.Share
		}
	}

	// Each meeting settles only the items that moved since the last one or
	// whose agreement it changes: a long negotiation has many meetings and
	// few moves in each.
	// Only the shares closed are kept per meeting, so the positions are
	// followed as floats, each value converted once: decimal arithmetic
	// here, per item per meeting, was most of a replay's garbage.
	states := make([]ItemState, len(d.Items))
	pos := make([]floatPos, len(d.Items))
	for k, st := range openingStates(d.Items) {
		pos[k] = floatPos{ours: st.Ours.InexactFloat64(), theirs: st.Theirs.InexactFloat64(),
			gap0: st.Gap0.InexactFloat64(), positive: st.Gap0.IsPositive()}
	}
	agreed := make([]bool, len(d.Items))
	dirty := make([]bool, len(d.Items))
	for k := range dirty {
		dirty[k] = true
	}
	next := 0
	for i := range results {
		res := &results[i]
		m := res.Meeting
		for ; next < len(byEpoch) && moves[byEpoch[next]].Epoch <= m.Number; next++ {
			mv := &moves[byEpoch[next]]
			if mv.By == Us {
				pos[mv.Item].ours = mv.To.InexactFloat64()
			} else {
				pos[mv.Item].theirs = mv.To.InexactFloat64()
			}
			dirty[mv.Item] = true
		}
		for k, it := range d.Items {
			if a := agreedBy(it, m); dirty[k] || a != agreed[k] {
				states[k].Closed = pos[k].closed(it, a)
				agreed[k], dirty[k] = a, false
			}
		}
		res.GapClosed = gapClosed(states, weights)
		res.ItemClosed = make([]float64, len(states))
		for k, st := range states {
			res.ItemClosed[k] = st.Closed
		}
		if s := inMeeting[m.Number]; s.ours > 0 {
			res.Reciprocity, res.ReciprocityKnown = s.theirs/s.ours, true
		}
	}
	return results
}

// floatPos is an item's positions as meetingResults follows them.
type floatPos struct {
	ours, theirs, gap0 float64
	positive           bool // the opening gap is above 0
}

// closed is settleItem's closed share, from the float positions.
func (p floatPos) closed(it AgendaItem, agreed bool) float64 {
	switch {
	case agreed:
		return 1
	case !it.Tracked():
		return 0
	case !p.positive:
		return 1
	}
	g := p.ours - p.theirs
	if it.Better == Down {
		g = -g
	}
	return min(1, max(0, 1-max(0, g)/p.gap0))
}
