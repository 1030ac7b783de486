package main

import (
	"flag"
	"fmt"

	"github.com/parley-app/parley/model"
)

func mesoCommand() command {
	var asJSON bool
	var n int
	var negID uint64
	return command{
		name:    "meso",
		args:    "[-n N] [--json] [--negotiation ID]",
		summary: "make N equivalent offers to table together: the same annual contribution as our offer, each giving on a different item they value",
		flags: func(fs *flag.FlagSet) {
			fs.IntVar(&n, "n", 3, "how many equivalent offers to make (1–9)")
			fs.BoolVar(&asJSON, "json", false, "print the offers as JSON for scripts and spreadsheets")
			fs.Uint64Var(&negID, "negotiation", 0, "the negotiation's `ID` (default: the current one)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("meso takes no arguments, only flags")
			}
			if n < 1 || n > 9 {
				return usagef("-n %d: ask for 1 to 9 offers", n)
			}
			d, err := e.readDossier(negID)
			if err != nil {
				return err
			}
			r := d.Replay()
			m := r.EquivalentOffers(r.Positions(model.OriginOurs), n)
			if asJSON {
				if m.Reason != "" {
					fmt.Fprintf(e.stderr, "parley: fewer offers than asked: %s\n", model.EscapeForTerminal(m.Reason))
				}
				results := make([]model.PackageResult, 0, len(m.Offers))
				for _, o := range m.Offers {
					pr := r.Evaluate(o)
					r.Analyse(&pr)
					results = append(results, pr)
				}
				return writePackagesJSON(e.stdout, d, results, m.Says...)
			}
			fmt.Fprint(e.stdout, model.MesoMarkdown(d, m))
			return nil
		},
	}
}
