package serve

import (
	"fmt"
	"net"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// mayTry is the public-key handler. It runs for every key a client offers,
// before the client has proved it holds the key, so it only says whether
// the key is one of the file's people's; it never decides, or remembers,
// who the session is. An address that offers too many keys too fast is
// refused.
func (s *Server) mayTry(ctx ssh.Context, key ssh.PublicKey) bool {
	if !s.limit.allow("auth@" + host(ctx.RemoteAddr())) {
		return false
	}
	_, ok, err := s.st.PersonWithKey(store.KeyString(key))
	if err != nil {
		s.logf("refused %s: %v", ctx.RemoteAddr(), err)
		return false
	}
	return ok
}

// personKey holds the session's person in its context, once identify
// resolved it from the key that signed.
type personKey struct{}

// identify resolves the person from the key the session authenticated with
// (the library keeps the key whose signature it verified), and ends a
// session whose key is no one's (any more).
func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		p, err := s.signer(sess)
		if err != nil {
			s.logf("refused %s: %v", sess.RemoteAddr(), err)
			wish.Fatalln(sess, "parley: "+err.Error())
			return
		}
		sess.Context().SetValue(personKey{}, p)
		next(sess)
	}
}

// signer is the person whose key signed the session.
func (s *Server) signer(sess ssh.Session) (model.Person, error) {
	key := sess.PublicKey()
	if key == nil {
		return model.Person{}, fmt.Errorf("sign in with a public key")
	}
	p, ok, err := s.st.PersonWithKey(store.KeyString(key))
	if err != nil {
		return model.Person{}, err
	}
	if !ok {
		return model.Person{}, fmt.Errorf("this key is no one's on this server")
	}
	return p, nil
}

// whoOf is the session's person, as identify resolved it.
func whoOf(sess ssh.Session) model.Person {
	p, _ := sess.Context().Value(personKey{}).(model.Person)
	return p
}

// personOf is the name of the session's person.
func personOf(sess ssh.Session) string { return whoOf(sess).Name }

func host(a net.Addr) string {
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}
