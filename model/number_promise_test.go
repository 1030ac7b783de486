package model

import (
	"strings"
	"testing"
)

// A number typed with as many digits as Parley reads is read, not refused:
// 15 digits before the point, 6 after it; one more is refused.
func TestNumbersAtTheDigitLimitsAreRead(t *testing.T) {
	for _, in := range []string{"123456789012345", "123,456,789,012,345", "0.123456", "24.800000"} {
		got, err := ParseNumber(in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", in, err)
		} else if want := dec(strings.ReplaceAll(in, ",", "")); !got.Equal(want) {
			t.Errorf("ParseNumber(%q) = %s, want %s", in, got, want)
		}
	}
	assertErr(t, errOf(ParseNumber("0.1234567")), "has more than 6 decimals")
	assertErr(t, errOf(ParseNumber("1234567890123456")), "is too large")
}

// The first thousands group holds one to three digits: "1234,567.5" is a
// typo, not 1,234,567.5, in either format.
func TestALeadingThousandsGroupOfFourDigitsIsRefused(t *testing.T) {
	assertErr(t, errOf(ParseNumber("1234,567.5")), "thousands separators should group by three digits")
	assertErr(t, errOf(NumberFormat{DecimalComma: true}.Parse("1234.567,5")), "thousands separators should group by three digits")
	if got, err := ParseNumber("234,567.5"); err != nil || !got.Equal(dec("234567.5")) {
		t.Errorf("ParseNumber(234,567.5) = %s, %v", got, err)
	}
}

// errOf is the error of a call that returns a value and an error.
func errOf[T any](_ T, err error) error { return err }
