// Package form is the workbench's modal form: fields checked as they are
// typed, a preview, and a submit that asks for a write by message. It knows
// nothing of the store or of the root model.
package form

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Key names a field within its form. Drafts kept in the file are keyed by
// it, so a field's key never changes once released (labels may).
type Key string

// fieldKind says how a field is typed and checked.
type fieldKind int

const (
	textField fieldKind = iota
	numberField
	percentField // a number of percent, 0–100
	scoreField   // a whole number 0–100
	dateField
	choiceField
)

// Field is one line of a form. Its text is checked on every keystroke and
// the reason it is wrong shows beside it; the text is never changed for the user.
type Field struct {
	Key   Key
	Label string
	Hint  string
	// Hidden fields are not shown and never get the cursor; they keep the
	// value they were made with (privacy hides what the buyer may not see).
	Hidden   bool
	kind     fieldKind
	input    textinput.Model
	choices  []string // for choice fields: the values
	labels   []string // for choice fields: how they read
	choice   int
	required bool
	err      error
	// prefilled text (from the last meeting) is replaced by the first
	// letter typed, as selected text would be; a key that moves the cursor
	// or deletes keeps it to be edited (DESIGN 8).
	prefilled bool
	// extra checks the text further (a contact line), after the kind's check.
	extra func(text string) error
}

func newField(key Key, label string, kind fieldKind, value string) *Field {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 500
	in.Cursor.SetMode(cursor.CursorStatic)
	in.SetValue(value)
	f := &Field{Key: key, Label: label, kind: kind, input: in}
	f.check()
	return f
}

// Text is a free-text field.
func Text(key Key, label, value string) *Field { return newField(key, label, textField, value) }

// Number is a decimal field (24.40, 1,000, 2.5%, €12.40).
func Number(key Key, label, value string) *Field { return newField(key, label, numberField, value) }

// Percent is a number of percent, 0–100.
func Percent(key Key, label, value string) *Field { return newField(key, label, percentField, value) }

// Score is a whole number 0–100.
func Score(key Key, label, value string) *Field { return newField(key, label, scoreField, value) }

// Date is a date like 2027-01-31.
func Date(key Key, label, value string) *Field { return newField(key, label, dateField, value) }

// Choice picks one of values, shown as labels; ←→ or the first letter choose.
func Choice(key Key, label string, values, labels []string, value string) *Field {
	f := &Field{Key: key, Label: label, kind: choiceField, choices: values, labels: labels, input: textinput.New()}
	for i, c := range values {
		if c == value {
			f.choice = i
		}
	}
	return f
}

// SetChoices replaces a choice field's values and labels, keeping the
// chosen value when it is still offered, else choosing the first.
func (f *Field) SetChoices(values, labels []string) {
	if f.kind != choiceField {
		return
	}
	current := f.Value()
	f.choices, f.labels, f.choice = values, labels, 0
	for i, c := range values {
		if c == current {
			f.choice = i
		}
	}
}

// Required marks the field as needing a value.
func (f *Field) Required() *Field {
	f.required = true
	f.check()
	return f
}

// WithCheck adds a check of the text as typed, for a field whose text has
// a shape of its own (a contact: name; role; side; e-mail; phone).
func (f *Field) WithCheck(check func(text string) error) *Field {
	f.extra = check
	f.check()
	return f
}

// Prefilled marks the text as a suggestion carried over (the last
// meeting's place): the first letter typed replaces it.
func (f *Field) Prefilled() *Field {
	f.prefilled = f.input.Value() != ""
	return f
}

// WithHint sets the hint shown beside the focused field.
func (f *Field) WithHint(hint string) *Field {
	f.Hint = hint
	return f
}

// Value is the field's text, trimmed, or the chosen value.
func (f *Field) Value() string {
	if f.kind == choiceField {
		if len(f.choices) == 0 {
			return ""
		}
		return f.choices[f.choice]
	}
	return strings.TrimSpace(f.input.Value())
}

// SetValue replaces the text (or picks the choice with that value).
func (f *Field) SetValue(text string) {
	if f.kind == choiceField {
		for i, c := range f.choices {
			if c == text {
				f.choice = i
			}
		}
		return
	}
	f.input.SetValue(text)
	f.input.CursorEnd()
	f.prefilled = false
	f.check()
}

// Err is why the text is not a valid value, nil when it is.
func (f *Field) Err() error { return f.err }

// check validates the text as typed so far.
func (f *Field) check() {
	v := f.Value()
	f.err = nil
	if v == "" {
		if f.required {
			f.err = fmt.Errorf("required")
		}
		return
	}
	if f.extra != nil {
		if f.err = f.extra(v); f.err != nil {
			return
		}
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

// Optional reads a number field: not valid when blank (or not yet a number).
func (f *Field) Optional() decimal.NullDecimal {
	d, err := model.ParseOptional(f.Value())
	if err != nil {
		return decimal.NullDecimal{}
	}
	return d
}

// Decimal reads a number field, zero when blank.
func (f *Field) Decimal() decimal.Decimal { return f.Optional().Decimal }

// Whole reads a 0–100 field, 0 when blank.
func (f *Field) Whole() int {
	n, err := strconv.Atoi(f.Value())
	if err != nil {
		return 0 // blank: the check has refused anything else before a submit
	}
	return n
}

// Time reads a date field, zero when blank.
func (f *Field) Time() time.Time {
	t, err := time.Parse(model.DateLayout, f.Value())
	if err != nil {
		return time.Time{}
	}
	return t
}

// ID reads a choice whose values are record IDs, 0 for none.
func (f *Field) ID() uint64 {
	id, err := strconv.ParseUint(f.Value(), 10, 64)
	if err != nil {
		return 0
	}
	return id
}
