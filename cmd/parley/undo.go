package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

func undoCommand() command {
	var redo bool
	return command{
		name:    "undo",
		args:    "[--redo]",
		summary: "take back the last change made in the file, by any workbench or command (--redo: make the last undone one again)",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&redo, "redo", false, "make the change undone last again (the same as 'parley redo')")
		},
		run: func(e *env, fs *flag.FlagSet) error { return runUndo(e, fs, redo) },
	}
}

func redoCommand() command {
	return command{
		name:    "redo",
		summary: "make the change undone last again, unless a change was made since",
		run:     func(e *env, fs *flag.FlagSet) error { return runUndo(e, fs, true) },
	}
}

// runUndo undoes or redoes one change, in one transaction, and names it.
func runUndo(e *env, fs *flag.FlagSet, redo bool) error {
	if fs.NArg() > 0 {
		return usagef("%s takes no arguments", fs.Name())
	}
	s, err := e.openExisting()
	if err != nil {
		return err
	}
	defer s.Close()
	verb, step := "Undone", s.Undo
	if redo {
		verb, step = "Redone", s.Redo
	}
	label, err := step()
	switch {
	case errors.Is(err, store.ErrNothingToUndo), errors.Is(err, store.ErrNothingToRedo):
		return err
	case err != nil:
		return fmt.Errorf("nothing changed: %w", err)
	}
	fmt.Fprint(e.stdout, model.EscapeForTerminal(fmt.Sprintf("%s: %s.\n", verb, label)))
	return nil
}
