package editor

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
	"github.com/parley-app/parley/tui/vocab"
)

// The note forms' fields.
const (
	keyText   form.Key = "text"
	keyKind   form.Key = "kind"
	keyAnswer form.Key = "answer"
	keyDone   form.Key = "done"
)

// noteForm edits a note: its text, kind and item, and a question's answer
// or whether an action is done.
func noteForm(env Env, n model.Note) *form.Form {
	d, negID := env.Snap.D, env.negID()
	itemIDs, itemLabels := []string{"0"}, []string{"no item"}
	for _, it := range d.Items {
		itemIDs = append(itemIDs, fmt.Sprint(it.ID))
		itemLabels = append(itemLabels, it.Title)
	}
	kinds := []string{string(model.KindNote), string(model.KindAction), string(model.KindQuestion)}
	doneValue := "no"
	if n.Done {
		doneValue = "yes"
	}
	// Answer and Done are always there, so that changing the kind in the
	// form needs no reopening; each counts only for its kind.
	fields := []*form.Field{
		form.Text(keyText, "Text", n.Text).Required(),
		form.Choice(keyKind, "Kind", kinds, kinds, string(n.Kind)),
		form.Choice(keyItem, "Item", itemIDs, itemLabels, fmt.Sprint(n.ItemID)),
		form.Text(keyAnswer, "Answer", n.Answer).WithHint("for a question; blank while it is open"),
		form.Choice(keyDone, "Done", []string{"no", "yes"}, []string{"not done", "done"}, doneValue).WithHint("for an action"),
	}
	return form.New(env.St, form.Ref{Kind: vocab.KindNote, ID: n.ID}, "Edit "+string(n.Kind), fields, func(f *form.Form) (tea.Msg, error) {
		v := n
		v.Text = f.Field(keyText).Value()
		v.Kind = model.NoteKind(f.Field(keyKind).Value())
		v.ItemID = f.Field(keyItem).ID()
		v.Answer = ""
		if v.Kind == model.KindQuestion {
			v.Answer = f.Field(keyAnswer).Value()
		}
		v = WithDone(v, v.Kind == model.KindAction && f.Field(keyDone).Value() == "yes", env.Now())
		if err := v.Validate(); err != nil {
			return nil, err
		}
		return save(f, "Saved "+string(v.Kind), act.SaveNote(negID, v)), nil
	})
}

// answerForm answers a question (a blank answer reopens it).
func answerForm(env Env, n model.Note) *form.Form {
	answer := form.Text(keyAnswer, "Answer", n.Answer).WithHint("blank reopens the question")
	negID := env.negID()
	return form.New(env.St, form.Ref{Kind: vocab.KindAnswer, ID: n.ID}, "Answer: "+n.Text, []*form.Field{answer}, func(f *form.Form) (tea.Msg, error) {
		v := n
		v.Answer = answer.Value()
		status := "Answered: " + v.Text
		if v.Answer == "" {
			status = "Question open again: " + v.Text
		}
		return save(f, status, act.SaveNote(negID, v)), nil
	})
}

// WithDone sets whether an action is done, stamping when it was.
func WithDone(n model.Note, done bool, now time.Time) model.Note {
	if done == n.Done {
		return n
	}
	n.Done = done
	n.DoneAt = time.Time{}
	if done {
		n.DoneAt = now
	}
	return n
}
