package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/form"
)

// note finds a note in the store by the start of its text.
func (h *harness) note(prefix string) model.Note {
	h.t.Helper()
	for _, n := range h.dossier().Notes {
		if strings.HasPrefix(n.Text, prefix) {
			return n
		}
	}
	h.t.Fatalf("no note starts with %q", prefix)
	return model.Note{}
}

func TestNotesAreGroupedByMeetingNewestLast(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := newHarness(t, true, size[0], size[1])
		h.press("3")
		h.resize(size[0], 60) // tall enough for the whole demo stream
		h.wantPane(paneNotes, "Before meeting 1", "Meeting 1 · ", "Meeting 2 · ", "2 open",
			"11-09 · ", "Dana took over", "10:55 ☑ ", "11:20 ✓+", "15:35 ☐+", "15:40 ?+ ")
		text := h.paneText(paneNotes)
		order := []string{"Before meeting 1", "Dana took over", "Meeting 1 · ", "Own-label oat", "Meeting 2 · ", "Can they commit"}
		last := -1
		for _, s := range order {
			i := strings.Index(text, s)
			if i < last {
				t.Fatalf("%q is out of order:\n%s", s, text)
			}
			last = i
		}
		if size[0] >= 140 {
			h.wantPane(paneNotes, "Meeting 1 · 2026-11-11 10:00–11:30 · Hollis head office, Leeds", "Meeting 2 · 2026-11-18 14:00–15:45 · 2 open",
				"?+ Promotional…")
		}
		// The newest is selected and shown in full under the list.
		h.wantPane(paneNotes, "question · open (A answers it)", "Can they commit to two leaflet weeks")
		if size[0] >= 140 {
			h.wantPane(paneNotes, "question · open (A answers it) · 2026-11-18 15:40 · meeting 2")
		}
	}
}

func TestNotesKindAndTextFilters(t *testing.T) {
	h := newHarness(t, true, 140, 60)
	h.press("3")
	steps := []struct {
		title      string
		want, lack []string
	}{
		{"Notes · notes", []string{"Own-label oat", "Dana: 23.40"}, []string{"Send the revised", "Can they commit"}},
		{"Notes · actions", []string{"Send the revised", "Lena: pull our"}, []string{"Own-label oat", "Can they commit"}},
		{"Notes · questions", []string{"Can they commit", "Who signs off"}, []string{"Own-label oat", "Send the revised"}},
		{"Notes · open only", []string{"Send the revised", "Can they commit"}, []string{"Lena: pull our", "Who signs off", "Own-label oat"}},
		{"Notes", []string{"Own-label oat", "Send the revised", "Can they commit"}, nil},
	}
	for _, s := range steps {
		h.press("f")
		if got := h.m.panes[paneNotes].Title(); got != s.title {
			t.Fatalf("title after f = %q, want %q", got, s.title)
		}
		h.wantPane(paneNotes, s.want...)
		h.lackPane(paneNotes, s.lack...)
	}
	// The text filter matches the text and the tagged item's title.
	h.press("/")
	h.typeText("price per")
	h.press("enter")
	h.wantPane(paneNotes, "Dana: 23.40", "Meeting 2 · ")
	h.lackPane(paneNotes, "Own-label oat", "Before meeting 1", "Meeting 1 · ")
	h.press("/", "esc")
	h.wantPane(paneNotes, "Own-label oat")
}

func TestNotesMarkActionDoneAndBack(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("3", "k") // the newest action: send the revised category impact
	h.wantPane(paneNotes, "action · open (x marks it done) · 2026-11-18 15:35 · meeting 2")
	h.now = testNow.Add(90 * time.Minute)
	h.press("x")
	n := h.note("Send the revised")
	if !n.Done || !n.DoneAt.Equal(h.now) {
		t.Fatalf("after x: done %v at %v, want done at %v", n.Done, n.DoneAt, h.now)
	}
	h.wantPane(paneNotes, "15:35 ☑", "action · done 2026-11-25 11:30")
	h.wantScreen("Done: Send the revised")
	h.press("x")
	if n := h.note("Send the revised"); n.Done || !n.DoneAt.IsZero() {
		t.Fatalf("after x again: done %v at %v", n.Done, n.DoneAt)
	}
	h.wantPane(paneNotes, "15:35 ☐")
	// x on a question explains instead of saving.
	h.press("j", "x")
	h.wantScreen("x marks an action done; this is a question")
}

func TestNotesAnswerEditAndDelete(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("3") // the newest: the open question
	h.press("A")
	h.wantScreen("Answer: Can they commit to two leaflet weeks")
	h.typeText("Yes, weeks 14 and 20")
	h.press("enter")
	if n := h.note("Can they commit"); n.Answer != "Yes, weeks 14 and 20" || n.Open() {
		t.Fatalf("after answering: %+v", n)
	}
	h.wantPane(paneNotes, "15:40 ✓", "question · answered", "#promo → Yes, weeks")

	// Edit the text and move the question to another item.
	h.press("e")
	h.wantScreen("Edit question")
	h.press("end")
	h.typeText(" (Priya)")
	h.press("tab", "tab", "left") // kind, item: one before Promotional allowance
	h.press("ctrl+s")
	n := h.note("Can they commit")
	if n.Text != "Can they commit to two leaflet weeks in Q2? #promo (Priya)" || n.Kind != model.KindQuestion {
		t.Fatalf("after the edit: %+v", n)
	}
	if it, _ := h.dossier().Item(n.ItemID); it.Title != "Annual volume commitment" {
		t.Fatalf("the edited question is tagged to %q", it.Title)
	}

	// Delete asks first; n keeps it, y deletes it.
	before := len(h.dossier().Notes)
	h.press("d")
	h.wantScreen("Delete this question?")
	h.press("n")
	if got := len(h.dossier().Notes); got != before {
		t.Fatalf("n deleted a note: %d → %d", before, got)
	}
	h.press("d", "y")
	if got := len(h.dossier().Notes); got != before-1 {
		t.Fatalf("after delete %d notes, want %d", got, before-1)
	}
	h.lackPane(paneNotes, "Can they commit")
	h.wantScreen("Deleted question")
}

func TestNewNoteScrollsIntoViewWhenFollowingTheEnd(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.press("3")
	h.capture("first thing said", "second thing said", "third thing said", "fourth thing said", "fifth thing said",
		"sixth thing said", "seventh thing said", "eighth thing said")
	h.wantPane(paneNotes, "eighth thing said")
	// Away from the end, the selection stays where it is.
	h.press("esc", "g")
	h.capture("ninth thing said")
	h.press("esc")
	h.lackPane(paneNotes, "ninth thing said")
	h.wantPane(paneNotes, "Before meeting 1")
}

func TestFailedSaveKeepsTheFormAndItsText(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("3", "e")
	h.typeText(" and more")
	if err := os.Remove(h.path); err != nil { // the file gone: the write fails
		t.Fatal(err)
	}
	h.press("ctrl+s")
	h.wantScreen("Edit question", "not saved")
	if f, ok := h.m.top().(*form.Form); !ok || f.Field("text").Value() != "Can they commit to two leaflet weeks in Q2? #promo and more" {
		t.Fatalf("the form lost what was typed: %+v", h.m.top())
	}
}

func TestNoteKindChangedInTheFormTakesItsAnswer(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("3", "g", "j") // the first preparation note (a plain note)
	h.press("e")
	h.wantScreen("Edit note", "Answer", "Done")
	h.press("tab", "right", "right") // kind: note → action → question
	h.press("tab", "tab")            // to the answer
	h.typeText("Yes, from March")
	h.press("ctrl+s")
	d := h.dossier()
	n := d.Notes[0]
	if n.Kind != model.KindQuestion || n.Answer != "Yes, from March" {
		t.Fatalf("stored note: kind %s, answer %q", n.Kind, n.Answer)
	}
}
