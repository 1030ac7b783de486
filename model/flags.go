package model

import "strings"

// Flag marks a concession of ours that breaks a rule of disciplined trading.
type Flag uint8

// The discipline flags.
const (
	// Unreciprocated: we gave something and nothing was traded for it.
	Unreciprocated Flag = 1 << iota
	// Increasing: larger than our previous concession on the same item, which
	// teaches the buyer that waiting pays.
	Increasing
	// PastWalkAway: the concession takes us beyond our walk-away.
	PastWalkAway
	// OverBudget: the concession takes us beyond today's budget (budget.go).
	OverBudget
)

// Has reports whether every flag of g is set in f.
func (f Flag) Has(g Flag) bool { return f&g == g }

// Names lists the flags in words.
func (f Flag) Names() []string {
	var names []string
	if f.Has(Unreciprocated) {
		names = append(names, "unreciprocated")
	}
	if f.Has(Increasing) {
		names = append(names, "increasing concession")
	}
	if f.Has(PastWalkAway) {
		names = append(names, "past walk-away")
	}
	if f.Has(OverBudget) {
		names = append(names, "over budget")
	}
	return names
}

// String is the flags joined by commas, or "" when none is set.
func (f Flag) String() string { return strings.Join(f.Names(), ", ") }
