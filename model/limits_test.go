package model

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// One rule for sizes and digits (issue 24, finding 2): every record's
// Validate refuses a text over 64 KiB and a number with more digits than
// an import reads, in any field, nested ones included.
func TestValidateRefusesOversizedTextAndDigits(t *testing.T) {
	long := strings.Repeat("x", MaxTextBytes+1)
	fits := strings.Repeat("x", MaxTextBytes)
	at := time.Date(2027, 3, 15, 10, 0, 0, 0, time.UTC)
	item := AgendaItem{Topic: TopicPrice, Title: "Price", Unit: "EUR/case", Better: Up, Status: ItemOpen,
		OurOpening: decimal.NewNullDecimal(decimal.RequireFromString("24.80"))}
	cases := []struct {
		name    string
		record  interface{ Validate() error }
		refused string // "" when it must pass
	}{
		{"a note of 64 KiB", Note{Kind: KindNote, Text: fits, At: at}, ""},
		{"a note of 64 KiB and a byte", Note{Kind: KindNote, Text: long, At: at}, "text is 65 KiB long: a text may hold at most 64 KiB"},
		{"an answer", Note{Kind: KindQuestion, Text: "Volume?", Answer: long, At: at}, "answer is 65 KiB long"},
		{"a contact's name", Account{Name: "Northfield", Kind: Retail, Contacts: []Contact{{Name: long, Side: CustomerSide}}}, "name is 65 KiB long"},
		{"a meeting's attendee", Meeting{Number: 1, Started: at, Attendees: []string{long}}, "attendees is 65 KiB long"},
		{"an opening of 15 digits", withOpening(item, "123456789012345.5"), ""},
		{"an opening of 16 digits", withOpening(item, "1234567890123456"), "has more than 15 digits before the point"},
		{"an opening of 1e20", withOpening(item, "1e20"), "has more than 15 digits before the point"},
		{"an opening of 8 decimals", withOpening(item, "0.12345678"), ""},
		{"an opening of 9 decimals", withOpening(item, "0.123456789"), "our opening has more than 8 decimals"},
		{"a move of 1e-30", Concession{ItemID: 1, By: Them, To: decimal.New(1, -30), At: at}, "to has more than 8 decimals"},
	}
	for _, c := range cases {
		err := c.record.Validate()
		switch {
		case c.refused == "" && err != nil && strings.Contains(err.Error(), "KiB"):
			t.Errorf("%s: refused: %v", c.name, err)
		case c.refused == "" && err != nil && strings.Contains(err.Error(), "digits"):
			t.Errorf("%s: refused: %v", c.name, err)
		case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
			t.Errorf("%s: Validate() = %v, want %q", c.name, err, c.refused)
		}
	}
}

func withOpening(it AgendaItem, v string) AgendaItem {
	it.OurOpening = decimal.NewNullDecimal(decimal.RequireFromString(v))
	return it
}

// 1e999999999 is refused without writing it out.
func TestCheckDigitsHugeExponent(t *testing.T) {
	if err := CheckDigits("limit", decimal.New(1, 999999999)); err == nil {
		t.Fatal("1e999999999 was accepted")
	}
	if err := CheckDigits("limit", decimal.New(0, 40)); err != nil {
		t.Errorf("zero with an exponent: %v", err)
	}
}

// The capture line refuses a line too long for a note before anything is saved.
func TestParseCaptureRefusesOversizedLine(t *testing.T) {
	_, err := ParseCapture(strings.Repeat("word ", 30000), nil)
	if err == nil || !strings.Contains(err.Error(), "64 KiB") {
		t.Fatalf("ParseCapture(150,000 bytes) = %v, want the 64 KiB rule", err)
	}
}
