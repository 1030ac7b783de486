package form

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// Ref names what a form edits, so that a draft of it can be kept and the
// form opened again after a restart: the kind and the record's ID (0 for a
// new one).
type Ref struct {
	Kind vocab.Kind
	ID   uint64
}

// Submit builds the value from the fields and returns what to ask of the
// root: a vocab.SaveMsg (the form waits for its answer), a vocab.ConfirmMsg (the
// form stays open under the question), or any other message (the form's
// work is done and it closes). An error explains what is wrong; nothing is
// written until it passes.
type Submit func(f *Form) (tea.Msg, error)

// Keys are the keys of every form.
type Keys struct {
	Next, Prev, Enter, Save, Cancel, Left, Right key.Binding
}

func newKeys() Keys {
	return Keys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "previous field")),
		Enter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next · save on the last")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Left:   key.NewBinding(key.WithKeys("left"), key.WithHelp("←→", "change choice")),
		Right:  key.NewBinding(key.WithKeys("right")),
	}
}

// Form is a modal form: fields, a whole-form error, and what saving does.
type Form struct {
	ID     int // the origin of the writes it asks for
	Ref    Ref
	title  string
	fields []*Field
	byKey  map[Key]*Field
	focus  int
	err    error
	saving bool
	done   bool
	// cancelled is true when esc closed the form.
	cancelled bool
	// onCancel is what the footer says when esc closes the form, when
	// "nothing changed" would be wrong (see WithCancelStatus).
	onCancel string
	// preview, when set, is shown under the fields while they are valid
	// (e.g. how a concession changes the gap); previewed holds its lines,
	// worked out when the text changes, never while drawing.
	preview   func(f *Form) []string
	previewed []string
	// changed, when set, is told which field a key changed, so that fields
	// that follow it can (the choices of one, the suggestion of another).
	changed func(f *Form, k Key)
	submit  Submit
	version int           // counts changes of the text, for drafts
	given   map[Key]error // reasons the whole value gives, by field, until the next change
	kept    int           // the version the file holds as the draft, -1 for none
	keys    Keys
	st      *ui.Styles
}

// New makes a form for ref with the fields in order.
func New(st *ui.Styles, ref Ref, title string, fields []*Field, submit Submit) *Form {
	f := &Form{ID: vocab.NewOrigin(), Ref: ref, title: title, fields: fields, submit: submit, keys: newKeys(), st: st, kept: -1,
		byKey: make(map[Key]*Field, len(fields))}
	for _, fl := range fields {
		f.byKey[fl.Key] = fl
		st.StyleInput(&fl.input)
	}
	f.FocusField(0)
	return f
}

// WithPreview sets the lines shown under the fields while they are valid.
func (f *Form) WithPreview(p func(f *Form) []string) *Form {
	f.preview = p
	f.updatePreview()
	return f
}

// updatePreview works the preview out again for the text as it is now.
func (f *Form) updatePreview() {
	f.previewed = nil
	if f.preview != nil && f.Valid() {
		f.previewed = f.preview(f)
	}
}

// AddField puts a field at the end of the form (a list that grows as it is
// typed: the account's contacts).
func (f *Form) AddField(fl *Field) {
	f.fields = append(f.fields, fl)
	f.byKey[fl.Key] = fl
}

// WithChange sets what the form does after a key changed a field's value.
func (f *Form) WithChange(fn func(f *Form, k Key)) *Form {
	f.changed = fn
	return f
}

// notify tells the form's change hook that field fl changed.
func (f *Form) notify(fl *Field) {
	if f.changed != nil {
		f.changed(f, fl.Key)
	}
}

// Fields are the form's fields in order.
func (f *Form) Fields() []*Field { return f.fields }

// Field finds a field by key; nil when the form has none.
func (f *Form) Field(k Key) *Field { return f.byKey[k] }

// Title is the form's heading.
func (f *Form) Title() string { return f.title }

// Err is the whole-form error shown under the fields.
func (f *Form) Err() error { return f.err }

// Done reports whether the form has closed: saved, cancelled or handed on.
func (f *Form) Done() bool { return f.done }

// Cancelled reports whether esc closed the form.
func (f *Form) Cancelled() bool { return f.cancelled }

// WithCancelStatus sets what the footer says when esc closes the form: for
// a form that follows a save (a new account's first negotiation), leaving
// it keeps what was saved, and the footer must say so.
func (f *Form) WithCancelStatus(text string) *Form {
	f.onCancel = text
	return f
}

// CancelStatus is what the footer says when esc closed the form.
func (f *Form) CancelStatus() string {
	if f.onCancel != "" {
		return f.onCancel
	}
	return "Cancelled: nothing changed"
}

// Version counts the changes of the form's text since it opened.
func (f *Form) Version() int { return f.version }

// Kept marks version of the text as the one the file holds as the draft.
func (f *Form) Kept(version int) { f.kept = version }

// ShortHelp is empty: the form shows its keys in its box.
func (f *Form) ShortHelp() []key.Binding { return nil }

// FocusField moves the cursor to field i, or past it to the next shown
// field when it is hidden.
func (f *Form) FocusField(i int) { f.focusFrom(i, +1) }

// focusFrom moves the cursor to field i, or from there in direction dir
// to the first field that is not hidden.
func (f *Form) focusFrom(i, dir int) {
	n := len(f.fields)
	if n == 0 {
		return
	}
	if old := f.fields[f.focus]; old.kind != choiceField {
		old.input.Blur()
	}
	i = (i%n + n) % n
	for k := 0; k < n && f.fields[i].Hidden; k++ {
		i = ((i+dir)%n + n) % n
	}
	f.focus = i
	if fl := f.fields[f.focus]; fl.kind != choiceField {
		fl.input.Focus()
	}
}

// lastShown is the index of the last field that is not hidden.
func (f *Form) lastShown() int {
	for i := len(f.fields) - 1; i >= 0; i-- {
		if !f.fields[i].Hidden {
			return i
		}
	}
	return len(f.fields) - 1
}

// Valid reports whether every field passes its check.
func (f *Form) Valid() bool {
	for _, fl := range f.fields {
		if fl.err != nil {
			return false
		}
	}
	return true
}

// Update handles a key.
func (f *Form) Update(msg tea.KeyMsg) tea.Cmd {
	if f.saving || f.done {
		return nil // the write is in flight; keys wait for its answer
	}
	fl := f.fields[f.focus]
	switch {
	case key.Matches(msg, f.keys.Cancel):
		f.done, f.cancelled = true, true
		return nil
	case key.Matches(msg, f.keys.Save):
		return f.Submit()
	case key.Matches(msg, f.keys.Enter):
		if f.focus >= f.lastShown() {
			return f.Submit()
		}
		f.focusFrom(f.focus+1, +1)
		return nil
	case key.Matches(msg, f.keys.Next):
		f.focusFrom(f.focus+1, +1)
		return nil
	case key.Matches(msg, f.keys.Prev):
		f.focusFrom(f.focus-1, -1)
		return nil
	}
	if fl.kind == choiceField {
		before := fl.choice
		f.choose(fl, msg)
		if fl.choice != before {
			f.version++
			f.given = nil
			f.notify(fl)
			f.updatePreview()
		}
		f.err = nil
		return nil
	}
	before := fl.input.Value()
	if fl.prefilled {
		fl.prefilled = false
		if msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace {
			fl.input.SetValue("") // typing replaces the suggestion
		}
	}
	var cmd tea.Cmd
	fl.input, cmd = fl.input.Update(msg)
	if fl.input.Value() != before {
		f.version++
		f.given = nil
		fl.check()
		f.notify(fl)
		f.updatePreview()
	}
	f.err = nil
	return cmd
}

// choose moves a choice field for a key.
func (f *Form) choose(fl *Field, msg tea.KeyMsg) {
	switch {
	case key.Matches(msg, f.keys.Left):
		fl.choice = (fl.choice - 1 + len(fl.choices)) % len(fl.choices)
	case key.Matches(msg, f.keys.Right), msg.String() == " ":
		fl.choice = (fl.choice + 1) % len(fl.choices)
	default:
		// A letter picks the first choice that starts with it.
		if r := msg.Runes; len(r) == 1 {
			for i, l := range fl.labels {
				if strings.HasPrefix(strings.ToLower(l), strings.ToLower(string(r))) {
					fl.choice = i
					break
				}
			}
		}
	}
}

// Submit checks every field, then asks for what submit returns.
func (f *Form) Submit() tea.Cmd {
	for i, fl := range f.fields {
		switch {
		case fl.err == nil:
		case fl.Hidden:
			// Its reason would quote what it hides.
			f.err = fmt.Errorf("%s, hidden while privacy is on, is not valid (p shows it)", fl.Label)
			return nil
		default:
			f.FocusField(i)
			f.err = fmt.Errorf("%s: %v", fl.Label, fl.err)
			return nil
		}
	}
	msg, err := f.submit(f)
	if err != nil {
		f.err = err
		return nil
	}
	switch msg.(type) {
	case nil:
		return nil
	case vocab.SaveMsg:
		f.saving = true
	case vocab.ConfirmMsg:
	default:
		f.done = true
	}
	return vocab.Cmd(msg)
}

// SetError shows err next to field k and puts the cursor there, until the
// form's text changes: a reason the whole value gives (a lever without its
// threshold), which the next submit checks again.
func (f *Form) SetError(k Key, err error) {
	for i, fl := range f.fields {
		if fl.Key == k {
			f.given = map[Key]error{k: err}
			if !fl.Hidden {
				f.FocusField(i)
			}
		}
	}
}

// Dismiss closes the form without saving, as esc does (the record was
// kept as it is in the file).
func (f *Form) Dismiss() { f.done, f.cancelled, f.saving = true, true, false }

// Saving marks the form as waiting for a write it asked for (after a
// question it asked was answered yes).
func (f *Form) Saving() { f.saving = true }

// Saved is the answer of the write the form asked for: on failure the form
// stays open with everything typed and the reason shown.
func (f *Form) Saved(err error) {
	f.saving = false
	if err != nil {
		f.err = fmt.Errorf("not saved: %w", err)
		return
	}
	f.done = true
}

// Values is a form's text by field key, as kept in a draft.
type Values map[Key]string

// Values is the text of every field.
func (f *Form) Values() Values {
	v := make(Values, len(f.fields))
	for _, fl := range f.fields {
		v[fl.Key] = fl.Value()
	}
	return v
}

// Restore puts back the text of a draft into the fields that are still there.
func (f *Form) Restore(v Values) {
	for _, fl := range f.fields {
		if text, ok := v[fl.Key]; ok {
			fl.SetValue(text)
			f.notify(fl) // in field order: a field that follows this one is restored after it
		}
	}
	f.err = nil
	f.updatePreview()
}
