package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

func demoCommand() command {
	return command{
		name:    "demo",
		summary: "add a realistic demo negotiation (a grocery chain's 2027 annual terms) and make it current",
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("demo takes no arguments")
			}
			s, err := e.openVerified()
			if err != nil {
				return err
			}
			defer s.Close()
			d := model.Demo(e.now())
			if id, err := findDemo(s, d); err != nil || id != 0 {
				if err != nil {
					return err
				}
				if err := s.SetCurrent(id); err != nil {
					return err
				}
				fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("The demo negotiation %s › %s is already in %s: it is now the current one.\n",
					d.Account.Name, d.Negotiation.Title, s.Path())))
				return nil
			}
			if _, err := s.AddDossier(d); err != nil {
				return fmt.Errorf("add the demo: %w", err)
			}
			fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("Added the demo negotiation %s › %s to %s.\nOpen it with 'parley', or print its brief with 'parley brief'.\n",
				d.Account.Name, d.Negotiation.Title, s.Path())))
			return nil
		},
	}
}

// findDemo finds the demo negotiation in the file (its account and title),
// so that a second `parley demo` opens it rather than adding another.
func findDemo(s *store.Store, demo *model.Dossier) (uint64, error) {
	accounts, err := s.Accounts()
	if err != nil {
		return 0, err
	}
	negs, err := s.Negotiations()
	if err != nil {
		return 0, err
	}
	for _, n := range negs {
		for _, a := range accounts {
			if a.ID == n.AccountID && a.Name == demo.Account.Name && n.Title == demo.Negotiation.Title {
				return n.ID, nil
			}
		}
	}
	return 0, nil
}

func briefCommand() command {
	var redact bool
	var negID uint64
	return command{
		name:    "brief",
		args:    "[--redact] [--negotiation ID]",
		summary: "print the meeting brief: rendered on a terminal, Markdown when piped; --redact keeps only what the buyer may see",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&redact, "redact", false, "keep only what the buyer may see: no targets, walk-aways, weights, scores, money, flags, reciprocity, trade plan, the deal (packages, verdicts, waterfall), summaries, plain notes, internal follow-ups or unmarked scenarios")
			fs.Uint64Var(&negID, "negotiation", 0, "the negotiation's `ID` (default: the current one)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("brief takes no arguments, only flags")
			}
			s, err := e.openReadOnly()
			if err != nil {
				return err
			}
			defer s.Close()
			id := negID
			if id == 0 {
				if id, err = s.Current(); err != nil {
					return err
				}
				if id == 0 {
					return fmt.Errorf("there is no negotiation yet: run 'parley demo', or create one in the workbench ('parley')")
				}
			}
			d, err := s.Dossier(id)
			if err != nil {
				return err
			}
			// Escaped inside Brief (and again by the renderer), so that no stored control character reaches the terminal.
			return printMarkdown(e.stdout, model.Brief(d, model.BriefOptions{Redact: redact, Now: e.now()}))
		},
	}
}

func noteCommand() command {
	var yes, decimalComma bool
	return command{
		name: "note",
		args: "[--yes] [--decimal-comma] TEXT…",
		summary: "capture one line into the most recent active negotiation: " +
			"'we|they <item> <value> [for <text>]', 'agree <item> [<value>]', 'budget <item> <value>', '! action', '? question', or a note (#item tags it)",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&yes, "yes", false, "log a concession of ours even past our walk-away or over today's budget")
			fs.BoolVar(&decimalComma, "decimal-comma", false, "read numbers as 9,90 and 1.000,50 (the default is the negotiation's setting)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			args := fs.Args()
			if n := len(args); n > 0 && (args[n-1] == "--yes" || args[n-1] == "-yes") {
				yes, args = true, args[:n-1] // also after the text
			}
			line := strings.TrimSpace(strings.Join(args, " "))
			if line == "" {
				return usagef("note needs the text to capture")
			}
			// A line reads the outline of the negotiation (items, meetings),
			// never its notes or ledger: a move's rules read the ledger in
			// the transaction that writes it (issue 23).
			s, err := e.openCapture()
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := activeDeal(s)
			if err != nil {
				return err
			}
			numbers := d.Negotiation.Numbers()
			numbers.DecimalComma = numbers.DecimalComma || decimalComma
			c, err := model.ParseCaptureIn(line, d.Items, numbers)
			if err != nil {
				return fmt.Errorf("not saved: %w", err)
			}
			var meetingID uint64
			if m, ok := d.RunningMeeting(); ok {
				meetingID = m.ID
			}
			now := e.now()
			// The period between meetings has one name everywhere (the brief, the ledger).
			where := d.WhereAt(meetingID, now)
			// The store checks the line by the model's one rule in the
			// transaction that writes it (model.Dossier.CheckCapture).
			sess := desk.New(s, e.person)
			if err := sess.Do(&act.Captured{NegID: d.Negotiation.ID, Capture: c, At: now, MeetingID: meetingID, Confirmed: yes}); err != nil {
				if ask := (*model.AskFirstError)(nil); errors.As(err, &ask) {
					return fmt.Errorf("not saved: %w: add --yes to log it anyway", err)
				}
				return fmt.Errorf("not saved: %w", err)
			}
			fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("Saved %s to %s › %s (%s).\n", captureWhat(c, d), d.Account.Name, d.Negotiation.Title, where)))
			for _, a := range sess.Held() {
				fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("Pending approval by %s (request %d): %s. The deal does not count it until then.\n", a.AskedOf(), a.ID, a.Why)))
			}
			if c.Kind == model.CaptureConcession || c.Kind == model.CaptureAgree {
				// The summary was worked out in the same transaction: no second read of the ledger.
				sm, err := s.Summary(d.Negotiation.ID)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Gap closed: %s\n", model.FormatPercent(sm.GapClosed))
			}
			return nil
		},
	}
}

// captureWhat describes a saved capture in a few words.
func captureWhat(c model.Capture, d *model.Dossier) string {
	switch c.Kind {
	case model.CaptureConcession:
		it, _ := d.Item(c.ItemID)
		who := "our"
		if c.By == model.Them {
			who = "their"
		}
		return fmt.Sprintf("%s concession on %q to %s %s", who, it.Title, it.Format(c.Value), it.Unit)
	case model.CaptureAgree:
		it, _ := d.Item(c.ItemID)
		return fmt.Sprintf("the agreement on %q", it.Title)
	case model.CaptureBudget:
		it, _ := d.Item(c.ItemID)
		return fmt.Sprintf("today's budget on %q: as far as %s %s", it.Title, it.Format(c.Value), it.Unit)
	case model.CaptureAction:
		return "the action"
	case model.CaptureQuestion:
		return "the question"
	}
	return "the note"
}

// activeDeal is the outline of the most recent active negotiation (its
// record, account, items and meetings: store.Outline): the current one
// when it is active, else the newest active one.
func activeDeal(s *store.Store) (*model.Dossier, error) {
	pick, err := s.Active()
	if err != nil {
		return nil, err
	}
	if pick == 0 {
		return nil, fmt.Errorf("there is no active negotiation: run 'parley demo', or create one in the workbench ('parley')")
	}
	return s.Outline(pick)
}

func exportCommand() command {
	return command{
		name:    "export",
		args:    "FILE|-",
		summary: "write everything to a JSON file (format " + store.ExportFormat + "), atomically; - writes to standard output",
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() != 1 || fs.Arg(0) == "" {
				return usagef("export needs exactly one FILE, or - for standard output")
			}
			s, err := e.openReadOnly()
			if err != nil {
				return err
			}
			defer s.Close()
			if fs.Arg(0) == "-" {
				_, err := s.ExportTo(e.stdout, e.now())
				return err
			}
			n, err := s.Export(fs.Arg(0), e.now())
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Exported %s and %s to %s.\n", count(n.Accounts, "account"), count(n.Negotiations, "negotiation"), model.EscapeForTerminal(fs.Arg(0)))
			return nil
		},
	}
}

func backupCommand() command {
	return command{
		name:    "backup",
		args:    "FILE",
		summary: "write a consistent copy of the database to FILE",
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() != 1 || fs.Arg(0) == "" {
				return usagef("backup needs exactly one FILE")
			}
			s, err := e.openReadOnly()
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.Verify(); err != nil {
				return err
			}
			if err := s.Backup(fs.Arg(0)); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Backed up %s to %s.\n", model.EscapeForTerminal(s.Path()), model.EscapeForTerminal(fs.Arg(0)))
			return nil
		},
	}
}

func versionCommand() command {
	return command{
		name:    "version",
		summary: "print the version",
		run: func(e *env, fs *flag.FlagSet) error {
			fmt.Fprintf(e.stdout, "parley %s (data schema %d)\n", Version, store.SchemaVersion)
			return nil
		},
	}
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
