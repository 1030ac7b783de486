package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// A team on one file (DESIGN 12): the people who may open it, who sees
// which account, and who may decide what. The rules here are the only
// copy: the store runs them inside its transactions, and every pane,
// command and document asks the store.

// Role is what a person may do on a shared file.
type Role string

// The roles.
const (
	RoleKAM     Role = "kam"     // negotiates the accounts they own or were given
	RoleManager Role = "manager" // sees their team's accounts, decides their approvals
	RoleAdmin   Role = "admin"   // sees and decides everything, manages people
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleKAM || r == RoleManager || r == RoleAdmin }

// Person is one member of the team, known by the public keys they sign in
// with.
type Person struct {
	Name    string
	Role    Role
	Team    string   // optional: a manager sees the accounts of their team
	Manager string   // optional: whom their moves past authority are asked of
	Keys    []string // public keys, "type base64" as in authorized_keys
	Added   time.Time
}

// Validate says what is wrong with the person, in the user's words.
func (p Person) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("the person needs a name")
	}
	if strings.ContainsAny(p.Name, "@/ \t\n") || p.Name != strings.TrimSpace(p.Name) {
		return fmt.Errorf("the name %q may not hold spaces, @ or /", p.Name)
	}
	if !p.Role.Valid() {
		return fmt.Errorf("role %q is not kam, manager or admin", p.Role)
	}
	if p.Manager == p.Name {
		return fmt.Errorf("%s cannot be their own manager", p.Name)
	}
	if len(p.Keys) == 0 {
		return fmt.Errorf("%s needs at least one public key (--key)", p.Name)
	}
	return nil
}

// Access is who an account belongs to: its owner (the one who made it over
// SSH, or was given it) and those it was shared with. An account made on
// the file before it had people has no owner: only admins see it.
type Access struct {
	AccountID uint64
	Owner     string
	Shared    []string
}

// Has reports whether name owns the account or was given it.
func (a Access) Has(name string) bool {
	return name != "" && (a.Owner == name || slices.Contains(a.Shared, name))
}

// People is the team, by name. A file with none is one person's file, and
// everyone ("" included) sees and does everything, as before people existed.
type People map[string]Person

// Sees is the one rule of who sees an account: the file's own user ("")
// and an admin every one; a KAM those they own or were given; a manager
// those too, and every account one of their team owns or was given.
func (ps People) Sees(viewer string, a Access) bool {
	if viewer == "" || len(ps) == 0 {
		return true
	}
	p, ok := ps[viewer]
	if !ok {
		return false
	}
	switch p.Role {
	case RoleAdmin:
		return true
	case RoleManager:
		if a.Has(viewer) {
			return true
		}
		for _, member := range append([]string{a.Owner}, a.Shared...) {
			if ps.Manages(viewer, member) {
				return true
			}
		}
		return false
	}
	return a.Has(viewer)
}

// Writes is who may change an account and its negotiations: the file's
// own user, an admin, and whoever owns it or was given it. A manager reads
// the rest of the team's accounts only.
func (ps People) Writes(writer string, a Access) bool {
	if writer == "" || len(ps) == 0 {
		return true
	}
	p, ok := ps[writer]
	if !ok {
		return false
	}
	return p.Role == RoleAdmin || a.Has(writer)
}

// Manages reports whether manager leads member: member names them as
// manager, or they share a team.
func (ps People) Manages(manager, member string) bool {
	m, ok1 := ps[manager]
	p, ok2 := ps[member]
	if !ok1 || !ok2 || m.Role != RoleManager || manager == member {
		return false
	}
	return p.Manager == manager || (m.Team != "" && p.Team == m.Team)
}

// Approver is whom a move of mover's past their authority is asked of:
// their manager, else "" (any admin).
func (ps People) Approver(mover string) string {
	if p, ok := ps[mover]; ok && p.Manager != "" {
		if _, known := ps[p.Manager]; known {
			return p.Manager
		}
	}
	return ""
}

// MayDecide reports whether decider may approve or reject a: an admin, the
// approver asked, or the mover's manager; never the mover.
func (ps People) MayDecide(decider string, a Approval) bool {
	if decider == a.By && decider != "" {
		return false
	}
	if decider == "" {
		return true // the file's own user, at the server's console
	}
	p, ok := ps[decider]
	if !ok {
		return false
	}
	return p.Role == RoleAdmin || decider == a.Approver || ps.Manages(decider, a.By)
}

// ByKey finds the person one of whose keys is key ("type base64").
func (ps People) ByKey(key string) (Person, bool) {
	for _, name := range slices.Sorted(maps.Keys(ps)) {
		if slices.Contains(ps[name].Keys, key) {
			return ps[name], true
		}
	}
	return Person{}, false
}

// AuditEntry is one row of the audit trail: who changed what, when, and
// the change itself as it was asked for (JSON; empty for a change that did
// not come as a value, such as an import).
type AuditEntry struct {
	Seq          uint64    `json:"seq"`
	At           time.Time `json:"at"`
	Person       string    `json:"person"`
	What         string    `json:"what"`
	Kind         string    `json:"kind,omitempty"`
	Change       []byte    `json:"change,omitempty"`
	Negotiations []uint64  `json:"negotiations,omitempty"`
}
