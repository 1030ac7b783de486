package spar

import (
	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Debrief judges a session: the outcome priced by the negotiation's one
// waterfall and scored as its packages are, the buyer's utility, how far
// the deal fell from the efficient frontier and the Nash point, both sides'
// concession curves and the trainee's discipline flags.
type Debrief struct {
	Outcome Outcome
	Rounds  int
	Deal    model.Values // the agreed package of the issues; nil without a deal

	// Judged is the deal (the whole package, items out of play at our
	// opening) as the negotiation judges packages: contribution, score,
	// verdict. Only with a deal.
	Judged model.PackageResult
	// BuyerUtility and JointGain are in points: the buyer's utility 0–100,
	// and our score plus it (0–200). Only with a deal.
	BuyerUtility float64
	JointGain    float64

	Frontier Frontier
	// ParetoDistance is how far (in utility points) the deal is from the
	// nearest frontier point at least as good for both; 0 on the frontier.
	ParetoDistance float64
	// BetterTrade is that point, when there is one; without a deal, the Nash point.
	BetterTrade    Point
	HasBetterTrade bool
	// NashDistance is how far the deal is from the Nash point.
	NashDistance float64

	OurCurve   []CurvePoint // our score of each offer of ours, round by round
	TheirCurve []CurvePoint // the buyer's utility of each offer of theirs
	Flags      []FlagNote   // the trainee's moves that break a rule of disciplined trading
}

// CurvePoint is one side's offer in a round, in its own utility (points).
type CurvePoint struct {
	Round   int
	Utility float64
}

// FlagNote is a discipline flag on one issue in one round of the trainee's.
type FlagNote struct {
	Round  int
	Number int // agenda number of the item
	Flags  model.Flag
}

// Debrief judges the session as it stands.
func (s *Session) Debrief() Debrief {
	c := s.Case
	db := Debrief{Outcome: s.Outcome, Rounds: s.round, Frontier: c.Frontier()}
	for _, r := range s.Rows {
		if r.Values == nil || r.Accepted {
			continue
		}
		if r.By == model.Us {
			if u, ok := c.OurScore(r.Values); ok { // no curve without a scored item: never a made-up 0
				db.OurCurve = append(db.OurCurve, CurvePoint{r.Round, u})
			}
		} else {
			db.TheirCurve = append(db.TheirCurve, CurvePoint{r.Round, 100 * c.BuyerUtility(r.Values)})
		}
	}
	db.Flags = s.flags()
	if s.Outcome != Agreed {
		db.BetterTrade, db.HasBetterTrade = db.Frontier.Nash, db.Frontier.HasNash
		return db
	}
	db.Deal = s.Deal
	whole := model.Package{Name: "Spar deal", Origin: model.OriginProposal, Values: c.Whole(s.Deal)}
	db.Judged = c.Dossier.Replay().Evaluate(whole)
	db.BuyerUtility = 100 * c.BuyerUtility(s.Deal)
	db.JointGain = db.Judged.Score + db.BuyerUtility
	deal := Point{Values: s.Deal, Ours: db.Judged.Score, Buyer: db.BuyerUtility}
	db.BetterTrade, db.ParetoDistance, db.HasBetterTrade = db.Frontier.BetterTrade(deal)
	if db.Frontier.HasNash {
		db.NashDistance = Distance(deal, db.Frontier.Nash)
	}
	return db
}

// flags marks the trainee's moves, issue by issue: unreciprocated (a
// concession after a round in which the buyer gave nothing), increasing (a
// larger move on the issue than the trainee's last one there) and past
// walk-away (beyond our walk-away on the issue). The rules are the
// ledger's (model.Flag); unreciprocated is read from the buyer's answers,
// since a spar has no "traded for".
func (s *Session) flags() []FlagNote {
	c := s.Case
	var out []FlagNote
	prev := c.Openings(false)
	lastSize := make(map[uint64]decimal.Decimal)
	buyerPrev, buyerMoved := c.Openings(true), true // the opening counts as their move
	for _, r := range s.Rows {
		if r.Values == nil {
			continue
		}
		if r.By == model.Them {
			if r.Round > 0 {
				buyerMoved = moved(c, buyerPrev, r.Values)
			}
			buyerPrev = r.Values
			continue
		}
		conceded := false
		for _, is := range c.Issues {
			id := is.Item.ID
			size := is.toward(prev[id], r.Values[id]) // toward the buyer: a concession
			var f model.Flag
			if size.IsPositive() {
				conceded = true
				if !buyerMoved {
					f |= model.Unreciprocated
				}
				if last, ok := lastSize[id]; ok && size.GreaterThan(last) {
					f |= model.Increasing
				}
				lastSize[id] = size
			}
			if w := is.Item.OurWalkAway; w.Valid && size.IsPositive() && is.toward(w.Decimal, r.Values[id]).IsPositive() {
				f |= model.PastWalkAway
			}
			if f != 0 {
				out = append(out, FlagNote{Round: r.Round, Number: is.Number, Flags: f})
			}
		}
		if conceded {
			buyerMoved = false
		}
		prev = r.Values
	}
	return out
}

// moved reports whether the buyer gave anything from one offer to the next.
func moved(c *Case, from, to model.Values) bool {
	for _, is := range c.Issues {
		if is.toward(from[is.Item.ID], to[is.Item.ID]).IsNegative() { // worse for the buyer: a concession
			return true
		}
	}
	return false
}
