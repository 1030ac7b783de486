package spar

import (
	"math"
	"strconv"

	"github.com/parley-app/parley/model"
)

// Record is a session as it is printed (`parley spar --json`) and stored:
// items numbered as `parley deal --json` numbers them, values and money as
// decimal strings, utilities in points rounded to 0.01. The same session
// gives the same record byte for byte once encoded.
type Record struct {
	Negotiation uint64        `json:"negotiation"`
	Case        string        `json:"case"` // account › negotiation
	Seed        uint64        `json:"seed"`
	Tactic      string        `json:"tactic"`
	E           float64       `json:"e"`
	Meetings    int           `json:"meetings"`
	Rounds      int           `json:"rounds"` // before the deadline
	Transcript  []RowRecord   `json:"transcript"`
	Debrief     DebriefRecord `json:"debrief"`
	Issues      []IssueRecord `json:"issues"`
}

// IssueRecord is one item in play with both sides' openings and walk-aways.
type IssueRecord struct {
	Item      int    `json:"item"`
	Title     string `json:"title"`
	Ours      string `json:"our_opening"`
	OurWalk   string `json:"our_walk_away,omitempty"`
	Theirs    string `json:"their_opening"`
	TheirWalk string `json:"their_walk_away"`
	Estimated bool   `json:"their_walk_away_estimated"` // false: our opening stands in for it
}

// RowRecord is one offer of the transcript.
type RowRecord struct {
	Round      int               `json:"round"`
	By         string            `json:"by"` // "we" or "they"
	Values     map[string]string `json:"values"`
	Accepted   bool              `json:"accepted"`
	WalkedAway bool              `json:"walked_away,omitempty"`
	Line       string            `json:"line,omitempty"`
	Target     *float64          `json:"target,omitempty"` // the buyer's target utility, points
}

// DebriefRecord is the debrief in print. A figure that needs a deal is null
// without one, and Note says so.
type DebriefRecord struct {
	Deal           bool              `json:"deal"`
	Outcome        string            `json:"outcome"`
	Values         map[string]string `json:"values,omitempty"`
	OurScore       *float64          `json:"our_score"`
	Contribution   *string           `json:"contribution"`
	Verdict        string            `json:"verdict,omitempty"`
	BuyerUtility   *float64          `json:"buyer_utility"`
	JointGain      *float64          `json:"joint_gain"`
	ParetoDistance *float64          `json:"pareto_distance"`
	NashDistance   *float64          `json:"nash_distance"`
	BetterTrade    *PointRecord      `json:"better_trade"`
	Nash           *PointRecord      `json:"nash"`
	Frontier       FrontierRecord    `json:"frontier"`
	OurCurve       []CurveRecord     `json:"our_curve"`
	TheirCurve     []CurveRecord     `json:"their_curve"`
	Flags          []FlagRecord      `json:"flags"`
	Note           string            `json:"note,omitempty"`
}

// PointRecord is a package with both utilities.
type PointRecord struct {
	Values       map[string]string `json:"values"`
	OurScore     float64           `json:"our_score"`
	BuyerUtility float64           `json:"buyer_utility"`
}

// FrontierRecord says how the frontier was computed.
type FrontierRecord struct {
	Points  int          `json:"points"`
	Thinned bool         `json:"thinned"`
	Kept    int          `json:"kept,omitempty"` // thinned to this many points at the fewest
	NoZone  string       `json:"no_zone,omitempty"`
	Grid    []AxisRecord `json:"grid"`
}

// AxisRecord is one issue's grid.
type AxisRecord struct {
	Item      int    `json:"item"`
	From      string `json:"from"`
	To        string `json:"to"`
	Step      string `json:"step"`
	Values    int    `json:"values"`
	Coarsened bool   `json:"coarsened"`
}

// CurveRecord is one point of a concession curve.
type CurveRecord struct {
	Round   int     `json:"round"`
	Utility float64 `json:"utility"`
}

// FlagRecord is the flags of one trainee move on one item.
type FlagRecord struct {
	Round int      `json:"round"`
	Item  int      `json:"item"`
	Flags []string `json:"flags"`
}

// Record is the session in print.
func (s *Session) Record() Record {
	c := s.Case
	d := c.Dossier
	rec := Record{Negotiation: d.Negotiation.ID, Case: caseName(d),
		Seed: s.Config.Seed, Tactic: s.Config.Tactic.Name, E: s.Config.Tactic.E,
		Meetings: s.Config.Rounds() / RoundsPerMeeting, Rounds: s.Config.Rounds(), Transcript: []RowRecord{}}
	for _, is := range c.Issues {
		ir := IssueRecord{Item: is.Number, Title: is.Item.Title, Ours: plain(is.Item, is.Ours),
			Theirs: plain(is.Item, is.BuyerOpen), TheirWalk: plain(is.Item, is.BuyerWalk), Estimated: is.Estimated}
		if w := is.Item.OurWalkAway; w.Valid {
			ir.OurWalk = plain(is.Item, w.Decimal)
		}
		rec.Issues = append(rec.Issues, ir)
	}
	for _, r := range s.Rows {
		rr := RowRecord{Round: r.Round, By: "we", Values: c.numbered(r.Values), Accepted: r.Accepted, WalkedAway: r.Walked, Line: r.Line}
		if r.By == model.Them {
			rr.By = "they"
			rr.Target = points(100 * r.Target)
		}
		rec.Transcript = append(rec.Transcript, rr)
	}
	rec.Debrief = c.debriefRecord(s.Debrief())
	return rec
}

func (c *Case) debriefRecord(db Debrief) DebriefRecord {
	out := DebriefRecord{Deal: db.Outcome == Agreed, Outcome: db.Outcome.String(),
		OurCurve: []CurveRecord{}, TheirCurve: []CurveRecord{}, Flags: []FlagRecord{}}
	f := db.Frontier
	out.Frontier = FrontierRecord{Points: len(f.Points), Thinned: f.Thinned, Kept: f.Kept, NoZone: f.NoZone, Grid: []AxisRecord{}}
	for _, a := range f.Grid {
		it := c.issueByNumber(a.Number).Item
		out.Frontier.Grid = append(out.Frontier.Grid, AxisRecord{Item: a.Number, From: plain(it, a.From), To: plain(it, a.To),
			Step: plain(it, a.Step), Values: a.Values, Coarsened: a.Coarsened})
	}
	if f.HasNash {
		out.Nash = c.pointRecord(f.Nash)
	}
	for _, p := range db.OurCurve {
		out.OurCurve = append(out.OurCurve, CurveRecord{p.Round, round2(p.Utility)})
	}
	for _, p := range db.TheirCurve {
		out.TheirCurve = append(out.TheirCurve, CurveRecord{p.Round, round2(p.Utility)})
	}
	for _, fl := range db.Flags {
		out.Flags = append(out.Flags, FlagRecord{Round: fl.Round, Item: fl.Number, Flags: fl.Flags.Names()})
	}
	if db.HasBetterTrade {
		out.BetterTrade = c.pointRecord(db.BetterTrade)
	}
	if db.Outcome != Agreed {
		out.Note = "no deal: the figures of a deal are null; the better trade is the Nash point, a deal both sides would have taken"
		if !f.HasNash {
			out.Note = "no deal, and no deal was possible inside both sides' walk-aways"
		}
		return out
	}
	out.Values = c.numbered(db.Deal)
	if db.Judged.Scored {
		out.OurScore = points(db.Judged.Score)
		out.JointGain = points(db.JointGain)
	}
	if contribution, err := db.Judged.Contribution(); err == nil {
		s := contribution.StringFixed(2)
		out.Contribution = &s
	}
	out.Verdict = db.Judged.Verdict()
	out.BuyerUtility = points(db.BuyerUtility)
	if f.HasNash {
		out.ParetoDistance = points(db.ParetoDistance)
		out.NashDistance = points(db.NashDistance)
	}
	return out
}

func (c *Case) pointRecord(p Point) *PointRecord {
	return &PointRecord{Values: c.numbered(p.Values), OurScore: round2(p.Ours), BuyerUtility: round2(p.Buyer)}
}

// numbered is a package of the issues keyed by agenda number.
func (c *Case) numbered(v model.Values) map[string]string {
	if v == nil {
		return nil
	}
	out := make(map[string]string, len(v))
	for _, is := range c.Issues {
		if x, ok := v[is.Item.ID]; ok {
			out[strconv.Itoa(is.Number)] = plain(is.Item, x)
		}
	}
	return out
}

func (c *Case) issueByNumber(n int) Issue {
	for _, is := range c.Issues {
		if is.Number == n {
			return is
		}
	}
	return Issue{}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func points(x float64) *float64 {
	r := round2(x)
	return &r
}
