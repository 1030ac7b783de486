package tui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/internal/atomicfile"
	"github.com/parley-app/parley/model"
)

// briefWrittenMsg answers E.
type briefWrittenMsg struct {
	path     string
	redacted bool
	err      error
}

// writeBrief writes the meeting brief as Markdown next to where Parley was
// started (redacted while privacy is on) and shows its path.
func (m *Model) writeBrief() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	redact, now := m.private, m.opts.Now()
	text := model.Brief(m.snap.D, model.BriefOptions{Redact: redact, Now: now})
	name := slug(m.snap.D.Account.Name+" "+m.snap.D.Negotiation.Title) + "-brief-" + now.Format(model.DateLayout)
	if redact {
		name += "-redacted"
	}
	dir := m.opts.BriefDir
	return func() tea.Msg {
		path, err := filepath.Abs(filepath.Join(dir, name+".md"))
		if err == nil {
			err = atomicfile.Write(path, func(w io.Writer) error {
				_, err := io.WriteString(w, text)
				return err
			})
		}
		return briefWrittenMsg{path: path, redacted: redact, err: err}
	}
}

func (m *Model) briefWritten(msg briefWrittenMsg) {
	if msg.err != nil {
		m.setError(fmt.Errorf("brief not written: %w", msg.err))
		return
	}
	what := "Brief written to "
	if msg.redacted {
		what = "Redacted brief (privacy is on) written to "
	}
	m.setStatus(what + msg.path)
}

// slug makes a file-name-safe version of s.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
