package main

import (
	"flag"
	"fmt"

	"github.com/parley-app/parley/model"
)

func minutesCommand() command {
	var meeting int
	var negID uint64
	return command{
		name:    "minutes",
		args:    "[--meeting N] [--negotiation ID]",
		summary: "print the buyer-safe recap of a meeting (default: the last) as Markdown, ready to paste into an e-mail",
		flags: func(fs *flag.FlagSet) {
			fs.IntVar(&meeting, "meeting", 0, "the meeting's `number` (default: the last one)")
			fs.Uint64Var(&negID, "negotiation", 0, "the negotiation's `ID` (default: the current one)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("minutes takes no arguments, only flags")
			}
			// 0 is the default's stand-in for "the last": typed, it is a mistake.
			given := false
			fs.Visit(func(f *flag.Flag) { given = given || f.Name == "meeting" })
			if meeting < 0 || given && meeting == 0 {
				return usagef("--meeting needs a meeting number of 1 or more")
			}
			d, err := e.readDossier(negID)
			if err != nil {
				return err
			}
			text, err := model.Minutes(d, meeting, e.now())
			if err != nil {
				return err
			}
			fmt.Fprint(e.stdout, text)
			return nil
		},
	}
}

// readDossier loads the negotiation a command only reads, opening the file
// read-only: the one given, or the current one.
func (e *env) readDossier(negID uint64) (*model.Dossier, error) {
	s, err := e.openReadOnly()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if negID == 0 {
		if negID, err = s.Current(); err != nil {
			return nil, err
		}
		if negID == 0 {
			return nil, fmt.Errorf("there is no negotiation yet: run 'parley demo', or create one in the workbench ('parley')")
		}
	}
	return s.Dossier(negID)
}
