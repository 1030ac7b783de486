package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/model/spar"
	"github.com/parley-app/parley/store"
)

// sparCommand is `parley spar`: play the buyer of a negotiation's training
// copy (DESIGN 13), store the session, print the transcript and debrief.
func sparCommand() command {
	var o sparOptions
	return command{
		name: "spar",
		args: "[--negotiation ID] [--seed N] [--tactic boulware|linear|conceder|E] [--meetings N] [--script FILE] [--who NAME] [--json] [--list [--team NAME] [--json]]",
		summary: "rehearse against a simulated buyer on a training copy of the negotiation (the real one is never touched), " +
			"then read the debrief; --list shows the stored sessions per case",
		flags: func(fs *flag.FlagSet) {
			fs.Uint64Var(&o.negID, "negotiation", 0, "the case: the negotiation's `ID` (default: the current one; with --list: every case)")
			fs.Uint64Var(&o.seed, "seed", 0, "the buyer's seed `N`: the same seed, tactic and lines replay the same session (default: from the clock, printed)")
			fs.StringVar(&o.tactic, "tactic", "boulware", "how the buyer concedes over time: boulware (e 0.2), linear (1), conceder (2), or an exponent `E`")
			fs.IntVar(&o.meetings, "meetings", spar.DefaultMeetings, fmt.Sprintf("meetings to the deadline, `N` (%d offers each)", spar.RoundsPerMeeting))
			fs.StringVar(&o.script, "script", "", "play the trainee's lines from `FILE` (one offer a line; # comments), without a terminal")
			fs.StringVar(&o.who, "who", "", "the trainee's `NAME`, stored with the session (default: $USER)")
			fs.BoolVar(&o.asJSON, "json", false, "print the transcript and debrief (or the list) as JSON")
			fs.BoolVar(&o.list, "list", false, "list the stored sessions instead of playing")
			fs.StringVar(&o.team, "team", "", "with --list: only the sessions of the people of team `NAME` (parley people)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("spar takes no arguments, only flags")
			}
			if o.list {
				return listSpar(e, o)
			}
			if o.team != "" {
				return usagef("--team goes with --list")
			}
			return playSpar(e, fs, o)
		},
	}
}

type sparOptions struct {
	negID    uint64
	seed     uint64
	tactic   string
	meetings int
	script   string
	who      string
	asJSON   bool
	list     bool
	team     string
}

func playSpar(e *env, fs *flag.FlagSet, o sparOptions) error {
	tactic, err := spar.ParseTactic(o.tactic)
	if err != nil {
		return usagef("%v", err)
	}
	if o.meetings < 1 || o.meetings > spar.MaxMeetings {
		return usagef("--meetings %d: give 1 to %d meetings", o.meetings, spar.MaxMeetings)
	}
	seedGiven := false
	fs.Visit(func(f *flag.Flag) { seedGiven = seedGiven || f.Name == "seed" })
	if !seedGiven {
		o.seed = uint64(e.now().UnixNano())
	}
	d, err := e.readDossier(o.negID)
	if err != nil {
		return err
	}
	c, err := spar.NewCase(d)
	if err != nil {
		return err
	}
	ss := spar.NewSession(c, spar.Config{Seed: o.seed, Tactic: tactic, Meetings: o.meetings})
	if err := feedSpar(e, ss, o); err != nil {
		return err
	}
	ss.Stop()
	rec := ss.Record()
	who := o.who
	if who == "" {
		who = os.Getenv("USER")
	}
	if who == "" {
		who = "trainee"
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	stored := store.SparSession{Who: model.CleanText(who, false), At: e.now(), Negotiation: d.Negotiation.ID, Record: rec}
	if err := s.SaveSpar(&stored); err != nil {
		return fmt.Errorf("store the session: %w", err)
	}
	if o.asJSON {
		return writeJSON(e.stdout, sparJSON{Transcript: rec.Transcript, Debrief: rec.Debrief, Seed: rec.Seed, Tactic: rec.Tactic,
			E: rec.E, Meetings: rec.Meetings, Rounds: rec.Rounds, Negotiation: rec.Negotiation, Issues: rec.Issues})
	}
	fmt.Fprint(e.stdout, model.EscapeForTerminal(sparText(ss, rec)))
	fmt.Fprintf(e.stdout, "Stored as session %d (%s). Replay it with --seed %d --tactic %s --meetings %d.\n",
		stored.ID, model.EscapeForTerminal(stored.Who), rec.Seed, rec.Tactic, rec.Meetings)
	return nil
}

// sparJSON is what `parley spar --json` prints: the record without who and
// when, so that the same seed, tactic and lines print the same bytes.
type sparJSON struct {
	Negotiation uint64             `json:"negotiation"`
	Seed        uint64             `json:"seed"`
	Tactic      string             `json:"tactic"`
	E           float64            `json:"e"`
	Meetings    int                `json:"meetings"`
	Rounds      int                `json:"rounds"`
	Issues      []spar.IssueRecord `json:"issues"`
	Transcript  []spar.RowRecord   `json:"transcript"`
	Debrief     spar.DebriefRecord `json:"debrief"`
}

// feedSpar plays the trainee's lines: from --script (a refused line stops
// the run with its line number), else from standard input, prompting and
// letting a refused line be typed again when it is a terminal.
func feedSpar(e *env, ss *spar.Session, o sparOptions) error {
	var in io.Reader = os.Stdin
	name := "standard input"
	interactive := false
	if o.script != "" {
		f, err := os.Open(o.script)
		if err != nil {
			return fmt.Errorf("read the script: %w", err)
		}
		defer f.Close()
		in, name = f, o.script
	} else if term.IsTerminal(os.Stdin.Fd()) {
		interactive = true
		fmt.Fprintf(e.stdout, "Sparring on %s: type %s; an empty line stops.\n",
			model.EscapeForTerminal(ss.Case.Dossier.Negotiation.Title), spar.OfferHelp)
		fmt.Fprintln(e.stdout, model.EscapeForTerminal(ss.Describe(ss.Rows[0])))
	}
	sc := bufio.NewScanner(io.LimitReader(in, 1<<20))
	for n := 1; ss.Outcome == spar.Open; n++ {
		if interactive {
			fmt.Fprintf(e.stdout, "round %d> ", ss.Round()+1)
		}
		if !sc.Scan() {
			break
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" && interactive {
			break
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		before := len(ss.Rows)
		if err := ss.Play(line); err != nil {
			if interactive {
				fmt.Fprintf(e.stdout, "%s (nothing tabled)\n", model.EscapeForTerminal(err.Error()))
				continue
			}
			return fmt.Errorf("%s:%d: %q: %w", name, n, line, err)
		}
		if interactive {
			for _, r := range ss.Rows[before+1:] {
				fmt.Fprintln(e.stdout, model.EscapeForTerminal(ss.Describe(r)))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// sparText is the transcript and debrief in lines.
func sparText(ss *spar.Session, rec spar.Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Spar: %s\n", rec.Heading())
	for _, r := range ss.Rows {
		fmt.Fprintln(&b, ss.Describe(r))
	}
	b.WriteString("\n")
	for _, l := range rec.DebriefLines() {
		fmt.Fprintln(&b, l)
	}
	return b.String()
}

// listSpar prints the stored sessions, per case.
func listSpar(e *env, o sparOptions) error {
	s, err := e.openReadOnly()
	if err != nil {
		return err
	}
	defer s.Close()
	sessions, err := s.SparSessions(o.negID)
	if err != nil {
		return err
	}
	if o.team != "" {
		if sessions, err = ofTeam(s, sessions, o.team); err != nil {
			return err
		}
	}
	if o.asJSON {
		out := make([]sparListJSON, 0, len(sessions))
		for _, ss := range sessions {
			out = append(out, sparListJSON{ID: ss.ID, Who: ss.Who, At: ss.At.UTC().Format("2006-01-02T15:04:05Z"), Negotiation: ss.Negotiation, Record: ss.Record})
		}
		return writeJSON(e.stdout, out)
	}
	if len(sessions) == 0 {
		fmt.Fprintln(e.stdout, "No sparring sessions yet: play one with 'parley spar'.")
		return nil
	}
	// Per case, each case's sessions in the order they were played.
	slices.SortStableFunc(sessions, func(a, b store.SparSession) int { return cmp.Compare(a.Negotiation, b.Negotiation) })
	last := uint64(0)
	for _, ss := range sessions {
		if ss.Negotiation != last {
			fmt.Fprintf(e.stdout, "%s (negotiation %d)\n", model.EscapeForTerminal(ss.Record.Case), ss.Negotiation)
			last = ss.Negotiation
		}
		fmt.Fprintf(e.stdout, "  #%d %s %s  %s\n", ss.ID, ss.At.Local().Format("2006-01-02 15:04"),
			model.EscapeForTerminal(ss.Who), model.EscapeForTerminal(ss.Record.Summary()))
	}
	return nil
}

// ofTeam keeps the sessions played by the people of a team.
func ofTeam(s *store.Store, sessions []store.SparSession, team string) ([]store.SparSession, error) {
	people, err := s.People()
	if err != nil {
		return nil, err
	}
	members := map[string]bool{}
	for name, p := range people {
		if strings.EqualFold(p.Team, team) {
			members[name] = true
		}
	}
	if len(members) == 0 {
		return nil, fmt.Errorf("no one is in team %q: see parley people list", team)
	}
	kept := sessions[:0]
	for _, ss := range sessions {
		if members[ss.Who] {
			kept = append(kept, ss)
		}
	}
	return kept, nil
}

type sparListJSON struct {
	ID          uint64      `json:"id"`
	Who         string      `json:"who"`
	At          string      `json:"at"`
	Negotiation uint64      `json:"negotiation"`
	Record      spar.Record `json:"record"`
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
