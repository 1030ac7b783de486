package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
)

// BenchmarkCaptureKeypress is one key press on the capture line (Update and
// View at 200×60), typing their concession on item 1 and what it was traded
// for one key at a time and taking it back with backspace, with the live
// preview of what Enter would log: on the demo and on the large negotiation
// of DESIGN section 10 (50 items, 5,000 concessions, 20,000 notes). Each
// line is a real move on its negotiation, of the same length, so that both
// price the move; the lines take turns among nine values, so that each value
// is priced afresh as it is typed. The ratio large/small shows whether the
// preview costs more as the ledger grows.
func BenchmarkCaptureKeypress(b *testing.B) {
	for _, bc := range []struct {
		name string
		d    *model.Dossier
		line string // %d: 1–9
	}{
		{"small", model.Demo(testNow), "they 1 23.4%d for two leaflet weeks"},                       // their 23.40 → 23.41…23.49
		{"large", sample.Dossier(sample.LargeSize, testNow), "they 1 52%d.4 for two leaflet weeks"}, // their 500 → 521.4…529.4
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(termenv.TrueColor)
			r.SetHasDarkBackground(true)
			m := New(nil, Options{Renderer: r, Now: func() time.Time { return testNow }})
			m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
			m.setDossier(bc.d)
			m.Update(keyMsg("n"))
			var keys []tea.KeyMsg
			for n := 1; n <= 9; n++ {
				line := fmt.Sprintf(bc.line, n)
				for _, ch := range line {
					keys = append(keys, keyMsg(string(ch)))
				}
				for range line {
					keys = append(keys, keyMsg("backspace"))
				}
			}
			typed := len(keys) / 18
			for _, k := range keys[:typed] {
				m.Update(k)
			}
			if screen := ansi.Strip(m.View()); !strings.Contains(screen, "enter: they List price") &&
				!strings.Contains(screen, "enter: they Item 01") {
				b.Fatalf("the preview does not price the move %q:\n%s", bc.line, screen)
			}
			for _, k := range keys[typed : 2*typed] {
				m.Update(k)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m.Update(keys[i%len(keys)])
				_ = m.View()
			}
		})
	}
}
