package model

import "reflect"

// SameFigures reports whether o holds everything d's figures are worked out
// from: all of it but the notes and the follow-up lines. A reload that
// brought only notes keeps the replay and the deal it had. A list the
// reader handed out again unchanged is the same array; anything else is
// compared by value.
func (d *Dossier) SameFigures(o *Dossier) bool {
	if d == nil || o == nil {
		return d == o
	}
	if !sameList(d.Ledger, o.Ledger) {
		return false
	}
	a, b := *d, *o
	a.Ledger, a.Notes, a.FollowUps = nil, nil, nil
	b.Ledger, b.Notes, b.FollowUps = nil, nil, nil
	return reflect.DeepEqual(a, b)
}

func sameList[T any](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0] || reflect.DeepEqual(a, b)
}
