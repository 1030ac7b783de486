package spar

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// RoundsPerMeeting is how many offers the trainee tables in a meeting: the
// deadline falls after Meetings × RoundsPerMeeting rounds.
const RoundsPerMeeting = 3

// DefaultMeetings is the session's length when none is given.
const DefaultMeetings = 3

// MaxMeetings bounds --meetings: a session longer than this is no rehearsal.
const MaxMeetings = 20

// Config is what makes a session replayable: with the same case, config and
// trainee lines, the transcript is the same byte for byte.
type Config struct {
	Seed     uint64
	Tactic   Tactic
	Meetings int // 0: DefaultMeetings
}

// Rounds is the number of rounds before the deadline.
func (cf Config) Rounds() int {
	if cf.Meetings <= 0 {
		return DefaultMeetings * RoundsPerMeeting
	}
	return cf.Meetings * RoundsPerMeeting
}

// Row is one line of the transcript: an offer by one side.
type Row struct {
	Round    int
	By       model.Party  // model.Us: the trainee; model.Them: the buyer
	Values   model.Values // the offer on the issues; nil when the buyer walks away
	Accepted bool         // this row accepts the other side's offer: Values is the deal
	Walked   bool         // the buyer walked away at the deadline
	Line     string       // what the trainee typed
	Target   float64      // the buyer's target utility when it answered, 0–1
}

// Outcome is where a session stands.
type Outcome int

// The outcomes of a session.
const (
	Open    Outcome = iota // offers are still being made
	Agreed                 // one side accepted the other's offer
	Walked                 // the buyer walked away at the deadline
	Stopped                // the trainee stopped before the deadline
)

// ErrOver is returned for a line typed after the session ended.
var ErrOver = errors.New("the session is over: start another to play again")

// Session is one sparring session: the buyer's state and the transcript.
type Session struct {
	Case   *Case
	Config Config
	Rows   []Row

	Outcome Outcome
	Deal    model.Values // the agreed package, when Outcome is Agreed

	round   int
	ours    model.Values // the trainee's standing offer
	counter model.Values // the buyer's standing offer
	target  float64      // the buyer's target utility so far
	beta    float64      // weight of the time curve against tit-for-tat
	order   []int        // issues in the order the buyer concedes them
	rng     *rand.Rand
}

// The tit-for-tat blend and the jitter the seed draws: the time curve
// weighs between 0.4 and 0.6, and each round's target moves by at most
// ±0.02 (never above the last target).
const (
	betaLow, betaSpan = 0.4, 0.2
	jitter            = 0.02
)

// NewSession starts a session on the case: the buyer's opening is on the
// table as round 0.
func NewSession(c *Case, cf Config) *Session {
	s := &Session{Case: c, Config: cf, ours: c.Openings(false), counter: c.Openings(true), target: 1,
		rng: rand.New(rand.NewPCG(cf.Seed, cf.Seed^0x9e3779b97f4a7c15))}
	s.beta = betaLow + betaSpan*s.rng.Float64()
	// The buyer gives first what it values least; among equals, the seed decides.
	s.order = make([]int, len(c.Issues))
	for i := range s.order {
		s.order[i] = i
	}
	s.rng.Shuffle(len(s.order), func(i, j int) { s.order[i], s.order[j] = s.order[j], s.order[i] })
	slices.SortStableFunc(s.order, func(a, b int) int {
		switch wa, wb := c.buyerWeights[a], c.buyerWeights[b]; {
		case wa < wb:
			return -1
		case wa > wb:
			return 1
		}
		return 0
	})
	s.Rows = append(s.Rows, Row{Round: 0, By: model.Them, Values: s.counter, Target: 1})
	return s
}

// Round is the number of offers the trainee has tabled.
func (s *Session) Round() int { return s.round }

// Ours and Counter are the trainee's and the buyer's standing offers.
func (s *Session) Ours() model.Values    { return s.ours }
func (s *Session) Counter() model.Values { return s.counter }

// Play tables one trainee line and lets the buyer answer. A line that cannot
// be read changes nothing and says why. The line is kept as typed, cleaned
// of control characters (model.CleanText), as every text that enters.
func (s *Session) Play(line string) error {
	if s.Outcome != Open {
		return ErrOver
	}
	line = strings.TrimSpace(model.CleanText(line, false))
	off, err := s.Case.ParseOffer(line, s.ours)
	if err != nil {
		return err
	}
	s.round++
	if off.Accept {
		s.Rows = append(s.Rows, Row{Round: s.round, By: model.Us, Values: s.counter, Accepted: true, Line: line})
		s.Outcome, s.Deal = Agreed, s.counter
		return nil
	}
	s.ours = off.Values
	s.Rows = append(s.Rows, Row{Round: s.round, By: model.Us, Values: off.Values, Line: line})
	s.answer(off.Values)
	return nil
}

// Stop ends the session where it stands (the trainee leaves the table).
func (s *Session) Stop() {
	if s.Outcome == Open {
		s.Outcome = Stopped
	}
}

// answer is the buyer's move on the trainee's offer: accept it when it is
// inside every walk-away of the buyer and worth at least the counter the
// buyer would make now; else counter, or walk away at the deadline.
func (s *Session) answer(offer model.Values) {
	c := s.Case
	rounds := s.Config.Rounds()
	t := float64(s.round) / float64(rounds)
	timeTarget := s.Config.Tactic.Target(t, 0, 1)
	tft := 1 - c.closedByTrainee(offer)
	blend := s.beta*timeTarget + (1-s.beta)*tft + jitter*(2*s.rng.Float64()-1)
	s.target = min(s.target, max(0, blend))
	counter := s.concede(s.counter, offer, s.target)
	row := Row{Round: s.round, By: model.Them, Target: s.target}
	switch {
	case c.InsideBuyerWalkAways(offer) && c.BuyerUtility(offer) >= c.BuyerUtility(counter):
		row.Values, row.Accepted = offer, true
		s.Outcome, s.Deal = Agreed, offer
	case s.round >= rounds:
		row.Walked = true
		s.Outcome = Walked
	default:
		row.Values = counter
		s.counter = counter
	}
	s.Rows = append(s.Rows, row)
}

// closedByTrainee is the share of the opening gap the trainee's offer has
// closed, weighted by what each issue is worth to the buyer: what the buyer
// has received, and gives back in kind (tit-for-tat).
func (c *Case) closedByTrainee(offer model.Values) float64 {
	var sum, total float64
	for i, is := range c.Issues {
		gap := is.toward(is.Ours, is.BuyerOpen).InexactFloat64()
		closed := is.toward(is.Ours, offer[is.Item.ID]).InexactFloat64() / gap
		sum += c.buyerWeights[i] * min(1, max(0, closed))
		total += c.buyerWeights[i]
	}
	return sum / total
}

// concede moves the buyer's standing offer down to the target utility,
// giving first on the issues it values least and never further than the
// trainee asks on an issue, each value rounded to the issue's step in the
// buyer's favour (so the counter never passes its walk-away). It never
// takes back what it gave.
func (s *Session) concede(from, offer model.Values, target float64) model.Values {
	c := s.Case
	next := make(model.Values, len(from))
	for id, x := range from {
		next[id] = x
	}
	var total float64
	for _, w := range c.buyerWeights {
		total += w
	}
	need := (c.BuyerUtility(from) - target) * total
	for _, i := range s.order {
		if need <= 1e-12 {
			break
		}
		is, w := c.Issues[i], c.buyerWeights[i]
		cur := is.BuyerValue(from[is.Item.ID])
		floor := is.BuyerValue(offer[is.Item.ID])
		room := (cur - floor) * w
		if room <= 0 {
			continue
		}
		give := min(need, room)
		x := is.roundForBuyer(is.atBuyerValue(cur - give/w))
		if is.toward(from[is.Item.ID], x).IsPositive() { // rounding took back a concession
			continue
		}
		next[is.Item.ID] = x
		need -= (cur - is.BuyerValue(x)) * w
	}
	return next
}

// String names the outcome in words.
func (o Outcome) String() string {
	switch o {
	case Agreed:
		return "deal"
	case Walked:
		return "the buyer walked away at the deadline"
	case Stopped:
		return "no deal: the trainee stopped"
	}
	return "open"
}

// Describe is a row in words, for the page and the plain transcript.
func (s *Session) Describe(r Row) string {
	who := "we"
	if r.By == model.Them {
		who = "they"
	}
	switch {
	case r.Walked:
		return fmt.Sprintf("%d they walk away: the deadline has come", r.Round)
	case r.Accepted:
		return fmt.Sprintf("%d %s accept %s", r.Round, who, s.Case.FormatValues(r.Values))
	}
	return fmt.Sprintf("%d %s %s", r.Round, who, s.Case.FormatValues(r.Values))
}

// Gap is how far apart the two standing offers are on issue i, in its
// units (0 once they meet or cross).
func (s *Session) Gap(i int) decimal.Decimal {
	is := s.Case.Issues[i]
	g := is.Item.Better.Sign().Mul(s.ours[is.Item.ID].Sub(s.counter[is.Item.ID]))
	if s.Outcome == Agreed || g.IsNegative() {
		return decimal.Zero
	}
	return g
}

// GapClosed is the share of the opening gap the two sides have closed,
// Σ w·(1 − gap/gap₀) / Σ w with our weights, as the workbench's gap bar reads.
func (s *Session) GapClosed() float64 {
	var sum, total float64
	for i, is := range s.Case.Issues {
		gap0 := is.toward(is.Ours, is.BuyerOpen).InexactFloat64()
		closed := 1 - s.Gap(i).InexactFloat64()/gap0
		sum += s.Case.ourWeights[i] * min(1, max(0, closed))
		total += s.Case.ourWeights[i]
	}
	return sum / total
}
