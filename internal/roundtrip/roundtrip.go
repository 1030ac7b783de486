// Package roundtrip is the property that nothing written can break the
// file (issue 24): after any sequence of workbench actions and commands,
// undo and redo from another session or process among them, the file's
// export imports into a new file and that file's export is the same (local
// IDs aside: a new file numbers its records afresh, so records are compared
// by UID and links by the UID they point at).
//
// Run plays one generated sequence; Check tests the property. The store's
// tests run a few dozen sequences with a second session standing in for the
// other process; scripts/measure-file-safety runs 300 with the parley
// binary as the other process.
package roundtrip

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	"github.com/shopspring/decimal"
)

// Other is the second party writing into the file: another process (the
// parley binary: `note`, `undo`, `redo`) or another session of the store.
type Other interface {
	Note(line string) error
	Undo() error
	Redo() error
}

// Start is the moment every sequence's records are dated from.
var Start = time.Date(2027, time.March, 15, 10, 30, 0, 0, time.UTC)

// Run plays a sequence of steps, chosen by seed, on the database at db,
// which holds the demo negotiation: the workbench's actions through ws (a
// session of the store), the commands through other. A refused step (a
// move that is no move, an undo of a record others wrote into) is part of
// the property: it must leave the file whole. It returns what it did.
func Run(ws *store.Store, other Other, seed uint64, steps int) ([]string, error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var log []string
	for i := range steps {
		// The time of day, as the other process (a command) takes it:
		// a move dated before one already logged is another matter.
		at := time.Now().UTC()
		name, err := step(r, ws, other, at, i)
		if err != nil {
			name += " (refused: " + err.Error() + ")"
		}
		log = append(log, name)
	}
	return log, nil
}

// step does one thing, chosen at random.
func step(r *rand.Rand, ws *store.Store, other Other, at time.Time, i int) (string, error) {
	negID, err := ws.Current()
	if err != nil {
		return "current", err
	}
	d, err := ws.Dossier(negID)
	if negID == 0 || err != nil {
		if _, err := ws.AddDossier(model.Demo(at)); err != nil {
			return "demo", err
		}
		return "demo", nil
	}
	item := func() model.AgendaItem { return d.Items[r.IntN(len(d.Items))] }
	kind := r.IntN(16)
	if len(d.Items) == 0 && kind >= 9 {
		kind = 8 // a new negotiation: give it an item first
	}
	switch kind {
	case 0, 1:
		line := noteLine(r, d, i)
		return "other: note " + line, other.Note(line)
	case 2, 3:
		return "other: undo", other.Undo()
	case 4:
		return "other: redo", other.Redo()
	case 5:
		_, err := ws.UndoOwn()
		return "workbench: u", err
	case 6:
		_, err := ws.RedoOwn()
		return "workbench: redo", err
	case 7:
		m := model.Meeting{Number: nextMeeting(d), Started: at.Add(-time.Hour), Ended: at, Place: "Their office"}
		return "workbench: meeting", ws.SaveMeeting(negID, &m)
	case 8:
		it := model.AgendaItem{Title: fmt.Sprintf("Clause %d", i), Topic: model.TopicOther, Status: model.ItemOpen, Unit: "EUR",
			Better: model.Down, OurOpening: opt(1000), TheirOpening: opt(5000), Weight: 5}
		return "workbench: new item", ws.SaveItem(negID, &it)
	case 9:
		it := item()
		return "workbench: delete item " + it.Title, ws.DeleteItem(negID, it.ID)
	case 10:
		meeting := uint64(0)
		if len(d.Meetings) > 0 && r.IntN(2) == 0 {
			meeting = d.Meetings[r.IntN(len(d.Meetings))].ID
		}
		it := item()
		c := model.Capture{Kind: model.CaptureConcession, By: model.Them, ItemID: it.ID, Value: between(r, it)}
		_, err := ws.Capture(negID, c, at, meeting, "", true)
		return "workbench: they move", err
	case 11:
		if len(d.Notes) == 0 {
			return "workbench: delete note (none)", nil
		}
		return "workbench: delete note", ws.DeleteNote(negID, d.Notes[r.IntN(len(d.Notes))].ID)
	case 12:
		if len(d.Ledger) == 0 {
			return "workbench: delete move (none)", nil
		}
		return "workbench: delete move", ws.DeleteConcession(negID, d.Ledger[r.IntN(len(d.Ledger))].ID)
	case 13:
		a := model.Account{Name: fmt.Sprintf("Account %d", i), Kind: model.Retail}
		return "workbench: new account", ws.SaveAccount(&a)
	case 14:
		n := model.Negotiation{AccountID: d.Account.ID, Title: fmt.Sprintf("Terms %d", i), Stage: model.StagePrepare,
			Status: model.Active, Currency: "EUR", Created: at, Deadline: at.AddDate(0, 2, 0)}
		return "workbench: new negotiation", ws.SaveNegotiation(&n)
	default:
		it := item()
		b := model.Budget{ItemID: it.ID, Value: between(r, it), At: at}
		return "workbench: budget", ws.SaveBudget(negID, &b)
	}
}

// noteLine is a line for `parley note`: a note, an action, a question, a
// move or a budget on a random item.
func noteLine(r *rand.Rand, d *model.Dossier, i int) string {
	if len(d.Items) == 0 {
		return fmt.Sprintf("a note %d", i)
	}
	n := 1 + r.IntN(len(d.Items))
	it := d.Items[n-1]
	switch r.IntN(5) {
	case 0:
		return fmt.Sprintf("they %d %s", n, between(r, it))
	case 1:
		return fmt.Sprintf("budget %d %s", n, between(r, it))
	case 2:
		return fmt.Sprintf("! call back %d", i)
	case 3:
		return fmt.Sprintf("? who signs %d", i)
	}
	return fmt.Sprintf("in meeting %d #%d", i, n)
}

// between is a value between the item's openings, or near ours.
func between(r *rand.Rand, it model.AgendaItem) decimal.Decimal {
	ours := it.OurOpening.Decimal
	theirs := ours.Add(decimal.NewFromInt(10))
	if it.TheirOpening.Valid {
		theirs = it.TheirOpening.Decimal
	}
	f := decimal.NewFromFloat(r.Float64()).Round(2)
	return ours.Add(theirs.Sub(ours).Mul(f)).Round(2)
}

func nextMeeting(d *model.Dossier) int {
	n := 0
	for _, m := range d.Meetings {
		n = max(n, m.Number)
	}
	return n + 1
}

func opt(v int64) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.NewFromInt(v)) }

// Check exports the file at db, imports the export into a new file in dir
// and exports that: the import must succeed and the two exports hold the
// same records (see Canonical).
func Check(db *store.Store, dir string) error {
	first := filepath.Join(dir, "first.json")
	if _, err := db.Export(first, Start); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fresh, err := store.Open(filepath.Join(dir, "fresh.db"))
	if err != nil {
		return err
	}
	defer fresh.Close()
	if _, err := fresh.Import(first); err != nil {
		return fmt.Errorf("the export does not import: %w", err)
	}
	second := filepath.Join(dir, "second.json")
	if _, err := fresh.Export(second, Start); err != nil {
		return fmt.Errorf("export of the imported file: %w", err)
	}
	a, err := canonicalFile(first)
	if err != nil {
		return err
	}
	b, err := canonicalFile(second)
	if err != nil {
		return err
	}
	if !bytes.Equal(a, b) {
		return fmt.Errorf("the imported file exports differently:\n%s", firstDifference(a, b))
	}
	return nil
}

func canonicalFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Canonical(data)
}

// Canonical is an export with local IDs replaced by the UIDs of the records
// they name, and every list of records in UID order.
func Canonical(data []byte) ([]byte, error) {
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	delete(f, "exported")
	accounts := uidsByID(f["accounts"])
	negs, _ := f["negotiations"].([]any)
	for _, n := range negs {
		neg, _ := n.(map[string]any)
		kinds := map[string]map[string]string{
			"account_id":     accounts,
			"item_id":        uidsByID(neg["items"]),
			"meeting_id":     uidsByID(neg["meetings"]),
			"tabled_meeting": uidsByID(neg["meetings"]),
			"traded_against": uidsByID(neg["ledger"]),
			"concession_id":  uidsByID(neg["ledger"]),
			"link_scenario":  uidsByID(neg["scenarios"]),
		}
		relink(neg, kinds)
	}
	relink(f["accounts"], nil)
	return json.MarshalIndent(sortLists(f), "", " ")
}

// uidsByID maps the IDs of a list of records to their UIDs.
func uidsByID(list any) map[string]string {
	out := map[string]string{}
	recs, _ := list.([]any)
	for _, r := range recs {
		rec, _ := r.(map[string]any)
		if uid, ok := rec["uid"].(string); ok {
			out[fmt.Sprint(rec["id"])] = uid
		}
	}
	return out
}

// relink drops every record's own ID and writes each link as the UID it names.
func relink(v any, kinds map[string]map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k == "id" {
				delete(v, k)
				continue
			}
			if ids, ok := kinds[k]; ok {
				if uid, ok := ids[fmt.Sprint(x)]; ok {
					v[k] = uid
				} else {
					v[k] = fmt.Sprintf("missing %v", x)
				}
				continue
			}
			relink(x, kinds)
		}
	case []any:
		for _, x := range v {
			relink(x, kinds)
		}
	}
}

// sortLists orders every list of objects by its canonical form.
func sortLists(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = sortLists(x)
		}
	case []any:
		keys := make([]string, len(v))
		for i, x := range v {
			v[i] = sortLists(x)
			b, _ := json.Marshal(v[i])
			keys[i] = string(b)
		}
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case keys[a] < keys[b]:
				return -1
			case keys[a] > keys[b]:
				return 1
			}
			return 0
		})
		out := make([]any, len(v))
		for i, j := range idx {
			out[i] = v[j]
		}
		return out
	}
	return v
}

// firstDifference shows a few lines around where a and b part.
func firstDifference(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < min(len(la), len(lb)); i++ {
		if !bytes.Equal(la[i], lb[i]) {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(la), len(lb))
}
