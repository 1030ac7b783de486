package model

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// What their moves say about them (DESIGN 5.7, 5.8): where they moved more
// readily than on average they value the item less. After a meeting ends,
// each open item's value to them is compared with v' = round((v + 100·(1 −
// c*)) / 2), where c is the share of the item's opening gap closed by their
// moves made for nothing in return (a trade says nothing of indifference),
// c̄ the mean of c weighted by our weights, and c* = clamp(c / (2·c̄), 0, 1):
// an item they moved on as much as on average reads 0.5, so an early round
// does not raise every value. A difference of 10 or more is suggested,
// once two meetings have ended and they have moved on at least two items.

// Suggestion is a revised value to them for one item.
type Suggestion struct {
	Index  int // in Dossier.Items
	Item   AgendaItem
	After  int     // the meeting after which it was worked out
	Closed float64 // c: share of the opening gap closed by their moves, 0–1
	Mean   float64 // c̄: their weighted mean closure over the items
	Value  int     // v', the suggested value to them
}

// Text is the suggestion in words, e.g. "Payment terms: value to them 70 → 60
// (they closed 50% of the gap)".
func (s Suggestion) Text() string {
	return fmt.Sprintf("%s: value to them %d → %d (they closed %s of the gap by meeting %d, %s on average)",
		s.Item.Title, s.Item.ValueToThem, s.Value, FormatPercent(s.Closed), s.After, FormatPercent(s.Mean))
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
	after, ended := 0, 0
	for _, m := range d.Meetings {
		if !m.Ended.IsZero() {
			after = max(after, m.Number)
			ended++
		}
	}
	if ended < 2 {
		return nil
	}
	// Their moves for nothing in return, up to that meeting.
	closed := make([]decimal.Decimal, len(d.Items))
	moved := 0
	for _, mv := range r.Moves {
		if mv.By != Them || mv.Epoch > after || !mv.Size.IsPositive() || strings.TrimSpace(mv.TradedFor) != "" {
			continue
		}
		if closed[mv.Item].IsZero() {
			moved++
		}
		closed[mv.Item] = closed[mv.Item].Add(mv.Size)
	}
	if moved < 2 {
		return nil
	}
	decided := map[uint64]bool{}
	for _, dc := range d.Decisions {
		if dc.After == after {
			decided[dc.ItemID] = true
		}
	}
	weights := d.weights()
	gap0 := openingStates(d.Items)
	c := make([]float64, len(d.Items))
	var sum, total float64
	for i, it := range d.Items {
		if it.Status != ItemOpen || !it.Tracked() || !gap0[i].Gap0.IsPositive() {
			continue
		}
		share, _ := closed[i].Div(gap0[i].Gap0).Float64()
		c[i] = min(1, max(0, share))
		sum += weights[i] * c[i]
		total += weights[i]
	}
	if total == 0 || sum == 0 {
		return nil
	}
	mean := sum / total
	var out []Suggestion
	for i, it := range d.Items {
		if it.Status != ItemOpen || !it.Tracked() || !gap0[i].Gap0.IsPositive() || decided[it.ID] {
			continue
		}
		v := SuggestedValue(it.ValueToThem, c[i]/(2*mean))
		if abs(v-it.ValueToThem) >= 10 {
			out = append(out, Suggestion{Index: i, Item: it, After: after, Closed: c[i], Mean: mean, Value: v})
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
