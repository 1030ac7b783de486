package ledger

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// chartPoint is one bar of a gap-closed chart.
type chartPoint struct {
	label   string  // "Openings", "Meeting 2", "Now"
	share   float64 // 0–1
	running bool    // the meeting still runs: its share is "so far"
	// projected: a meeting still to come, where the landing forecast
	// leaves the gap (drawn after the real bars while F shows).
	projected bool
	extra     string // shown after the percentage when the chart has room
}

// gapChart is the gap closed after each meeting, overall or on one item,
// as horizontal bars.
type gapChart struct {
	title  string
	points []chartPoint
}

// overallChart charts the weighted gap closed at the openings, at the end
// of each meeting, and now when moves made since the last meeting changed
// it, with each meeting's reciprocity where the privacy rule shows it.
func overallChart(r *model.Replay, priv model.Privacy) gapChart {
	c := gapChart{title: "Gap closed after each meeting"}
	c.points = append(c.points, chartPoint{label: "Openings", share: r.Openings})
	prev := r.Openings
	for _, res := range r.Meetings {
		extra := fmt.Sprintf("%s · we moved %d, they %d", points(prev, res.GapClosed), res.OurMoves, res.TheirMoves)
		if res.ReciprocityKnown && priv.Part(model.PartReciprocity) {
			extra += fmt.Sprintf(" · reciprocity %.2f", res.Reciprocity)
		}
		c.points = append(c.points, chartPoint{label: fmt.Sprintf("Meeting %d", res.Meeting.Number),
			share: res.GapClosed, running: res.Meeting.Running(), extra: extra})
		prev = res.GapClosed
	}
	if len(r.Meetings) == 0 || math.Abs(r.GapClosed-prev) > 1e-9 {
		c.points = append(c.points, chartPoint{label: "Now", share: r.GapClosed, extra: points(prev, r.GapClosed)})
	}
	return c
}

// itemChart charts the share of item i's opening gap closed after each
// meeting, with both positions then.
func itemChart(d *model.Dossier, r *model.Replay, i int) gapChart {
	it := d.Items[i]
	c := gapChart{title: "Gap closed on " + it.Title}
	ours, theirs := it.OurOpening, it.TheirOpening
	positions := func() string {
		if !it.Numeric() {
			return "text only: closed once agreed"
		}
		parts := []string{"ours " + it.Format(ours.Decimal)}
		if theirs.Valid {
			parts = append(parts, "theirs "+it.Format(theirs.Decimal))
			g := it.Better.Sign().Mul(ours.Decimal.Sub(theirs.Decimal))
			parts = append(parts, "gap "+it.Format(decimal.Max(g, decimal.Zero)))
		}
		return strings.Join(parts, " · ")
	}
	opening := 0.0
	if it.Tracked() && !r.Items[i].Gap0.IsPositive() {
		opening = 1
	}
	c.points = append(c.points, chartPoint{label: "Openings", share: opening, extra: positions()})

	var moves []model.Move
	for _, mv := range r.Moves {
		if mv.Item == i {
			moves = append(moves, mv)
		}
	}
	slices.SortStableFunc(moves, func(a, b model.Move) int { return a.Epoch - b.Epoch })
	apply := func(mv model.Move) {
		if mv.By == model.Us {
			ours = decimal.NewNullDecimal(mv.To)
		} else {
			theirs = decimal.NewNullDecimal(mv.To)
		}
	}
	next, prev := 0, opening
	for _, res := range r.Meetings {
		for ; next < len(moves) && moves[next].Epoch <= res.Meeting.Number; next++ {
			apply(moves[next])
		}
		share := 0.0
		if i < len(res.ItemClosed) {
			share = res.ItemClosed[i]
		}
		c.points = append(c.points, chartPoint{label: fmt.Sprintf("Meeting %d", res.Meeting.Number), share: share,
			running: res.Meeting.Running(), extra: points(prev, share) + " · " + positions()})
		prev = share
	}
	now := r.Items[i].Closed
	if len(r.Meetings) == 0 || next < len(moves) || math.Abs(now-prev) > 1e-9 {
		for ; next < len(moves); next++ {
			apply(moves[next])
		}
		c.points = append(c.points, chartPoint{label: "Now", share: now, extra: points(prev, now) + " · " + positions()})
	}
	return c
}

// points is the change between two shares in whole percentage points, as
// the percentages shown (rounded down) differ.
func points(from, to float64) string {
	d := wholePercent(to) - wholePercent(from)
	return fmt.Sprintf("%+d pts", d)
}

func wholePercent(share float64) int {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return 0
	}
	return int(math.Floor(share*100 + 1e-9))
}

// lines draws the chart in at most h lines of at most w cells; full puts
// each bar's extra on a line under it. When the bars do not all fit, the
// latest are shown.
func (c gapChart) lines(w, h int, full bool, st *ui.Styles) []string {
	if w <= 0 || h <= 0 {
		return nil
	}
	per := 1
	if full {
		per = 2
	}
	pts := c.points
	title := c.title
	if keep := (h - 1) / per; len(pts) > keep {
		keep = max(0, keep)
		title += fmt.Sprintf(" (last %d of %d)", keep, len(pts))
		pts = pts[len(pts)-keep:]
	}
	labelW, running, projected := 0, false, false
	for _, p := range pts {
		labelW = max(labelW, ui.TextWidth(p.label))
		running = running || p.running
		projected = projected || p.projected
	}
	labelW = min(labelW, max(1, w/4))
	suffixW := 0
	if running {
		suffixW = len(" so far")
	}
	if projected {
		suffixW = len(" projected")
	}
	barW := min(max(0, w-labelW-1-1-4-suffixW), 40)
	indent := strings.Repeat(" ", min(labelW+1, max(0, w-1)))
	lines := []string{st.Bold.Render(ui.Cut(title, w))}
	for _, p := range pts {
		line := ui.Fit(p.label, labelW) + " " + ui.Bar(p.share, barW, st) + " " + ui.FitRight(model.FormatPercent(p.share), 4)
		if p.running {
			line += st.Dim.Render(" so far")
		}
		if p.projected {
			line += st.Dim.Render(" projected")
		}
		lines = append(lines, ui.Cut(line, w))
		if full && p.extra != "" {
			lines = append(lines, ui.Cut(indent+st.Dim.Render(p.extra), w))
		}
	}
	return lines
}
