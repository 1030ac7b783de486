package main

import (
	"encoding/json"
	"flag"
	"slices"

	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/store"
)

// The team's commands (DESIGN 12): local on the file, and over SSH as the
// person who signed in (the store decides what each may do).

func printJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// withStore runs fn on the file as open opens it for the command's person
// (e.open to change it, e.openReadOnly to read it), and closes it after.
func withStore(open func() (*store.Store, error), fn func(*store.Store) error) error {
	s, err := open()
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// withDesk runs fn on the person's session of the file.
func withDesk(e *env, fn func(*desk.Session) error) error {
	return withStore(e.open, func(s *store.Store) error { return fn(desk.New(s, e.person)) })
}

// interspersed reads the flags that follow the first n words ("people add
// ann --role kam"), as the usage writes them; it returns the words.
func interspersed(fs *flag.FlagSet, n int) ([]string, error) {
	args := fs.Args()
	if len(args) < n {
		return args, nil
	}
	words := slices.Clone(args[:n])
	if err := fs.Parse(args[n:]); err != nil {
		return nil, usagef("%s", err)
	}
	return append(words, fs.Args()...), nil
}
