package tui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/internal/atomicfile"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/vocab"
)

// The documents the workbench writes next to where Parley was started: the
// brief (E) and a meeting's minutes for the buyer (M in the ledger). Each
// is built off the UI goroutine, from the negotiation as the snapshot holds
// it when the key is pressed (a change makes a new copy, never edits that
// one): on the large negotiation the brief alone takes a quarter of a
// second, sixteen frames.

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
	opts := model.BriefOptions{Redact: m.private, Now: m.opts.Now()}
	name, what := m.docName("brief-"+opts.Now.Format(model.DateLayout)), "Brief"
	if opts.Redact {
		name, what = name+"-redacted", "Redacted brief (privacy is on)"
	}
	if m.waitForNotes() {
		return nil
	}
	return briefCmd(m.snap.D, opts, m.opts.BriefDir, name, what)
}

// briefCmd builds the brief of d, which nobody changes, and writes
// it to dir/name.md.
func briefCmd(d *model.Dossier, opts model.BriefOptions, dir, name, what string) tea.Cmd {
	return func() tea.Msg {
		return writeDoc(dir, name, what, model.Brief(d, opts))
	}
}

// writeMinutes writes the buyer-safe minutes of a meeting (0: the last) as
// Markdown to paste into an e-mail, and shows its path. Minutes hold only
// what the buyer may see, whether privacy is on or not.
func (m *Model) writeMinutes(number int) tea.Cmd {
	if m.snap == nil {
		return nil
	}
	if m.waitForNotes() {
		return nil
	}
	return minutesCmd(m.snap.D, number, m.opts.Now(), m.opts.BriefDir, m.docName("minutes-meeting-"))
}

// minutesCmd builds the minutes of meeting number (0: the last) of d,
// which nobody changes, and writes them to dir/<prefix><number>.md.
func minutesCmd(d *model.Dossier, number int, now time.Time, dir, prefix string) tea.Cmd {
	return func() tea.Msg {
		text, err := model.Minutes(d, number, now)
		if err != nil {
			return vocab.ErrorMsg{Err: fmt.Errorf("no minutes: %w", err)}
		}
		if number == 0 {
			number = d.Meetings[len(d.Meetings)-1].Number
		}
		return writeDoc(dir, fmt.Sprintf("%s%d", prefix, number), fmt.Sprintf("Minutes of meeting %d", number), text)
	}
}

// docName names a document of the open negotiation: its account and title
// as a file-name-safe slug, then what it is.
func (m *Model) docName(what string) string {
	return slug(m.snap.D.Account.Name+" "+m.snap.D.Negotiation.Title) + "-" + what
}

// writeDoc writes text atomically to dir/name.md; it runs in a command.
func writeDoc(dir, name, what, text string) writtenMsg {
	path, err := filepath.Abs(filepath.Join(dir, name+".md"))
	if err == nil {
		err = atomicfile.Write(path, func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		})
	}
	return writtenMsg{what: what, path: path, err: err}
}

// written shows where a document went.
func (m *Model) written(msg writtenMsg) {
	if msg.err != nil {
		m.setError(fmt.Errorf("%s not written: %w", strings.ToLower(msg.what[:1])+msg.what[1:], msg.err))
		return
	}
	m.setStatus(msg.what + " written to " + msg.path)
}

// slugBytes caps a document's slug: with "-minutes-meeting-NN.md" after it
// and the temporary name's ".….tmp-PID-RANDOM" around it, the name stays
// far below the 255 bytes a file system takes, whatever the script (a
// CJK character is 3 bytes), and the start of the name stays readable.
const slugBytes = 100

// slug makes a file-name-safe version of s, of at most slugBytes bytes,
// cut between characters and words where it can.
func slug(s string) string {
	var b strings.Builder
	dash, cut := false, false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cut = b.Len()+utf8.RuneLen(r) > slugBytes
			if !cut {
				b.WriteRune(r)
				dash = false
			}
		case !dash && b.Len() > 0:
			cut = b.Len()+1 > slugBytes
			if !cut {
				b.WriteByte('-')
				dash = true
			}
		}
		if cut {
			break
		}
	}
	out := b.String()
	if i := strings.LastIndexByte(out, '-'); cut && i > slugBytes*2/3 {
		out = out[:i] // end on a whole word when one ended in the last third
	}
	return strings.TrimSuffix(out, "-")
}
