package model

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/shopspring/decimal"
)

// What a move would do before it is logged: the one rule the capture line,
// its preview and the concession form price a move by.

// Effect is what logging a concession does to its item and to the deal:
// the move as the replay sees it, the item's gap, the gap closed overall,
// our score of the conceding side's offer and the money.
type Effect struct {
	Item          AgendaItem
	Move          Move       // item index, epoch, from, size, share and the discipline flags it raises
	Before, After ItemState  // the item now, and with the move
	GapClosed     [2]float64 // overall, before and after
	Score         [2]float64 // our score of the conceding side's offer on the item, before and after
	Scored        bool       // both scores are known (the item has a target and a walk-away)
	Priced        bool       // the item has a lever: the move has money
	// Money is the change in annual contribution of the side's package
	// (ours for our move: negative when it costs us; theirs for theirs).
	Money    decimal.Decimal
	MoneyErr error // why a priced move's money is unknown
	Currency string
}

// Effect checks c as Dossier.CheckConcession does (a new move when c.ID is
// 0, else an edit of the logged one) and works out what it does.
//
// A new move that is the newest in the ledger (as one made now is) and an
// edit that keeps its item, side and time are priced from what the replay
// holds: the items' positions, our last move on each, and each side's
// package priced once. That costs in proportion to the agenda, not to the
// ledger: the capture line prices every key press with it (5,000 moves
// replayed per key cost 3 ms). Any other move (one dated before the last
// logged, an edit that changes its item or side) is priced by replaying the
// ledger with it in place, which is what the figures above must equal.
func (r *Replay) Effect(c Concession) (Effect, error) {
	d := r.dossier
	var err error
	if c.ID == 0 {
		err = d.checkConcession(c, r.standingNow(c), d.concession)
	} else if _, logged := d.concession(c.ID); !logged {
		// A form still open on a move another workbench has removed since.
		err = fmt.Errorf("concession %d is no longer in the ledger", c.ID)
	} else {
		err = d.CheckConcession(c)
	}
	if err != nil {
		return Effect{}, err
	}
	i := d.ItemIndex(c.ItemID)
	e := Effect{Item: d.Items[i], Before: r.Items[i], Currency: d.Negotiation.Currency}
	if mv, st, ok := r.stepOne(c, i); ok {
		e.Move, e.After = mv, st
		e.GapClosed = [2]float64{r.GapClosed, gapClosedWith(r.Items, r.weights, i, st.Closed)}
	} else {
		ra, mv := d.replayWith(c)
		e.Move, e.After = mv, ra.Items[i]
		e.GapClosed = [2]float64{r.GapClosed, ra.GapClosed}
	}
	b, ok1 := r.ItemScore(i, c.By)
	a, ok2 := itemScore(e.Item, e.After, c.By)
	e.Score, e.Scored = [2]float64{b, a}, ok1 && ok2
	if e.Priced = e.Item.Lever.Kind != LeverNone; e.Priced {
		e.Money, e.MoneyErr = r.moveMoneyOnce(c.By, c.ItemID, e.Move.From, c.To)
	}
	return e, nil
}

// movePrices remembers the money of the last few moves priced from one
// replay: the capture line prices the same move again on every key of its
// "for" text, and a price move runs the whole package's waterfall.
type movePrices struct {
	mu    sync.Mutex
	moves []pricedMove // the newest last
}

type pricedMove struct {
	by       Party
	itemID   uint64
	from, to decimal.Decimal
	money    decimal.Decimal
	err      error
}

// moveMoneyOnce is MoveMoney, worked out once per move and replay.
func (r *Replay) moveMoneyOnce(by Party, itemID uint64, from, to decimal.Decimal) (decimal.Decimal, error) {
	if r.bases == nil {
		return r.MoveMoney(by, itemID, from, to)
	}
	p := &r.bases.prices
	p.mu.Lock()
	for _, m := range p.moves {
		if m.by == by && m.itemID == itemID && m.from.Equal(from) && m.to.Equal(to) {
			p.mu.Unlock()
			return m.money, m.err
		}
	}
	p.mu.Unlock()
	money, err := r.MoveMoney(by, itemID, from, to)
	p.mu.Lock()
	p.moves = append(p.moves[max(0, len(p.moves)-7):], pricedMove{by, itemID, from, to, money, err})
	p.mu.Unlock()
	return money, err
}

// standingNow is where the sides stand for a new move: where the replay
// leaves them.
func (r *Replay) standingNow(c Concession) standing {
	i := r.dossier.ItemIndex(c.ItemID)
	if i < 0 {
		return standing{}
	}
	it, st := r.dossier.Items[i], r.Items[i]
	if c.By == Them {
		return standing{from: st.Theirs, other: decimal.NullDecimal{Decimal: st.Ours, Valid: it.OurOpening.Valid}}
	}
	return standing{from: st.Ours, other: decimal.NullDecimal{Decimal: st.Theirs, Valid: it.TheirOpening.Valid}}
}

// stepOne steps c, a checked move on item i, from the replay's state: a new
// move after every logged one, or an edit in place of the logged move. It
// returns the move as the replay would derive it and the item's state with
// it; ok is false when the move must be replayed in place instead.
func (r *Replay) stepOne(c Concession, i int) (mv Move, after ItemState, ok bool) {
	d := r.dossier
	it, numbers := d.Items[i], r.numbers
	after, st, last := r.Items[i], r.Items[i], r.ours[i]
	if c.ID == 0 {
		if n := len(r.Moves); n > 0 && c.At.Before(r.Moves[n-1].At) {
			return Move{}, ItemState{}, false
		}
		mv = Move{Concession: c, Item: i, Epoch: d.epoch(c, numbers)}
		step(it, &after, &last, &mv, nil)
	} else {
		k := slices.IndexFunc(r.Moves, func(mv Move) bool { return mv.ID == c.ID })
		if k < 0 {
			return Move{}, ItemState{}, false
		}
		old := r.Moves[k]
		if old.ItemID != c.ItemID || old.By != c.By || !old.At.Equal(c.At) || old.MeetingID != c.MeetingID {
			return Move{}, ItemState{}, false
		}
		// The item as the move found it: the party where the move started,
		// and our last move on the item before it.
		if c.By == Us {
			st.Ours = old.From
		} else {
			st.Theirs = old.From
		}
		last = ourLast{}
		for j := k - 1; j >= 0; j-- {
			if pm := r.Moves[j]; pm.Item == i && pm.By == Us {
				last = ourLast{size: pm.Size, moved: true}
				break
			}
		}
		mv = Move{Concession: c, Item: i, Epoch: old.Epoch}
		step(it, &st, &last, &mv, nil)
		// The party's position now moves only if no later move of theirs
		// on the item overrides it.
		if !slices.ContainsFunc(r.Moves[k+1:], func(l Move) bool { return l.Item == i && l.By == c.By }) {
			after = st
		}
	}
	if d.overBudget(mv, numbers) {
		mv.Flags |= OverBudget
	}
	settleItem(it, &after, it.Status == ItemAgreed)
	return mv, after, true
}

// replayWith replays the ledger with c in place (added when new), at the
// whole ledger's cost, and returns the replay and c's move in it.
func (d *Dossier) replayWith(c Concession) (*Replay, Move) {
	after := *d
	after.Ledger = slices.Clone(d.Ledger)
	id := c.ID
	if c.ID == 0 {
		c.ID = ^uint64(0) // sorts after every logged concession made at the same time
		after.Ledger = append(after.Ledger, c)
	} else {
		for k := range after.Ledger {
			if after.Ledger[k].ID == c.ID {
				after.Ledger[k] = c
			}
		}
	}
	after.SortLedger()
	r := after.Replay()
	k := slices.IndexFunc(r.Moves, func(mv Move) bool { return mv.ID == c.ID })
	mv := r.Moves[k]
	mv.ID = id
	return r, mv
}

// Preview is a capture line checked against the ledger: what Enter would
// log, and for a concession what it does.
type Preview struct {
	Capture    Capture
	Concession Concession // a concession line's move
	Effect     Effect     // what that move does
	Agreement  Agreement  // an agree line's settlement
	Budget     Budget     // a budget line's limit
}

// Preview checks a capture line as logging it at time at (in meeting
// meetingID, 0 between meetings) would, and says what it would log: the
// one rule behind the capture line's preview and its Enter. Notes,
// actions and questions need no check. It costs in proportion to the agenda
// (see Effect).
func (r *Replay) Preview(c Capture, at time.Time, meetingID uint64) (Preview, error) {
	p := Preview{Capture: c}
	var err error
	switch c.Kind {
	case CaptureBudget:
		p.Budget = c.Budget(at, meetingID)
		err = r.CheckBudget(p.Budget)
	case CaptureAgree:
		p.Agreement, err = r.Agree(c, at, meetingID)
	case CaptureConcession:
		p.Concession = c.Concession(at, meetingID)
		p.Effect, err = r.Effect(p.Concession)
	}
	if err != nil {
		return Preview{Capture: c}, err
	}
	return p, nil
}
