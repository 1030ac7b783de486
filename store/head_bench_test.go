package store

import (
	"path/filepath"
	"testing"

	"github.com/parley-app/parley/internal/sample"
)

// BenchmarkOpenHead is a workbench's start on the large negotiation (1×
// and 10×): the file opened and the current negotiation read, "whole" as
// Dossier reads it, "head" as the first screen does (Head, the last 400
// notes), with the bytes allocated.
func BenchmarkOpenHead(b *testing.B) {
	for _, times := range []int{1, 10} {
		path := filepath.Join(b.TempDir(), "parley.db")
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.AddDossier(sample.Dossier(sample.LargeSize.Times(times), benchNow)); err != nil {
			b.Fatal(err)
		}
		s.Close()
		for _, mode := range []string{"whole", "head"} {
			b.Run(map[int]string{1: "1x/", 10: "10x/"}[times]+mode, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s, err := OpenWorkbench(path)
					if err != nil {
						b.Fatal(err)
					}
					id, err := s.Current()
					if err != nil {
						b.Fatal(err)
					}
					if mode == "whole" {
						_, err = s.Rereader().Dossier(id)
					} else {
						_, _, err = s.Head(id, 400)
					}
					if err != nil {
						b.Fatal(err)
					}
					s.Close()
				}
			})
		}
	}
}
