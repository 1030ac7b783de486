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

// The documents the workbench writes next to where Parley was started: the
// brief (E) and a meeting's minutes for the buyer (M in the ledger).

// writtenMsg answers E and M: where the document went, or why it did not.
type writtenMsg struct {
	what string // "Brief", "Minutes of meeting 2", …: the status starts with it
	path string
	err  error
}

// writeBrief writes the meeting brief as Markdown (redacted while privacy
// is on) and shows its path.
func (m *Model) writeBrief() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	redact, now := m.private, m.opts.Now()
	text := model.Brief(m.snap.D, model.BriefOptions{Redact: redact, Now: now})
	name, what := m.docName("brief-"+now.Format(model.DateLayout)), "Brief"
	if redact {
		name, what = name+"-redacted", "Redacted brief (privacy is on)"
	}
	return writeDocCmd(m.opts.BriefDir, name, what, text)
}

// writeMinutes writes the buyer-safe minutes of a meeting (0: the last) as
// Markdown to paste into an e-mail, and shows its path. Minutes hold only
// what the buyer may see, whether privacy is on or not.
func (m *Model) writeMinutes(number int) tea.Cmd {
	if m.snap == nil {
		return nil
	}
	d := m.snap.D
	text, err := model.Minutes(d, number, m.opts.Now())
	if err != nil {
		m.setError(fmt.Errorf("no minutes: %w", err))
		return nil
	}
	if number == 0 {
		number = d.Meetings[len(d.Meetings)-1].Number
	}
	return writeDocCmd(m.opts.BriefDir, m.docName(fmt.Sprintf("minutes-meeting-%d", number)),
		fmt.Sprintf("Minutes of meeting %d", number), text)
}

// docName names a document of the open negotiation: its account and title
// as a file-name-safe slug, then what it is.
func (m *Model) docName(what string) string {
	return slug(m.snap.D.Account.Name+" "+m.snap.D.Negotiation.Title) + "-" + what
}

// writeDocCmd writes text atomically to dir/name.md, off the UI goroutine.
func writeDocCmd(dir, name, what, text string) tea.Cmd {
	return func() tea.Msg {
		path, err := filepath.Abs(filepath.Join(dir, name+".md"))
		if err == nil {
			err = atomicfile.Write(path, func(w io.Writer) error {
				_, err := io.WriteString(w, text)
				return err
			})
		}
		return writtenMsg{what: what, path: path, err: err}
	}
}

// written shows where a document went.
func (m *Model) written(msg writtenMsg) {
	if msg.err != nil {
		m.setError(fmt.Errorf("%s not written: %w", strings.ToLower(msg.what[:1])+msg.what[1:], msg.err))
		return
	}
	m.setStatus(msg.what + " written to " + msg.path)
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
