// Package spar plays the buyer of a negotiation for training (DESIGN 13):
// a KAM tables offers against a simulated buyer whose private preferences
// are our estimates of theirs (their opening, their walk-aways, the value of
// each item to them), and gets a debrief that judges the outcome with the
// negotiation's own waterfall and scores.
//
// The buyer plays on a training copy of the dossier: nothing here changes
// the negotiation it was copied from. It imports model only, and does no
// IO: the same seed, tactic and trainee lines give the same transcript and
// debrief, byte for byte.
package spar
