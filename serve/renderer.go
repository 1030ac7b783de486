package serve

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
)

// rendererFor is the session's own renderer: the colours its client's
// terminal has (TERM and COLORTERM as the client sent them), on the
// background it says it has. It asks the terminal nothing: over SSH an
// answer arrives on the same stream as the keys, and a client that does not
// answer would hold the session up. The background is dark unless the
// client sends COLORFGBG or PARLEY_THEME=light (ssh -o SetEnv=PARLEY_THEME=light).
func rendererFor(sess ssh.Session) *lipgloss.Renderer {
	pty, _, _ := sess.Pty()
	env := sshEnv(append(sess.Environ(), "TERM="+pty.Term))
	r := lipgloss.NewRenderer(sess, termenv.WithEnvironment(env), termenv.WithUnsafe(), termenv.WithColorCache(true))
	if pty.Term == "" || pty.Term == "dumb" || env.Getenv("NO_COLOR") != "" {
		r.SetColorProfile(termenv.Ascii)
	}
	r.SetHasDarkBackground(darkBackground(env))
	return r
}

// darkBackground reads the client's word on its background.
func darkBackground(env sshEnv) bool {
	switch strings.ToLower(env.Getenv("PARLEY_THEME")) {
	case "light":
		return false
	case "dark":
		return true
	}
	if fgbg := env.Getenv("COLORFGBG"); fgbg != "" {
		parts := strings.Split(fgbg, ";")
		if bg, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
			return bg < 7 || bg == 8 // the dark ones of the 16 colours
		}
	}
	return true
}

// sshEnv is the client's environment, for termenv.
type sshEnv []string

// Environ is every variable.
func (e sshEnv) Environ() []string { return e }

// Getenv is one variable, the last sent winning.
func (e sshEnv) Getenv(k string) string {
	v := ""
	for _, kv := range e {
		if strings.HasPrefix(kv, k+"=") {
			v = kv[len(k)+1:]
		}
	}
	return v
}
