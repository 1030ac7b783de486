package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
)

// commitmentJSON is one commitment as `parley commitments --json` prints it.
type commitmentJSON struct {
	Side string `json:"side"` // "we" or "they": who promised it
	Text string `json:"text"`
	Role string `json:"role"` // the role that checks it
	Item string `json:"item"` // the agreed item it belongs to
}

func commitmentsCommand() command {
	var asJSON, write bool
	var negID uint64
	return command{
		name:    "commitments",
		args:    "[--json] [--write] [--negotiation ID]",
		summary: "print the commitments the agreement makes (agreed items, trades that stand, whose each is, the role that checks it); --write puts them on the follow-up checklist",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, `print a JSON list of {"side", "text", "role", "item"}`)
			fs.BoolVar(&write, "write", false, "write them to the follow-up checklist: lines written before are updated, lines that no longer stand removed")
			fs.Uint64Var(&negID, "negotiation", 0, "the negotiation's `ID` (default: the current one)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("commitments takes no arguments, only flags")
			}
			d, err := e.readDossier(negID)
			if err != nil {
				return err
			}
			proposed := model.Commitments(d)
			if asJSON {
				out := make([]commitmentJSON, 0, len(proposed))
				for _, c := range proposed {
					out = append(out, commitmentJSON{Side: map[model.Party]string{model.Us: "we", model.Them: "they"}[c.Whose],
						Text: c.Text, Role: c.Role, Item: c.Item})
				}
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(out); err != nil {
					return err
				}
			} else {
				var b strings.Builder
				if len(proposed) == 0 {
					b.WriteString("No commitments yet: no item is agreed (agree <item> on the capture line settles one).\n")
				}
				for _, c := range proposed {
					fmt.Fprintf(&b, "%s  (%s)\n", c.Line(), c.Item)
				}
				fmt.Fprint(e.stdout, model.EscapeForTerminal(b.String()))
			}
			if !write {
				return nil
			}
			return writeCommitments(e, d.Negotiation.ID, asJSON)
		},
	}
}

// writeCommitments writes the agreement's commitments to the checklist,
// from the negotiation as the file holds it now. With --json the report
// goes to stderr, so that stdout stays one JSON document.
func writeCommitments(e *env, negID uint64, asJSON bool) error {
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := s.Dossier(negID)
	if err != nil {
		return err
	}
	lines, remove := model.CommitmentLines(d, model.Commitments(d), nil)
	report := e.stdout
	if asJSON {
		report = e.stderr
	}
	if len(lines) == 0 && len(remove) == 0 {
		fmt.Fprintln(report, "The follow-up checklist already holds these commitments: nothing written.")
		return nil
	}
	if err := desk.New(s, "").Do(&act.WriteCommitments{NegID: negID, Lines: lines, Remove: remove}); err != nil {
		return fmt.Errorf("not written: %w", err)
	}
	updated := 0
	for _, f := range lines {
		if f.ID != 0 {
			updated++
		}
	}
	fmt.Fprintf(report, "Wrote %d commitments to the follow-up checklist (%d new, %d updated, %d removed that no longer stand).\n",
		len(lines), len(lines)-updated, updated, len(remove))
	return nil
}
