package model

import (
	"strings"
	"testing"
	"time"
)

// mdPart is the part of md from the heading that starts with title to the
// next heading of that level or above ("" when there is none).
func mdPart(md, title string) string {
	i := strings.Index(md, title)
	if i < 0 {
		return ""
	}
	rest := md[i+len(title):]
	if j := strings.Index(rest, "\n#"); j >= 0 {
		return md[i : i+len(title)+j]
	}
	return md[i:]
}

// The deal in the brief shows each of its parts when its figures exist,
// with the figures the model worked out, and says why when they cannot be.
func TestDealMarkdownShowsEachPartItHasFiguresFor(t *testing.T) {
	at := time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC)
	d := Demo(at)
	dl := d.Replay().AnalysedDeal()
	ours, _ := dl.Result(OriginOurs)
	last, _ := dl.Result(OriginLastYear)
	md := DealMarkdown(d)

	if !strings.Contains(md, "| **Annual contribution** | EUR | "+FormatMoney(last.Waterfall.Contribution)+" |") {
		t.Errorf("the packages' annual contribution is missing:\n%s", md)
	}
	bridge := mdPart(md, "### Bridge from last year to our offer")
	if !strings.Contains(bridge, "| Last year | "+FormatMoney(last.Waterfall.Contribution)+" |") ||
		!strings.Contains(bridge, "| **Our offer** | "+FormatMoney(ours.Waterfall.Contribution)+" |") {
		t.Errorf("the bridge from last year is missing or wrong:\n%s", bridge)
	}
	if strings.Contains(md, "Cannot be computed") {
		t.Errorf("the demo's deal says a part cannot be computed:\n%s", md)
	}
	tornado := mdPart(md, "### What moves our offer most")
	if top := ours.Analysis.Tornado[0]; !strings.Contains(tornado, "| "+top.What+" | "+FormatMoney(top.Low)+" | "+FormatMoney(top.High)+" |") {
		t.Errorf("what moves our offer most is missing or wrong:\n%s", tornado)
	}
	rng, term := ours.Analysis.Range, ours.Analysis.Term
	if !strings.Contains(md, FormatMoney(rng.Low)+" / "+FormatMoney(rng.High)) ||
		!strings.Contains(md, FormatMoney(term.Average)+" · "+FormatMoney(term.DiscountedTotal)) {
		t.Errorf("the volume range or the term of our offer is missing:\n%s", md)
	}
	if strings.Contains(md, "cash discount") || strings.Contains(md, "Priced at our offer") {
		t.Errorf("the demo has no cash discount and no package priced at our offer, yet the deal shows one:\n%s", md)
	}

	// A cash discount given shows in the waterfall.
	cash := Demo(at)
	cash.Items = append(cash.Items, leverItem(900, "Cash discount", Down, Lever{Kind: LeverCashDiscount, Days: opt("10")}, "2"))
	if w := mdPart(DealMarkdown(cash), "### Waterfall of our offer"); !strings.Contains(w, "| − cash discount |") {
		t.Errorf("a cash discount given is not in the waterfall:\n%s", w)
	}

	// A package missing a value is priced at our offer, and says so.
	gap := Demo(at)
	gap.Items[0].TheirOpening.Valid = false
	for i := range gap.Ledger {
		if gap.Ledger[i].ItemID == gap.Items[0].ID && gap.Ledger[i].By == Them {
			gap.Ledger[i].ItemID = gap.Items[1].ID
		}
	}
	if md := DealMarkdown(gap); !strings.Contains(md, "| Priced at our offer |") {
		t.Errorf("a package priced at our offer on an item does not say so:\n%s", mdPart(md, "| Verdict"))
	}
}

// Without a list price the packages cannot be priced: the waterfall says
// why, and neither a bridge nor a tornado is drawn from nothing. Without a
// basis or a lever there is no deal to show; a lever alone is enough.
func TestDealMarkdownSaysWhyAFigureCannotBeComputed(t *testing.T) {
	d := &Dossier{Negotiation: Negotiation{Deal: plainBasis(), Currency: "EUR"}}
	d.Items = []AgendaItem{leverItem(1, "Payment terms", Down, Lever{Kind: LeverPaymentDays}, "45")}
	md := DealMarkdown(d)
	if w := mdPart(md, "### Waterfall of our offer"); !strings.Contains(w, "Cannot be computed:") {
		t.Errorf("a package without a list price: the waterfall does not say why:\n%s", md)
	}
	if strings.Contains(md, "### Bridge") || strings.Contains(md, "### What moves") {
		t.Errorf("a bridge or a tornado drawn for a package that cannot be priced:\n%s", md)
	}

	none := &Dossier{Items: []AgendaItem{{ID: 1, Title: "Quarterly review", Status: ItemOpen}}}
	if md := DealMarkdown(none); !strings.Contains(md, "No deal basis or levers yet") {
		t.Errorf("no basis and no lever:\n%s", md)
	}
	lever := &Dossier{Items: []AgendaItem{{ID: 1, Title: "Quarterly review", Status: ItemOpen}, plainPrice()}}
	if md := DealMarkdown(lever); strings.Contains(md, "No deal basis or levers yet") {
		t.Errorf("an item with a lever, yet no deal to show:\n%s", md)
	}
}
