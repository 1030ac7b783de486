package tui

import (
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/shopspring/decimal"
)

// fieldKind says how a form field is typed and checked.
type fieldKind int

const (
	textField fieldKind = iota
	numberField
	percentField // a number of percent, 0–100
	scoreField   // a whole number 0–100
	dateField
	choiceField
)

// field is one line of a form. Its text is checked on every keystroke and
// the reason it is wrong shows beside it; the text is never changed for the user.
type field struct {
	label    string
	kind     fieldKind
	input    textinput.Model
	choices  []string // for choice fields: the values
	labels   []string // for choice fields: how they read
	choice   int
	required bool
	private  bool // ui.Masked while privacy is on
	hint     string
	err      error
}

func newField(label string, kind fieldKind, value string) *field {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 500
	in.Cursor.SetMode(cursor.CursorStatic)
	in.SetValue(value)
	f := &field{label: label, kind: kind, input: in}
	f.check()
	return f
}

func newChoice(label string, choices, labels []string, value string) *field {
	f := &field{label: label, kind: choiceField, choices: choices, labels: labels, input: textinput.New()}
	for i, c := range choices {
		if c == value {
			f.choice = i
		}
	}
	return f
}

func (f *field) value() string {
	if f.kind == choiceField {
		if len(f.choices) == 0 {
			return ""
		}
		return f.choices[f.choice]
	}
	return strings.TrimSpace(f.input.Value())
}

// check validates the text as typed so far.
func (f *field) check() {
	v := f.value()
	f.err = nil
	if v == "" {
		if f.required {
			f.err = fmt.Errorf("required")
		}
		return
	}
	switch f.kind {
	case numberField:
		_, f.err = model.ParseNumber(v)
	case percentField:
		var d decimal.Decimal
		if d, f.err = model.ParseNumber(v); f.err == nil && (d.IsNegative() || d.GreaterThan(decimal.NewFromInt(100))) {
			f.err = fmt.Errorf("between 0 and 100")
		}
	case scoreField:
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			f.err = fmt.Errorf("a whole number 0–100")
		case n < 0 || n > 100:
			f.err = fmt.Errorf("between 0 and 100")
		}
	case dateField:
		if _, err := time.Parse(model.DateLayout, v); err != nil {
			f.err = fmt.Errorf("a date like 2027-01-31")
		}
	}
}

// number reads a number field (valid once check passed).
func (f *field) number() decimal.NullDecimal {
	d, err := model.ParseOptional(f.value())
	if err != nil {
		return decimal.NullDecimal{}
	}
	return d
}

// decimal reads a required number, zero when blank.
func (f *field) decimal() decimal.Decimal { return f.number().Decimal }

// score reads a 0–100 field, 0 when blank.
func (f *field) score() int {
	n, _ := strconv.Atoi(f.value())
	return n
}

// date reads a date field, zero when blank.
func (f *field) date() time.Time {
	t, _ := time.Parse(model.DateLayout, f.value())
	return t
}

// formKeys are the keys of every form.
type formKeys struct {
	Next, Prev, Enter, Save, Cancel, Left, Right key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "previous field")),
		Enter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next · save on the last")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Left:   key.NewBinding(key.WithKeys("left"), key.WithHelp("←→", "change choice")),
		Right:  key.NewBinding(key.WithKeys("right")),
	}
}

// form is a modal form: fields, a whole-form error, and what saving does.
// submit builds the value from the fields and returns the write to run, or
// an error that explains what is wrong; nothing is written until it passes.
type form struct {
	id      int
	title   string
	fields  []*field
	focus   int
	err     error
	saving  bool
	private bool
	// preview, when set, is shown under the fields and recomputed on every
	// keystroke (e.g. how a concession changes the gap).
	preview func(f *form) []string
	submit  func(f *form) (tea.Cmd, error)
	keys    formKeys

	ref  formRef    // what the form edits, for its draft (see formdraft.go)
	seq  int        // keys that changed the text, for the draft's timer
	kept formValues // the text as last kept in the draft
}

// formSeq numbers forms so that a write's answer finds the form that asked.
var formSeq atomic.Int64

func newForm(title string, fields []*field, submit func(f *form) (tea.Cmd, error)) *form {
	f := &form{id: int(formSeq.Add(1)), title: title, fields: fields, submit: submit, keys: newFormKeys()}
	f.focusField(0)
	return f
}

// byLabel finds a field by its label.
func (f *form) byLabel(label string) *field {
	for _, fl := range f.fields {
		if fl.label == label {
			return fl
		}
	}
	panic("form " + f.title + " has no field " + label)
}

func (f *form) focusField(i int) {
	if len(f.fields) == 0 {
		return
	}
	if old := f.fields[f.focus]; old.kind != choiceField {
		old.input.Blur()
	}
	f.focus = (i + len(f.fields)) % len(f.fields)
	if fl := f.fields[f.focus]; fl.kind != choiceField {
		fl.input.Focus()
	}
}

// setPrivate masks the private fields while privacy is on.
func (f *form) setPrivate(on bool) {
	f.private = on
	for _, fl := range f.fields {
		if fl.private {
			fl.input.EchoMode = textinput.EchoNormal
			if on {
				fl.input.EchoMode = textinput.EchoPassword
				fl.input.EchoCharacter = '•'
			}
		}
	}
}

// valid reports whether every field passes its check.
func (f *form) valid() bool {
	for _, fl := range f.fields {
		if fl.err != nil {
			return false
		}
	}
	return true
}

// update handles a key; done is true when the form should close (cancelled).
func (f *form) update(msg tea.KeyMsg) (cmd tea.Cmd, done bool) {
	if f.saving {
		return nil, false // the write is in flight; keys wait for its answer
	}
	fl := f.fields[f.focus]
	switch {
	case key.Matches(msg, f.keys.Cancel):
		return nil, true
	case key.Matches(msg, f.keys.Save):
		return f.trySubmit(), false
	case key.Matches(msg, f.keys.Enter):
		if f.focus == len(f.fields)-1 {
			return f.trySubmit(), false
		}
		f.focusField(f.focus + 1)
		return nil, false
	case key.Matches(msg, f.keys.Next):
		f.focusField(f.focus + 1)
		return nil, false
	case key.Matches(msg, f.keys.Prev):
		f.focusField(f.focus - 1)
		return nil, false
	}
	if fl.kind == choiceField {
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
		f.err = nil
		return nil, false
	}
	fl.input, cmd = fl.input.Update(msg)
	fl.check()
	f.err = nil
	return cmd, false
}

func (f *form) trySubmit() tea.Cmd {
	for i, fl := range f.fields {
		if fl.err != nil {
			f.focusField(i)
			f.err = fmt.Errorf("%s: %v", fl.label, fl.err)
			return nil
		}
	}
	cmd, err := f.submit(f)
	if err != nil {
		f.err = err
		return nil
	}
	f.saving = cmd != nil
	return cmd
}

// saved is the answer of the write the form asked for: on failure the form
// stays open with everything typed and the reason shown.
func (f *form) saved(err error) (closeForm bool) {
	f.saving = false
	if err != nil {
		f.err = fmt.Errorf("not saved: %w", err)
		return false
	}
	return true
}

// view draws the form in a box at most w×h.
func (f *form) view(w, h int, st *ui.Styles) []string {
	inner := max(0, w-4)
	labelW := 0
	for _, fl := range f.fields {
		labelW = max(labelW, ui.TextWidth(fl.label))
	}
	labelW = min(labelW, max(0, inner/3))
	// The input gets up to 40 cells, leaving about 30 for the reason a value
	// is wrong; on a narrow screen both shrink.
	inputW := max(0, min(40, inner-labelW-3-30, inner-labelW-3))
	if inputW < 12 {
		inputW = max(0, min(12, inner-labelW-3))
	}
	var rows []string
	focusRow := 0
	for i, fl := range f.fields {
		ls := st.Dim
		marker := "  "
		if i == f.focus {
			ls, marker = st.FieldFocus, st.Accent.Render("▸ ")
			focusRow = len(rows)
		}
		var val string
		if fl.kind == choiceField {
			label := fl.value()
			if fl.choice < len(fl.labels) {
				label = fl.labels[fl.choice]
			}
			val = "‹ " + label + " ›"
		} else {
			ui.SetInputWidth(&fl.input, max(1, inputW-1))
			val = fl.input.View()
		}
		note := ""
		switch {
		case fl.err != nil && fl.value() != "":
			note = st.Error.Render("✗ " + fl.err.Error())
		case fl.err != nil:
			note = st.Warn.Render(fl.err.Error())
		case i == f.focus && fl.hint != "":
			note = st.Dim.Render(fl.hint)
		}
		rows = append(rows, marker+ls.Render(ui.Fit(fl.label, labelW))+" "+ui.Fit(val, inputW)+" "+note)
	}
	var tail []string
	if f.preview != nil && f.valid() && f.err == nil {
		tail = append(tail, "")
		for _, l := range f.preview(f) {
			// Long previews (a concession's effect) wrap rather than vanish.
			tail = append(tail, strings.Split(ansi.Wrap(l, max(1, min(inner, 84)), " ·"), "\n")...)
		}
	}
	tail = append(tail, "")
	switch {
	case f.saving:
		tail = append(tail, st.Dim.Render("saving…"))
	case f.err != nil:
		tail = append(tail, st.Error.Render(f.err.Error()))
	default:
		tail = append(tail, st.Dim.Render("enter next · ctrl+s save · esc cancel"))
	}
	// Keep the focused field in view when the box is short.
	room := max(1, h-2-1-len(tail))
	start := 0
	if focusRow >= room {
		start = focusRow - room + 1
	}
	rows = rows[start:min(len(rows), start+room)]
	body := append([]string{ui.Fit(st.Bold.Render(f.title), min(inner, 84))}, rows...)
	body = append(body, tail...)
	return ui.Boxed(body, w, h, st)
}
