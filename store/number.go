package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"

	"github.com/shopspring/decimal"
)

// exact is a decimal stored with the places it was typed with: "24.80" stays
// "24.80" (decimal's own JSON would write "24.8", and the agenda would lose
// the precision the user chose).
type exact decimal.Decimal

func (e exact) MarshalJSON() ([]byte, error) {
	d := decimal.Decimal(e)
	return json.Marshal(d.StringFixed(max(0, -d.Exponent())))
}

func (e *exact) UnmarshalJSON(data []byte) error {
	var s string
	if n := len(data); n >= 2 && data[0] == '"' && data[n-1] == '"' && !bytes.ContainsAny(data[1:n-1], `"\`) {
		// What Parley writes: a string with nothing to unescape, read
		// without a second JSON decoder (a ledger holds thousands).
		s = string(data[1 : n-1])
	} else if err := json.Unmarshal(data, &s); err != nil {
		// Accept a bare JSON number too, as a hand-edited export may have one.
		s = string(data)
	}
	if !plainDecimal(s) {
		return fmt.Errorf("%s is not a decimal number like 1234.56", data)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return fmt.Errorf("%s is not a decimal number", data)
	}
	*e = exact(d)
	return nil
}

// plainDecimal accepts what Parley itself writes: an optional minus, at most
// model.MaxWholeDigits digits, and at most model.MaxDecimals decimals. Exponents and longer numbers are refused:
// "1e999999999" would otherwise cost minutes of arithmetic.
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	digits := func(t string) bool {
		for _, r := range t {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	return whole != "" && len(whole) <= model.MaxWholeDigits && len(frac) <= model.MaxDecimals && digits(whole) && digits(frac)
}

// IsZero lets omitzero leave zero amounts out.
func (e exact) IsZero() bool { return decimal.Decimal(e).IsZero() }

// optExact is an optional exact decimal: absent (or null) when not set.
type optExact struct {
	value exact
	valid bool
}

func optional(d decimal.NullDecimal) optExact { return optExact{exact(d.Decimal), d.Valid} }

func (o optExact) null() decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: decimal.Decimal(o.value), Valid: o.valid}
}

func (o optExact) MarshalJSON() ([]byte, error) {
	if !o.valid {
		return []byte("null"), nil
	}
	return o.value.MarshalJSON()
}

func (o *optExact) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*o = optExact{}
		return nil
	}
	o.valid = true
	return o.value.UnmarshalJSON(data)
}

// IsZero lets omitzero leave unset values out.
func (o optExact) IsZero() bool { return !o.valid }
