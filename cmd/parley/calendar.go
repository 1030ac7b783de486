package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"github.com/parley-app/parley/internal/atomicfile"
	"github.com/parley-app/parley/internal/calendar"
	"github.com/parley-app/parley/model"
)

func calendarCommand() command {
	var negID uint64
	return command{
		name:    "calendar",
		args:    "[--negotiation ID] FILE|-",
		summary: "write the open follow-up lines with due dates as an iCalendar (.ics) file, atomically; - writes to standard output",
		flags: func(fs *flag.FlagSet) {
			fs.Uint64Var(&negID, "negotiation", 0, "the negotiation's `ID` (default: the current one)")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() != 1 || fs.Arg(0) == "" {
				return usagef("calendar needs exactly one FILE, or - for standard output")
			}
			path := fs.Arg(0)
			s, err := e.openReadOnly()
			if err != nil {
				return err
			}
			defer s.Close()
			if negID == 0 {
				if negID, err = s.Current(); err != nil {
					return err
				}
				if negID == 0 {
					return fmt.Errorf("there is no negotiation yet: run 'parley demo', or create one in the workbench ('parley')")
				}
			}
			d, err := s.Dossier(negID)
			if err != nil {
				return err
			}
			// Encoded first: nothing is written when there is nothing due.
			var buf bytes.Buffer
			n, err := calendar.Write(&buf, d, e.now())
			if err != nil {
				return err
			}
			if path == "-" {
				_, err := e.stdout.Write(buf.Bytes())
				return err
			}
			if err := s.CheckTarget(path); err != nil {
				return fmt.Errorf("calendar: %w", err)
			}
			if err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Wrote %s to %s.\n", count(n, "follow-up line"), model.EscapeForTerminal(path))
			return nil
		},
	}
}
