package roundtrip

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// session is the other party as a second session of the store on the
// same file: `parley note`, `undo` and `redo` as the commands do them.
type session struct{ s *store.Store }

func (o session) Note(line string) error {
	id, err := o.s.Current()
	if err != nil {
		return err
	}
	d, err := o.s.Dossier(id)
	if err != nil {
		return err
	}
	c, err := model.ParseCaptureIn(line, d.Items, d.Negotiation.Numbers())
	if err != nil {
		return err
	}
	_, err = o.s.Capture(id, c, time.Now().UTC(), 0, "", true)
	return err
}

func (o session) Undo() error { _, err := o.s.Undo(); return err }
func (o session) Redo() error { _, err := o.s.Redo(); return err }

// Sequences is how many generated sequences the default test suite runs;
// scripts/measure-file-safety runs 300.
const sequences = 24

// After any sequence of workbench actions and commands, undo from a second
// session among them, the file's export imports into a new file and gives
// the same export (issue 24).
func TestExportImportsAfterAnySequence(t *testing.T) {
	for seed := range uint64(sequences) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "parley.db")
			ws, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer ws.Close()
			if _, err := ws.AddDossier(model.Demo(time.Now().UTC())); err != nil {
				t.Fatal(err)
			}
			other, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			log, err := Run(ws, session{other}, seed, 30)
			if err != nil {
				t.Fatal(err)
			}
			if err := Check(ws, dir); err != nil {
				t.Fatalf("%v\nafter:\n%s", err, strings.Join(log, "\n"))
			}
		})
	}
}

// Canonical compares records by UID: the same file numbered afresh is the same.
func TestCanonicalIgnoresLocalIDs(t *testing.T) {
	a := []byte(`{"format":"parley/2","exported":"x","accounts":[{"id":3,"uid":"A"}],"negotiations":[{"negotiation":{"id":9,"uid":"N","account_id":3},
		"items":[{"id":7,"uid":"I"}],"ledger":[{"id":2,"uid":"C","item_id":7}]}]}`)
	b := []byte(`{"format":"parley/2","exported":"y","accounts":[{"id":1,"uid":"A"}],"negotiations":[{"negotiation":{"id":1,"uid":"N","account_id":1},
		"items":[{"id":1,"uid":"I"}],"ledger":[{"id":1,"uid":"C","item_id":1}]}]}`)
	ca, err1 := Canonical(a)
	cb, err2 := Canonical(b)
	if err := errors.Join(err1, err2); err != nil || string(ca) != string(cb) {
		t.Fatalf("%v\n%s\n%s", err, ca, cb)
	}
	broken := []byte(strings.Replace(string(b), `"item_id":1}`, `"item_id":5}`, 1))
	if cc, _ := Canonical(broken); string(cc) == string(cb) {
		t.Error("a link to another record compares the same")
	}
}
