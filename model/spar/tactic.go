package spar

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Tactic is how the buyer's target utility falls over the session's time:
// p(t) = Pmin + (Pmax − Pmin)·(1 − t^(1/e)) (DESIGN 13). Below e = 1 the
// buyer holds until late (Boulware), at 1 it concedes evenly, above 1 it
// gives much early (a conceder).
type Tactic struct {
	Name string  // "boulware", "linear", "conceder", or the exponent as typed
	E    float64 // the exponent e > 0
}

// The named tactics.
var (
	Boulware = Tactic{Name: "boulware", E: 0.2}
	Linear   = Tactic{Name: "linear", E: 1}
	Conceder = Tactic{Name: "conceder", E: 2}
)

// Bounds on a typed exponent: beyond them the curve is a step at one end
// and the name says more than the number.
const (
	minE = 0.01
	maxE = 100.0
)

// ParseTactic reads --tactic: a name, or the exponent e itself ("0.5").
func ParseTactic(s string) (Tactic, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	switch s {
	case "", Boulware.Name:
		return Boulware, nil
	case Linear.Name:
		return Linear, nil
	case Conceder.Name:
		return Conceder, nil
	}
	e, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(e) || math.IsInf(e, 0) {
		return Tactic{}, fmt.Errorf("tactic %q: use boulware, linear, conceder or an exponent such as 0.5", s)
	}
	if e < minE || e > maxE {
		return Tactic{}, fmt.Errorf("tactic %q: the exponent should be between %g and %g", s, minE, maxE)
	}
	return Tactic{Name: strconv.FormatFloat(e, 'g', -1, 64), E: e}, nil
}

// Target is p(t) for t in [0, 1] (clamped), between pmin and pmax.
func (tc Tactic) Target(t, pmin, pmax float64) float64 {
	t = min(1, max(0, t))
	return pmin + (pmax-pmin)*(1-math.Pow(t, 1/tc.E))
}

// String is the tactic's name with its exponent, for the debrief.
func (tc Tactic) String() string {
	if tc.Name == strconv.FormatFloat(tc.E, 'g', -1, 64) {
		return "e = " + tc.Name
	}
	return fmt.Sprintf("%s (e = %g)", tc.Name, tc.E)
}
