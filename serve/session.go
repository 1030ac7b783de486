package serve

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui"
)

// live is one open workbench session.
type live struct {
	srv     *Server
	sess    ssh.Session
	person  string
	program *tea.Program
	keys    *keyClock
	scr     *screen
	stop    chan struct{}
	once    sync.Once
	why     atomic.Pointer[string] // why the server ended it ("": the person quit)
}

type liveKey struct{}

// workbench makes the session's workbench when it has a PTY and no
// command: its own renderer (the client's colours, from its terminal), its
// own desk session (drafts, current negotiation, undo of its own) and the
// file's events. nil hands the session on to command.
func (s *Server) workbench(sess ssh.Session) *tea.Program {
	if _, _, pty := sess.Pty(); !pty || len(sess.Command()) > 0 {
		return nil
	}
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		return nil
	}
	person := personOf(sess)
	d := desk.New(s.st, person)
	events, cancel := d.Events()
	r := rendererFor(sess)
	// A manager starts on the portfolio of their team's negotiations.
	manager := whoOf(sess).Role == model.RoleManager
	m := tui.New(d, tui.Options{Renderer: r, Events: events, DraftDelay: s.opts.DraftDelay, Portfolio: manager})
	keys := &keyClock{r: sess}
	keys.touch()
	l := &live{srv: s, sess: sess, person: person, keys: keys, scr: newScreen(sess), stop: make(chan struct{})}
	// The server's signals are the server's: a session's program that
	// caught SIGTERM too would hang its own shutdown. The session's screen
	// draws the frames (screen.go), not the program's renderer.
	l.program = tea.NewProgram(framed{m, l.scr}, tea.WithInput(keys), tea.WithOutput(io.Discard), tea.WithoutRenderer(),
		tea.WithoutSignalHandler(), tea.WithFilter(s.keepTyped(d)))
	sess.Context().SetValue(liveKey{}, l)
	s.mu.Lock()
	s.sessions[l] = true
	s.mu.Unlock()
	go l.watch(d, cancel)
	s.logf("%s opened the workbench from %s", person, sess.RemoteAddr())
	return l.program
}

// watch ends the session after Idle with no key pressed, or once its
// person is removed from the file.
func (l *live) watch(d *desk.Session, cancelEvents func()) {
	defer cancelEvents()
	defer l.scr.close() // however the session ended: its writer stops (a second close does nothing)
	people, stop := d.Events()
	defer stop()
	every := min(l.srv.opts.Idle/4, 30*time.Second)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-l.sess.Context().Done():
			l.end("")
			return
		case <-tick.C:
			if idle := time.Since(l.keys.last()); idle >= l.srv.opts.Idle {
				l.end(fmt.Sprintf("Signed out after %s with no key pressed; what you typed is kept.", l.srv.opts.Idle))
			}
		case ev, ok := <-people:
			if !ok {
				return
			}
			if ev.People || ev.Elsewhere {
				if _, err := l.srv.signer(l.sess); err != nil {
					l.end("Your access to this Parley server was removed.")
				}
			}
		}
	}
}

// end stops the workbench, saying why once it has left the screen.
func (l *live) end(why string) {
	if why != "" {
		l.why.CompareAndSwap(nil, &why)
	}
	go l.program.Quit() // Quit waits for the program to take it: never hold the caller
}

// close forgets the session, once.
func (l *live) close() {
	l.once.Do(func() {
		close(l.stop)
		l.srv.mu.Lock()
		delete(l.srv.sessions, l)
		l.srv.mu.Unlock()
	})
}

// command runs the session's command line as its person, or, after a
// workbench, closes it.
func (s *Server) command(_ ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if l, ok := sess.Context().Value(liveKey{}).(*live); ok {
			defer l.close() // once told: a shutdown waits for it
			l.scr.close()   // the client's terminal as it was, before the last word
			if why := l.why.Load(); why != nil {
				fmt.Fprintf(sess.Stderr(), "%s\r\n", *why)
			}
			s.logf("%s closed the workbench", l.person)
			if err := sess.Exit(0); err != nil {
				s.logf("%s: the session's end was not sent: %v", l.person, err)
			}
			return
		}
		args := sess.Command()
		if len(args) == 0 {
			fmt.Fprint(sess.Stderr(), "parley: ask for a terminal for the workbench (ssh -t), or name a command: brief, note \"…\", deal --json, approvals\n")
			_ = sess.Exit(2)
			return
		}
		person := personOf(sess)
		code := s.opts.Run(person, args, sess, sess.Stderr())
		s.logf("%s ran %q: exit %d", person, strings.Join(args, " "), code)
		_ = sess.Exit(code)
	}
}

// keyClock reads the client's keys and keeps the time of the last one,
// for the idle sign-out.
type keyClock struct {
	r  io.Reader
	at atomic.Int64
}

func (k *keyClock) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	if n > 0 {
		k.touch()
	}
	return n, err
}

func (k *keyClock) touch()          { k.at.Store(time.Now().UnixNano()) }
func (k *keyClock) last() time.Time { return time.Unix(0, k.at.Load()) }

// keepTyped keeps what is typed as drafts when the workbench quits,
// however it quits (the person, the client gone, idle, the server
// stopping): the quit passes here before the program ends.
func (s *Server) keepTyped(d *desk.Session) func(tea.Model, tea.Msg) tea.Msg {
	return func(m tea.Model, msg tea.Msg) tea.Msg {
		if _, quitting := msg.(tea.QuitMsg); !quitting {
			return msg
		}
		if wb, ok := m.(interface{ Unsaved() map[string]string }); ok {
			for k, text := range wb.Unsaved() {
				if err := d.SaveDraft(k, text); err != nil {
					s.logf("%s: a draft was not kept on the way out: %v", d.Person(), err) // nobody on screen to tell
				}
			}
		}
		return msg
	}
}
