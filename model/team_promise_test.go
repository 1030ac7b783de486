package model

import "testing"

// Nobody decides their own request, not even an admin; another admin, or
// the file's own user at the server's console, does.
func TestAnAdminNeverDecidesHerOwnRequest(t *testing.T) {
	ps := testPeople()
	ps["eli"] = Person{Name: "eli", Role: RoleAdmin}
	a := Approval{By: "ada", Approver: ps.Approver("ada")}
	for who, want := range map[string]bool{"ada": false, "eli": true, "": true} {
		if got := ps.MayDecide(who, a); got != want {
			t.Errorf("%q decides ada's request: %v, want %v", who, got, want)
		}
	}
}
