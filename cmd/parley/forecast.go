package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

func forecastCommand() command {
	var asJSON bool
	var negID uint64
	return command{
		name:    "forecast",
		args:    "[--json] [--negotiation ID]",
		summary: "print where each side is heading on each item and the likely landing: its annual contribution against the deal floor",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print the forecast as JSON, with each side's projected path")
			fs.Uint64Var(&negID, "negotiation", 0, "the negotiation's `ID` (default: the current one)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("forecast takes no arguments, only flags")
			}
			d, err := e.readDossier(negID)
			if err != nil {
				return err
			}
			fc := d.Replay().Forecast(e.now())
			if asJSON {
				return writeForecastJSON(e.stdout, d, fc)
			}
			fmt.Fprint(e.stdout, model.ForecastMarkdown(d, fc))
			return nil
		},
	}
}

// sideJSON is one side's projection on an item. With fewer than two
// meetings of moves the side has no projection (DESIGN 5.8): r, projected
// and further are null and the path is empty.
type sideJSON struct {
	Now       string   `json:"now"`
	Projected *string  `json:"projected"`
	Moves     int      `json:"meetings_moved"`
	R         *string  `json:"r"`
	Further   *string  `json:"further"`
	Capped    bool     `json:"stops_at_walk_away"`
	Path      []string `json:"path"`
}

type itemForecastJSON struct {
	Number       int       `json:"number"`
	Title        string    `json:"title"`
	Outlook      string    `json:"outlook"`
	Told         bool      `json:"told"`
	Agrees       bool      `json:"agrees"`
	Landing      *string   `json:"landing"`
	GapLeft      string    `json:"gap_left"`
	PackageValue string    `json:"package_value"`
	Ours         sideJSON  `json:"ours"`
	Theirs       *sideJSON `json:"theirs"`
}

type forecastJSON struct {
	LastMeeting    int                `json:"last_meeting"`
	MeetingsLeft   int                `json:"meetings_left"`
	LandingMeeting int                `json:"landing_meeting"`
	IntervalDays   string             `json:"interval_days"`
	Notes          []string           `json:"notes"`
	Items          []itemForecastJSON `json:"items"`
	// Landing is null, with the Reason, when the items with a landing carry
	// less than half the weight (DESIGN 5.8).
	Landing        *packageJSON `json:"landing"`
	Reason         string       `json:"reason,omitempty"`
	DeadlinePassed bool         `json:"deadline_passed"`
	Floor          *string      `json:"floor"`
	Line           string       `json:"line"`
}

// writeForecastJSON prints the forecast with decimals as strings.
func writeForecastJSON(w io.Writer, d *model.Dossier, fc model.Forecast) error {
	out := forecastJSON{LastMeeting: fc.LastMeeting, MeetingsLeft: fc.MeetingsLeft, LandingMeeting: fc.LandingMeeting,
		IntervalDays: fc.IntervalDays.String(), Notes: append([]string{}, fc.Notes...), Line: fc.Line(),
		DeadlinePassed: fc.DeadlinePassed, Reason: fc.Reason()}
	if f := d.Negotiation.Deal.Floor; f.Valid {
		s := f.Decimal.StringFixed(2)
		out.Floor = &s
	}
	for _, f := range fc.Items {
		it := f.Item
		// Values at the item's step (DESIGN 5.8): 23.30, not 23.2969.
		places := int32(max(it.Places(), model.Places(it.StepOf())))
		step := func(v decimal.Decimal) string { return it.RoundToStep(v).StringFixed(places) }
		side := func(p model.SideProjection) sideJSON {
			s := sideJSON{Now: p.From.StringFixed(places), Moves: len(p.Sizes), Capped: p.Capped, Path: []string{}}
			if p.TooFew() {
				return s
			}
			r, to, further := p.R.String(), step(p.To), step(p.Further)
			s.R, s.Projected, s.Further = &r, &to, &further
			for _, v := range p.Path {
				s.Path = append(s.Path, step(v))
			}
			return s
		}
		row := itemForecastJSON{Number: f.Index + 1, Title: it.Title, Outlook: f.Outlook(), Told: f.Told(), Agrees: f.Agrees,
			GapLeft: step(f.GapLeft), PackageValue: step(f.PackageValue), Ours: side(f.Ours)}
		if f.Agrees || f.Settled {
			l := step(f.Landing)
			row.Landing = &l
		}
		if f.TheirsKnown {
			t := side(f.Theirs)
			row.Theirs = &t
		}
		out.Items = append(out.Items, row)
	}
	if fc.HasLanding {
		l := toPackageJSON(d, fc.Landing)
		out.Landing = &l
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
