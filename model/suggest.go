package model

import (
	"fmt"
	"math"
	"time"
)

// What their moves say about them (DESIGN 5.7): where they moved readily
// they value the item less. After a meeting ends, each open item's value to
// them is compared with v' = round((v + 100·(1 − c)) / 2), c being the share
// of the item's opening gap closed by their moves; a difference of 10 or
// more is suggested, once they have moved on at least two items.

// Suggestion is a revised value to them for one item.
type Suggestion struct {
	Index  int // in Dossier.Items
	Item   AgendaItem
	After  int     // the meeting after which it was worked out
	Closed float64 // c: share of the opening gap closed by their moves, 0–1
	Value  int     // v', the suggested value to them
}

// Text is the suggestion in words, e.g. "Payment terms: value to them 70 → 60
// (they closed 50% of the gap)".
func (s Suggestion) Text() string {
	return fmt.Sprintf("%s: value to them %d → %d (they closed %s of the gap by meeting %d)",
		s.Item.Title, s.Item.ValueToThem, s.Value, FormatPercent(s.Closed), s.After)
}

// SuggestionDecision records the KAM's answer to a suggestion: accepted (the
// item's value to them was set to Value) or dismissed. Either hides the
// suggestion on that item until another meeting ends.
type SuggestionDecision struct {
	ID       uint64
	ItemID   uint64
	After    int // the meeting number the suggestion was worked out after
	Value    int
	Accepted bool
	At       time.Time
	Stamp    // UID and Updated, set by the store
}

// SuggestedValue is v' = round((v + 100·(1 − c)) / 2), halves away from zero.
func SuggestedValue(v int, closed float64) int {
	c := min(1, max(0, closed))
	return int(math.Round((float64(v) + 100*(1-c)) / 2))
}

// Suggestions are the revised values to them after the last meeting that
// ended, for open items whose value would change by 10 or more, leaving out
// those the KAM already accepted or dismissed after that meeting. None until
// a meeting has ended and they have moved on at least two items by then.
func (r *Replay) Suggestions() []Suggestion {
	d := r.dossier
	after := 0
	for _, m := range d.Meetings {
		if !m.Ended.IsZero() {
			after = max(after, m.Number)
		}
	}
	if after == 0 {
		return nil
	}
	moved := make([]bool, len(d.Items))
	theirs := openingStates(d.Items)
	for _, mv := range r.Moves {
		if mv.By == Them && mv.Epoch <= after && mv.Size.IsPositive() {
			moved[mv.Item] = true
			apply(theirs, mv)
		}
	}
	count := 0
	for _, m := range moved {
		if m {
			count++
		}
	}
	if count < 2 {
		return nil
	}
	decided := map[uint64]bool{}
	for _, dc := range d.Decisions {
		if dc.After == after {
			decided[dc.ItemID] = true
		}
	}
	var out []Suggestion
	for i, it := range d.Items {
		st := theirs[i]
		if it.Status != ItemOpen || !it.Tracked() || !st.Gap0.IsPositive() || decided[it.ID] {
			continue
		}
		closedBy, _ := it.Better.Sign().Mul(st.Theirs.Sub(it.TheirOpening.Decimal)).Div(st.Gap0).Float64()
		c := min(1, max(0, closedBy))
		v := SuggestedValue(it.ValueToThem, c)
		if abs(v-it.ValueToThem) >= 10 {
			out = append(out, Suggestion{Index: i, Item: it, After: after, Closed: c, Value: v})
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
