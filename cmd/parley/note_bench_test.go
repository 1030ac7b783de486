package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// BenchmarkNote is `parley note` in this process (parsing, opening the
// file, the checks, the write with its fsync, the line it prints) on the
// demo and on the large negotiation (50 items, 5,000 moves, 20,000
// notes): a plain note, and their move on item 1 with the gap-closed line
// after it. A note must cost about the same on both (it reads no ledger
// and no notes); a move replays the one ledger. Compare large/demo. The
// file is as Parley last left it: a first note, not timed, pays the walk
// of its pages that a file copied in place costs once.
func BenchmarkNote(b *testing.B) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for _, size := range []struct {
		name string
		d    *model.Dossier
		move func(i int) string // the i-th step of theirs toward us on item 1
	}{
		{"demo", model.Demo(now), func(i int) string { return fmt.Sprintf("they 1 23.4%04d", i+1) }},                    // their 23.40
		{"large", sample.Dossier(sample.LargeSize, now), func(i int) string { return fmt.Sprintf("they 1 %d", 501+i) }}, // their 500
	} {
		template := benchFile(b, size.d)
		for _, kind := range []string{"note", "move"} {
			b.Run(size.name+"/"+kind, func(b *testing.B) {
				db := filepath.Join(b.TempDir(), "parley.db")
				if err := os.WriteFile(db, template, 0o600); err != nil {
					b.Fatal(err)
				}
				note := func(line string) {
					if code := run([]string{"--db", db, "note", line}, io.Discard, io.Discard); code != exitOK {
						b.Fatalf("note %q: exit %d", line, code)
					}
				}
				note("the file as Parley leaves it")
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if kind == "move" {
						note(size.move(i))
					} else {
						note("they said hello")
					}
				}
			})
		}
	}
}

// benchFile is the bytes of a database file holding d.
func benchFile(b *testing.B, d *model.Dossier) []byte {
	b.Helper()
	path := filepath.Join(b.TempDir(), "template.db")
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.AddDossier(d); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}
