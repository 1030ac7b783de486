package spar

import (
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

func num(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func opt(s string) decimal.NullDecimal { return decimal.NewNullDecimal(num(s)) }

// demoCase is the training copy of the demo negotiation.
func demoCase(t *testing.T) (*model.Dossier, *Case) {
	t.Helper()
	d := model.Demo(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	c, err := NewCase(d)
	if err != nil {
		t.Fatal(err)
	}
	return d, c
}

// play tables every line, failing on a refused one.
func play(t *testing.T, s *Session, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if err := s.Play(l); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
	}
}

// values reads "1 24.30, 2 45" against the case, as the trainee types it.
func values(t *testing.T, c *Case, line string) model.Values {
	t.Helper()
	off, err := c.ParseOffer(line, nil)
	if err != nil {
		t.Fatal(err)
	}
	return off.Values
}
