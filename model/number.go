package model

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// ParseNumber reads a number as a negotiator types it: "12.40", "1,000",
// "€12.40", "2.5%", "-3". Thousands separators must group by three; a comma
// used as a decimal point is refused with a hint rather than misread.
func ParseNumber(s string) (decimal.Decimal, error) { return NumberFormat{}.Parse(s) }

// NumberFormat says how numbers are typed: with a decimal point and comma
// thousands (24.40, 1,000.50), the default, or with a decimal comma and
// point thousands (24,40, 1.000,50). A negotiation keeps its setting.
type NumberFormat struct {
	DecimalComma bool
}

// Parse reads a number typed in the format (see ParseNumber).
func (f NumberFormat) Parse(s string) (decimal.Decimal, error) {
	point, thousands := ".", ","
	if f.DecimalComma {
		point, thousands = ",", "."
	}
	orig := strings.TrimSpace(s)
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "%")
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		neg = true
		s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
	}
	s = strings.TrimLeft(s, "€$£¥")
	if s == "" {
		return decimal.Zero, fmt.Errorf("%q is not a number", orig)
	}
	intPart, frac, hasPoint := strings.Cut(s, point)
	if strings.Contains(intPart, thousands) {
		groups := strings.Split(intPart, thousands)
		for i, g := range groups {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				if !hasPoint && len(groups) == 2 {
					return decimal.Zero, fmt.Errorf("%q: use %s for decimals, e.g. %s%s%s%s", orig, pointName(point),
						groups[0], point, groups[1], commaHint(f))
				}
				return decimal.Zero, fmt.Errorf("%q: thousands separators should group by three digits", orig)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" && frac == "" || !allDigits(intPart) || !allDigits(frac) || (hasPoint && frac == "" && intPart == "") {
		return decimal.Zero, fmt.Errorf("%q is not a number", orig)
	}
	if intPart == "" {
		intPart = "0"
	}
	text := intPart
	if hasPoint && frac != "" {
		text += "." + frac
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%q is not a number", orig)
	}
	if len(intPart) > MaxWholeDigits {
		return decimal.Zero, fmt.Errorf("%q is too large", orig)
	}
	if len(frac) > 6 {
		return decimal.Zero, fmt.Errorf("%q has more than 6 decimals", orig)
	}
	if neg {
		d = d.Neg()
	}
	return d, nil
}

func pointName(point string) string {
	if point == "," {
		return "a comma"
	}
	return "a point"
}

// commaHint tells a user typing decimal commas where the setting is.
func commaHint(f NumberFormat) string {
	if f.DecimalComma {
		return " (the negotiation is set to decimal commas)"
	}
	return " (or set the negotiation to decimal commas)"
}

// ParseOptional reads an optional number: blank is no value.
func ParseOptional(s string) (decimal.NullDecimal, error) { return NumberFormat{}.ParseOptional(s) }

// ParseOptional reads an optional number in the format: blank is no value.
func (f NumberFormat) ParseOptional(s string) (decimal.NullDecimal, error) {
	if strings.TrimSpace(s) == "" {
		return decimal.NullDecimal{}, nil
	}
	d, err := f.Parse(s)
	if err != nil {
		return decimal.NullDecimal{}, err
	}
	return decimal.NewNullDecimal(d), nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) || r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// Places is how many decimal places d was written with (at most 8, as many
// as a stored value may have).
func Places(d decimal.Decimal) int {
	return min(8, max(0, int(-d.Exponent())))
}

// FormatNumber writes d with the given decimal places and thousands separators.
func FormatNumber(d decimal.Decimal, places int) string {
	s := d.StringFixed(int32(max(0, places)))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasPoint {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatValue writes a value with the places it was typed with.
func FormatValue(d decimal.Decimal) string { return FormatNumber(d, Places(d)) }

// FormatMoney writes an amount of money with two decimals and separators.
func FormatMoney(d decimal.Decimal) string { return FormatNumber(d, 2) }

// FormatSigned writes d with an explicit + for gains.
func FormatSigned(d decimal.Decimal, places int) string {
	if d.IsPositive() {
		return "+" + FormatNumber(d, places)
	}
	return FormatNumber(d, places)
}

// FormatPercent writes a share of 0–1 as a whole percentage, rounded down so
// that a gap not fully closed never shows as 100%.
func FormatPercent(share float64) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return "—"
	}
	return fmt.Sprintf("%d%%", int(math.Floor(share*100+1e-9)))
}

// MoneyWords is a change in contribution with the verb that follows its
// sign (DESIGN 5.8): "gains us 1,234.00", "costs us 335,274.00", never
// "gains us −335,274".
func MoneyWords(v decimal.Decimal) string {
	if v.IsNegative() {
		return "costs us " + FormatMoney(v.Neg())
	}
	return "gains us " + FormatMoney(v)
}

// trim drops trailing zeros, so that 60.00 writes as the item writes 60.
func trim(v decimal.Decimal) decimal.Decimal { return decimal.RequireFromString(v.String()) }
