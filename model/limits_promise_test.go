package model

import (
	"testing"

	"github.com/shopspring/decimal"
)

// A number with exactly MaxDecimals places (8) is kept, both as a field of
// a record and on its own; one more place is refused.
func TestANumberWithEightDecimalsIsKept(t *testing.T) {
	item := AgendaItem{Topic: TopicPrice, Title: "Price", Unit: "EUR/case", Better: Up, Status: ItemOpen}
	if err := withOpening(item, "0.12345678").Validate(); err != nil {
		t.Errorf("an opening of 8 decimals is refused: %v", err)
	}
	if err := CheckDigits("the rate", dec("1.00000001")); err != nil {
		t.Errorf("1.00000001 is refused: %v", err)
	}
	if err := CheckDigits("the rate", dec("1.000000001")); err == nil {
		t.Error("1.000000001 (9 decimals) is accepted")
	}
}

// A refusal names the field in the words a user reads: "our opening", not
// "OurOpening" nor " our opening" with a stray space before it.
func TestSizeRefusalNamesTheFieldInWords(t *testing.T) {
	item := AgendaItem{Topic: TopicPrice, Title: "Price", Unit: "EUR/case", Better: Up, Status: ItemOpen}
	err := withOpening(item, "0.123456789").Validate()
	if want := "our opening has more than 8 decimals"; err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %q", err, want)
	}
	err = CheckSizes(Concession{ItemID: 1, By: Them, To: decimal.New(1, -9), TradedFor: "x"})
	if want := "to has more than 8 decimals"; err == nil || err.Error() != want {
		t.Errorf("CheckSizes(a move to 1e-9) = %v, want %q", err, want)
	}
}
