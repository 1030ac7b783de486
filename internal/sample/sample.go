// Package sample builds negotiations of known sizes for benchmarks and
// stress tests: one generator, shared by every benchmark, so that their
// figures compare.
package sample

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Size says how much a generated negotiation holds.
type Size struct {
	Items, Meetings, Concessions, Notes, FollowUps int
}

// LargeSize is the large negotiation of DESIGN section 10.
var LargeSize = Size{Items: 50, Meetings: 100, Concessions: 5000, Notes: 20000, FollowUps: 200}

// Times is the size with n times the meetings, moves, notes and follow-ups
// of s on the same agenda: LargeSize.Times(10) is the 10× sample, a
// negotiation years long.
func (s Size) Times(n int) Size {
	return Size{Items: s.Items, Meetings: s.Meetings * n, Concessions: s.Concessions * n, Notes: s.Notes * n, FollowUps: s.FollowUps * n}
}

// SmallSize is a tiny negotiation to compare against.
var SmallSize = Size{Items: 3, Meetings: 1, Concessions: 2, Notes: 3, FollowUps: 2}

// Dossier generates a valid negotiation of the given size: every concession
// is a real move toward the other side, spread over the meetings in time.
func Dossier(size Size, now time.Time) *model.Dossier {
	now = now.Truncate(time.Minute)
	start := now.AddDate(0, 0, -size.Meetings-1)
	d := &model.Dossier{
		Account: model.Account{ID: 1, Name: fmt.Sprintf("Sample account (%d items)", size.Items), Kind: model.Retail, Category: "Snacks",
			Contacts: []model.Contact{{Name: "Sam Buyer", Role: "buyer", Side: model.CustomerSide}}},
		Negotiation: model.Negotiation{ID: 1, AccountID: 1, Title: "Sample terms", Stage: model.StageBargain,
			Status: model.Active, Currency: "EUR", Created: start.Add(-time.Hour)},
	}
	topics := model.Topics
	for i := 0; i < size.Items; i++ {
		d.Items = append(d.Items, model.AgendaItem{
			ID: uint64(i + 1), Topic: topics[i%len(topics)], Title: fmt.Sprintf("Item %02d %s", i+1, topics[i%len(topics)]),
			Unit: "EUR", Better: model.Up, Status: model.ItemOpen, Order: i + 1,
			OurOpening: nd(100000), OurTarget: nd(80000), OurWalkAway: nd(60000),
			TheirOpening: nd(0), TheirWalkAway: nd(70000),
			Weight: 10 + i%90, ValueToThem: 10 + (i*37)%90,
			// Every item enters the deal's waterfall, so that pricing the
			// packages costs what it would in a real negotiation.
			Lever: model.Lever{Kind: model.LeverMoneyPerUnit, Amount: nd(3)},
		})
	}
	if size.Items > 0 {
		// A list price is above 0 (DESIGN 5.8): their opening is 1, not 0.
		d.Items[0].Lever = model.Lever{Kind: model.LeverListPrice}
		d.Items[0].TheirOpening = nd(1)
	}
	d.Negotiation.Deal = model.DealBasis{Volume: nd(1000), CostOfGoods: nd(20000), CostToServe: nd(1000),
		CostOfCapital: nd(8), Floor: nd(1000000)}
	for k := 0; k < size.Meetings; k++ {
		started := start.Add(time.Duration(k) * 24 * time.Hour)
		d.Meetings = append(d.Meetings, model.Meeting{ID: uint64(k + 1), Number: k + 1, Started: started,
			Ended: started.Add(2 * time.Hour), Place: "Head office", Attendees: []string{"Sam Buyer"}})
	}
	meetingAt := func(n, total int) (uint64, time.Time) {
		if size.Meetings == 0 {
			return 0, start.Add(time.Duration(n) * time.Second)
		}
		k := n * size.Meetings / max(1, total)
		m := d.Meetings[k]
		return m.ID, m.Started.Add(time.Duration(n%7200) * time.Second)
	}
	step := make([]int64, size.Items)
	for n := 0; n < size.Concessions && size.Items > 0; n++ {
		i := n % size.Items
		by := model.Us
		if (n/size.Items)%2 == 1 {
			by = model.Them
		}
		step[i]++
		to := decimal.NewFromInt(100000 - step[i]*5)
		if by == model.Them {
			to = decimal.NewFromInt(step[i] * 5)
		}
		mid, at := meetingAt(n, size.Concessions)
		traded := ""
		if n%3 != 0 {
			traded = "volume commitment"
		}
		d.Ledger = append(d.Ledger, model.Concession{ID: uint64(n + 1), MeetingID: mid, ItemID: uint64(i + 1), By: by, To: to,
			TradedFor: traded, At: at})
	}
	kinds := []model.NoteKind{model.KindNote, model.KindNote, model.KindAction, model.KindQuestion}
	for n := 0; n < size.Notes; n++ {
		mid, at := meetingAt(n, size.Notes)
		var item uint64
		if size.Items > 0 && n%2 == 0 {
			item = uint64(n%size.Items + 1)
		}
		d.Notes = append(d.Notes, model.Note{ID: uint64(n + 1), MeetingID: mid, ItemID: item, Kind: kinds[n%len(kinds)], At: at,
			Text: fmt.Sprintf("Sample note %d: the buyer asked about delivery windows and promotion slots", n+1)})
	}
	for n := 0; n < size.FollowUps; n++ {
		side := model.CustomerSide
		if n%2 == 1 {
			side = model.InternalSide
		}
		d.FollowUps = append(d.FollowUps, model.FollowUp{ID: uint64(n + 1), Side: side, Role: fmt.Sprintf("role %d", n+1),
			Person: "Sam", Action: "Confirm the agreed terms", Due: now.AddDate(0, 0, n%30), Done: n%3 == 0, Order: n + 1})
	}
	d.Sort()
	return d
}

func nd(v int64) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.NewFromInt(v)) }
