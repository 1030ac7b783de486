package model

import (
	"reflect"
	"testing"
)

// TestCloneSharesNoList: every list of the dossier, including one added
// later, is copied, so that a change to the original (a record replaced in
// place) never shows in a copy another goroutine reads.
func TestCloneSharesNoList(t *testing.T) {
	d := Demo(demoNow)
	lists := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			switch f.Kind() {
			case reflect.Struct:
				fill(f)
			case reflect.Slice:
				if f.Len() == 0 {
					f.Set(reflect.MakeSlice(f.Type(), 1, 1))
				}
				lists++
			}
		}
	}
	fill(reflect.ValueOf(d).Elem())
	cp := d.Clone()
	var compare func(path string, a, b reflect.Value)
	compare = func(path string, a, b reflect.Value) {
		for i := 0; i < a.NumField(); i++ {
			name := path + a.Type().Field(i).Name
			switch a.Field(i).Kind() {
			case reflect.Struct:
				compare(name+".", a.Field(i), b.Field(i))
			case reflect.Slice:
				lists--
				if a.Field(i).Pointer() == b.Field(i).Pointer() {
					t.Errorf("the copy shares %s with the original", name)
				}
			}
		}
	}
	compare("", reflect.ValueOf(d).Elem(), reflect.ValueOf(cp).Elem())
	if lists != 0 {
		t.Fatalf("%d lists left uncompared", lists)
	}
}
