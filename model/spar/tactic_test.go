package spar

import (
	"math"
	"testing"
)

// TestTacticCurve checks p(t) = Pmin + (Pmax − Pmin)·(1 − t^(1/e)) worked by
// hand for the three named tactics, with Pmin 0.2 and Pmax 1 (a span of 0.8):
//
//	Boulware e = 0.2, 1/e = 5:  t = 0.5: 0.5⁵ = 0.03125, 1 − 0.03125 = 0.96875, × 0.8 + 0.2 = 0.975
//	                            t = 0.9: 0.9⁵ = 0.59049, 1 − 0.59049 = 0.40951, × 0.8 + 0.2 = 0.527608
//	Linear   e = 1:             t = 0.5: 0.5, × 0.8 + 0.2 = 0.6;   t = 0.9: 0.1 × 0.8 + 0.2 = 0.28
//	Conceder e = 2, 1/e = 0.5:  t = 0.25: √0.25 = 0.5, 0.5 × 0.8 + 0.2 = 0.6
//	                            t = 0.5: √0.5 = 0.70710678, 0.29289322 × 0.8 + 0.2 = 0.43431458
//
// and every curve starts at Pmax and ends at Pmin.
func TestTacticCurve(t *testing.T) {
	cases := []struct {
		tc   Tactic
		t    float64
		want float64
	}{
		{Boulware, 0, 1}, {Boulware, 0.5, 0.975}, {Boulware, 0.9, 0.527608}, {Boulware, 1, 0.2},
		{Linear, 0, 1}, {Linear, 0.5, 0.6}, {Linear, 0.9, 0.28}, {Linear, 1, 0.2},
		{Conceder, 0, 1}, {Conceder, 0.25, 0.6}, {Conceder, 0.5, 0.43431458}, {Conceder, 1, 0.2},
		{Linear, -1, 1}, {Linear, 2, 0.2}, // clamped to [0, 1]
	}
	for _, c := range cases {
		if got := c.tc.Target(c.t, 0.2, 1); math.Abs(got-c.want) > 1e-8 {
			t.Errorf("%s at t = %g: p = %.8f, want %.8f", c.tc, c.t, got, c.want)
		}
	}
	// Boulware holds longer than linear, which holds longer than a conceder.
	for _, x := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		b, l, k := Boulware.Target(x, 0, 1), Linear.Target(x, 0, 1), Conceder.Target(x, 0, 1)
		if !(b > l && l > k) {
			t.Errorf("t = %g: boulware %.3f, linear %.3f, conceder %.3f: want falling in that order", x, b, l, k)
		}
	}
}

func TestParseTactic(t *testing.T) {
	for in, want := range map[string]float64{"": 0.2, "boulware": 0.2, "Linear": 1, "conceder": 2, "0.5": 0.5, "3": 3} {
		tc, err := ParseTactic(in)
		if err != nil || tc.E != want {
			t.Errorf("ParseTactic(%q) = %v, %v; want e = %g", in, tc, err, want)
		}
	}
	for _, in := range []string{"hard", "0", "-1", "NaN", "Inf", "1000"} {
		if _, err := ParseTactic(in); err == nil {
			t.Errorf("ParseTactic(%q) took it", in)
		}
	}
}
