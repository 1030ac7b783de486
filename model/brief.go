package model

import (
	"fmt"
	"strings"
	"time"
)

// BriefOptions says how to write a brief.
type BriefOptions struct {
	// Redact leaves out everything the privacy rule (privacy.go) does not
	// call buyer-safe: the brief then holds only what the buyer may see.
	Redact bool
	Now    time.Time
}

// Brief writes the meeting brief as Markdown.
func Brief(d *Dossier, opts BriefOptions) string {
	b := &briefWriter{d: d, r: d.Replay(), p: Privacy{BuyerView: opts.Redact}, now: opts.Now}
	// The order of DESIGN 7: what a KAM reads the night before, top down.
	b.header()
	b.contacts()
	b.agenda()
	if b.p.Part(PartDeal) {
		b.deal()
	}
	b.meetings()
	b.record()
	b.ledger()
	b.nextMeeting()
	if b.p.Part(PartTradePlan) {
		b.tradePlan()
	}
	b.scenarios()
	b.openNotes()
	b.followUps()
	// Text stored before cleaning existed must not act on the terminal the
	// brief is printed to, nor on the one that later shows the file.
	return EscapeForTerminal(b.String())
}

type briefWriter struct {
	strings.Builder
	d   *Dossier
	r   *Replay
	p   Privacy
	now time.Time
}

func (b *briefWriter) line(format string, args ...any) {
	fmt.Fprintf(b, format, args...)
	b.WriteByte('\n')
}

func (b *briefWriter) table(head []string, rows [][]string) {
	b.line("| %s |", strings.Join(head, " | "))
	seps := make([]string, len(head))
	for i := range seps {
		seps[i] = "---"
	}
	b.line("| %s |", strings.Join(seps, " | "))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = mdCell(c)
		}
		b.line("| %s |", strings.Join(cells, " | "))
	}
	b.line("")
}

// mdCell keeps a cell on one line and its pipes from splitting the table.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}

func (b *briefWriter) header() {
	d := b.d
	b.line("# %s › %s", d.Account.Name, d.Negotiation.Title)
	b.line("")
	meetings := len(d.Meetings)
	facts := []string{
		fmt.Sprintf("%s account", d.Account.Kind),
	}
	if d.Account.Category != "" {
		facts = append(facts, "category "+d.Account.Category)
	}
	stage := fmt.Sprintf("stage **%s**", d.Negotiation.Stage)
	if b.p.Part(PartStageCoaching) {
		stage += " (" + d.Negotiation.Stage.Purpose() + ")"
	}
	facts = append(facts, stage,
		"status "+string(d.Negotiation.Status),
		fmt.Sprintf("%d %s", meetings, plural(meetings, "meeting", "meetings")),
		"currency "+d.Negotiation.Currency)
	if !d.Negotiation.Deadline.IsZero() && b.p.Part(PartDeadline) {
		facts = append(facts, "deadline "+d.Negotiation.Deadline.Format(DateLayout))
	}
	b.line("%s", strings.Join(facts, " · "))
	if m, ok := d.RunningMeeting(); ok {
		b.line("")
		b.line("Meeting %d is under way since %s.", m.Number, m.Started.Format("2006-01-02 15:04"))
	}
	b.line("")
	b.line("Gap closed: %s", FormatPercent(b.r.GapClosed))
	if b.p.Part(PartDeal) {
		// The verdict judges their offer against our walk-aways and floor: internal.
		b.line("Their offer: %s", b.r.Evaluate(b.r.Positions(OriginTheirs)).Verdict())
	}
	b.landingLine()
	b.line("")
	b.line("`%s`", Bar(b.r.GapClosed, 30))
	b.line("")
	if b.p.Part(PartPackageScore) {
		theirs, ok1 := b.r.PackageScore(Them)
		ours, ok2 := b.r.PackageScore(Us)
		if ok1 && ok2 {
			b.line("Package score (ours, 0 at walk-away, 100 at target): their offer %.0f · our offer %.0f", theirs, ours)
			b.line("")
		}
	}
	if b.p.Part(PartAccountNotes) && d.Account.Notes != "" {
		b.line("> %s", strings.Join(strings.Fields(d.Account.Notes), " "))
		b.line("")
	}
}

// Bar draws a share of 0–1 as a bar of width cells.
func Bar(share float64, width int) string {
	width = max(0, width)
	full := int(min(1, max(0, share)) * float64(width))
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}
