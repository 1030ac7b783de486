package model

import (
	"testing"
	"time"
)

// Two meetings a week apart, each an hour long.
var (
	m1 = Meeting{ID: 11, Number: 1, Started: t0, Ended: t0.Add(time.Hour)}
	m2 = Meeting{ID: 12, Number: 2, Started: t0.AddDate(0, 0, 7), Ended: t0.AddDate(0, 0, 7).Add(time.Hour)}
)

// formulaDossier is the worked example of these tests.
//
//	A list price    up   ours 100, theirs 80, target 95, walk 90, weight 60, to them 30, 1,000 a unit
//	B payment days  down ours 30,  theirs 90, target 45, walk 60, weight 40, to them 80,   500 a unit
//
// Opening gaps: A 100 − 80 = 20; B −(30 − 90) = 60.
//
//	c1 m1 we   A → 96 for "x"          size 4
//	c2 m1 they A → 85                  size 5
//	c3 m1 we   B → 40 (nothing)        size 10, unreciprocated
//	c4 between meetings, a day after m1: they B → 70, size 20, counts from m2
//	c5 m2 we   A → 91 for "y"          size 5 > 4: increasing
//	c6 m2 we   B → 65 against c4       size 25 > 10: increasing; 65 is past the walk-away 60
//	c7 m2 they A → 88                  size 3
func formulaDossier() *Dossier {
	return &Dossier{
		Negotiation: Negotiation{Currency: "EUR"},
		Items: []AgendaItem{
			{ID: 1, Topic: TopicPrice, Title: "List price", Better: Up, Status: ItemOpen,
				OurOpening: opt("100"), OurTarget: opt("95"), OurWalkAway: opt("90"), TheirOpening: opt("80"),
				Weight: 60, ValueToThem: 30, MoneyPerUnit: opt("1000")},
			{ID: 2, Topic: TopicTerms, Title: "Payment days", Better: Down, Status: ItemOpen,
				OurOpening: opt("30"), OurTarget: opt("45"), OurWalkAway: opt("60"), TheirOpening: opt("90"),
				Weight: 40, ValueToThem: 80, MoneyPerUnit: opt("500")},
		},
		Meetings: []Meeting{m1, m2},
		Ledger: []Concession{
			{ID: 1, MeetingID: 11, ItemID: 1, By: Us, To: dec("96"), TradedFor: "x", At: m1.Started.Add(10 * time.Minute)},
			{ID: 2, MeetingID: 11, ItemID: 1, By: Them, To: dec("85"), At: m1.Started.Add(20 * time.Minute)},
			{ID: 3, MeetingID: 11, ItemID: 2, By: Us, To: dec("40"), At: m1.Started.Add(30 * time.Minute)},
			{ID: 4, MeetingID: 0, ItemID: 2, By: Them, To: dec("70"), TradedFor: "e-invoicing", At: m1.Ended.AddDate(0, 0, 1)},
			{ID: 5, MeetingID: 12, ItemID: 1, By: Us, To: dec("91"), TradedFor: "y", At: m2.Started.Add(10 * time.Minute)},
			{ID: 6, MeetingID: 12, ItemID: 2, By: Us, To: dec("65"), TradedAgainst: 4, At: m2.Started.Add(20 * time.Minute)},
			{ID: 7, MeetingID: 12, ItemID: 1, By: Them, To: dec("88"), At: m2.Started.Add(30 * time.Minute)},
		},
	}
}

func TestFormulaDossierIsAValidLedger(t *testing.T) {
	d := formulaDossier()
	full := d.Ledger
	d.Ledger = nil
	for _, c := range full {
		if err := d.CheckConcession(c); err != nil {
			t.Fatalf("concession %d refused: %v", c.ID, err)
		}
		d.Ledger = append(d.Ledger, c)
	}
}

func TestGapPerItem(t *testing.T) {
	up := AgendaItem{Better: Up}
	down := AgendaItem{Better: Down}
	tests := []struct {
		name         string
		it           AgendaItem
		ours, theirs string
		want         string
	}{
		{"up: we ask more than they offer", up, "100", "80", "20"},
		{"up: met", up, "90", "90", "0"},
		{"up: crossed", up, "85", "90", "0"},
		{"down: we want fewer days than they offer", down, "30", "90", "60"}, // −(30 − 90)
		{"down: met", down, "60", "60", "0"},
		{"down: crossed", down, "70", "60", "0"},
		{"decimals", up, "24.80", "22.90", "1.90"},
	}
	for _, tt := range tests {
		assertDec(t, tt.name, gap(tt.it, dec(tt.ours), dec(tt.theirs)), tt.want)
	}
}

func TestClosedShare(t *testing.T) {
	tests := []struct {
		g0, g string
		want  float64
	}{
		{"20", "20", 0},
		{"20", "11", 0.45}, // 1 − 11/20
		{"20", "0", 1},
		{"60", "5", 1 - 5.0/60},
		{"0", "0", 1},   // the openings already met
		{"20", "30", 0}, // clamped: a gap that grew
	}
	for _, tt := range tests {
		assertFloat(t, "closedShare("+tt.g0+", "+tt.g+")", closedShare(dec(tt.g0), dec(tt.g)), tt.want)
	}
}

func TestReplayPositionsAndGaps(t *testing.T) {
	r := formulaDossier().Replay()
	// A: ours 91, theirs 88, gap 3, closed 1 − 3/20 = 0.85.
	// B: ours 65, theirs 70, gap −(65 − 70) = 5, closed 1 − 5/60.
	want := []struct {
		ours, theirs, gap0, gap string
		closed                  float64
	}{
		{"91", "88", "20", "3", 0.85},
		{"65", "70", "60", "5", 1 - 5.0/60},
	}
	for i, w := range want {
		st := r.Items[i]
		assertDec(t, "ours", st.Ours, w.ours)
		assertDec(t, "theirs", st.Theirs, w.theirs)
		assertDec(t, "gap0", st.Gap0, w.gap0)
		assertDec(t, "gap", st.Gap, w.gap)
		assertFloat(t, "closed", st.Closed, w.closed)
		if !st.HasOurs || !st.HasTheirs {
			t.Errorf("item %d: HasOurs/HasTheirs = %v/%v", i, st.HasOurs, st.HasTheirs)
		}
	}
	// Weighted: (60·0.85 + 40·(1 − 5/60)) / 100 = (51 + 36.6667) / 100.
	assertFloat(t, "GapClosed", r.GapClosed, (60*0.85+40*(1-5.0/60))/100)
}

func TestReplayMoves(t *testing.T) {
	r := formulaDossier().Replay()
	want := []struct {
		from, size string
		share      float64
		flags      Flag
		epoch      int
	}{
		{"100", "4", 4.0 / 20, 0, 1},
		{"80", "5", 5.0 / 20, 0, 1},
		{"30", "10", 10.0 / 60, Unreciprocated, 1},
		{"90", "20", 20.0 / 60, 0, 2}, // between meetings: counts from meeting 2
		{"96", "5", 5.0 / 20, Increasing, 2},
		{"40", "25", 25.0 / 60, Increasing | PastWalkAway, 2},
		{"85", "3", 3.0 / 20, 0, 2},
	}
	if len(r.Moves) != len(want) {
		t.Fatalf("%d moves, want %d", len(r.Moves), len(want))
	}
	for k, w := range want {
		mv := r.Moves[k]
		assertDec(t, "from", mv.From, w.from)
		assertDec(t, "size", mv.Size, w.size)
		assertFloat(t, "share", mv.Share, w.share)
		if mv.Flags != w.flags {
			t.Errorf("move %d flags %q, want %q", mv.ID, mv.Flags, w.flags)
		}
		if mv.Epoch != w.epoch {
			t.Errorf("move %d epoch %d, want %d", mv.ID, mv.Epoch, w.epoch)
		}
	}
	if n := r.Flagged(Unreciprocated); n != 1 {
		t.Errorf("unreciprocated: %d, want 1", n)
	}
	if n := r.Flagged(Increasing); n != 2 {
		t.Errorf("increasing: %d, want 2", n)
	}
	if n := r.Flagged(PastWalkAway); n != 1 {
		t.Errorf("past walk-away: %d, want 1", n)
	}
}

func TestFlagNames(t *testing.T) {
	tests := []struct {
		f    Flag
		want string
	}{
		{0, ""},
		{Unreciprocated, "unreciprocated"},
		{Increasing | PastWalkAway, "increasing concession, past walk-away"},
		{Unreciprocated | Increasing | PastWalkAway, "unreciprocated, increasing concession, past walk-away"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("Flag(%d).String() = %q, want %q", tt.f, got, tt.want)
		}
	}
	if (Unreciprocated | Increasing).Has(PastWalkAway) || !(Unreciprocated | Increasing).Has(Increasing) {
		t.Error("Has is wrong")
	}
}

func TestDisciplineFlagsEdgeCases(t *testing.T) {
	d := formulaDossier()
	d.Meetings = nil
	d.Ledger = []Concession{
		// Equal steps are not increasing; landing exactly on the walk-away is not past it.
		{ID: 1, ItemID: 1, By: Us, To: dec("95"), TradedFor: "a", At: t0},
		{ID: 2, ItemID: 1, By: Us, To: dec("90"), TradedFor: "b", At: t0.Add(time.Minute)},
		// A smaller step after a larger one on another item does not compare across items.
		{ID: 3, ItemID: 2, By: Us, To: dec("31"), TradedFor: "c", At: t0.Add(2 * time.Minute)},
		// Their moves carry no flags even with nothing traded.
		{ID: 4, ItemID: 1, By: Them, To: dec("89"), At: t0.Add(3 * time.Minute)},
		// Our step past the walk-away on A: 90 → 89.
		{ID: 5, ItemID: 1, By: Us, To: dec("89"), TradedFor: "d", At: t0.Add(4 * time.Minute)},
	}
	r := d.Replay()
	want := []Flag{0, 0, 0, 0, PastWalkAway}
	for k, w := range want {
		if r.Moves[k].Flags != w {
			t.Errorf("move %d flags %q, want %q", r.Moves[k].ID, r.Moves[k].Flags, w)
		}
	}
	// A: ours 89, theirs 89: the positions met, the gap is 0 and the item is closed.
	assertDec(t, "gap", r.Items[0].Gap, "0")
	assertFloat(t, "closed", r.Items[0].Closed, 1)
	if room, ok := r.RoomLeft(0); !ok || !room.Equal(dec("-1")) {
		t.Errorf("RoomLeft = %s, %v; want -1", room, ok)
	}
}

func TestPositionsAfter(t *testing.T) {
	d := formulaDossier()
	tests := []struct {
		k                int
		aOurs, aTheirs   string
		bOurs, bTheirs   string
		aClosed, bClosed float64
	}{
		// Openings.
		{0, "100", "80", "30", "90", 0, 0},
		// After m1: A 96/85, gap 11, closed 0.45; B 40/90 (their move by e-mail counts only from m2), gap 50, closed 1/6.
		{1, "96", "85", "40", "90", 0.45, 1 - 50.0/60},
		// After m2: A 91/88, gap 3; B 65/70, gap 5.
		{2, "91", "88", "65", "70", 0.85, 1 - 5.0/60},
	}
	for _, tt := range tests {
		st := d.PositionsAfter(tt.k)
		if len(st) != 2 {
			t.Fatalf("k=%d: %d states", tt.k, len(st))
		}
		assertDec(t, "A ours", st[0].Ours, tt.aOurs)
		assertDec(t, "A theirs", st[0].Theirs, tt.aTheirs)
		assertDec(t, "B ours", st[1].Ours, tt.bOurs)
		assertDec(t, "B theirs", st[1].Theirs, tt.bTheirs)
		assertFloat(t, "A closed", st[0].Closed, tt.aClosed)
		assertFloat(t, "B closed", st[1].Closed, tt.bClosed)
	}
	// A between-meetings concession made before meeting 1 counts from meeting 1.
	d.Ledger = append(d.Ledger, Concession{ID: 8, ItemID: 2, By: Them, To: dec("89"), At: t0.Add(-time.Hour)})
	d.Sort()
	if st := d.PositionsAfter(0); !st[1].Theirs.Equal(dec("90")) {
		t.Errorf("after 0: B theirs %s, want 90 (the openings)", st[1].Theirs)
	}
	if st := d.PositionsAfter(1); !st[1].Theirs.Equal(dec("89")) {
		t.Errorf("after 1: B theirs %s, want 89", st[1].Theirs)
	}
}

func TestMeetingResults(t *testing.T) {
	r := formulaDossier().Replay()
	if len(r.Meetings) != 2 {
		t.Fatalf("%d meeting results", len(r.Meetings))
	}
	// After m1: (60·0.45 + 40·(1/6)) / 100 = (27 + 6.6667) / 100.
	// After m2: (60·0.85 + 40·(55/60)) / 100 = (51 + 36.6667) / 100.
	want := []struct {
		gapClosed    float64
		itemClosed   []float64
		ours, theirs int
		reciprocity  float64
	}{
		// m1: ours 60·4/20 + 40·10/60 = 12 + 6.6667; theirs 60·5/20 = 15.
		{(60*0.45 + 40*(1.0/6)) / 100, []float64{0.45, 1.0 / 6}, 2, 1, 15 / (12 + 40.0/6)},
		// m2: ours 60·5/20 + 40·25/60 = 15 + 16.6667; theirs 60·3/20 = 9, plus the
		// e-mail concession c4 (90 → 70 of a 60 gap: 40·20/60 = 13.3333), made
		// between meetings 1 and 2, which counts toward meeting 2 (DESIGN 5.8).
		{(60*0.85 + 40*(55.0/60)) / 100, []float64{0.85, 55.0 / 60}, 2, 2, (9 + 40*20.0/60) / (15 + 40*25.0/60)},
	}
	for i, w := range want {
		res := r.Meetings[i]
		assertFloat(t, "gap closed", res.GapClosed, w.gapClosed)
		for k := range w.itemClosed {
			assertFloat(t, "item closed", res.ItemClosed[k], w.itemClosed[k])
		}
		if res.OurMoves != w.ours || res.TheirMoves != w.theirs {
			t.Errorf("meeting %d: moves %d/%d, want %d/%d", res.Meeting.Number, res.OurMoves, res.TheirMoves, w.ours, w.theirs)
		}
		if !res.ReciprocityKnown {
			t.Errorf("meeting %d: reciprocity unknown", res.Meeting.Number)
		}
		assertFloat(t, "reciprocity", res.Reciprocity, w.reciprocity)
	}
	// The gap closed after the last meeting is the gap closed now.
	assertFloat(t, "last meeting = now", r.Meetings[1].GapClosed, r.GapClosed)
}

func TestReciprocityUnknownWhenWeDidNotMove(t *testing.T) {
	d := formulaDossier()
	d.Ledger = []Concession{{ID: 1, MeetingID: 11, ItemID: 1, By: Them, To: dec("85"), At: t0.Add(time.Minute)}}
	r := d.Replay()
	if r.Meetings[0].ReciprocityKnown {
		t.Error("reciprocity known though we made no move")
	}
	if r.Meetings[0].TheirMoves != 1 || r.Meetings[0].OurMoves != 0 {
		t.Errorf("moves %d/%d", r.Meetings[0].OurMoves, r.Meetings[0].TheirMoves)
	}
}

func TestGapClosedWeights(t *testing.T) {
	d := formulaDossier()
	d.Items = append(d.Items, AgendaItem{ID: 3, Topic: TopicOther, Title: "Joint plan", Status: ItemOpen})
	a, b := 0.85, 1-5.0/60
	// A text-only item with weight 0 adds nothing while others carry weights.
	assertFloat(t, "weighted", d.Replay().GapClosed, (60*a+40*b)/100)

	// No weights at all: every item counts the same, the open text item as 0.
	for i := range d.Items {
		d.Items[i].Weight = 0
	}
	assertFloat(t, "unweighted", d.Replay().GapClosed, (a+b+0)/3)

	// Agreed, the text item counts as closed.
	d.Items[2].Status, d.Items[2].AgreedAt = ItemAgreed, m2.Ended
	assertFloat(t, "text agreed", d.Replay().GapClosed, (a+b+1)/3)

	// An empty agenda has closed nothing.
	if g := (&Dossier{}).Replay().GapClosed; g != 0 {
		t.Errorf("empty agenda GapClosed = %v", g)
	}
}

func TestUntrackedItemCountsZeroUntilAgreed(t *testing.T) {
	d := formulaDossier()
	d.Items[1].TheirOpening = none
	d.Ledger = nil
	r := d.Replay()
	assertFloat(t, "closed", r.Items[1].Closed, 0)
	if _, err := r.GapValue(1); err == nil {
		t.Error("the gap has money without their opening")
	}
}

func TestAgreedItemClosedFromItsMeeting(t *testing.T) {
	d := formulaDossier()
	// A is agreed during meeting 2 (at its gap of 3, by then).
	d.Items[0].Status, d.Items[0].AgreedAt = ItemAgreed, m2.Started.Add(40*time.Minute)
	r := d.Replay()
	assertFloat(t, "A closed now", r.Items[0].Closed, 1)
	assertFloat(t, "A closed after m1", r.Meetings[0].ItemClosed[0], 0.45)
	assertFloat(t, "A closed after m2", r.Meetings[1].ItemClosed[0], 1)
	assertFloat(t, "PositionsAfter(1) A", d.PositionsAfter(1)[0].Closed, 0.45)
	assertFloat(t, "PositionsAfter(2) A", d.PositionsAfter(2)[0].Closed, 1)
	assertFloat(t, "PositionsAfter(0) A", d.PositionsAfter(0)[0].Closed, 0)
	// After m1: (60·0.45 + 40/6) / 100; after m2: (60·1 + 40·55/60) / 100.
	assertFloat(t, "gap after m1", r.Meetings[0].GapClosed, (60*0.45+40.0/6)/100)
	assertFloat(t, "gap after m2", r.Meetings[1].GapClosed, (60+40*55.0/60)/100)

	// Agreed while meeting 3 runs: it counts in meeting 3 and not before.
	m3 := Meeting{ID: 13, Number: 3, Started: m2.Started.AddDate(0, 0, 7)}
	d.Meetings = append(d.Meetings, m3)
	d.Items[0].AgreedAt = m3.Started.Add(5 * time.Minute)
	r = d.Replay()
	assertFloat(t, "A closed after m2", r.Meetings[1].ItemClosed[0], 0.85)
	assertFloat(t, "A closed in running m3", r.Meetings[2].ItemClosed[0], 1)
}

func TestScore(t *testing.T) {
	up := AgendaItem{Better: Up, OurOpening: opt("100"), OurTarget: opt("95"), OurWalkAway: opt("90")}
	down := AgendaItem{Better: Down, OurOpening: opt("30"), OurTarget: opt("45"), OurWalkAway: opt("60")}
	tests := []struct {
		name string
		it   AgendaItem
		x    string
		want float64
	}{
		{"up at walk-away", up, "90", 0},
		{"up halfway", up, "92.5", 0.5}, // (92.5 − 90) / (95 − 90)
		{"up at target", up, "95", 1},
		{"up beyond target", up, "100", 1},
		{"up below walk-away", up, "85", 0},
		{"down at walk-away", down, "60", 0},
		{"down", down, "50", 2.0 / 3}, // −(50 − 60) / −(45 − 60) = 10/15
		{"down at target", down, "45", 1},
		{"down beyond target", down, "30", 1},
		{"down past walk-away", down, "70", 0},
	}
	for _, tt := range tests {
		got, ok := Score(tt.it, dec(tt.x))
		if !ok {
			t.Errorf("%s: not scored", tt.name)
			continue
		}
		assertFloat(t, tt.name, got, tt.want)
	}
	noWalk := up
	noWalk.OurWalkAway = none
	if _, ok := Score(noWalk, dec("95")); ok {
		t.Error("scored without a walk-away")
	}
	noDirection := up
	noDirection.Better = ""
	if _, ok := Score(noDirection, dec("95")); ok {
		t.Error("scored without a direction")
	}
}

func TestPackageScore(t *testing.T) {
	r := formulaDossier().Replay()
	// Our offer: A 91 → (91 − 90)/5 = 0.2; B 65 → −(65 − 60)/15 < 0 → 0.
	// 100·(60·0.2 + 40·0) / 100 = 12.
	ours, ok := r.PackageScore(Us)
	if !ok {
		t.Fatal("our package score unknown")
	}
	assertFloat(t, "ours", ours, 12)
	// Their offer: A 88 → (88 − 90)/5 < 0 → 0; B 70 → −(70 − 60)/15 < 0 → 0.
	theirs, _ := r.PackageScore(Them)
	assertFloat(t, "theirs", theirs, 0)

	d := formulaDossier()
	d.Ledger = []Concession{
		{ID: 1, ItemID: 1, By: Them, To: dec("93"), At: t0},
		{ID: 2, ItemID: 2, By: Them, To: dec("50"), At: t0},
	}
	// Their offer: A 93 → 3/5 = 0.6; B 50 → 10/15.
	// 100·(60·0.6 + 40·2/3) / 100 = 36 + 26.6667.
	theirs, _ = d.Replay().PackageScore(Them)
	assertFloat(t, "their better offer", theirs, 36+40*2.0/3)
	if u, ok := d.Replay().ItemScore(0, Them); !ok || !approx(u, 0.6) {
		t.Errorf("ItemScore(A, them) = %v, %v", u, ok)
	}

	// Unweighted: both items count the same: 100·(0.6 + 2/3) / 2.
	for i := range d.Items {
		d.Items[i].Weight = 0
	}
	theirs, _ = d.Replay().PackageScore(Them)
	assertFloat(t, "unweighted", theirs, 100*(0.6+2.0/3)/2)

	// Nothing scored: no score.
	for i := range d.Items {
		d.Items[i].OurTarget = none
	}
	if _, ok := d.Replay().PackageScore(Them); ok {
		t.Error("package score known with no scored item")
	}
}
