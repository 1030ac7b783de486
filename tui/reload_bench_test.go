package tui

import (
	"io"
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
)

// BenchmarkReloadNoteLarge is what a note another process wrote costs the
// workbench on the large negotiation once it is read: the new negotiation
// put under the panes (only the notes and follow-ups move) and a frame.
func BenchmarkReloadNoteLarge(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	m := New(nil, Options{Renderer: r, Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	d := sample.Dossier(sample.LargeSize, testNow)
	m.setDossier(d)
	var ds [2]*model.Dossier
	for i := range ds {
		c := *d
		c.Notes = append(slices.Clone(d.Notes), model.Note{ID: 90000 + uint64(i), Kind: model.KindNote, Text: "x", At: testNow})
		ds[i] = &c
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.takeReloaded(reloadedMsg{loadedMsg{dossier: ds[i%2]}})
		_ = m.View()
	}
}
