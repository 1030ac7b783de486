package tui

import (
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
)

// BenchmarkKeypress measures one key press through Update and View at
// 200×60, on a tiny negotiation and on the large one of DESIGN section 10.
// The ratio large/small shows whether a key press costs more as history
// grows; it should stay near 1.
func BenchmarkKeypress(b *testing.B) {
	for _, bc := range []struct {
		name string
		size sample.Size
	}{{"small", sample.SmallSize}, {"large", sample.LargeSize}} {
		b.Run(bc.name, func(b *testing.B) {
			// True colour, as on a modern terminal: every styled cell carries
			// its escape codes, as it would on screen.
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(termenv.TrueColor)
			r.SetHasDarkBackground(true)
			m := New(nil, Options{Renderer: r, Now: func() time.Time { return testNow }})
			m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
			m.setDossier(sample.Dossier(bc.size, testNow))
			keys := []tea.KeyMsg{keyMsg("j"), keyMsg("k")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m.Update(keys[i%2])
				_ = m.View()
			}
		})
	}
}

// BenchmarkFocusKey measures tab, which moves the focus and lays the panes
// out again, through Update and View at 120×40 on the demo: the key the
// team server's load test presses in fifty sessions at once.
func BenchmarkFocusKey(b *testing.B) {
	m := demoAt120x40()
	tab := tea.KeyMsg{Type: tea.KeyTab}
	b.ReportAllocs()
	for b.Loop() {
		m.Update(tab)
		_ = m.View()
	}
}

// BenchmarkFrameUnchanged draws the frame of the demo at 120×40 again with
// nothing changed since the last: what every message a team server's
// session takes after a commit (a count, a look for changes) costs it.
func BenchmarkFrameUnchanged(b *testing.B) {
	m := demoAt120x40()
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// demoAt120x40 is the workbench on the demo at 120×40 in true colour, as on
// a modern terminal (every styled cell carries its escape codes).
func demoAt120x40() *Model {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	m := New(nil, Options{Renderer: r, Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.setDossier(model.Demo(testNow))
	return m
}
