package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
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
				return writePackagesJSON(e.stdout, d, d.Replay().AnalysedDeal().Results)
			}
			fmt.Fprint(e.stdout, model.DealMarkdown(d))
			return nil
		},
	}
}

// packageJSON is one package as `deal --json` and `meso --json` print it.
// The controller's figures (DESIGN 5.8) are null when they cannot be
// computed; Assumes names the items priced at our offer for want of a value.
type packageJSON struct {
	Name         string            `json:"name"`
	Origin       string            `json:"origin"`
	Values       map[string]string `json:"values"` // by agenda number
	Contribution *string           `json:"contribution"`
	Change       *string           `json:"change"` // against last year, as the two contributions print
	Range        *rangeJSON        `json:"contribution_range"`
	Term         *termJSON         `json:"term"`
	Bridge       []bridgeJSON      `json:"bridge"`
	Tornado      []tornadoJSON     `json:"tornado"`
	Assumes      []string          `json:"assumes"`
	Score        *int              `json:"score"`
	Verdict      string            `json:"verdict"`
	Says         string            `json:"says,omitempty"` // an equivalent offer: what it gives and asks
}

// rangeJSON is the annual contribution at low, expected and high volume.
type rangeJSON struct {
	Low      string `json:"low"`
	Expected string `json:"expected"`
	High     string `json:"high"`
}

// termJSON is the package's value over the contract's term.
type termJSON struct {
	Years           string `json:"years"`
	Year1           string `json:"year1"`
	Average         string `json:"average"`
	DiscountedTotal string `json:"discounted_total"`
}

// bridgeJSON is one step of the bridge from last year; the steps add up to
// the change against last year exactly.
type bridgeJSON struct {
	Step   string `json:"step"`
	Amount string `json:"amount"`
}

// tornadoJSON is one bar of the tornado: the contribution at each end.
type tornadoJSON struct {
	What string `json:"what"`
	Low  string `json:"low"`
	High string `json:"high"`
}

type packagesJSON struct {
	Packages []packageJSON `json:"packages"`
	Floor    *string       `json:"floor"`
}

// writePackagesJSON prints packages with values keyed by agenda number and
// decimals as strings, so that no amount passes through a float. A figure
// that cannot be computed is null, and the verdict says why.
func writePackagesJSON(w io.Writer, d *model.Dossier, results []model.PackageResult, says ...string) error {
	out := packagesJSON{Packages: []packageJSON{}}
	if f := d.Negotiation.Deal.Floor; f.Valid {
		s := f.Decimal.StringFixed(2)
		out.Floor = &s
	}
	for i, pr := range results {
		p := toPackageJSON(d, pr)
		if i < len(says) {
			p.Says = says[i]
		}
		if pr.ChangeKnown {
			change := pr.PrintedChange().StringFixed(2)
			p.Change = &change
			p.Bridge = []bridgeJSON{}
			for _, b := range pr.BridgeInCents() {
				p.Bridge = append(p.Bridge, bridgeJSON{Step: b.Step, Amount: b.Amount.StringFixed(2)})
			}
		}
		out.Packages = append(out.Packages, p)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", terminalSafeJSON(data))
	return err
}

// terminalSafeJSON writes as \uXXXX escapes the characters a terminal
// would act on that JSON leaves raw (DEL, C1 controls such as the 8-bit
// CSI, bidi overrides): the same data, safe to print.
func terminalSafeJSON(data []byte) []byte {
	s := string(data)
	if model.EscapeForTerminal(s) == s {
		return data
	}
	var b strings.Builder
	for _, r := range s {
		if r != '\n' && r != '\t' && model.EscapeForTerminal(string(r)) != string(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return []byte(b.String())
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
	p.Assumes = append([]string{}, pr.Assumes...)
	p.Bridge, p.Tornado = []bridgeJSON{}, []tornadoJSON{}
	if a := pr.Analysis; a != nil {
		money := func(d decimal.Decimal) string { return d.StringFixed(2) }
		if a.RangeErr == nil {
			p.Range = &rangeJSON{Low: money(a.Range.Low), Expected: money(a.Range.Expected), High: money(a.Range.High)}
		}
		if a.TermErr == nil {
			p.Term = &termJSON{Years: a.Term.Years.String(), Year1: money(a.Term.Year1), Average: money(a.Term.Average),
				DiscountedTotal: money(a.Term.DiscountedTotal)}
		}
		for _, b := range a.Tornado {
			p.Tornado = append(p.Tornado, tornadoJSON{What: b.What, Low: money(b.Low), High: money(b.High)})
		}
	}
	if pr.Scored {
		score := int(math.RoundToEven(pr.Score)) // as the table's %.0f rounds it: 62.5 is 62 in both
		p.Score = &score
	}
	return p
}
