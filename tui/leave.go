package tui

import (
	"encoding/json"

	"github.com/parley-app/parley/tui/capture"
	"github.com/parley-app/parley/tui/form"
)

// Unsaved is what is typed but not yet kept as a draft: the capture line
// and every open form, by draft key. A workbench ended from outside (the
// client gone, signed out, the server stopping) keeps it on the way out;
// the team's server asks for it when its program quits, and writes it.
func (m *Model) Unsaved() map[string]string {
	out := map[string]string{}
	negID := m.negID()
	if negID == 0 {
		return out
	}
	if text := m.capture.Text(); text != "" && !m.capture.Drafted() {
		out[capture.DraftKey(negID)] = text
	}
	for _, md := range m.stack {
		f, ok := md.(*form.Form)
		if !ok || f.Ref.Kind == "" || f.Done() {
			continue
		}
		if data, err := json.Marshal(f.Values()); err == nil {
			out[formDraftKey(negID, f.Ref)] = string(data)
		}
	}
	return out
}
