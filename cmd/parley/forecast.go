package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/parley-app/parley/model"
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

type sideJSON struct {
	Now       string   `json:"now"`
	Projected string   `json:"projected"`
	Moves     int      `json:"meetings_moved"`
	R         *string  `json:"r"` // null when the side holds
	Further   string   `json:"further"`
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
	Landing        packageJSON        `json:"landing"`
	Floor          *string            `json:"floor"`
	Line           string             `json:"line"`
}

// writeForecastJSON prints the forecast with decimals as strings.
func writeForecastJSON(w io.Writer, d *model.Dossier, fc model.Forecast) error {
	out := forecastJSON{LastMeeting: fc.LastMeeting, MeetingsLeft: fc.MeetingsLeft, LandingMeeting: fc.LandingMeeting,
		IntervalDays: fc.IntervalDays.String(), Notes: append([]string{}, fc.Notes...), Line: fc.Line()}
	if f := d.Negotiation.Deal.Floor; f.Valid {
		s := f.Decimal.StringFixed(2)
		out.Floor = &s
	}
	for _, f := range fc.Items {
		it := f.Item
		places := int32(it.Places() + 2)
		side := func(p model.SideProjection) sideJSON {
			s := sideJSON{Now: p.From.String(), Projected: p.To.Round(places).String(), Moves: len(p.Sizes),
				Further: p.Further.Round(places).String(), Capped: p.Capped, Path: []string{}}
			if !p.Holds() {
				r := p.R.String()
				s.R = &r
			}
			for _, v := range p.Path {
				s.Path = append(s.Path, v.Round(places).String())
			}
			return s
		}
		row := itemForecastJSON{Number: f.Index + 1, Title: it.Title, Outlook: f.Outlook(), Told: f.Told(), Agrees: f.Agrees,
			GapLeft: f.GapLeft.Round(places).String(), PackageValue: f.PackageValue.Round(places).String(), Ours: side(f.Ours)}
		if f.Agrees || f.Settled {
			l := f.Landing.Round(places).String()
			row.Landing = &l
		}
		if f.TheirsKnown {
			t := side(f.Theirs)
			row.Theirs = &t
		}
		out.Items = append(out.Items, row)
	}
	out.Landing = toPackageJSON(d, fc.Landing)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
