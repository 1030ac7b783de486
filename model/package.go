package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// PackageOrigin says where a package of values comes from.
type PackageOrigin string

// The package origins of DESIGN 5.3 and 5.4.
const (
	OriginLastYear PackageOrigin = "last year"
	OriginWalkAway PackageOrigin = "walk-away"
	OriginTarget   PackageOrigin = "target"
	OriginOurs     PackageOrigin = "ours"
	OriginTheirs   PackageOrigin = "theirs"
	OriginProposal PackageOrigin = "proposal"
	OriginMeso     PackageOrigin = "meso"
)

// Valid reports whether o is a known origin.
func (o PackageOrigin) Valid() bool {
	switch o {
	case OriginLastYear, OriginWalkAway, OriginTarget, OriginOurs, OriginTheirs, OriginProposal, OriginMeso:
		return true
	}
	return false
}

// Package is a value for the numeric items of the agenda, bargained as one
// ("23.90, 60 days, 2.5 %"). The last year, walk-away, target and current
// positions are derived; proposals and equivalent offers are saved.
type Package struct {
	ID     uint64
	Name   string
	Origin PackageOrigin
	Values Values
	// TabledMeeting is the meeting in which the package was put on the table
	// (0 while it is not), and TabledAt when.
	TabledMeeting uint64
	TabledAt      time.Time
	Stamp         // UID and Updated, set by the store
}

// Tabled reports whether the package has been put to the buyer.
func (p Package) Tabled() bool { return !p.TabledAt.IsZero() }

// Validate says what is wrong with a saved package.
func (p Package) Validate() error {
	if err := CheckSizes(p); err != nil {
		return err
	}
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("the package needs a name")
	}
	if p.Origin != OriginProposal && p.Origin != OriginMeso {
		return fmt.Errorf("a saved package is a proposal or an equivalent offer, not %q", p.Origin)
	}
	if p.TabledMeeting != 0 && p.TabledAt.IsZero() {
		return fmt.Errorf("package %q is tabled in a meeting but has no time", p.Name)
	}
	return nil
}

// With is a copy of the package with one item set to v.
func (p Package) With(itemID uint64, v decimal.Decimal) Package {
	values := make(Values, len(p.Values)+1)
	for k, x := range p.Values {
		values[k] = x
	}
	values[itemID] = v
	p.Values = values
	return p
}

// Positions is the package of fixed positions of the agenda: last year,
// walk-away, target, or (from the replayed ledger) ours or theirs now.
func (r *Replay) Positions(origin PackageOrigin) Package {
	names := map[PackageOrigin]string{OriginLastYear: "Last year", OriginWalkAway: "Our walk-away",
		OriginTarget: "Target", OriginOurs: "Our offer", OriginTheirs: "Their offer"}
	p := Package{Name: names[origin], Origin: origin, Values: Values{}}
	for i, it := range r.dossier.Items {
		if !it.Numeric() {
			continue
		}
		st := r.Items[i]
		var v decimal.NullDecimal
		switch origin {
		case OriginLastYear:
			v = it.LastYear
		case OriginWalkAway:
			v = it.OurWalkAway
		case OriginTarget:
			v = it.OurTarget
		case OriginOurs:
			v = decimal.NullDecimal{Decimal: st.Ours, Valid: st.HasOurs}
		case OriginTheirs:
			v = decimal.NullDecimal{Decimal: st.Theirs, Valid: st.HasTheirs}
		}
		if v.Valid {
			p.Values[it.ID] = v.Decimal
		}
	}
	return p
}

// Packages lists every package of the negotiation: last year, our
// walk-away, target, our offer and their offer, then the saved ones.
func (r *Replay) Packages() []Package {
	out := make([]Package, 0, 5+len(r.dossier.Packages))
	for _, o := range []PackageOrigin{OriginLastYear, OriginWalkAway, OriginTarget, OriginOurs, OriginTheirs} {
		out = append(out, r.Positions(o))
	}
	return append(out, r.dossier.Packages...)
}

// ScoreValues is our package score of a set of values: 100·Σ w·u / Σ w over
// the scored items the package has a value for.
func (d *Dossier) ScoreValues(v Values) (float64, bool) {
	var sum, total float64
	weights := d.weights()
	for i, it := range d.Items {
		x, has := v[it.ID]
		if !has {
			continue
		}
		u, ok := Score(it, x)
		if !ok {
			continue
		}
		sum += weights[i] * u
		total += weights[i]
	}
	if total == 0 {
		return 0, false
	}
	return 100 * sum / total, true
}

// PastWalkAway counts the items on which the values are worse for us than our walk-away.
func (d *Dossier) PastWalkAway(v Values) int { return len(d.pastWalkAway(v)) }

// pastWalkAway names the items on which the values are worse for us than our walk-away.
func (d *Dossier) pastWalkAway(v Values) []string {
	var out []string
	for _, it := range d.Items {
		x, has := v[it.ID]
		if has && it.OurWalkAway.Valid && it.Better.Sign().Mul(x.Sub(it.OurWalkAway.Decimal)).IsNegative() {
			out = append(out, it.Title)
		}
	}
	return out
}

// PackageResult is what a package earns us and how we judge it (DESIGN 5.3, 5.8).
type PackageResult struct {
	Package Package
	// Priced are the values the waterfall priced: the package's, and our
	// current position on each item it has no value for (Assumes names them).
	Priced    Values
	Assumes   []string
	Waterfall Waterfall
	// Err says why the contribution cannot be computed; Waterfall is then empty.
	Err error
	// Change is the contribution against last year's package, when both are known.
	Change      decimal.Decimal
	ChangeKnown bool
	// LastYear is last year's contribution, when ChangeKnown.
	LastYear     decimal.Decimal
	Score        float64 // our package score, 0–100
	Scored       bool
	PastWalkAway int      // items worse for us than our walk-away
	Past         []string // their titles
	BelowFloor   bool     // the contribution is below the deal floor
	Shortfall    decimal.Decimal
	// The controller's figures (DESIGN 5.8), set by Replay.Analyse and Deal.
	Analysis *Analysis
}

// PrintedChange is the change against last year as the two contributions
// print, each in cents, so that a reader's subtraction agrees to the cent.
func (pr PackageResult) PrintedChange() decimal.Decimal {
	return pr.Waterfall.Contribution.Round(2).Sub(pr.LastYear.Round(2))
}

// Contribution is the annual contribution, or the reason it is unknown.
func (pr PackageResult) Contribution() (decimal.Decimal, error) {
	return pr.Waterfall.Contribution, pr.Err
}

// Acceptable reports whether the package is inside every walk-away and
// known to be at or above the deal floor.
func (pr PackageResult) Acceptable() bool {
	return pr.Err == nil && pr.PastWalkAway == 0 && !pr.BelowFloor
}

// Verdict is the judgement in words (DESIGN 5.8): "acceptable", "past our
// walk-away on 2 items (Payment terms, Promotional allowance)", "below the
// deal floor by 23,360.00", both, or why it cannot be judged.
func (pr PackageResult) Verdict() string {
	var parts []string
	if pr.PastWalkAway > 0 {
		parts = append(parts, fmt.Sprintf("past our walk-away on %d %s (%s)", pr.PastWalkAway,
			plural(pr.PastWalkAway, "item", "items"), strings.Join(pr.Past, "; ")))
	}
	if pr.BelowFloor {
		parts = append(parts, "below the deal floor by "+FormatMoney(pr.Shortfall))
	}
	switch {
	case len(parts) > 0:
		return strings.Join(parts, " and ")
	case pr.Err != nil:
		return "cannot be judged: " + pr.Err.Error()
	}
	return "acceptable"
}

// AssumesText says which items the package was priced at our offer on, for
// want of a value ("assumes our offer on Listing fee"); "" when none.
func (pr PackageResult) AssumesText() string {
	if len(pr.Assumes) == 0 {
		return ""
	}
	return "assumes our offer on " + strings.Join(pr.Assumes, "; ")
}

// Evaluate prices and judges one package against the deal floor and last year.
func (r *Replay) Evaluate(p Package) PackageResult {
	last, err := r.lastYear()
	return r.evaluate(p, last, err)
}

// lastYear prices last year's package, at last year's volume when no item
// commits one (DESIGN 5.8).
func (r *Replay) lastYear() (Waterfall, error) {
	values, _ := r.filled(r.Positions(OriginLastYear).Values)
	return r.price(values, pricing{lastYear: true})
}

// price is the waterfall of values on this negotiation's basis.
func (r *Replay) price(values Values, pr pricing) (Waterfall, error) {
	return computeWaterfall(r.dossier.Negotiation.Deal, r.dossier.Items, values, pr)
}

// filled is the values with our current position on every priced item they
// lack, and the titles of those items.
func (r *Replay) filled(v Values) (Values, []string) {
	out := make(Values, len(v))
	for k, x := range v {
		out[k] = x
	}
	var assumes []string
	for i, it := range r.dossier.Items {
		if _, has := v[it.ID]; has || !it.Numeric() || it.Lever.Kind == LeverNone {
			continue
		}
		out[it.ID] = r.Items[i].Ours
		assumes = append(assumes, it.Title)
	}
	return out, assumes
}

// evaluate judges p against last year's package, priced once for all of them.
func (r *Replay) evaluate(p Package, last Waterfall, lastErr error) PackageResult {
	d := r.dossier
	pr := PackageResult{Package: p}
	pr.Priced, pr.Assumes = r.filled(p.Values)
	pr.Past = d.pastWalkAway(p.Values)
	pr.PastWalkAway = len(pr.Past)
	pr.Score, pr.Scored = d.ScoreValues(p.Values)
	if p.Origin == OriginLastYear {
		pr.Waterfall, pr.Err = last, lastErr
	} else {
		pr.Waterfall, pr.Err = r.price(pr.Priced, pricing{})
	}
	if pr.Err != nil {
		pr.Waterfall = Waterfall{}
		return pr
	}
	if floor := d.Negotiation.Deal.Floor; floor.Valid {
		pr.BelowFloor = pr.Waterfall.Contribution.LessThan(floor.Decimal)
		pr.Shortfall = floor.Decimal.Sub(pr.Waterfall.Contribution)
	}
	if p.Origin != OriginLastYear && lastErr == nil {
		pr.Change, pr.ChangeKnown = pr.Waterfall.Contribution.Sub(last.Contribution), true
		pr.LastYear = last.Contribution
	}
	return pr
}

// Deal is every package of the negotiation judged, with the warnings that
// concern the deal as a whole.
type Deal struct {
	Results  []PackageResult // in the order of Replay.Packages
	Floor    decimal.NullDecimal
	Warnings []string
}

// Result finds the result of the package of the given origin (the first
// one for proposals).
func (dl Deal) Result(origin PackageOrigin) (PackageResult, bool) {
	for _, pr := range dl.Results {
		if pr.Package.Origin == origin {
			return pr, true
		}
	}
	return PackageResult{}, false
}

// AnalysedDeal is Deal with the controller's figures of every package
// (Replay.Analyse): a few dozen waterfalls a package, so only the views
// that show them ask for it.
func (r *Replay) AnalysedDeal() Deal {
	dl := r.Deal()
	for i := range dl.Results {
		r.Analyse(&dl.Results[i])
	}
	return dl
}

// Deal judges every package and warns when our walk-aways together fall
// below the deal floor, or the floor is above the target package.
func (r *Replay) Deal() Deal {
	dl := Deal{Floor: r.dossier.Negotiation.Deal.Floor}
	last, lastErr := r.lastYear()
	for _, p := range r.Packages() {
		dl.Results = append(dl.Results, r.evaluate(p, last, lastErr))
	}
	if !dl.Floor.Valid {
		return dl
	}
	floor := FormatMoney(dl.Floor.Decimal)
	if walk, ok := dl.Result(OriginWalkAway); ok && walk.Err == nil && walk.BelowFloor {
		dl.Warnings = append(dl.Warnings, fmt.Sprintf("every walk-away together earns %s, below the deal floor %s: "+
			"a deal can respect each walk-away and still lose money we need", FormatMoney(walk.Waterfall.Contribution), floor))
	}
	if target, ok := dl.Result(OriginTarget); ok && target.Err == nil && target.BelowFloor {
		dl.Warnings = append(dl.Warnings, fmt.Sprintf("the deal floor %s is above the target package (%s): even the target is not enough",
			floor, FormatMoney(target.Waterfall.Contribution)))
	}
	return dl
}
