package model

import (
	"fmt"
	"strings"
	"time"
)

// AskFirstError says that a move of ours takes us past our walk-away or
// over today's budget: it is logged only once the person has said yes.
type AskFirstError struct {
	Flags Flag   // the part of the move's flags that asks (Flag.AskFirst)
	What  string // "Price to 23.40 takes us past our walk-away 23.60"
}

func (e *AskFirstError) Error() string { return e.What }

// CheckCapture is the one rule for a capture line, whoever types it (the
// workbench's capture line, `parley note`, a session on the server): what
// the line would write must be valid, a concession must be a real move
// toward the other side, an agreement must be possible, a budget must lie
// between our position and our walk-away; a move of ours past our walk-away
// or over today's budget is refused with *AskFirstError unless confirmed.
// It is Replay.Preview (what the capture line shows as it is typed) plus
// the question; the store runs it inside the write transaction, on the
// file as it is then.
func (d *Dossier) CheckCapture(c Capture, at time.Time, meetingID uint64, confirmed bool) error {
	switch c.Kind {
	case CaptureBudget, CaptureAgree, CaptureConcession:
	default:
		return c.Note(at, meetingID).Validate()
	}
	p, err := d.Replay().Preview(c, at, meetingID)
	if err != nil {
		return err
	}
	ask := p.Effect.Move.Flags.AskFirst()
	if c.Kind != CaptureConcession || ask == 0 || confirmed {
		return nil
	}
	it := p.Effect.Item
	var why []string
	if ask.Has(PastWalkAway) {
		why = append(why, "past our walk-away "+it.Format(it.OurWalkAway.Decimal))
	}
	if b, ok := d.TodaysBudget(c.ItemID); ok && ask.Has(OverBudget) {
		why = append(why, "over today's budget "+it.Format(b.Value))
	}
	return &AskFirstError{Flags: ask, What: fmt.Sprintf("%s to %s takes us %s", it.Title, it.Format(c.Value), strings.Join(why, " and "))}
}
