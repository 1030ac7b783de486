package editor

import (
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
)

// HeldMove says, before a save, that a move of ours past the person's
// authority will wait for approval, and why (the rule the store holds it
// by, model.Authority.Holds); "" when none will. The limits are internal:
// while privacy is on it says nothing.
func HeldMove(s *vocab.Snapshot, moves ...model.Concession) string {
	if s == nil || s.Access.Bounds == nil || !s.Privacy().Part(model.PartAuthority) {
		return ""
	}
	for _, mv := range moves {
		it, ok := s.D.Item(mv.ItemID)
		if mv.By != model.Us || !ok {
			continue
		}
		if why, held := s.Access.Bounds.Holds(it, mv.To); held {
			return "⏳ waits for approval by " + s.Access.Bounds.AskedOf() + ": " + why
		}
	}
	return ""
}

// HeldWalkAway is HeldMove for our walk-away on an item: one past the
// person's authority waits for approval too, and the old one stands.
func HeldWalkAway(s *vocab.Snapshot, it model.AgendaItem, was model.AgendaItem) string {
	if s == nil || s.Access.Bounds == nil || !s.Privacy().Part(model.PartAuthority) || !it.OurWalkAway.Valid {
		return ""
	}
	if was.OurWalkAway.Valid && was.OurWalkAway.Decimal.Equal(it.OurWalkAway.Decimal) {
		return "" // unchanged: nothing is asked
	}
	if why, held := s.Access.Bounds.Holds(it, it.OurWalkAway.Decimal); held {
		return "⏳ the walk-away waits for approval by " + s.Access.Bounds.AskedOf() + ": " + why
	}
	return ""
}
