package model

import (
	"testing"
)

// A person is one name without spaces, @ or /, a known role, not their own
// manager, and at least one key; each fault is said in words.
func TestAPersonNeedsANameARoleAndAKey(t *testing.T) {
	ok := Person{Name: "ann.lee", Role: RoleKAM, Manager: "bob", Keys: []string{"ssh-ed25519 AAAA"}}
	for _, role := range []Role{RoleKAM, RoleManager, RoleAdmin} {
		p := ok
		p.Role = role
		assertErr(t, p.Validate(), "")
	}
	for _, tc := range []struct {
		change func(*Person)
		want   string
	}{
		{func(p *Person) { p.Name = " " }, "the person needs a name"},
		{func(p *Person) { p.Name = "ann lee" }, "may not hold spaces, @ or /"},
		{func(p *Person) { p.Name = "ann@hollis" }, "may not hold spaces, @ or /"},
		{func(p *Person) { p.Name = "ann\u00a0" }, "may not hold spaces, @ or /"},
		{func(p *Person) { p.Role = "buyer" }, `role "buyer" is not kam, manager or admin`},
		{func(p *Person) { p.Role = "" }, "is not kam, manager or admin"},
		{func(p *Person) { p.Manager = "ann.lee" }, "ann.lee cannot be their own manager"},
		{func(p *Person) { p.Keys = nil }, "ann.lee needs at least one public key"},
	} {
		p := ok
		tc.change(&p)
		assertErr(t, p.Validate(), tc.want)
	}
}
