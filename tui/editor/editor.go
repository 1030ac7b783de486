// Package editor builds one form per kind of record: the agenda item, the
// concession, the meeting, the note, the follow-up line, the scenario, the
// account and the negotiation. An editor reads the open negotiation it is
// given and asks for writes by message; it holds no root model.
package editor

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Env is what an editor needs: the open negotiation (nil when none is open),
// the styles and the clock.
type Env struct {
	Snap *vocab.Snapshot
	St   *ui.Styles
	Now  func() time.Time
}

// privacy is the rule the forms follow: with privacy on, a field that holds
// what the buyer may not see is hidden (and keeps its value).
func (e Env) privacy() model.Privacy {
	return model.Privacy{BuyerView: e.Snap != nil && e.Snap.Private}
}

// hideUnless hides f unless the privacy rule shows what it holds.
func hideUnless(shown bool, f *form.Field) *form.Field {
	f.Hidden = !shown
	return f
}

func (e Env) negID() uint64 {
	if e.Snap == nil {
		return 0
	}
	return e.Snap.D.Negotiation.ID
}

// Open builds the form an EditMsg asks for; the error says why there is none.
func Open(env Env, msg vocab.EditMsg) (*form.Form, error) {
	if env.Snap == nil && msg.Kind != vocab.KindAccount && msg.Kind != vocab.KindNegotiation {
		return nil, fmt.Errorf("open a negotiation first (o)")
	}
	if !shown(env.privacy(), msg.Record) {
		return nil, fmt.Errorf("privacy is on: this %s is not shown to the buyer (p shows it)", msg.Kind)
	}
	var f *form.Form
	var err error
	switch r := msg.Record.(type) {
	case model.AgendaItem:
		f = itemForm(env, r)
	case model.Concession:
		f, err = concessionForm(env, r)
	case model.Note:
		if msg.Kind == vocab.KindAnswer {
			f = answerForm(env, r)
		} else {
			f = noteForm(env, r)
		}
	case model.FollowUp:
		f = followUpForm(env, r)
	case model.Scenario:
		f = scenarioForm(env, r, false)
	case ScenarioLine:
		f = scenarioForm(env, r.Scenario, true)
	case model.Meeting:
		f, err = meetingForm(env, msg.Kind, r)
	case model.Account:
		f = accountForm(env, r)
	case vocab.NegotiationRecord:
		f = negotiationForm(env, r.Negotiation, r.Account)
	case model.Budget:
		f, err = budgetForm(env, r)
	case nil:
		if msg.Kind == vocab.KindScenario {
			f = newScenarioForm(env)
		}
	}
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, fmt.Errorf("no form for %s", msg.Kind)
	}
	return f, nil
}

// shown reports whether the privacy rule shows a record at all: a form for
// one it hides (a plain note, an internal follow-up line, a scenario not
// marked ★, reopened from a draft) is not opened. A new record holds
// nothing yet.
func shown(p model.Privacy, record any) bool {
	switch r := record.(type) {
	case model.Note:
		return r.ID == 0 || p.Note(r)
	case model.FollowUp:
		return r.ID == 0 || p.FollowUp(r)
	case model.Scenario:
		return r.ID == 0 || p.Scenario(r)
	case ScenarioLine:
		return r.Scenario.ID == 0 || p.Scenario(r.Scenario)
	case model.Budget:
		return p.Part(model.PartBudget) // even a new one shows the budget it replaces
	}
	return true
}

// ScenarioLine asks for a category scenario's form with the cursor on a new
// product line.
type ScenarioLine struct{ Scenario model.Scenario }

// Reopen opens again, after a restart, the form a draft was kept for; false
// when what it edits is gone.
func Reopen(env Env, ref form.Ref) (*form.Form, bool) {
	msg, ok := recordFor(env, ref)
	if !ok {
		return nil, false
	}
	f, err := Open(env, msg)
	return f, err == nil
}

// recordFor finds the record a draft's ref names in the open negotiation.
func recordFor(env Env, ref form.Ref) (vocab.EditMsg, bool) {
	edit := func(r any) (vocab.EditMsg, bool) { return vocab.EditMsg{Kind: ref.Kind, Record: r}, true }
	if env.Snap == nil {
		if ref.Kind == vocab.KindAccount && ref.ID == 0 {
			return edit(model.Account{Kind: model.Retail})
		}
		return vocab.EditMsg{}, false
	}
	d := env.Snap.D
	found := func(r any, ok bool) (vocab.EditMsg, bool) {
		if !ok {
			return vocab.EditMsg{}, false
		}
		return edit(r)
	}
	switch ref.Kind {
	case vocab.KindItem:
		if ref.ID == 0 {
			return edit(NewItem())
		}
		return found(d.Item(ref.ID))
	case vocab.KindConcession:
		if ref.ID == 0 {
			return edit(model.Concession{})
		}
		return found(act.Find(d.Ledger, ref.ID, func(c model.Concession) uint64 { return c.ID }))
	case vocab.KindNote, vocab.KindAnswer:
		return found(act.Find(d.Notes, ref.ID, func(n model.Note) uint64 { return n.ID }))
	case vocab.KindFollowUp:
		if ref.ID == 0 {
			return edit(model.FollowUp{Side: model.CustomerSide})
		}
		return found(act.Find(d.FollowUps, ref.ID, func(f model.FollowUp) uint64 { return f.ID }))
	case vocab.KindCategory, vocab.KindProfit:
		if ref.ID == 0 {
			return edit(model.Scenario{Kind: model.ScenarioKind(ref.Kind)})
		}
		return found(d.Scenario(ref.ID))
	case vocab.KindMeeting:
		return found(d.Meeting(ref.ID))
	case vocab.KindMeetingStart, vocab.KindMeetingEnd:
		mt, running := d.RunningMeeting()
		if running == (ref.Kind == vocab.KindMeetingEnd) {
			return edit(mt)
		}
	case vocab.KindAccount:
		return found(d.Account, ref.ID == d.Account.ID)
	case vocab.KindNegotiation:
		return found(vocab.NegotiationRecord{Negotiation: d.Negotiation, Account: d.Account}, ref.ID == d.Negotiation.ID)
	case vocab.KindBudget:
		return found(model.Budget{ItemID: ref.ID}, d.ItemIndex(ref.ID) >= 0)
	}
	return vocab.EditMsg{}, false
}

// MeetingToggle is the form that starts the next meeting, or ends the one
// that runs.
func MeetingToggle(d *model.Dossier) vocab.EditMsg {
	if mt, ok := d.RunningMeeting(); ok {
		return vocab.EditMsg{Kind: vocab.KindMeetingEnd, Record: mt}
	}
	return vocab.EditMsg{Kind: vocab.KindMeetingStart, Record: model.Meeting{}}
}

// save asks for a write on behalf of form f.
func save(f *form.Form, status string, c act.Change) vocab.SaveMsg {
	return vocab.SaveMsg{Origin: f.ID, Status: status, Change: c}
}

// warnings shows a validation error as the preview's one line.
func warnings(st *ui.Styles, err error) []string {
	if err != nil {
		return []string{st.Warn.Render("✗ " + err.Error())}
	}
	return nil
}
