package model

import "reflect"

// SameFigures reports whether o holds everything d's figures are worked out
// from: all of it but the notes and the follow-up lines. A reload that
// brought only notes keeps the replay and the deal it had. A list the
// reader handed out again unchanged is the same array, and is the same at
// a glance (after a note, fifty workbenches of a team server each ask);
// anything else is compared by value.
func (d *Dossier) SameFigures(o *Dossier) bool {
	if d == nil || o == nil {
		return d == o
	}
	return sameFields(reflect.ValueOf(d).Elem(), reflect.ValueOf(o).Elem())
}

// notFigures are the dossier's fields no figure is worked out from.
var notFigures = map[string]bool{"Notes": true, "FollowUps": true}

// sameFields compares two structs of the same type field by field, the
// fields of an embedded struct (Ahead) each on its own.
func sameFields(a, b reflect.Value) bool {
	t := a.Type()
	for i := range t.NumField() {
		if notFigures[t.Field(i).Name] {
			continue
		}
		fa, fb := a.Field(i), b.Field(i)
		switch {
		case fa.Kind() == reflect.Slice:
			if fa.Len() != fb.Len() {
				return false
			}
			if fa.Len() == 0 || fa.Pointer() == fb.Pointer() {
				continue
			}
		case t.Field(i).Anonymous && fa.Kind() == reflect.Struct:
			if !sameFields(fa, fb) {
				return false
			}
			continue
		}
		if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			return false
		}
	}
	return true
}
