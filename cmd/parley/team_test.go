package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
	gossh "golang.org/x/crypto/ssh"
)

func pubKey(t *testing.T) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k))) + " ann@laptop"
}

func TestPeopleAddListRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "team.db")
	code, _, errOut := parley(t, "--db", db, "people", "add", "ann", "--role", "kam", "--key", "ssh-ed25519 AAAAbroken ann@laptop")
	if code != exitError || !strings.Contains(errOut, "nobody added") || !strings.Contains(errOut, "is not a public key") {
		t.Fatalf("a malformed key: exit %d, %q", code, errOut)
	}
	if _, out, _ := parley(t, "--db", db, "people", "list", "--json"); strings.TrimSpace(out) != "null" && strings.TrimSpace(out) != "[]" {
		t.Fatalf("people after the refusal: %s", out)
	}
	key := pubKey(t)
	if code, out, errOut := parley(t, "--db", db, "people", "add", "ann", "--role", "kam", "--team", "north", "--key", key); code != 0 || !strings.Contains(out, "Added ann (kam) with 1 key") {
		t.Fatalf("people add: %d %q %q", code, out, errOut)
	}
	_, out, _ := parley(t, "--db", db, "people", "list", "--json")
	var people []model.Person
	if err := json.Unmarshal([]byte(out), &people); err != nil || len(people) != 1 || people[0].Team != "north" || people[0].Keys[0] != strings.TrimSuffix(key, " ann@laptop") {
		t.Fatalf("people list --json: %v\n%s", err, out)
	}
	if code, _, errOut := parley(t, "--db", db, "people", "add", "bob", "--role", "boss", "--key", pubKey(t)); code != exitError || !strings.Contains(errOut, `role "boss" is not kam, manager or admin`) {
		t.Fatalf("an unknown role: %d %q", code, errOut)
	}
	if code, out, _ := parley(t, "--db", db, "people", "remove", "ann"); code != 0 || !strings.Contains(out, "Removed ann") {
		t.Fatalf("people remove: %d %q", code, out)
	}
	_, out, _ = parley(t, "--db", db, "audit")
	if !strings.Contains(out, "(local)") || !strings.Contains(out, "added person “ann”") || !strings.Contains(out, "removed person “ann”") {
		t.Fatalf("audit:\n%s", out)
	}
}

func TestAuthoritySetAndList(t *testing.T) {
	db := filepath.Join(t.TempDir(), "team.db")
	if code, out, errOut := parley(t, "--db", db, "authority", "set", "kam", "list-price", "-2%"); code != 0 || !strings.Contains(out, "kam may go to -2% of last year on list-price") {
		t.Fatalf("authority set: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := parley(t, "--db", db, "authority", "set", "kam", "price", "5"); code != exitUsage || !strings.Contains(errOut, `lever "price" is not one of`) {
		t.Fatalf("an unknown lever: %d %q", code, errOut)
	}
	if code, _, errOut := parley(t, "--db", db, "authority", "set", "nobody", "rebate", "3%"); code != exitError || !strings.Contains(errOut, "neither a role") {
		t.Fatalf("an unknown person: %d %q", code, errOut)
	}
	if _, out, _ := parley(t, "--db", db, "authority", "list"); !strings.Contains(out, "kam") || !strings.Contains(out, "list-price") {
		t.Fatalf("authority list: %q", out)
	}
}
