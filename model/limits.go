package model

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// One rule for how much a record may hold, applied wherever a record
// enters: the capture line, the forms, the command line and import all
// save through a record's Validate, which calls CheckSizes, and the store
// calls Validate inside its write transaction (so will the team server).
// Whatever is saved can therefore be exported and imported again: export
// writes a decimal with the places it holds, and import reads no longer
// text and no more digits than these.

// MaxTextBytes is the longest text one field may hold: far more than any
// note, summary or name a negotiator writes, little enough that a pasted
// file or a runaway script is refused rather than stored.
const MaxTextBytes = 64 << 10

// MaxWholeDigits and MaxDecimals bound a stored number: 15 digits before
// the point (a thousand trillion), 8 after it.
const (
	MaxWholeDigits = 15
	MaxDecimals    = 8
)

var (
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
)

// CheckSizes refuses a record (any struct of model's, walked through its
// exported fields, slices and maps) holding a text longer than
// MaxTextBytes or a number with more digits than MaxWholeDigits and
// MaxDecimals allow.
func CheckSizes(record any) error {
	return checkSizes(reflect.ValueOf(record), "")
}

func checkSizes(v reflect.Value, name string) error {
	switch v.Kind() {
	case reflect.String:
		return CheckText(name, v.String())
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkSizes(v.Elem(), name)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := checkSizes(v.Index(i), name); err != nil {
				return err
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if err := checkSizes(it.Key(), name); err != nil {
				return err
			}
			if err := checkSizes(it.Value(), name); err != nil {
				return err
			}
		}
	case reflect.Struct:
		switch v.Type() {
		case decimalType:
			return CheckDigits(name, v.Interface().(decimal.Decimal))
		case nullDecimalType:
			if n := v.Interface().(decimal.NullDecimal); n.Valid {
				return CheckDigits(name, n.Decimal)
			}
			return nil
		}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fname := name
			if !f.Anonymous {
				fname = fieldWords(f.Name)
			}
			if err := checkSizes(v.Field(i), fname); err != nil {
				return err
			}
		}
	}
	return nil
}

// CheckText refuses a text longer than MaxTextBytes; name says which
// ("the note", "summary").
func CheckText(name, s string) error {
	if len(s) <= MaxTextBytes {
		return nil
	}
	return fmt.Errorf("%s is %d KiB long: a text may hold at most %d KiB", cmpName(name, "the text"), (len(s)+1023)>>10, MaxTextBytes>>10)
}

// CheckDigits refuses a number with more than MaxWholeDigits digits
// before the point or more than MaxDecimals after it (as export writes
// it: with the places it holds, "24.80" has two).
func CheckDigits(name string, d decimal.Decimal) error {
	exp := int(d.Exponent())
	if -exp > MaxDecimals {
		return fmt.Errorf("%s has more than %d decimals", cmpName(name, "a number"), MaxDecimals)
	}
	if d.IsZero() {
		return nil
	}
	// The coefficient's digits and a positive exponent are the digits
	// before the point; counted without writing out 1e999999999.
	coef := len(strings.TrimPrefix(d.Coefficient().String(), "-"))
	if whole := coef + exp; whole > MaxWholeDigits {
		return fmt.Errorf("%s has more than %d digits before the point", cmpName(name, "a number"), MaxWholeDigits)
	}
	return nil
}

// fieldWords is a field's name as a message says it: "TradedFor" → "traded for".
func fieldWords(field string) string {
	var b strings.Builder
	for i, r := range field {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte(' ')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func cmpName(name, otherwise string) string {
	if name == "" {
		return otherwise
	}
	return name
}
