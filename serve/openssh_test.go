package serve

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	gossh "golang.org/x/crypto/ssh"
)

// sshClient runs the real OpenSSH client against the test server with the
// identities given, offered in order, and nothing from the user's setup.
func sshClient(t *testing.T, ts *testServer, identities []string, command ...string) (string, error) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the OpenSSH client")
	}
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("no OpenSSH client")
	}
	host, port, _ := net.SplitHostPort(ts.addr)
	dir := t.TempDir()
	args := []string{"-F", "/dev/null", "-p", port, "-o", "StrictHostKeyChecking=no",
		"-o", "UserKnownHostsFile=" + filepath.Join(dir, "known_hosts"), "-o", "IdentitiesOnly=yes",
		"-o", "BatchMode=yes", "-o", "PasswordAuthentication=no", "-o", "LogLevel=ERROR"}
	for _, id := range identities {
		args = append(args, "-i", id)
	}
	args = append(append(args, "parley@"+host), command...)
	cmd := exec.Command("ssh", args...)
	cmd.Env = append(os.Environ(), "SSH_AUTH_SOCK=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("ssh hung:\n%s", out.String())
		return "", nil
	}
}

// keygen makes a key pair with ssh-keygen; passphrase "" for none.
func keygen(t *testing.T, path, passphrase string) string {
	t.Helper()
	out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", filepath.Base(path), "-f", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	pub, err := os.ReadFile(path + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	return string(pub)
}

// TestOpenSSHOfferedKeyIsNotAnIdentity is the attack on an SSH server
// built on the same library, with the real client: the attacker holds the
// admin's public key but not its private key. OpenSSH offers the public
// key first (the server says it would take it), cannot sign with it (the
// private key is locked with a passphrase it does not know), and then signs
// with the attacker's own key. The session must be the attacker's.
func TestOpenSSHOfferedKeyIsNotAnIdentity(t *testing.T) {
	ts := startServer(t, Options{})
	dir := t.TempDir()
	kimPub := keygen(t, filepath.Join(dir, "kim"), "")
	if err := ts.st.AddPerson(model.Person{Name: "kim", Role: model.RoleKAM, Keys: []string{kimPub}}); err != nil {
		t.Fatal(err)
	}
	// The admin's public key beside a private key the attacker cannot open.
	admin := filepath.Join(dir, "admin")
	keygen(t, admin, "a passphrase nobody here knows")
	if err := os.WriteFile(admin+".pub", gossh.MarshalAuthorizedKey(ts.keys["ada"].PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := sshClient(t, ts, []string{admin, filepath.Join(dir, "kim")}, "whoami")
	if err != nil || strings.TrimSpace(out) != "kim" {
		t.Fatalf("whoami after offering the admin's key = %q, %v; want kim", out, err)
	}
	// Alone, the admin's public key gets the attacker nowhere.
	if out, err := sshClient(t, ts, []string{admin}, "whoami"); err == nil || strings.Contains(out, "ada") {
		t.Fatalf("signed in with an offered key alone: %q", out)
	}
}
