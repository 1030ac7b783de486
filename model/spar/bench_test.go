package spar

import (
	"testing"
	"time"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
)

// BenchmarkFrontier works out the frontier and Nash point of the demo (8
// issues) and of the large sample negotiation (its numeric items with both
// openings), as a debrief does once per session.
func BenchmarkFrontier(b *testing.B) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for _, size := range []struct {
		name string
		d    *model.Dossier
	}{{"demo", model.Demo(now)}, {"large", sample.Dossier(sample.LargeSize, now)}} {
		c, err := NewCase(size.d)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(size.name, func(b *testing.B) {
			for range b.N {
				c.frontier = nil
				f := c.Frontier()
				if len(f.Points) == 0 && f.NoZone == "" {
					b.Fatal("no frontier")
				}
			}
			b.ReportMetric(float64(len(c.Issues)), "issues")
		})
	}
}
