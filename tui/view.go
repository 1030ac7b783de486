package tui

import (
	"encoding/json"
	"fmt"

	"github.com/parley-app/parley/tui/vocab"
)

// What the KAM was looking at, kept per negotiation across a restart: the
// focused pane and each pane's selected row, filter and mode. It is kept
// with the person's drafts when the workbench quits or opens another
// negotiation, and put back when the negotiation opens again. Losing it
// loses no data, so a failure to keep it never stops a quit.

// viewKeeper is a pane that keeps its view (vocab.PaneView).
type viewKeeper interface {
	SaveView() vocab.PaneView
	RestoreView(vocab.PaneView)
}

// savedView is the workbench's view of one negotiation.
type savedView struct {
	Focus int              `json:"focus"`
	Panes []vocab.PaneView `json:"panes"`
}

// viewKey is the draft key of a negotiation's view.
func viewKey(negID uint64) string { return fmt.Sprintf("view/%d", negID) }

// currentView is the open negotiation's view as JSON, "" when none is open.
func (m *Model) currentView() string {
	if m.snap == nil {
		return ""
	}
	v := savedView{Focus: int(m.focus), Panes: make([]vocab.PaneView, paneCount)}
	for i, p := range m.panes {
		if k, ok := p.(viewKeeper); ok {
			v.Panes[i] = k.SaveView()
		}
	}
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(data)
}

// restoreView puts back a view kept as JSON; anything it cannot read is
// left as the workbench opens.
func (m *Model) restoreView(text string) {
	var v savedView
	if text == "" || json.Unmarshal([]byte(text), &v) != nil {
		return
	}
	for i, p := range m.panes {
		if k, ok := p.(viewKeeper); ok && i < len(v.Panes) {
			k.RestoreView(v.Panes[i])
		}
	}
	if v.Focus >= 0 && v.Focus < int(paneCount) {
		m.setFocus(paneID(v.Focus))
	}
}
