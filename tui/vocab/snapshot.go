package vocab

import (
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
)

// Snapshot is the open negotiation as the components see it, with the
// numbers derived from it computed once per change. Components read it and
// never change it.
type Snapshot struct {
	D       *model.Dossier
	R       *model.Replay
	Deal    model.Deal // every package priced and judged, once per change
	Private bool       // privacy is on: nothing internal shows (DESIGN section 9)
	St      *ui.Styles
	// Access is what the person may do with the negotiation, as the store's
	// rule said when it was read: a manager on a KAM's may only look.
	Access Access
	// Ahead is the forecast, budgets, owed trade-backs and suggestions (nil
	// while privacy is on, or until they are first worked out).
	Ahead *model.Outlook
}

// Access is what the person may do with the open negotiation.
type Access struct {
	ReadOnly bool   // they may see it but not change it
	Owner    string // whose it is, when read-only ("" when nobody's)
	// Bounds is how far they may move before approval (nil where no limit
	// is set, or on a file without people).
	Bounds *model.Bounds
}

// Whose names the negotiation's owner in words: "ann's negotiation".
func (a Access) Whose() string {
	if a.Owner == "" {
		return "not your negotiation"
	}
	return a.Owner + "'s negotiation"
}

// Privacy is the one rule (model/privacy.go) every component asks before it
// shows something: with privacy on, only what the buyer may see.
func (s *Snapshot) Privacy() model.Privacy { return model.Privacy{BuyerView: s.Private} }

// FollowUpProgress counts the follow-up lines done and in all, of those
// the screen may show.
func (s *Snapshot) FollowUpProgress() (done, total int) {
	p := s.Privacy()
	for _, f := range s.D.FollowUps {
		if !p.FollowUp(f) {
			continue
		}
		total++
		if f.Done {
			done++
		}
	}
	return done, total
}
