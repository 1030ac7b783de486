package model

import (
	"strings"
	"testing"
	"time"
)

// dealDossier is a two-lever negotiation whose figures are easy by hand:
// margin = price − 7 (cost of goods 6, cost to serve 1), times volume.
//
//	            price  volume  contribution
//	last year   10.50   1,000   3,500
//	walk-away   10.00     800   2,400  (below the floor of 3,000)
//	target      11.00   1,000   4,000
//	ours        12.00   1,200   6,000
//	theirs       9.00     900   1,800
func dealDossier() *Dossier {
	d := &Dossier{
		Negotiation: Negotiation{Deal: DealBasis{CostOfGoods: opt("6"), CostToServe: opt("1"), Floor: opt("3000")}},
		Items: []AgendaItem{
			{ID: 1, Topic: TopicPrice, Title: "List price", Better: Up, LastYear: opt("10.50"), OurOpening: opt("12"), OurTarget: opt("11"),
				OurWalkAway: opt("10"), TheirOpening: opt("9"), Weight: 50, ValueToThem: 80, Status: ItemOpen, Lever: Lever{Kind: LeverListPrice}},
			{ID: 2, Topic: TopicVolume, Title: "Volume", Better: Up, LastYear: opt("1000"), OurOpening: opt("1200"), OurTarget: opt("1000"),
				OurWalkAway: opt("800"), TheirOpening: opt("900"), Weight: 50, ValueToThem: 20, Status: ItemOpen, Lever: Lever{Kind: LeverVolume}},
			{ID: 3, Topic: TopicOther, Title: "Review", Status: ItemOpen},
		},
	}
	return d
}

func TestPackagesAndVerdicts(t *testing.T) {
	d := dealDossier()
	d.Packages = []Package{
		{ID: 1, Name: "At the floor", Origin: OriginProposal, Values: Values{1: dec("10"), 2: dec("1000")}},
		{ID: 2, Name: "A cent under", Origin: OriginProposal, Values: Values{1: dec("9.99"), 2: dec("1000")}},
		{ID: 3, Name: "No volume", Origin: OriginProposal, Values: Values{1: dec("11")}},
	}
	dl := d.Replay().Deal()
	want := []struct {
		name, contribution, change, verdict string
	}{
		{"Last year", "3500", "", "acceptable"},
		{"Our walk-away", "2400", "-1100", "below the deal floor by 600.00"},
		{"Target", "4000", "500", "acceptable"},
		{"Our offer", "6000", "2500", "acceptable"},
		{"Their offer", "1800", "-1700", "past our walk-away on 1 item (List price) and below the deal floor by 1,200.00"},
		{"At the floor", "3000", "-500", "acceptable"},
		{"A cent under", "2990", "-510", "past our walk-away on 1 item (List price) and below the deal floor by 10.00"},
		// No value for volume: priced at our offer's 1,200 and says so
		// (DESIGN 5.8): (11 − 7) × 1,200 = 4,800, 1,300 over last year.
		{"No volume", "4800", "1300", "acceptable"},
	}
	if len(dl.Results) != len(want) {
		t.Fatalf("%d packages, want %d", len(dl.Results), len(want))
	}
	for i, w := range want {
		pr := dl.Results[i]
		if pr.Package.Name != w.name {
			t.Errorf("package %d is %q, want %q", i, pr.Package.Name, w.name)
		}
		if got := pr.Verdict(); got != w.verdict {
			t.Errorf("%s: verdict %q, want %q", w.name, got, w.verdict)
		}
		c, err := pr.Contribution()
		if w.contribution == "" {
			if err == nil {
				t.Errorf("%s: contribution %s, want an error", w.name, c)
			}
			continue
		}
		assertDec(t, w.name+" contribution", c, w.contribution)
		if w.change != "" {
			if !pr.ChangeKnown {
				t.Errorf("%s: change against last year unknown", w.name)
			}
			assertDec(t, w.name+" change", pr.Change, w.change)
		}
	}
	if got := dl.Results[7].AssumesText(); got != "assumes our offer on Volume" {
		t.Errorf("No volume says %q, want it to name the assumed item", got)
	}
	if ours, _ := dl.Result(OriginOurs); !ours.Scored || ours.Score != 100 {
		t.Errorf("our offer scores %v (%v), want 100", ours.Score, ours.Scored)
	}
	if len(dl.Warnings) != 1 || !strings.Contains(dl.Warnings[0], "every walk-away together earns 2,400.00, below the deal floor 3,000.00") {
		t.Errorf("warnings %q", dl.Warnings)
	}
}

func TestFloorAboveTargetIsWarned(t *testing.T) {
	d := dealDossier()
	d.Negotiation.Deal.Floor = opt("4500")
	dl := d.Replay().Deal()
	if len(dl.Warnings) != 2 || !strings.Contains(dl.Warnings[1], "the deal floor 4,500.00 is above the target package (4,000.00)") {
		t.Errorf("warnings %q", dl.Warnings)
	}
}

// The money of a concession is the change in the side's package: ours for
// us (12 → 11.50 on 1,200 units costs 600), theirs for them (900 → 1,000
// units at their 9.00 gains 200).
func TestConcessionMoney(t *testing.T) {
	r := dealDossier().Replay()
	m, err := r.ConcessionMoney(Us, 1, dec("11.50"))
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "we price 11.50", m, "-600")
	m, err = r.ConcessionMoney(Them, 2, dec("1000"))
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "they volume 1000", m, "200")
	if _, err := r.ConcessionMoney(Us, 3, dec("1")); err == nil || !strings.Contains(err.Error(), "no lever") {
		t.Errorf("a move on an item without a lever priced: %v", err)
	}
	// The gap of the price: closing at their 9.00 costs (12 − 9) × 1,200.
	g, err := r.GapValue(0)
	if err != nil {
		t.Fatal(err)
	}
	assertDec(t, "price gap", g, "3600")
	costs, err := r.OpenItemCosts()
	if err != nil || len(costs) != 2 {
		t.Fatalf("open item costs %v, %v", costs, err)
	}
	assertDec(t, "volume to close", costs[1].ToClose, "1500") // (1,200 − 900) × 5
}

func TestAgree(t *testing.T) {
	at := t0.Add(time.Hour)
	tests := []struct {
		line  string
		moves string // by:to, …
		want  string
	}{
		{"agree price", "us:9", ""},
		{"agree 1 10.50", "us:10.50 them:10.50", ""},
		{"agree 1 12", "them:12", ""},
		{"agree 1 12.50", "", "agree \"List price\" between their 9.00 and our 12.00, not at 12.50"},
		{"agree 1 8", "", "between their 9.00 and our 12.00"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			d := dealDossier()
			c, err := ParseCapture(tt.line, d.Items)
			if err != nil || c.Kind != CaptureAgree {
				t.Fatalf("parse: %+v %v", c, err)
			}
			a, err := d.Agree(c, at, 0)
			assertErr(t, err, tt.want)
			if err != nil {
				return
			}
			var got []string
			for _, m := range a.Moves {
				got = append(got, string(m.By)+":"+m.To.String())
				if m.TradedFor == "" || !m.At.Equal(at) {
					t.Errorf("closing move %+v", m)
				}
			}
			if g := strings.Join(got, " "); g != strings.ReplaceAll(tt.moves, ".50", ".5") {
				t.Errorf("moves %q, want %q", g, tt.moves)
			}
			if a.Item.Status != ItemAgreed || !a.Item.AgreedAt.Equal(at) {
				t.Errorf("item not agreed: %+v", a.Item)
			}
			if back := c.Format(d.Items); !strings.HasPrefix(back, "agree 1") {
				t.Errorf("Format = %q", back)
			}
		})
	}
	// A note that starts with "agree" stays a note.
	c, err := ParseCapture("Agree the leaflet dates with Priya", dealDossier().Items)
	if err != nil || c.Kind != CaptureNote {
		t.Errorf("note parsed as %+v, %v", c, err)
	}
}
