package tui

import (
	"encoding/json"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
)

// fuzzKeys is the keyboard of FuzzKeys: every key the workbench knows, and
// letters and digits to type into fields. ctrl+c is left out (it ends the run).
var fuzzKeys = func() []tea.KeyMsg {
	var keys []tea.KeyMsg
	for _, k := range []string{"enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "backspace",
		"ctrl+s", "pgup", "pgdown", "home", "end", "shift+up", "shift+down", "delete"} {
		keys = append(keys, keyMsg(k))
	}
	for _, r := range "aAbcdDeEfgGiIjJkKlLmnoprsStTvwxXy?/12345 .,-#!0123456789we they for" {
		keys = append(keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return append(keys, keyMsg("q"))
}()

// FuzzKeys types random key streams into the workbench on the demo. It must
// never panic; every frame must equal one drawn from scratch; the agenda must show the positions a fresh replay of the
// stored ledger gives; and the workbench's copy of the negotiation must equal
// the file's: nothing changed in the store but what the keys did, and nothing
// the keys did is missing from it.
func FuzzKeys(f *testing.F) {
	for _, seed := range []string{
		"n" + "they 2 55 for e-invoicing\r! call Dana\r? rebate\r" + "\x1b",
		"m\r\rnwe 1 24.40\r\x1bm\r",
		"ajunk\t\t\t\t1x\x13\x1b",
		"p2jj3x4t5a",
		"oAacme\x13\x13",
		"jdyjJ",
		"s\x1b?q",
	} {
		var data []byte
		for _, r := range seed {
			data = append(data, fuzzByte(r))
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 300 {
			data = data[:300]
		}
		h := newHarness(t, true, 120, 40)
		for _, b := range data {
			if h.quit {
				break
			}
			h.send(fuzzKeys[int(b)%len(fuzzKeys)])
			// A pane kept from the last frame must look as it would drawn anew.
			kept := h.m.View()
			h.m.redrawAll()
			if fresh := h.m.View(); kept != fresh {
				t.Fatalf("after %q the screen kept a stale pane:\n%s\n--- drawn anew:\n%s", fuzzKeys[int(b)%len(fuzzKeys)], kept, fresh)
			}
		}
		h.fireTimers()
		h.m.View()
		if h.m.snap == nil {
			return
		}
		mem := h.m.snap.D
		disk, err := h.store.Dossier(mem.Negotiation.ID)
		if err != nil {
			t.Fatalf("the open negotiation is not in the file: %v", err)
		}
		if a, b := canonicalJSON(t, mem), canonicalJSON(t, disk); a != b {
			t.Fatalf("the workbench and the file disagree:\nworkbench %s\nfile      %s", a, b)
		}
		r := disk.Replay()
		for i, shown := range h.m.agenda.Positions() {
			st, it := r.Items[i], disk.Items[i]
			if st.HasOurs && shown[0] != it.Format(st.Ours) || st.HasTheirs && shown[1] != it.Format(st.Theirs) {
				t.Fatalf("%s shows %s / %s, the ledger gives %s / %s", it.Title, shown[0], shown[1], it.Format(st.Ours), it.Format(st.Theirs))
			}
		}
	})
}

// fuzzByte is the byte that types r in FuzzKeys (for the seeds).
func fuzzByte(r rune) byte {
	named := map[rune]string{'\r': "enter", '\x1b': "esc", '\t': "tab", '\x13': "ctrl+s"}
	for i, k := range fuzzKeys {
		if name, ok := named[r]; ok && k.String() == name || k.Type == tea.KeyRunes && len(k.Runes) == 1 && k.Runes[0] == r {
			return byte(i)
		}
	}
	return 0
}

// canonicalJSON writes a dossier in one canonical form for comparing.
func canonicalJSON(t *testing.T, d *model.Dossier) string {
	c := *d
	c.Sort()
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	// The stamps (UID, Updated) are the store's: the workbench's copy of a
	// record it just added has none until the next reload, and a save
	// keeps the file's UID whatever the copy holds.
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	data, err = json.Marshal(withoutStamps(v))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// withoutStamps drops every UID and Updated field from a JSON tree.
func withoutStamps(v any) any {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "UID")
		delete(v, "Updated")
		for k, e := range v {
			v[k] = withoutStamps(e)
		}
	case []any:
		for i, e := range v {
			v[i] = withoutStamps(e)
		}
	}
	return v
}
