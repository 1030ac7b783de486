package spar

import (
	"strings"
	"testing"
)

func TestParseOffer(t *testing.T) {
	_, c := demoCase(t)
	standing := c.Openings(false)
	cases := []struct{ line, want string }{
		// A package: named items change, the others keep the standing offer.
		{"1 24.30, 2 45, 4 185000", "1 24.30, 2 45, 3 1.0, 4 185000, 5 0.40, 6 8, 7 36, 8 95.0"},
		// A comma inside a number groups thousands; items by title or topic.
		{"4 185,000, price 24.10", "1 24.10, 2 30, 3 1.0, 4 185000, 5 0.40, 6 8, 7 36, 8 95.0"},
		// A single move, typed like the capture line.
		{"we 2 50", "1 24.80, 2 50, 3 1.0, 4 200000, 5 0.40, 6 8, 7 36, 8 95.0"},
		{"we allowance €0.55", "1 24.80, 2 30, 3 1.0, 4 200000, 5 0.55, 6 8, 7 36, 8 95.0"},
	}
	for _, tc := range cases {
		off, err := c.ParseOffer(tc.line, standing)
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		if got := c.FormatValues(off.Values); got != tc.want {
			t.Errorf("%q = %s\nwant %s", tc.line, got, tc.want)
		}
	}
	if off, err := c.ParseOffer(" Accept ", standing); err != nil || !off.Accept {
		t.Errorf("accept = %+v, %v", off, err)
	}
	refused := map[string]string{
		"":                   "nothing to table",
		"they 1 23.00":       "the buyer makes its own moves",
		"1 24.30, 2":         "every item needs a value",
		"9 1":                "not in play",
		"1 24.30, 1 24.20":   "named twice",
		"1 24,3":             "use a point for decimals",
		"12 5":               "there is no item 12",
		"we 1 abc":           "",                        // refused as the capture line refuses it
		"1 -5":               "a price must be above 0", // the lever's range, as forms and the capture line check it
		"we 2 400":           "payment days",
		"3 100":              "should be from 0 to below 100",
		"s 4":                "matches",
		"1 24.30 2 45 price": "every item needs a value",
	}
	for line, want := range refused {
		_, err := c.ParseOffer(line, standing)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want it to say %q", line, err, want)
		}
	}
}

// TestCountersKeepTheItemsDecimals: a counter rounded to a step of 0.05 is
// written with the item's decimals (4.0, 99.5), not the step's (4.00, 99.50).
func TestCountersKeepTheItemsDecimals(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 7, Tactic: Boulware})
	play(t, s, "1 24.50, 2 45")
	got := c.FormatValues(s.Counter())
	if !strings.Contains(got, "3 4.0,") || !strings.HasSuffix(got, "8 99.5") {
		t.Errorf("counter = %s, want the rebate as 4.0 and the service level as 99.5", got)
	}
}
