package spar

import (
	"errors"
	"testing"

	"github.com/parley-app/parley/model"
)

// A trainee who leaves the table stops an open session, and the session
// then takes no line; a session already agreed stays agreed.
func TestStopEndsAnOpenSessionOnly(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 7, Tactic: Conceder, Meetings: 2})
	play(t, s, dealScript[0])
	s.Stop()
	if s.Outcome != Stopped || s.Outcome.String() != "no deal: the trainee stopped" {
		t.Errorf("outcome after Stop: %s", s.Outcome)
	}
	if err := s.Play(dealScript[1]); !errors.Is(err, ErrOver) {
		t.Errorf("a stopped session took a line: %v", err)
	}
	_, c = demoCase(t)
	agreed := NewSession(c, Config{Seed: 7, Tactic: Conceder, Meetings: 2})
	play(t, agreed, dealScript...)
	agreed.Stop()
	if agreed.Outcome != Agreed {
		t.Errorf("Stop after the deal made it %s", agreed.Outcome)
	}
}

// The transcript says who tabled each row: "they" for the buyer (its
// opening is round 0), "we" for the trainee.
func TestTheTranscriptSaysWhoTabledEachRow(t *testing.T) {
	_, c := demoCase(t)
	s := NewSession(c, Config{Seed: 7, Tactic: Conceder, Meetings: 2})
	play(t, s, dealScript[0])
	want := []string{
		"0 they 1 22.90, 2 90, 3 4.0, 4 150000, 5 1.50, 6 3, 7 12, 8 99.5",
		"1 we 1 24.50, 2 45, 3 1.5, 4 200000, 5 0.60, 6 8, 7 36, 8 95.0",
	}
	for i, w := range want {
		if got := s.Describe(s.Rows[i]); got != w {
			t.Errorf("row %d: %q, want %q", i, got, w)
		}
	}
	if got := s.Describe(s.Rows[2]); got[:7] != "1 they " {
		t.Errorf("the buyer's answer reads %q", got)
	}
}

// A tactic typed as a number is named by its exponent alone, whatever its
// digits; a named one gives its exponent after the name.
func TestATacticSaysItsExponent(t *testing.T) {
	for in, want := range map[string]string{"0.35": "e = 0.35", "1.25": "e = 1.25", "3": "e = 3", "conceder": "conceder (e = 2)", "boulware": "boulware (e = 0.2)"} {
		tc, err := ParseTactic(in)
		if err != nil || tc.String() != want {
			t.Errorf("ParseTactic(%q) = %q, %v; want %q", in, tc, err, want)
		}
	}
}

// A trainee who tables exactly the buyer's standing offer has it accepted
// at once: it is worth as much to the buyer as any counter it could make
// (it never concedes past what the trainee asks), whatever its tactic.
func TestTheBuyerAcceptsItsOwnStandingOffer(t *testing.T) {
	for _, tc := range []Tactic{Boulware, Linear, Conceder} {
		_, c := demoCase(t)
		s := NewSession(c, Config{Seed: 7, Tactic: tc, Meetings: 2})
		counter := c.FormatValues(s.Counter())
		play(t, s, counter)
		last := s.Rows[len(s.Rows)-1]
		if s.Outcome != Agreed || last.By != model.Them || !last.Accepted || c.FormatValues(s.Deal) != counter {
			t.Errorf("%s: tabling %s ends %s with %q, want the buyer accepting it", tc, counter, s.Outcome, s.Describe(last))
		}
	}
}
