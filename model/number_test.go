package model

import (
	"math"
	"testing"
)

func TestParseNumberAccepts(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		places int
	}{
		{"12.40", "12.40", 2}, // the typed decimals are kept
		{"1,000", "1000", 0},
		{"1,234,567.5", "1234567.5", 1},
		{"€12.40", "12.40", 2},
		{"$5", "5", 0},
		{"£1,000.25", "1000.25", 2},
		{"2.5%", "2.5", 1},
		{"2.5 %", "2.5", 1},
		{"-3", "-3", 0},
		{"−3", "-3", 0}, // the typographic minus sign
		{"-€1,000", "-1000", 0},
		{".5", "0.5", 1},
		{"5.", "5", 0},
		{"  42  ", "42", 0},
		{"0", "0", 0},
		{"000123", "123", 0},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if !got.Equal(dec(tt.want)) {
			t.Errorf("ParseNumber(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if p := Places(got); p != tt.places {
			t.Errorf("Places(ParseNumber(%q)) = %d, want %d", tt.in, p, tt.places)
		}
	}
}

func TestParseNumberRefuses(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"12.4x", "is not a number"},
		{"1,5", "use a point for decimals, e.g. 1.5"},
		{"12,50", "use a point for decimals, e.g. 12.50"},
		{"1,00,000", "thousands separators should group by three digits"},
		{"1,0000.5", "thousands separators should group by three digits"},
		{",5", "use a point for decimals, e.g. .5"}, // a European 0,5 without the zero
		{"", "is not a number"},
		{"   ", "is not a number"},
		{"abc", "is not a number"},
		{"-", "is not a number"},
		{"%", "is not a number"},
		{".", "is not a number"},
		{"1.2.3", "is not a number"},
		{"1e5", "is not a number"},
		{"+-3", "is not a number"},
		{"1 000", "is not a number"},
		{"١٢", "is not a number"}, // non-ASCII digits
		{"1234567890123456", "is too large"},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err == nil {
			t.Errorf("ParseNumber(%q) = %s, want an error mentioning %q", tt.in, got, tt.want)
			continue
		}
		assertErr(t, err, tt.want)
	}
}

func TestParseOptional(t *testing.T) {
	v, err := ParseOptional("  ")
	if err != nil || v.Valid {
		t.Errorf("ParseOptional(blank) = %v, %v; want no value, no error", v, err)
	}
	v, err = ParseOptional("1,250.5")
	if err != nil || !v.Valid || !v.Decimal.Equal(dec("1250.5")) {
		t.Errorf("ParseOptional(1,250.5) = %v, %v", v, err)
	}
	if _, err := ParseOptional("x"); err == nil {
		t.Error("ParseOptional(x): no error")
	}
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"12", 0}, {"12.4", 1}, {"12.40", 2}, {"0.125", 3}, {"1.123456", 6}, {"1.123456789", 8}, {"1200", 0},
	}
	for _, tt := range tests {
		if got := Places(dec(tt.in)); got != tt.want {
			t.Errorf("Places(%s) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"0", 0, "0"},
		{"999", 0, "999"},
		{"1000", 0, "1,000"},
		{"123456", 0, "123,456"},
		{"1234567.891", 2, "1,234,567.89"},
		{"-1234567.891", 2, "-1,234,567.89"},
		{"-999", 0, "-999"},
		{"-1000", 0, "-1,000"},
		{"0.5", 2, "0.50"},
		{"12.4", 2, "12.40"},
		{"-0.001", 2, "0.00"}, // no "-0.00"
		{"42", -1, "42"},      // negative places count as 0
	}
	for _, tt := range tests {
		if got := FormatNumber(dec(tt.in), tt.places); got != tt.want {
			t.Errorf("FormatNumber(%s, %d) = %q, want %q", tt.in, tt.places, got, tt.want)
		}
	}
}

func TestFormatValueMoneySigned(t *testing.T) {
	if got := FormatValue(dec("1234.50")); got != "1,234.50" {
		t.Errorf("FormatValue(1234.50) = %q", got)
	}
	if got := FormatMoney(dec("42000")); got != "42,000.00" {
		t.Errorf("FormatMoney(42000) = %q", got)
	}
	tests := []struct {
		in, want string
	}{
		{"42000", "+42,000.00"}, {"-7000", "-7,000.00"}, {"0", "0.00"},
	}
	for _, tt := range tests {
		if got := FormatSigned(dec(tt.in), 2); got != tt.want {
			t.Errorf("FormatSigned(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		share float64
		want  string
	}{
		{0, "0%"},
		{0.999, "99%"}, // floored: a gap not fully closed never shows 100%
		{0.9999999, "99%"},
		{1, "100%"},
		{0.29, "29%"}, // 0.29·100 is 28.999… in floating point
		{0.57, "57%"},
		{0.443, "44%"},
		{math.NaN(), "—"},
		{math.Inf(1), "—"},
	}
	for _, tt := range tests {
		if got := FormatPercent(tt.share); got != tt.want {
			t.Errorf("FormatPercent(%v) = %q, want %q", tt.share, got, tt.want)
		}
	}
}

func TestAgendaItemFormatKeepsTypedDecimals(t *testing.T) {
	price := AgendaItem{OurOpening: opt("24.80"), OurTarget: opt("24.2"), TheirOpening: opt("22.9")}
	days := AgendaItem{OurOpening: opt("30"), TheirOpening: opt("90")}
	rebate := AgendaItem{OurOpening: opt("1.0"), TheirOpening: opt("4")}
	tests := []struct {
		it   AgendaItem
		v    string
		want string
	}{
		{price, "24.5", "24.50"}, // the item was typed with two decimals
		{price, "1", "1.00"},
		{price, "0.125", "0.125"}, // more decimals in the value itself are kept
		{days, "45", "45"},
		{days, "1000", "1,000"},
		{rebate, "1.75", "1.75"},
		{rebate, "3", "3.0"},
	}
	for _, tt := range tests {
		if got := tt.it.Format(dec(tt.v)); got != tt.want {
			t.Errorf("Format(%s) with places %d = %q, want %q", tt.v, tt.it.Places(), got, tt.want)
		}
	}
}

// FuzzParseNumber checks that no input panics the parser and that every
// accepted number written back with its own decimals reads the same.
func FuzzParseNumber(f *testing.F) {
	for _, seed := range []string{"12.40", "1,000", "€12.40", "2.5%", "-3", ".5", "12.4x", "1,5", "1,00,000", "", "abc", "−1,234.5678"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseNumber(s)
		if err != nil || Places(d) < int(-d.Exponent()) {
			return // refused, or more decimals than a value is written with
		}
		text := FormatValue(d)
		again, err := ParseNumber(text)
		if err != nil {
			t.Fatalf("ParseNumber(%q) = %s, written %q, which is refused: %v", s, d, text, err)
		}
		if !again.Equal(d) {
			t.Fatalf("ParseNumber(%q) = %s, written %q, reads back as %s", s, d, text, again)
		}
	})
}

func TestDecimalCommaFormat(t *testing.T) {
	comma := NumberFormat{DecimalComma: true}
	for in, want := range map[string]string{"9,90": "9.90", "1.000,50": "1000.50", "1.000": "1000", "€12,40": "12.40",
		"2,5%": "2.5", "-3": "-3", "170.000": "170000", ",5": "0.5"} {
		got, err := comma.Parse(in)
		if err != nil || !got.Equal(dec(want)) {
			t.Errorf("decimal comma %q = %s, %v; want %s", in, got, err, want)
		}
	}
	_, err := comma.Parse("24.40")
	assertErr(t, err, `"24.40": use a comma for decimals, e.g. 24,40`)
	_, err = comma.Parse("1,2,3")
	assertErr(t, err, "is not a number")
	// The default refuses 9,90 and says where the setting is.
	_, err = ParseNumber("9,90")
	assertErr(t, err, `use a point for decimals, e.g. 9.90 (or set the negotiation to decimal commas)`)
	// The capture line reads values in the negotiation's format.
	d := Demo(t0)
	d.Negotiation.DecimalComma = true
	c, err := d.ParseCapture("they 1 23,60 for 1.000 more cases")
	if err != nil || !c.Value.Equal(dec("23.60")) || c.TradedFor != "1.000 more cases" {
		t.Errorf("capture with a decimal comma = %+v, %v", c, err)
	}
	if c, err := d.ParseCapture("agree 2 52,5"); err != nil || !c.Value.Equal(dec("52.5")) {
		t.Errorf("agree with a decimal comma = %+v, %v", c, err)
	}
	if v, err := comma.ParseOptional(" "); err != nil || v.Valid {
		t.Errorf("blank optional = %v, %v", v, err)
	}
}
