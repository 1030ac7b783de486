package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parley-app/parley/model"
)

// BenchmarkImport imports an export of n accounts, each with the demo
// negotiation, into a new file: the time per import must grow with n,
// not with its square (issue 24, finding 5). Compare the ns/op of the
// sizes as ratios.
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{125, 250, 500} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src, err := Open(filepath.Join(b.TempDir(), "src.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer src.Close()
			for i := range n {
				d := model.Demo(benchNow)
				d.Account.Name = fmt.Sprintf("Account %d", i)
				if _, err := src.AddDossier(d); err != nil {
					b.Fatal(err)
				}
			}
			path := filepath.Join(b.TempDir(), "export.json")
			if _, err := src.Export(path, benchNow); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dst, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("dst%d.db", i)))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := dst.Import(path); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				dst.Close()
				b.StartTimer()
			}
		})
	}
}
