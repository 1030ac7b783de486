package model

import "testing"

// Every three-letter code from AAA to ZZZ is a currency code: the first
// and last letters of the alphabet included (AUD, ZAR, CZK); a digit is
// refused wherever it stands.
func TestCurrencyCodesUseTheWholeAlphabet(t *testing.T) {
	for _, code := range []string{"AUD", "ZAR", "CZK", "AAA", "ZZZ"} {
		assertErr(t, ValidateCurrency(code), "")
	}
	for _, code := range []string{"1UR", "E1R", "EU1", "@UR", "EU["} {
		assertErr(t, ValidateCurrency(code), "should be a three-letter code such as EUR, GBP or USD")
	}
}
