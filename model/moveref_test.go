package model

import (
	"testing"
	"time"
)

// A "for #N" names move N of the ledger, the number the ledger shows; it
// must be a move of the other side (issue 18, finding 6). In the demo, #6 is
// theirs (payment terms to 60) and #10 ours (the rebate to 1.75).
func TestForNumberNamesAMoveOfTheOtherSide(t *testing.T) {
	d := Demo(demoNow)
	at := demoNow.Add(-time.Hour)
	refused := []struct{ line, want string }{
		{"we 4 180000 for #10", "#10 is our move; name one of theirs"},
		{"they 3 2.5 for #6", "#6 is their move; name one of ours"},
		{"we 4 180000 for #13", "there is no move #13: the ledger has 12 moves"},
		{"they 3 2.5 for the rebate (#10) and #99", "there is no move #99"},
	}
	for _, tt := range refused {
		c, err := d.ParseCapture(tt.line)
		if err != nil {
			t.Fatalf("ParseCapture(%q): %v", tt.line, err)
		}
		err = d.CheckCapture(c, at, 0, true)
		if err == nil {
			t.Errorf("CheckCapture(%q) accepted it, want %q", tt.line, tt.want)
			continue
		}
		assertErr(t, err, tt.want)
	}
	for _, line := range []string{"we 4 180000 for #6", "they 3 2.5 for #10, as promised", "they 3 2.5 for item #3's rebate #x"} {
		c, err := d.ParseCapture(line)
		if err != nil {
			t.Fatalf("ParseCapture(%q): %v", line, err)
		}
		if err := d.CheckCapture(c, at, 0, true); err != nil {
			t.Errorf("CheckCapture(%q): %v", line, err)
		}
	}
	r := d.Replay()
	for k, mv := range r.Moves {
		if mv.Number != k+1 {
			t.Errorf("move %d has number %d", k+1, mv.Number)
		}
	}
}
