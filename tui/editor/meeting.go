package editor

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// The meeting forms' fields.
const (
	keyPlace     form.Key = "place"
	keyAttendees form.Key = "attendees"
	keySummary   form.Key = "summary"
)

// meetingForm starts the next meeting, ends the one that runs, or edits a
// meeting's place, attendees and summary (an ended meeting's summary stays
// editable).
func meetingForm(env Env, kind vocab.Kind, mt model.Meeting) (*form.Form, error) {
	d, negID := env.Snap.D, env.negID()
	ref := form.Ref{Kind: kind, ID: mt.ID}
	switch kind {
	case vocab.KindMeetingEnd:
		if _, ok := d.RunningMeeting(); !ok {
			return nil, fmt.Errorf("no meeting is running")
		}
		summary := hideUnless(env.privacy().Part(model.PartMeetingSummary),
			form.Text(keySummary, "Summary", mt.Summary).WithHint("optional: what was agreed, what is next"))
		title := fmt.Sprintf("End meeting %d (%s)", mt.Number, ui.Clock(env.Now().Sub(mt.Started)))
		return form.New(env.St, ref, title, []*form.Field{summary}, func(f *form.Form) (tea.Msg, error) {
			v := mt
			v.Ended = env.Now()
			v.Summary = summary.Value()
			return save(f, fmt.Sprintf("Meeting %d ended", v.Number), act.SaveMeeting(negID, v)), nil
		}), nil
	case vocab.KindMeetingStart:
		if running, ok := d.RunningMeeting(); ok {
			return nil, fmt.Errorf("meeting %d is still running: end it first (m)", running.Number)
		}
		place := form.Text(keyPlace, "Place", "")
		attendees := form.Text(keyAttendees, "Attendees", "").WithHint("comma-separated, optional")
		if n := len(d.Meetings); n > 0 {
			last := d.Meetings[n-1]
			place.SetValue(last.Place)
			attendees.SetValue(strings.Join(last.Attendees, ", "))
			place.Prefilled()
			attendees.Prefilled()
		}
		number := d.NextMeetingNumber()
		ref.ID = 0
		return form.New(env.St, ref, fmt.Sprintf("Start meeting %d", number), []*form.Field{place, attendees}, func(f *form.Form) (tea.Msg, error) {
			v := model.Meeting{Number: number, Started: env.Now(), Place: place.Value(), Attendees: ui.SplitAttendees(attendees.Value())}
			return save(f, fmt.Sprintf("Meeting %d started: notes and concessions now belong to it", number), act.SaveMeeting(negID, v)), nil
		}), nil
	}
	place := form.Text(keyPlace, "Place", mt.Place)
	attendees := form.Text(keyAttendees, "Attendees", strings.Join(mt.Attendees, ", ")).WithHint("comma-separated")
	summary := hideUnless(env.privacy().Part(model.PartMeetingSummary),
		form.Text(keySummary, "Summary", mt.Summary).WithHint("what was agreed, what is next"))
	title := fmt.Sprintf("Meeting %d · %s", mt.Number, ui.MeetingWhen(mt))
	if !mt.Ended.IsZero() {
		title += " (ended)"
	}
	return form.New(env.St, form.Ref{Kind: vocab.KindMeeting, ID: mt.ID}, title, []*form.Field{place, attendees, summary}, func(f *form.Form) (tea.Msg, error) {
		v := mt
		v.Place = place.Value()
		v.Attendees = ui.SplitAttendees(attendees.Value())
		v.Summary = summary.Value()
		return save(f, fmt.Sprintf("Meeting %d saved", v.Number), act.SaveMeeting(negID, v)), nil
	}), nil
}
