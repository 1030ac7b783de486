package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/parley-app/parley/model"
)

func dealCommand() command {
	var asJSON bool
	var negID uint64
	return command{
		name:    "deal",
		args:    "[--json] [--negotiation ID]",
		summary: "print the packages (last year, walk-away, target, ours, theirs, proposals) with their annual contribution and verdict, and the waterfall of our offer",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print the packages as JSON for scripts and spreadsheets")
			fs.Uint64Var(&negID, "negotiation", 0, "the negotiation's `ID` (default: the current one)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("deal takes no arguments, only flags")
			}
			d, err := e.readDossier(negID)
			if err != nil {
				return err
			}
			if asJSON {
				return writePackagesJSON(e.stdout, d, d.Replay().Deal().Results)
			}
			fmt.Fprint(e.stdout, model.DealMarkdown(d))
			return nil
		},
	}
}

// packageJSON is one package as `deal --json` and `meso --json` print it.
type packageJSON struct {
	Name         string            `json:"name"`
	Origin       string            `json:"origin"`
	Values       map[string]string `json:"values"` // by agenda number
	Contribution *string           `json:"contribution"`
	Score        *int              `json:"score"`
	Verdict      string            `json:"verdict"`
}

type packagesJSON struct {
	Packages []packageJSON `json:"packages"`
	Floor    *string       `json:"floor"`
}

// writePackagesJSON prints packages with values keyed by agenda number and
// decimals as strings, so that no amount passes through a float. A figure
// that cannot be computed is null, and the verdict says why.
func writePackagesJSON(w io.Writer, d *model.Dossier, results []model.PackageResult) error {
	out := packagesJSON{Packages: []packageJSON{}}
	if f := d.Negotiation.Deal.Floor; f.Valid {
		s := f.Decimal.StringFixed(2)
		out.Floor = &s
	}
	for _, pr := range results {
		out.Packages = append(out.Packages, toPackageJSON(d, pr))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// toPackageJSON is one judged package with values keyed by agenda number.
func toPackageJSON(d *model.Dossier, pr model.PackageResult) packageJSON {
	p := packageJSON{Name: pr.Package.Name, Origin: string(pr.Package.Origin), Values: map[string]string{}, Verdict: pr.Verdict()}
	for i, it := range d.Items {
		if v, ok := pr.Package.Values[it.ID]; ok {
			p.Values[strconv.Itoa(i+1)] = v.StringFixed(int32(max(it.Places(), model.Places(v))))
		}
	}
	if c, err := pr.Contribution(); err == nil {
		s := c.StringFixed(2)
		p.Contribution = &s
	}
	if pr.Scored {
		score := int(math.Round(pr.Score))
		p.Score = &score
	}
	return p
}
