package model

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// SameFigures tells a change that moves no figure (a note, a follow-up
// line) from every change that may.
func TestSameFiguresIgnoresOnlyNotesAndFollowUps(t *testing.T) {
	at := time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC)
	d := Demo(at)
	copyOf := func() *Dossier {
		c := *d
		c.Items, c.Meetings, c.Ledger = slices.Clone(d.Items), slices.Clone(d.Meetings), slices.Clone(d.Ledger)
		c.Notes, c.FollowUps, c.Budgets = slices.Clone(d.Notes), slices.Clone(d.FollowUps), slices.Clone(d.Budgets)
		return &c
	}
	same := copyOf()
	same.Notes = append(same.Notes, Note{ID: 999, Kind: KindNote, Text: "from the phone", At: at})
	same.FollowUps = append(same.FollowUps, FollowUp{ID: 999, Action: "send the minutes"})
	if !d.SameFigures(same) {
		t.Error("a note and a follow-up line were taken for a change to the figures")
	}
	for name, change := range map[string]func(c *Dossier){
		"a move":           func(c *Dossier) { c.Ledger[len(c.Ledger)-1].To = c.Ledger[len(c.Ledger)-1].To.Add(c.Ledger[0].To) },
		"an item's target": func(c *Dossier) { c.Items[0].OurTarget.Valid = !c.Items[0].OurTarget.Valid },
		"a meeting ended":  func(c *Dossier) { c.Meetings[0].Ended = at.Add(time.Hour) },
		"a budget":         func(c *Dossier) { c.Budgets = append(c.Budgets, Budget{ItemID: c.Items[0].ID}) },
		"the stage":        func(c *Dossier) { c.Negotiation.Stage += "!" },
	} {
		c := copyOf()
		change(c)
		if d.SameFigures(c) {
			t.Errorf("%s was not seen as a change to the figures", name)
		}
	}
}

// TestEveryFieldButNotesAndFollowUpsIsAFigure changes each field of the
// dossier in turn (each of Ahead's too), so that a field added later is
// compared or the test says how to change it.
func TestEveryFieldButNotesAndFollowUpsIsAFigure(t *testing.T) {
	d := Demo(time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC))
	var check func(path string, field func(c *Dossier) reflect.Value)
	check = func(path string, field func(c *Dossier) reflect.Value) {
		c := *d
		f := field(&c)
		switch {
		case f.Kind() == reflect.Slice:
			longer := reflect.Append(reflect.AppendSlice(reflect.MakeSlice(f.Type(), 0, f.Len()+1), f), reflect.Zero(f.Type().Elem()))
			f.Set(longer)
		case f.Kind() == reflect.Struct && f.Type() == reflect.TypeFor[Ahead]():
			for i := range f.NumField() {
				check(path+"."+f.Type().Field(i).Name, func(c *Dossier) reflect.Value { return field(c).Field(i) })
			}
			return
		case f.Kind() == reflect.Struct:
			title := f.FieldByName("Title")
			if !title.IsValid() {
				title = f.FieldByName("Name")
			}
			if !title.IsValid() || title.Kind() != reflect.String {
				t.Fatalf("%s: the test does not know how to change it", path)
			}
			title.SetString(title.String() + " changed")
		default:
			t.Fatalf("%s: the test does not know how to change a %s", path, f.Kind())
		}
		if d.SameFigures(&c) == !notFigures[path] {
			t.Errorf("%s changed: SameFigures says %v", path, d.SameFigures(&c))
		}
	}
	typ := reflect.TypeFor[Dossier]()
	for i := range typ.NumField() {
		check(typ.Field(i).Name, func(c *Dossier) reflect.Value { return reflect.ValueOf(c).Elem().Field(i) })
	}
}
