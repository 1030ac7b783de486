package ui

import "github.com/parley-app/parley/model"

// Snapshot is the open negotiation as the components see it, with the
// numbers derived from it computed once per change. Components read it and
// never change it.
type Snapshot struct {
	D       *model.Dossier
	R       *model.Replay
	Deal    model.Deal // every package priced and judged, once per change
	Private bool       // privacy is on: nothing internal shows (DESIGN section 9)
	St      *Styles
}
