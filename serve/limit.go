package serve

import (
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
)

// limiter is a token bucket per name (an address, a key): burst at once,
// then rate a second. Buckets full again are forgotten, so that the map
// stays as small as the callers of the last moments.
type limiter struct {
	rate  float64
	burst float64
	mu    sync.Mutex
	seen  map[string]*tokens
	swept time.Time
}

type tokens struct {
	left float64
	at   time.Time
}

func newLimiter(rate float64, burst int) *limiter {
	return &limiter{rate: rate, burst: float64(burst), seen: map[string]*tokens{}}
}

// allow takes a token of name's bucket, if one is left.
func (l *limiter) allow(name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.swept) > time.Minute {
		for k, t := range l.seen {
			if t.left+now.Sub(t.at).Seconds()*l.rate >= l.burst {
				delete(l.seen, k)
			}
		}
		l.swept = now
	}
	t, ok := l.seen[name]
	if !ok {
		t = &tokens{left: l.burst, at: now}
		l.seen[name] = t
	}
	t.left = min(l.burst, t.left+now.Sub(t.at).Seconds()*l.rate)
	t.at = now
	if t.left < 1 {
		return false
	}
	t.left--
	return true
}

// limited refuses a session when its address or its key opened too many
// too fast.
func (s *Server) limited(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		key := ""
		if k := sess.PublicKey(); k != nil {
			key = string(k.Marshal())
		}
		if !s.limit.allow("addr@"+host(sess.RemoteAddr())) || !s.limit.allow("key@"+key) {
			s.logf("refused %s: too many sessions too fast", sess.RemoteAddr())
			wish.Fatalln(sess, "parley: too many sessions too fast; try again in a moment")
			return
		}
		next(sess)
	}
}

// recovered ends a session that panics, and only that one: the server
// and every other session go on.
func (s *Server) recovered(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.logf("session of %q at %s panicked: %v\n%s", personOf(sess), sess.RemoteAddr(), r, debug.Stack())
				fmt.Fprint(sess.Stderr(), "\r\nparley: something went wrong in this session; it ends here (your drafts are kept).\r\n")
				_ = sess.Exit(1)
				_ = sess.Close()
			}
		}()
		next(sess)
	}
}
