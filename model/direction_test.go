package model

import (
	"strings"
	"testing"
	"time"
)

func TestSuggestedDirection(t *testing.T) {
	for _, tt := range []struct {
		topic Topic
		unit  string
		want  Direction
		ok    bool
	}{
		{TopicTerms, "days", Down, true},
		{TopicOther, " Days ", Down, true},
		{TopicTerms, "payment days", Down, true},
		{TopicDiscounts, "%", Down, true}, // a rebate %
		{TopicDiscounts, "EUR/case", Down, true},
		{TopicPrice, "EUR/case", Up, true},
		{TopicVolume, "cases", Up, true},
		{TopicTerms, "months", Up, true},
		// A contract's length in months or years is better for us longer;
		// terms in another unit (weeks, a percentage) are left for the form.
		{TopicTerms, "Years", Up, true},
		{TopicTerms, "weeks", "", false},
		{TopicTerms, "%", "", false},
		{TopicSupply, "%", "", false}, // a service level: the form asks
		{TopicCannibalization, "SKUs", "", false},
	} {
		got, ok := SuggestedDirection(tt.topic, tt.unit)
		if got != tt.want || ok != tt.ok {
			t.Errorf("SuggestedDirection(%s, %q) = %q, %v; want %q, %v", tt.topic, tt.unit, got, ok, tt.want, tt.ok)
		}
	}
}

func TestArticles(t *testing.T) {
	for k, want := range map[NoteKind]string{KindAction: "an action", KindNote: "a note", KindQuestion: "a question"} {
		if got := k.WithArticle(); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	it := AgendaItem{Better: Up, Lever: Lever{Kind: LeverDiscount}}
	if h := it.LeverHint(); !strings.HasPrefix(h, "an on-invoice discount is usually better for us down") {
		t.Errorf("hint %q", h)
	}
	it.Lever.Kind = LeverRebate
	if h := it.LeverHint(); !strings.HasPrefix(h, "a rebate is") {
		t.Errorf("hint %q", h)
	}
}

func TestTradedAgainstCandidates(t *testing.T) {
	d := Demo(demoNow)
	// A `they` concession is traded against our moves only.
	for _, c := range d.TradedAgainstCandidates(Them, 0) {
		if c.By != Us {
			t.Errorf("candidate %d is theirs", c.ID)
		}
	}
	if n := len(d.TradedAgainstCandidates(Them, 0)); n != 5 {
		t.Errorf("%d of our moves, want 5", n)
	}
	ours := d.TradedAgainstCandidates(Us, 7)
	if len(ours) != 7 {
		t.Errorf("%d of their moves, want 7", len(ours))
	}
	for _, c := range ours {
		if c.By != Them || c.ID == 7 {
			t.Errorf("candidate %+v for our concession 7", c)
		}
	}
}

func TestSuggestedLeverFromTopicUnitAndTitle(t *testing.T) {
	for _, c := range []struct {
		topic       Topic
		unit, title string
		want        LeverKind
		ok          bool
	}{
		{TopicTerms, "days", "Payment terms", LeverPaymentDays, true},
		{TopicPrice, "EUR/case", "List price per case", LeverListPrice, true},
		{TopicPrice, "%", "Invoice discount", LeverDiscount, true},
		{TopicDiscounts, "%", "Annual growth rebate", LeverRebate, true},
		{TopicDiscounts, "EUR/case", "Promotional allowance", LeverAllowance, true},
		{TopicDiscounts, "EUR", "Listing fee", LeverLumpSum, true},
		{TopicPrice, "EUR/SKU", "Listing fee", LeverLumpSum, true},
		{TopicVolume, "cases", "Annual volume commitment", LeverVolume, true},
		{TopicSupply, "%", "Service level", "", false},
		{TopicOther, "", "Joint business plan", "", false},
		// A rebate is suggested from its title only for an item filed under
		// discounts, whatever its unit; a per-cent discount under discounts
		// is an on-invoice discount, not a rebate; elsewhere neither word
		// decides.
		{TopicDiscounts, "EUR", "Year-end rebate", LeverRebate, true},
		{TopicDiscounts, "%", "Early order discount", LeverDiscount, true},
		{TopicSupply, "%", "Rebate on service failures", "", false},
		{TopicSupply, "%", "Discount for late deliveries", "", false},
	} {
		got, ok := SuggestedLever(c.topic, c.unit, c.title)
		if got != c.want || ok != c.ok {
			t.Errorf("SuggestedLever(%s, %q, %q) = %q, %v; want %q, %v", c.topic, c.unit, c.title, got, ok, c.want, c.ok)
		}
	}
}

// TestACrossedItemIsAskedAboutAndAgreeExplains is issue 18's finding 7:
// service level, higher is better, ours 98.5, theirs 99.5. The item is
// crossed; agree without a value explains instead of contradicting itself
// ("between their 99.5 and our 98.5, not at 99.5"), and agree at a value
// between the two settles it.
func TestACrossedItemIsAskedAboutAndAgreeExplains(t *testing.T) {
	it := AgendaItem{ID: 8, Title: "Service level", Topic: TopicSupply, Unit: "%", Better: Up, Status: ItemOpen,
		OurOpening: opt("98.5"), OurWalkAway: opt("97"), TheirOpening: opt("99.5"), Weight: 30, ValueToThem: 50}
	if !it.Crossed() {
		t.Fatal("their 99.5 against our 98.5, higher is better, is not crossed")
	}
	if q := it.CrossedQuestion(); !strings.Contains(q, "99.5 is already better for us than ours 98.5 (higher is better for us)") {
		t.Errorf("the question is %q", q)
	}
	fine := it
	fine.Better = Down
	if fine.Crossed() {
		t.Error("lower is better: their 99.5 above our 98.5 is a gap, not crossed")
	}
	d := &Dossier{Negotiation: Negotiation{Currency: "EUR"}, Items: []AgendaItem{it}}
	at := time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC)
	_, err := d.Agree(Capture{Kind: CaptureAgree, ItemID: 8}, at, 0)
	if err == nil || !strings.Contains(err.Error(), "already better for us") || !strings.Contains(err.Error(), "from 98.5 to 99.5") {
		t.Fatalf("agree on a crossed item says %v", err)
	}
	a, err := d.Agree(Capture{Kind: CaptureAgree, ItemID: 8, Value: dec("99"), HasValue: true}, at, 0)
	if err != nil {
		t.Fatalf("agree 8 99 on a crossed item: %v", err)
	}
	if len(a.Moves) != 2 || !a.Moves[0].To.Equal(dec("99")) || !a.Moves[1].To.Equal(dec("99")) || a.Item.Status != ItemAgreed {
		t.Fatalf("agree 8 99 = %+v", a)
	}
}
