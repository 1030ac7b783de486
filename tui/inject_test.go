package tui

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	bolt "go.etcd.io/bbolt"
)

// Text written before the store cleaned what enters (or by an older Parley)
// is still in the file. These tests put such text in with a raw bbolt write,
// past the store's cleaning, and open the workbench on it.

// idKey is a record ID as the file keys it.
func idKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

// rawEdit changes one JSON record of the closed file in place: the record
// with ID id in the nested buckets named by path, with fields set.
func rawEdit(t *testing.T, file string, id uint64, fields map[string]any, path ...[]byte) {
	t.Helper()
	db, err := bolt.Open(file, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(path[0])
		for _, name := range path[1:] {
			if b == nil {
				break
			}
			b = b.Bucket(name)
		}
		if b == nil {
			return fmt.Errorf("no bucket %q", path)
		}
		rec := map[string]any{}
		if err := json.Unmarshal(b.Get(idKey(id)), &rec); err != nil {
			return fmt.Errorf("record %d in %q: %w", id, path, err)
		}
		for k, v := range fields {
			rec[k] = v
		}
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return b.Put(idKey(id), data)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// notesOf and accounts are the bucket paths of a negotiation's notes and
// of the accounts.
func notesOf(negID uint64) [][]byte {
	return [][]byte{[]byte("negotiations"), idKey(negID), []byte("notes")}
}

var accounts = [][]byte{[]byte("accounts")}

// plantedHarness opens the workbench on the demo after edit has written
// raw text into the closed file.
func plantedHarness(t *testing.T, w, h int, edit func(path string, negID uint64)) *harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	negID, err := s.AddDossier(model.Demo(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	edit(path, negID)
	if s, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return startHarness(t, s, path, Options{}, w, h)
}

// terminalSafe reports the first thing in out that would act on a terminal
// other than a colour: an escape that is not SGR (ESC [ params m), a C1
// control, or a control character other than the newline.
func terminalSafe(out string) error {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == 0x1b:
			j := i + 1
			if j < len(out) && out[j] == '[' {
				j++
				for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';') {
					j++
				}
				if j < len(out) && out[j] == 'm' {
					i = j + 1
					continue
				}
			}
			return fmt.Errorf("an escape that is not a colour at byte %d: %q", i, out[i:min(len(out), i+12)])
		case r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			return fmt.Errorf("control character %U at byte %d: %q", r, i, out[max(0, i-8):min(len(out), i+8)])
		}
		i += size
	}
	return nil
}

// wantTerminalSafe fails when the frame could act on the terminal.
func (h *harness) wantTerminalSafe(where string) {
	h.t.Helper()
	if err := terminalSafe(h.m.View()); err != nil {
		h.t.Fatalf("%s: %v\n%s", where, err, h.screen())
	}
}

func TestTerminalSafeFindsWhatActsOnTheTerminal(t *testing.T) {
	if err := terminalSafe("\x1b[1;31mred\x1b[0m\nplain ✓"); err != nil {
		t.Errorf("colours and text: %v", err)
	}
	for _, bad := range []string{"\x1b]0;pwned\x07", "a\rb", "\x1b[2J", "\u009b2J", "\x1b]52;c;aGk=\x07", "tab\there"} {
		if terminalSafe(bad) == nil {
			t.Errorf("%q passes", bad)
		}
	}
}

func TestANoteInTheFileCannotSetTheTitle(t *testing.T) {
	for _, size := range [][2]int{{140, 40}, {80, 24}} {
		h := plantedHarness(t, size[0], size[1], func(path string, negID uint64) {
			rawEdit(t, path, 1, map[string]any{"text": "hi \x1b]0;pwned\x07 \x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b]52;c;aGk=\x07"},
				notesOf(negID)...)
		})
		h.press("3", "g", "j")
		h.wantTerminalSafe("the notes pane")
		h.wantScreen("hi ]0;pwned")
	}
}

func TestAnAccountNameInTheFileCannotBlankTheScreen(t *testing.T) {
	for _, size := range [][2]int{{140, 40}, {80, 24}} {
		h := plantedHarness(t, size[0], size[1], func(path string, negID uint64) {
			rawEdit(t, path, 1, map[string]any{"name": "Evil\u001b]0;x\u0007\u001b[2JCorp"}, accounts...)
		})
		h.wantTerminalSafe("the header")
		h.wantScreen("Evil]0;x[2JCorp")
		h.press("o")
		h.wantTerminalSafe("the picker")
		h.wantScreen("Accounts and negotiations", "Evil]0;x[2JCorp")
	}
}

func TestANoteInTheFileCannotOverwriteTheAgenda(t *testing.T) {
	h := plantedHarness(t, 140, 40, func(path string, negID uint64) {
		rawEdit(t, path, 2, map[string]any{"text": "agenda\roverwritten\u202e evil"}, notesOf(negID)...)
	})
	h.press("3", "g", "j", "j")
	h.wantTerminalSafe("the notes pane")
	h.wantScreen("agenda overwritten evil")
	if strings.ContainsRune(h.m.View(), '\u202e') {
		t.Fatal("a bidi override reaches the screen")
	}
}

func TestTheBriefFileHoldsNoTerminalCommand(t *testing.T) {
	h := plantedHarness(t, 140, 40, func(path string, negID uint64) {
		rawEdit(t, path, 1, map[string]any{"name": "Evil\u001b]0;x\u0007Corp"}, accounts...)
		rawEdit(t, path, 1, map[string]any{"kind": "action", "text": "a \x1b]8;;http://x\x07link\x1b]8;;\x07 b \x1b]52;c;aGk=\x07"},
			notesOf(negID)...)
	})
	h.press("E")
	h.wantScreen("Brief written to ")
	path := strings.TrimSpace(strings.SplitN(h.m.status.text, "Brief written to ", 2)[1])
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, osc := range []string{"\x1b]0;", "\x1b]8;", "\x1b]52;", "\x07", "\x1b"} {
		if strings.Contains(text, osc) {
			t.Errorf("the brief file holds %q", osc)
		}
	}
	if !strings.Contains(text, "Evil") || !strings.Contains(text, "link") {
		t.Errorf("the brief lost the text around the escapes:\n%s", text)
	}
}
