package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// Authority and its oversight (DESIGN 12): how far each may move on a lever,
// the moves past it that wait for approval, and the audit of every change.

func authorityCommand() command {
	return command{
		name:    "authority",
		args:    "set ROLE|PERSON LEVER LIMIT | list",
		summary: "how far a role or a person may move on a lever before their manager approves: 'kam payment-days 50', 'kam list-price -2%' (2% below last year), 'kam rebate 3%'",
		run: func(e *env, fs *flag.FlagSet) error {
			args := fs.Args()
			switch {
			case len(args) == 1 && args[0] == "list":
				return withStore(e.openReadOnly, func(s *store.Store) error {
					limits, err := s.Authority()
					if err != nil {
						return err
					}
					if len(limits) == 0 {
						fmt.Fprintln(e.stdout, "No limits: every move counts at once.")
					}
					for _, l := range limits {
						fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%-12s %-20s %s\n", l.Who, model.LeverSlug(l.Lever), l)))
					}
					return nil
				})
			case len(args) == 4 && args[0] == "set":
				lever, err := model.ParseLever(args[2])
				if err != nil {
					return usagef("%s", err)
				}
				v, rel, err := model.ParseLimit(args[3])
				if err != nil {
					return usagef("%s", err)
				}
				return withStore(e.open, func(s *store.Store) error {
					l := model.Limit{Who: args[1], Lever: lever, Value: v, Relative: rel}
					if err := s.SetLimit(l); err != nil {
						return err
					}
					fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%s may go to %s on %s; past it, a move waits for approval.\n", l.Who, l, model.LeverSlug(l.Lever))))
					return nil
				})
			}
			return usagef("authority set ROLE|PERSON LEVER LIMIT, or authority list")
		},
	}
}

func approvalsCommand() command {
	var asJSON, all bool
	return command{
		name:    "approvals",
		args:    "[--all] [--json]",
		summary: "list the moves past authority you may approve or reject (--all: yours too, and those decided)",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print as JSON")
			fs.BoolVar(&all, "all", false, "also your own requests and those decided")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("approvals takes no arguments")
			}
			return withStore(e.openReadOnly, func(s *store.Store) error {
				list, err := s.Approvals(all)
				if err != nil {
					return err
				}
				if asJSON {
					if list == nil {
						list = []model.Approval{}
					}
					return printJSON(e, list)
				}
				if len(list) == 0 {
					fmt.Fprintln(e.stdout, "Nothing waits for your decision.")
				}
				titles, err := negotiationTitles(s)
				if err != nil {
					return err
				}
				for _, a := range list {
					line := fmt.Sprintf("%4d  %-8s %s asks %s: %s (%s)", a.ID, a.Status, a.By, a.AskedOf(), a.Why, titles[a.NegotiationID])
					if a.Status != model.Pending {
						line += fmt.Sprintf(", %s by %s", a.Status, a.Decider)
						if a.Note != "" {
							line += ": " + a.Note
						}
					}
					fmt.Fprint(e.stdout, model.EscapeForTerminal(line+"\n"))
				}
				return nil
			})
		},
	}
}

func decideCommand(approve bool) command {
	name, verb := "approve", "Approved"
	if !approve {
		name, verb = "reject", "Rejected"
	}
	var note string
	return command{
		name:    name,
		args:    "[--note TEXT] N",
		summary: name + " request N of 'parley approvals', with a note the mover sees",
		flags:   func(fs *flag.FlagSet) { fs.StringVar(&note, "note", "", "a word to the mover") },
		run: func(e *env, fs *flag.FlagSet) error {
			args, err := interspersed(fs, 1)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("%s needs the request's number", name)
			}
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || id == 0 {
				return usagef("%q is not a request number", args[0])
			}
			return withDesk(e, func(sess *desk.Session) error {
				a, err := sess.Decide(id, approve, note)
				if err != nil {
					return err
				}
				fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%s request %d of %s: %s.\n", verb, a.ID, a.By, a.Why)))
				return nil
			})
		},
	}
}

func auditCommand() command {
	var asJSON bool
	var since string
	return command{
		name:    "audit",
		args:    "[--json] [--since DATE]",
		summary: "list who changed what, and when: every change, undo and import, kept for good",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print as JSON, with each change's value")
			fs.StringVar(&since, "since", "", "only from `DATE` (2006-01-02, or an RFC 3339 time) on")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("audit takes no arguments, only flags")
			}
			var from time.Time
			if since != "" {
				var err error
				if from, err = time.ParseInLocation("2006-01-02", since, time.Local); err != nil {
					if from, err = time.Parse(time.RFC3339, since); err != nil {
						return usagef("--since %q is not a date such as 2026-12-01", since)
					}
				}
			}
			return withStore(e.openReadOnly, func(s *store.Store) error {
				rows, err := s.Audit(from)
				if err != nil {
					return err
				}
				if asJSON {
					type row struct {
						model.AuditEntry
						Change json.RawMessage `json:"change,omitempty"`
					}
					out := make([]row, 0, len(rows))
					for _, r := range rows {
						out = append(out, row{AuditEntry: r, Change: r.Change})
					}
					return printJSON(e, out)
				}
				for _, r := range rows {
					who := r.Person
					if who == "" {
						who = "(local)"
					}
					fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%5d  %s  %-12s %s\n", r.Seq, r.At.Local().Format("2006-01-02 15:04:05"), who, r.What)))
				}
				return nil
			})
		},
	}
}

// negotiationTitles names each negotiation the person sees "Account › Title".
func negotiationTitles(s *store.Store) (map[uint64]string, error) {
	accounts, err := s.Accounts()
	if err != nil {
		return nil, err
	}
	negs, err := s.Negotiations()
	if err != nil {
		return nil, err
	}
	names := map[uint64]string{}
	for _, a := range accounts {
		names[a.ID] = a.Name
	}
	out := map[uint64]string{}
	for _, n := range negs {
		out[n.ID] = names[n.AccountID] + " › " + n.Title
	}
	return out, nil
}
