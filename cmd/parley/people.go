package main

import (
	"flag"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// Who is on the team (DESIGN 12): the people who may sign in, the accounts
// shared with them, and whom the file takes you for.

// keysFlag gathers every --key.
type keysFlag []string

func (k *keysFlag) String() string     { return strings.Join(*k, ", ") }
func (k *keysFlag) Set(v string) error { *k = append(*k, v); return nil }

func peopleCommand() command {
	var role, team, manager string
	var keys keysFlag
	var asJSON bool
	return command{
		name:    "people",
		args:    "add NAME --role kam|manager|admin [--team TEAM] [--manager NAME] --key KEY… | list [--json] | remove NAME",
		summary: "manage who may sign in to 'parley serve', by the public keys they sign with",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&role, "role", "", "kam, manager or admin")
			fs.StringVar(&team, "team", "", "the team (a manager sees their team's accounts)")
			fs.StringVar(&manager, "manager", "", "whom their moves past authority are asked of")
			fs.Var(&keys, "key", "a public key, as a line of a .pub file (repeat for several)")
			fs.BoolVar(&asJSON, "json", false, "list as JSON")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() == 0 {
				return usagef("people needs add, list or remove")
			}
			words := 2 // add NAME, remove NAME
			if fs.Arg(0) == "list" {
				words = 1
			}
			args, err := interspersed(fs, words)
			if err != nil {
				return err
			}
			switch {
			case args[0] == "list" && len(args) == 1:
				return listPeople(e, asJSON)
			case args[0] == "add" && len(args) == 2:
				return withDesk(e, func(sess *desk.Session) error {
					p := model.Person{Name: args[1], Role: model.Role(role), Team: team, Manager: manager, Keys: keys}
					if err := sess.AddPerson(p); err != nil {
						return fmt.Errorf("nobody added: %w", err)
					}
					fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("Added %s (%s) with %s.\n", p.Name, p.Role, count(len(keys), "key"))))
					return nil
				})
			case args[0] == "remove" && len(args) == 2:
				return withDesk(e, func(sess *desk.Session) error {
					if err := sess.RemovePerson(args[1]); err != nil {
						return err
					}
					fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("Removed %s: their keys no longer sign in.\n", args[1])))
					return nil
				})
			}
			return usagef("people add NAME …, people list or people remove NAME")
		},
	}
}

func listPeople(e *env, asJSON bool) error {
	return withStore(e.openReadOnly, func(s *store.Store) error {
		people, err := s.People()
		if err != nil {
			return err
		}
		var list []model.Person
		for _, name := range slices.Sorted(maps.Keys(people)) {
			list = append(list, people[name])
		}
		if asJSON {
			return printJSON(e, list)
		}
		if len(list) == 0 {
			fmt.Fprintln(e.stdout, "No people: the file is one person's. Add the first admin with 'parley people add NAME --role admin --key \"ssh-ed25519 …\"'.")
			return nil
		}
		for _, p := range list {
			line := fmt.Sprintf("%-16s %-8s", p.Name, p.Role)
			if p.Team != "" {
				line += " team " + p.Team
			}
			if p.Manager != "" {
				line += " manager " + p.Manager
			}
			fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%s  (%s)\n", line, count(len(p.Keys), "key"))))
		}
		return nil
	})
}

func accountsCommand() command {
	return command{
		name:    "accounts",
		args:    "share ACCOUNT PERSON",
		summary: "give a person an account (by name or ID): they see and work its negotiations",
		run: func(e *env, fs *flag.FlagSet) error {
			args := fs.Args()
			if len(args) != 3 || args[0] != "share" {
				return usagef("accounts share ACCOUNT PERSON")
			}
			return withStore(e.open, func(s *store.Store) error {
				a, err := findAccount(s, args[1])
				if err != nil {
					return err
				}
				if err := s.ShareAccount(a.ID, args[2]); err != nil {
					return err
				}
				fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%s now sees and works %s.\n", args[2], a.Name)))
				return nil
			})
		},
	}
}

// findAccount finds an account the person sees by ID or by name (any case).
func findAccount(s *store.Store, ref string) (model.Account, error) {
	accounts, err := s.Accounts()
	if err != nil {
		return model.Account{}, err
	}
	id, _ := strconv.ParseUint(ref, 10, 64)
	for _, a := range accounts {
		if a.ID == id || strings.EqualFold(a.Name, ref) {
			return a, nil
		}
	}
	return model.Account{}, fmt.Errorf("no account of yours matches %q", ref)
}

func whoamiCommand() command {
	return command{
		name:    "whoami",
		summary: "say whom the file takes you for: over SSH, the person whose key signed in",
		run: func(e *env, fs *flag.FlagSet) error {
			if e.person == "" {
				fmt.Fprintln(e.stdout, "(local) the file's own user")
				return nil
			}
			return withStore(e.openReadOnly, func(s *store.Store) error {
				people, err := s.People()
				if err != nil {
					return err
				}
				p := people[e.person]
				fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%s (%s)\n", p.Name, p.Role)))
				return nil
			})
		},
	}
}
