// Command genfile writes a Parley database holding generated negotiations,
// for measuring the workbench on a large file:
//
//	go run ./internal/sample/genfile -o /tmp/large.db            # the large negotiation
//	go run ./internal/sample/genfile -o /tmp/large10.db -x 10    # ten times as long (10×)
//	go run ./internal/sample/genfile -o /tmp/many.db -demos 200  # 200 demo negotiations
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

func main() {
	out := flag.String("o", "", "database `file` to write (must not exist)")
	demos := flag.Int("demos", 0, "write this many demo negotiations instead of the large one")
	times := flag.Int("x", 1, "the large negotiation with `N` times its meetings, moves, notes and follow-ups")
	flag.Parse()
	if err := run(*out, *demos, *times); err != nil {
		fmt.Fprintln(os.Stderr, "genfile:", err)
		os.Exit(1)
	}
}

func run(out string, demos, times int) error {
	if out == "" {
		return fmt.Errorf("-o FILE is required")
	}
	if times < 1 {
		return fmt.Errorf("-x %d: the sample is at least 1× the large one", times)
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists", out)
	}
	s, err := store.Open(out)
	if err != nil {
		return err
	}
	defer s.Close()
	now := time.Now()
	if demos > 0 {
		for i := 0; i < demos; i++ {
			if _, err := s.AddDossier(model.Demo(now)); err != nil {
				return err
			}
		}
		return nil
	}
	_, err = s.AddDossier(sample.Dossier(sample.LargeSize.Times(times), now))
	return err
}
