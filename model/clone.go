package model

import "slices"

// Clone copies the dossier's lists, so that the copy can be changed in
// place without touching the original (tests use it to hold what a change
// must leave alone): every list is copied. A change replaces
// a record whole, never its own lists (attendees, contacts, a package's
// values) in place, so those are shared.
func (d *Dossier) Clone() *Dossier {
	cp := *d
	cp.Account.Contacts = slices.Clone(d.Account.Contacts)
	cp.Negotiation.Deal.Standing = slices.Clone(d.Negotiation.Deal.Standing)
	cp.Items = slices.Clone(d.Items)
	cp.Meetings = slices.Clone(d.Meetings)
	cp.Ledger = slices.Clone(d.Ledger)
	cp.Notes = slices.Clone(d.Notes)
	cp.FollowUps = slices.Clone(d.FollowUps)
	cp.Scenarios = slices.Clone(d.Scenarios)
	cp.Packages = slices.Clone(d.Packages)
	cp.Budgets = slices.Clone(d.Budgets)
	cp.Cleared = slices.Clone(d.Cleared)
	cp.Decisions = slices.Clone(d.Decisions)
	return &cp
}
