package spar

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// The grid is bounded so that the frontier takes well under a second on
// any agenda: at most MaxGridValues values per issue (a coarser step, a
// whole multiple of the item's, when its zone holds more), and at most
// MaxWork packages weighed in all, shared evenly by the issues: before an
// issue is added, the efficient points so far are thinned evenly along our
// score to MaxWork ÷ issues ÷ the issue's values (never below MinFrontier),
// and to MaxPoints at the end. Both are reported in Frontier. Measured in
// one run (BenchmarkFrontier, -benchtime 10x): the demo's 8 issues (never
// thinned) 24 ms, the large sample's 50 issues 336 ms (14×).
const (
	MaxGridValues = 101
	MaxWork       = 1000000
	MinFrontier   = 200
	MaxPoints     = 2000 // the frontier as reported
)

// Point is one package of the issues with both sides' utilities, in points
// (0–100): our package score, and the buyer's utility.
type Point struct {
	Values model.Values
	Ours   float64
	Buyer  float64
}

// Frontier is the efficient set of deals over the issues' value grid, and
// the Nash point on it.
type Frontier struct {
	Points  []Point // sorted by our score, rising; the buyer's utility falls along them
	Nash    Point   // the point with the largest product of both utilities
	HasNash bool
	// NoZone names an issue on which the walk-aways leave no agreement; the
	// frontier is then empty.
	NoZone string
	Grid   []GridAxis // per issue: the values the grid takes
	// Thinned says the efficient points were thinned while issues were
	// added (to Kept points at the fewest).
	Thinned bool
	Kept    int
}

// GridAxis is how one issue's values were laid out.
type GridAxis struct {
	Number     int
	From, To   decimal.Decimal // our walk-away (or opening) to the buyer's walk-away
	Step       decimal.Decimal // the item's step, or a multiple of it when coarsened
	Values     int
	Coarsened  bool
	itemValues []decimal.Decimal
	ours       []float64 // per value: its share of our score, in points
	buyer      []float64 // per value: its share of the buyer's utility, in points
}

// Frontier computes the Pareto frontier and the Nash point over the zone of
// agreement: each issue's values between our walk-away and the buyer's
// (both sides would take any point of it), at the issue's step. Both
// utilities add up issue by issue, so the frontier of the whole agenda is
// built one issue at a time: the efficient points of the issues so far plus
// each value of the next, keeping only the efficient ones.
func (c *Case) Frontier() Frontier {
	if c.frontier == nil {
		f := c.frontierNow()
		c.frontier = &f
	}
	return *c.frontier
}

// frontierNow works the frontier out (Frontier keeps it: the case's issues
// do not change).
func (c *Case) frontierNow() Frontier {
	var f Frontier
	ourShare, ourConst := c.ourShares()
	var buyerTotal float64
	for _, w := range c.buyerWeights {
		buyerTotal += w
	}
	for i, is := range c.Issues {
		axis, ok := c.axis(i, is, ourShare, buyerTotal)
		if !ok {
			f.NoZone = fmt.Sprintf("item %d (%s): our walk-away %s is beyond theirs %s", is.Number, is.Item.Title,
				is.Item.Format(c.ourBound(is)), is.Item.Format(is.BuyerWalk))
			f.Grid = nil
			return f
		}
		f.Grid = append(f.Grid, axis)
	}

	// Level k holds the efficient packages of the first k+1 issues, each
	// node pointing at its parent in level k−1 and at its value of issue k.
	levels := make([][]node, 0, len(f.Grid))
	front := []node{{ours: ourConst, parent: -1}}
	for k, axis := range f.Grid {
		if keep := max(MinFrontier, MaxWork/len(f.Grid)/len(axis.itemValues)); len(front) > keep {
			front, f.Thinned = thin(front, keep), true
			if f.Kept == 0 || keep < f.Kept {
				f.Kept = keep
			}
			if k > 0 {
				levels[k-1] = front
			}
		}
		next := make([]node, 0, len(front)*len(axis.itemValues))
		for i, p := range front {
			for j := range axis.itemValues {
				next = append(next, node{ours: p.ours + axis.ours[j], buyer: p.buyer + axis.buyer[j], parent: int32(i), value: int32(j)})
			}
		}
		front = efficientNodes(next)
		levels = append(levels, front)
	}
	if len(front) > MaxPoints {
		front, f.Thinned = thin(front, MaxPoints), true
		if f.Kept == 0 || MaxPoints < f.Kept {
			f.Kept = MaxPoints
		}
		levels[len(levels)-1] = front
	}
	best := -1.0
	for i := range front {
		v := make(model.Values, len(c.Issues))
		at := i
		for k := len(levels) - 1; k >= 0; k-- {
			n := levels[k][at]
			v[c.Issues[k].Item.ID] = f.Grid[k].itemValues[n.value]
			at = int(n.parent)
		}
		pt := Point{Values: v, Ours: front[i].ours, Buyer: front[i].buyer}
		f.Points = append(f.Points, pt)
		if prod := pt.Ours * pt.Buyer; prod > best+1e-9 {
			best, f.Nash, f.HasNash = prod, pt, prod > 0
		}
	}
	return f
}

// efficientNodes keeps the packages no other beats on one side without
// losing on the other (one of equal ones), sorted by our score rising.
func efficientNodes(pts []node) []node {
	slices.SortFunc(pts, func(a, b node) int { // ours falling, then the buyer's falling
		if c := cmp.Compare(b.ours, a.ours); c != 0 {
			return c
		}
		return cmp.Compare(b.buyer, a.buyer)
	})
	out := pts[:0]
	bestBuyer := math.Inf(-1)
	for _, p := range pts {
		if p.buyer > bestBuyer+1e-9 {
			out = append(out, p)
			bestBuyer = p.buyer
		}
	}
	slices.Reverse(out)
	return out
}

// node is a package of the first issues on the way to the frontier.
type node struct {
	ours, buyer   float64
	parent, value int32
}

// thin keeps n points spread evenly along the frontier, both ends included.
func thin[T any](pts []T, n int) []T {
	out := make([]T, 0, n)
	for k := 0; k < n; k++ {
		out = append(out, pts[k*(len(pts)-1)/(n-1)])
	}
	return out
}

// ourShares is each issue's weight in our package score (points per unit of
// model.Score), and the points the items out of play add at our opening:
// the same sum as model.Dossier.ScoreValues of the whole package.
func (c *Case) ourShares() (share []float64, constant float64) {
	d := c.Dossier
	weighted := slices.ContainsFunc(d.Items, func(it model.AgendaItem) bool { return it.Weight > 0 })
	weight := func(it model.AgendaItem) float64 {
		if weighted {
			return float64(it.Weight)
		}
		return 1
	}
	var total float64
	for _, it := range d.Items {
		if it.Numeric() && it.Scored() {
			if _, ok := model.Score(it, it.OurOpening.Decimal); ok {
				total += weight(it)
			}
		}
	}
	share = make([]float64, len(c.Issues))
	if total == 0 {
		return share, 0
	}
	for i, is := range c.Issues {
		if _, ok := model.Score(is.Item, is.Ours); ok {
			share[i] = 100 * weight(is.Item) / total
		}
	}
	for _, it := range d.Items {
		if x, fixed := c.Fixed[it.ID]; fixed {
			if u, ok := model.Score(it, x); ok {
				constant += 100 * weight(it) * u / total
			}
		}
	}
	return share, constant
}

// ourBound is the worst value we take on the issue: our walk-away, else our opening.
func (c *Case) ourBound(is Issue) decimal.Decimal {
	if w := is.Item.OurWalkAway; w.Valid {
		return w.Decimal
	}
	return is.Ours
}

// axis lays out one issue's values from our walk-away to the buyer's, on
// multiples of its step; ok is false when the two walk-aways leave no zone.
func (c *Case) axis(i int, is Issue, ourShare []float64, buyerTotal float64) (GridAxis, bool) {
	lo, hi := c.ourBound(is), is.BuyerWalk // lo: worst for us; hi: worst for the buyer
	if is.toward(lo, hi).IsPositive() {
		// hi is better for the buyer than lo: the buyer's worst does not reach ours.
		return GridAxis{}, false
	}
	step := is.Step
	a := GridAxis{Number: is.Number, From: lo, To: hi, Step: step}
	span := hi.Sub(lo).Abs()
	if n := span.Div(step).Floor().IntPart() + 1; n > MaxGridValues {
		k := (n - 1 + MaxGridValues - 2) / (MaxGridValues - 1)
		a.Step, a.Coarsened = step.Mul(decimal.NewFromInt(k)), true
	}
	dir := decimal.NewFromInt(1)
	if hi.LessThan(lo) {
		dir = dir.Neg()
	}
	for x := lo; x.Sub(lo).Abs().LessThanOrEqual(span); x = x.Add(a.Step.Mul(dir)) {
		a.itemValues = append(a.itemValues, trimZeros(x))
	}
	if last := a.itemValues[len(a.itemValues)-1]; !last.Equal(hi) {
		a.itemValues = append(a.itemValues, hi)
	}
	a.Values = len(a.itemValues)
	for _, x := range a.itemValues {
		u, _ := model.Score(is.Item, x)
		a.ours = append(a.ours, ourShare[i]*u)
		a.buyer = append(a.buyer, 100*c.buyerWeights[i]*is.BuyerValue(x)/buyerTotal)
	}
	return a, true
}

// Distance is the Euclidean distance between two points in utility points.
func Distance(a, b Point) float64 { return math.Hypot(a.Ours-b.Ours, a.Buyer-b.Buyer) }

// BetterTrade is the frontier point nearest to p that is at least as good
// for both sides, and its distance; ok is false (distance 0) when no point
// of the frontier is: p is on the frontier at the grid's resolution.
func (f Frontier) BetterTrade(p Point) (Point, float64, bool) {
	best, dist, ok := Point{}, 0.0, false
	for _, q := range f.Points {
		if q.Ours < p.Ours-1e-9 || q.Buyer < p.Buyer-1e-9 {
			continue
		}
		if d := Distance(p, q); d > 1e-9 && (!ok || d < dist) {
			best, dist, ok = q, d, true
		}
	}
	return best, dist, ok
}
