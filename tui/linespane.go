package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// linesPane shows lines built from the snapshot, scrolled with the list
// keys. It is the read-only form of a pane whose editing comes later.
type linesPane struct {
	title string
	build func(s *snapshot, w int) []string
	snap  *snapshot
	lines []string
	sel   selection
	w, h  int
	list  listKeys
}

func newLinesPane(title string, build func(s *snapshot, w int) []string) *linesPane {
	return &linesPane{title: title, build: build, list: newListKeys()}
}

func (p *linesPane) Title() string       { return p.title }
func (p *linesPane) Keys() []key.Binding { return nil }
func (p *linesPane) Typing() bool        { return false }
func (p *linesPane) Update(msg tea.KeyMsg) tea.Cmd {
	p.sel.update(msg, p.list)
	return nil
}

func (p *linesPane) SetSize(w, h int) {
	p.w, p.h = max(0, w), max(0, h)
	p.sel.setHeight(max(1, p.h))
	p.rebuild()
}

func (p *linesPane) SetData(s *snapshot) {
	p.snap = s
	p.rebuild()
}

func (p *linesPane) rebuild() {
	if p.snap == nil {
		return
	}
	p.lines = p.build(p.snap, p.w)
	p.sel.setN(len(p.lines))
}

func (p *linesPane) View(focused bool) []string {
	from, to := p.sel.visible()
	var out []string
	for i := from; i < to && i < len(p.lines); i++ {
		l := p.lines[i]
		if focused && i == p.sel.pos && p.snap != nil {
			l = p.snap.st.Selected.Render(fit(l, p.w))
		}
		out = append(out, l)
	}
	return block(out, p.w, p.h)
}
