package model

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

var demoNow = time.Date(2027, 2, 15, 12, 0, 0, 0, time.UTC)

func TestDemoValidates(t *testing.T) {
	for _, now := range []time.Time{demoNow, time.Date(2026, 12, 31, 23, 59, 0, 0, time.FixedZone("X", -5*3600)), time.Now()} {
		d := Demo(now)
		if err := d.Validate(); err != nil {
			t.Errorf("Demo(%s).Validate(): %v", now, err)
		}
		for _, m := range d.Meetings {
			if !m.Ended.Before(now) {
				t.Errorf("Demo(%s): meeting %d ends %s, not in the past", now, m.Number, m.Ended)
			}
		}
		if !d.Negotiation.Deadline.After(now) {
			t.Errorf("Demo(%s): deadline %s is not ahead", now, d.Negotiation.Deadline)
		}
		if _, ok := d.RunningMeeting(); ok {
			t.Errorf("Demo(%s) has a meeting running", now)
		}
	}
}

func TestDemoLedgerReplaysConcessionByConcession(t *testing.T) {
	d := Demo(demoNow)
	ledger := d.Ledger
	d.Ledger = nil
	for _, c := range ledger {
		if err := d.CheckConcession(c); err != nil {
			t.Fatalf("concession %d (%s on item %d to %s) refused: %v", c.ID, c.By, c.ItemID, c.To, err)
		}
		d.Ledger = append(d.Ledger, c)
	}
	// The ledger is already in canonical order.
	sorted := Demo(demoNow)
	sorted.Sort()
	for i := range ledger {
		if sorted.Ledger[i].ID != ledger[i].ID {
			t.Fatalf("ledger not in time order at %d", i)
		}
	}
}

func TestDemoTellsTheStory(t *testing.T) {
	d := Demo(demoNow)
	r := d.Replay()

	// Exactly one of our concessions is unreciprocated: the rebate in meeting 2.
	var unreciprocated []Move
	for _, mv := range r.Moves {
		if mv.Flags.Has(Unreciprocated) {
			unreciprocated = append(unreciprocated, mv)
		}
		if mv.By == Them && mv.Flags != 0 {
			t.Errorf("their move %d carries flags %q", mv.ID, mv.Flags)
		}
	}
	if len(unreciprocated) != 1 || unreciprocated[0].ItemID != 3 || unreciprocated[0].By != Us {
		t.Errorf("unreciprocated moves: %+v", unreciprocated)
	}
	if r.Flagged(Increasing) != 0 || r.Flagged(PastWalkAway) != 0 {
		t.Errorf("increasing %d, past walk-away %d; want none", r.Flagged(Increasing), r.Flagged(PastWalkAway))
	}

	// Both meetings have concessions by both sides.
	if len(r.Meetings) != 2 {
		t.Fatalf("%d meetings", len(r.Meetings))
	}
	for _, res := range r.Meetings {
		if res.OurMoves == 0 || res.TheirMoves == 0 {
			t.Errorf("meeting %d: our moves %d, their moves %d", res.Meeting.Number, res.OurMoves, res.TheirMoves)
		}
	}
	// And a concession between the meetings.
	between := 0
	for _, c := range d.Ledger {
		if c.MeetingID == 0 {
			between++
		}
	}
	if between == 0 {
		t.Error("no concession between meetings")
	}

	// At least one item per topic; profitability is the deal waterfall's, not an item's.
	topics := map[Topic]int{}
	for _, it := range d.Items {
		topics[it.Topic]++
	}
	for _, topic := range Topics {
		if topics[topic] == 0 && topic != TopicProfitability {
			t.Errorf("no item on topic %s", topic)
		}
	}

	// Gap closed rises meeting by meeting: 0 at the openings, then higher after each.
	prev := 0.0
	for _, res := range r.Meetings {
		if res.GapClosed <= prev {
			t.Errorf("gap closed after meeting %d is %.4f, not above %.4f", res.Meeting.Number, res.GapClosed, prev)
		}
		prev = res.GapClosed
	}
	if r.GapClosed < prev {
		t.Errorf("gap closed now %.4f is below the last meeting's %.4f", r.GapClosed, prev)
	}
}

func TestDemoNumbers(t *testing.T) {
	r := Demo(demoNow).Replay()
	// Closed shares now (weights 90, 40, 70, 60, 50, 55, 45, 30, 10; sum 450):
	//   1 price    up   24.80/22.90 → 24.50/23.40: gap 1.90 → 1.10, closed 0.8/1.9
	//   2 days     down 30/90 → 45/60:             gap 60 → 15,     closed 0.75
	//   3 rebate   down 1.0/4.0 → 1.75/3.0:        gap 3 → 1.25,    closed 1.75/3
	//   4 volume   up   200,000/150,000 → /170,000: gap 50k → 30k,  closed 0.4
	//   5 allowance down 0.40/1.50 → 0.60/1.50:    gap 1.1 → 0.9,   closed 0.2/1.1
	//   6 SKUs     up   8/3 → 8/5:                 gap 5 → 3,       closed 0.4
	//   7 contract up   36/12 → 36/24:             gap 24 → 12,     closed 0.5
	//   8 service  down 95/99.5 → 97/99.5:         gap 4.5 → 2.5,   closed 2/4.5
	//   9 text only, open: 0
	closed := []float64{0.8 / 1.9, 0.75, 1.75 / 3, 0.4, 0.2 / 1.1, 0.4, 0.5, 2 / 4.5, 0}
	weights := []float64{90, 40, 70, 60, 50, 55, 45, 30, 10}
	sum := 0.0
	for i := range closed {
		assertFloat(t, "closed share of item "+strconv.Itoa(i+1), r.Items[i].Closed, closed[i])
		sum += weights[i] * closed[i]
	}
	assertFloat(t, "gap closed now", r.GapClosed, sum/450) // 199.652 / 450 = 0.4437
	if got := FormatPercent(r.GapClosed); got != "44%" {
		t.Errorf("gap closed shows %s, want 44%%", got)
	}

	// After meeting 1 only items 2 (45/75: closed 0.5), 6, 7 and 8 moved:
	// (40·0.5 + 55·0.4 + 45·0.5 + 30·2/4.5) / 450 = 77.833 / 450 = 0.1730.
	assertFloat(t, "after meeting 1", r.Meetings[0].GapClosed, (40*0.5+55*0.4+45*0.5+30*2/4.5)/450)
	assertFloat(t, "after meeting 2", r.Meetings[1].GapClosed, r.GapClosed)

	// Reciprocity, meeting 1: theirs 55·2/5 + 45·12/24 + 40·15/60 = 54.5; ours 40·15/60 + 30·2/4.5 = 23.333.
	assertFloat(t, "reciprocity 1", r.Meetings[0].Reciprocity, 54.5/(10+30*2/4.5))
	// Meeting 2: theirs 60·0.4 + 90·0.5/1.9 + 70·1/3, plus payment terms
	// 75 → 60 between meetings 1 and 2 (40·15/60 = 10), which counts toward
	// meeting 2; ours 90·0.3/1.9 + 70·0.25 + 50·0.2/1.1.
	assertFloat(t, "reciprocity 2", r.Meetings[1].Reciprocity,
		(24+90*0.5/1.9+70.0/3+10)/(90*0.3/1.9+17.5+50*0.2/1.1))

	// Package scores: their offer scores only SKUs (5: (5−4)/(6−4) = 0.5) and contract (24: 1):
	// 100·(55·0.5 + 45·1) / 440 = 16.48. Our offer is at or beyond target everywhere: 100.
	theirs, _ := r.PackageScore(Them)
	ours, _ := r.PackageScore(Us)
	assertFloat(t, "their offer", theirs, 100*(55*0.5+45)/440)
	assertFloat(t, "our offer", ours, 100)

	// The growth rebate is priced through the waterfall of our offer: invoice
	// 24.50 × 0.96 = 23.52 on 200,000 cases is 4,704,000, growth over
	// 3,998,400 is 705,600; 1.0 pp is 7,056, 1.75 pp 12,348, 3.0 pp 21,168.
	costs, err := r.OpenItemCosts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range costs {
		if c.Index != 2 {
			continue
		}
		assertDec(t, "rebate given", c.GivenSoFar.Round(2), "5292")
		assertDec(t, "rebate to close", c.ToClose.Round(2), "8820")
	}

	// The category scenario shown to the buyer grows the category after cannibalization.
	sc, _ := Demo(demoNow).Scenario(1)
	res := sc.Impact.Result()
	assertDec(t, "gross", res.Gross, "892280")
	assertDec(t, "cannibalized", res.Cannibalized, "345460")
	assertDec(t, "net turnover", res.NetTurnover, "546820")
	assertDec(t, "net profit", res.NetProfit, "214935.56")
}

func TestDemoTradePlan(t *testing.T) {
	// Leverage = value to them / weight: 9 50/10, 8 80/30, 2 70/40, 5 75/50, 3 85/70, 1 80/90, 7 35/45, 6 40/55, 4 30/60.
	want := []uint64{9, 8, 2, 5, 3, 1, 7, 6, 4}
	plan := Demo(demoNow).TradePlan()
	if len(plan) != len(want) {
		t.Fatalf("%d entries", len(plan))
	}
	for k, id := range want {
		if plan[k].Item.ID != id {
			t.Errorf("entry %d is item %d, want %d", k, plan[k].Item.ID, id)
		}
	}
	if plan[0].Advice != GiveFirst || plan[len(plan)-1].Advice != AskFor {
		t.Errorf("advice top %s, bottom %s", plan[0].Advice, plan[len(plan)-1].Advice)
	}
}

func TestDemoNoteTagsMatchTheirText(t *testing.T) {
	d := Demo(demoNow)
	for _, n := range d.Notes {
		c, err := ParseCapture(n.Text, d.Items)
		if err != nil {
			t.Errorf("note %d %q does not parse: %v", n.ID, n.Text, err)
			continue
		}
		if c.ItemID != 0 && c.ItemID != n.ItemID {
			t.Errorf("note %d %q tags item %d but is stored on item %d", n.ID, n.Text, c.ItemID, n.ItemID)
		}
	}
}

func TestDemoFollowUpsFillPeople(t *testing.T) {
	d := Demo(demoNow)
	lines := FollowUpTemplate(d.Account.Kind, demoNow, d.Account.Contacts)
	people := map[string]string{}
	for _, l := range lines {
		people[l.Role] = l.Person
	}
	for role, want := range map[string]string{
		"buyers":               "Dana Whitlock",
		"stock controllers":    "Marc Oyelaran",
		"order processors":     "Tom Becker",
		"field sales managers": "Lena Ruiz",
		"marketing specialist on promotional activity": "Sam Okafor",
	} {
		if people[role] != want {
			t.Errorf("%s: %q, want %q", role, people[role], want)
		}
	}
}

// The demo tells one deal story: every package is priced, the floor lies
// between our walk-away and the target, and their offer is judged.
func TestDemoDeal(t *testing.T) {
	d := Demo(demoNow)
	dl := d.Replay().Deal()
	for _, pr := range dl.Results {
		if _, err := pr.Contribution(); err != nil {
			t.Errorf("%s cannot be priced: %v", pr.Package.Name, err)
		}
	}
	walk, _ := dl.Result(OriginWalkAway)
	target, _ := dl.Result(OriginTarget)
	floor := d.Negotiation.Deal.Floor.Decimal
	if !walk.Waterfall.Contribution.LessThan(floor) || !floor.LessThan(target.Waterfall.Contribution) {
		t.Errorf("floor %s is not between walk-away %s and target %s", floor, walk.Waterfall.Contribution, target.Waterfall.Contribution)
	}
	theirs, _ := dl.Result(OriginTheirs)
	if got := theirs.Verdict(); got != "past our walk-away on 3 items (List price per case; Promotional allowance; Service level, on time in full) and below the deal floor by 196,840.89" {
		t.Errorf("their offer: %q", got)
	}
	if len(dl.Warnings) != 1 {
		t.Errorf("warnings %q, want the one about walk-aways below the floor", dl.Warnings)
	}
	// The growth rebate is paid on growth only: at our offer (24.50 × 0.96 ×
	// 200,000 = 4,704,000 against 3,998,400) 1.75 pp of 705,600 is 12,348.
	ours, _ := dl.Result(OriginOurs)
	assertDec(t, "growth rebate at our offer", ours.Waterfall.Rebates.Mul(ours.Waterfall.Volume).Round(2), "12348")
}

func TestDemoHasAChecklistAndSaysWhatToTryFirst(t *testing.T) {
	d := Demo(demoNow)
	if len(d.FollowUps) != len(retailTemplate) {
		t.Fatalf("the demo has %d follow-up lines, want the retail template's %d", len(d.FollowUps), len(retailTemplate))
	}
	for _, f := range d.FollowUps {
		if f.Due.Before(d.Negotiation.Deadline) || f.ID == 0 {
			t.Errorf("line %q: id %d due %v, before the deadline %v", f.Role, f.ID, f.Due, d.Negotiation.Deadline)
		}
	}
	if f := d.FollowUps[0]; f.Role != RoleBuyers || f.Person != "Dana Whitlock" {
		t.Errorf("first line %+v, want the buyers with Dana", f)
	}
	// The welcome line's advice works on the demo: their move on item 1 to 23.60.
	for _, want := range []string{"press n", "they 1 23.60"} {
		if !strings.Contains(DemoWelcome, want) {
			t.Errorf("the welcome line %q does not say %q", DemoWelcome, want)
		}
	}
	c, err := ParseCapture("they 1 23.60", d.Items)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.CheckConcession(c.Concession(demoNow, 0)); err != nil {
		t.Errorf("the welcome line's advice is refused on the demo: %v", err)
	}
}
