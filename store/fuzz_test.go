package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
)

// FuzzParseExport feeds arbitrary bytes to the import parser: it must never
// panic, and whatever it accepts must be valid and must import into a fresh
// database and export again to the same dossiers.
func FuzzParseExport(f *testing.F) {
	dir := f.TempDir()
	s, err := Open(filepath.Join(dir, "seed.db"))
	if err != nil {
		f.Fatal(err)
	}
	if _, err := s.AddDossier(model.Demo(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))); err != nil {
		f.Fatal(err)
	}
	seed := filepath.Join(dir, "seed.json")
	if _, err := s.Export(seed, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)); err != nil {
		f.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"format":"parley/1","accounts":[],"negotiations":[]}`))
	f.Add([]byte(`{"format":"parley/2"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		accounts, dossiers, err := ParseExport(data)
		if err != nil {
			return
		}
		for _, d := range dossiers {
			if err := d.Validate(); err != nil {
				t.Fatalf("accepted an invalid dossier: %v", err)
			}
		}
		path := filepath.Join(t.TempDir(), "in.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(filepath.Join(t.TempDir(), "fuzz.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		n, err := s.Import(path)
		if err != nil {
			t.Fatalf("parsed but did not import: %v", err)
		}
		if n.Accounts != len(accounts) || n.Negotiations != len(dossiers) {
			t.Fatalf("imported %+v, parsed %d accounts and %d negotiations", n, len(accounts), len(dossiers))
		}
	})
}
