package store

import "testing"

// skipSlow leaves out the tests that wait on real locks for a second or
// more: a mutation run (gremlins, README: Development) builds with
// -tags mutation, which sets it, so that each mutant's run of the store's
// tests takes seconds, not twenty. The default suite and CI run them all.
var skipSlow bool

// slow marks a test that waits on a real lock for a second or more.
func slow(t *testing.T) {
	t.Helper()
	if skipSlow {
		t.Skip("waits on real locks: left out of mutation runs (-tags mutation)")
	}
}
