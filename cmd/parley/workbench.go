package main

import (
	"fmt"
)

// runWorkbench opens the workbench on the database.
func runWorkbench(e *env, g globalFlags) error {
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Fprintln(e.stderr, "The workbench is not built yet; see 'parley --help' for the commands.")
	return nil
}
