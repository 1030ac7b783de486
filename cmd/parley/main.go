// Command parley is a terminal workbench for key account negotiations.
// Run it with no command for the workbench; `parley --help` lists the rest.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
