package model

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// dec reads a decimal written in a test; it panics on a typo.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// opt is a set optional decimal.
func opt(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

// none is an unset optional decimal.
var none = decimal.NullDecimal{}

// t0 is a fixed moment the tests count from.
var t0 = time.Date(2027, time.March, 1, 9, 0, 0, 0, time.UTC)

// approx reports whether two floats agree to 1e-9.
func approx(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func assertFloat(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !approx(got, want) {
		t.Errorf("%s = %.12f, want %.12f", what, got, want)
	}
}

func assertDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// assertErr checks that err is nil when want is "", else that it mentions want.
func assertErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("unexpected error: %v", err)
	case want != "" && err == nil:
		t.Errorf("no error, want one mentioning %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("error %q does not mention %q", err, want)
	}
}
