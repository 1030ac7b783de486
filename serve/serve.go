// Package serve is the team's server (DESIGN 12): the workbench and the
// command line over SSH, one person per session, on one Parley file.
//
//	ssh client ──▶ wish server ── public-key auth: is the key anyone's? (never who)
//	                   │
//	                   ├─ recover   a panic ends that session only
//	                   ├─ limit     sessions per key and per address
//	                   ├─ identify  the person from the key that SIGNED (s.PublicKey())
//	                   ├─ bubbletea with a PTY and no command: the workbench, with
//	                   │            its own renderer, desk session, drafts, current
//	                   └─ command   otherwise: the CLI, run as that person
//
// Who a session is comes only from the key the client proved it holds: the
// public-key handler runs for every key a client offers, signed or not, so
// it answers "may this key try" and nothing more (an attacker may offer an
// admin's public key, fail to sign, and then sign with their own key: they
// are themselves). Every session is a desk.Session of that person; what they
// may see and do is the store's rule, not the server's.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	"github.com/parley-app/parley/store"
)

// Runner runs one command line of the CLI as person, writing to stdout and
// stderr, and returns its exit code (cmd/parley provides it).
type Runner func(person string, args []string, stdout, stderr io.Writer) int

// Options configure a server.
type Options struct {
	// HostKey is the host's private key file, made (0600) on first start;
	// default parley_host_ed25519 beside the database.
	HostKey string
	// Idle ends a workbench session this long after its last key press
	// (30 minutes when 0).
	Idle time.Duration
	// Rate and Burst limit new sessions per key and per address: Burst at
	// once, then Rate a second (2 and 20 when 0).
	Rate  float64
	Burst int
	// Run runs a command sent without a PTY (`ssh host note "…"`).
	Run Runner
	// Log receives one line per session and per refusal; nil: none.
	Log io.Writer
	// DraftDelay is the workbench's wait before typed text is kept (a
	// second when 0).
	DraftDelay time.Duration
}

// Server is the SSH server on one Parley file.
type Server struct {
	st    *store.Store
	opts  Options
	ssh   *ssh.Server
	limit *limiter

	mu       sync.Mutex
	sessions map[*live]bool
	closing  bool
	logMu    sync.Mutex
}

// HostKeyPath is where the host key lives by default: beside the file.
func HostKeyPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "parley_host_ed25519")
}

// New makes a server for the open store. The host key is made on first
// start and kept private to the user.
func New(st *store.Store, opts Options) (*Server, error) {
	if opts.HostKey == "" {
		opts.HostKey = HostKeyPath(st.Path())
	}
	if opts.Idle <= 0 {
		opts.Idle = 30 * time.Minute
	}
	if opts.Rate <= 0 {
		opts.Rate = 2
	}
	if opts.Burst <= 0 {
		opts.Burst = 20
	}
	if opts.Run == nil {
		opts.Run = func(string, []string, io.Writer, io.Writer) int { return 1 }
	}
	s := &Server{st: st, opts: opts, limit: newLimiter(opts.Rate, opts.Burst), sessions: map[*live]bool{}}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(opts.HostKey),
		wish.WithPublicKeyAuth(s.mayTry),
		// A connection silent for as long (one that never signs in, a
		// client gone without a word) is closed.
		wish.WithIdleTimeout(opts.Idle),
		wish.WithMiddleware(
			s.command,
			bm.MiddlewareWithProgramHandler(s.workbench, termenv.ANSI256),
			s.identify,
			s.limited,
			s.recovered,
		),
	)
	if err != nil {
		return nil, fmt.Errorf("the server's host key %s: %w", opts.HostKey, err)
	}
	if err := os.Chmod(opts.HostKey, 0o600); err != nil {
		return nil, fmt.Errorf("make the host key %s private: %w", opts.HostKey, err)
	}
	s.ssh = srv
	return s, nil
}

// Serve answers connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown tells every open session that the server stops (their drafts
// are kept in the file), ends them, and waits for them up to ctx.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	open := make([]*live, 0, len(s.sessions))
	for l := range s.sessions {
		open = append(open, l)
	}
	s.mu.Unlock()
	s.logf("stopping: telling %d open workbenches", len(open))
	for _, l := range open {
		l.end("The Parley server is stopping; what you typed is kept. Sign in again when it is back.")
	}
	// Each session is told before the connections go; a workbench that
	// does not quit within a few seconds (its program busy) is stopped.
	for _, l := range open {
		select {
		case <-l.stop:
		case <-ctx.Done():
		case <-time.After(3 * time.Second):
			l.program.Kill()
			select {
			case <-l.stop:
			case <-ctx.Done():
			}
		}
	}
	s.logf("stopping: every workbench was told")
	err := s.ssh.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return s.ssh.Close()
	}
	return err
}

// Sessions is how many workbench sessions are open.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, "%s "+format+"\n", append([]any{time.Now().Format(time.DateTime)}, args...)...)
}
