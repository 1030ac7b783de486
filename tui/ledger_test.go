package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/act"
	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
	"github.com/shopspring/decimal"
)

// paneText is what pane p draws, without escapes.
func (h *harness) paneText(p paneID) string {
	return ansi.Strip(strings.Join(h.m.panes[p].View(true), "\n"))
}

// wantPane fails unless pane p shows every part.
func (h *harness) wantPane(p paneID, parts ...string) {
	h.t.Helper()
	s := h.paneText(p)
	for _, part := range parts {
		if !strings.Contains(s, part) {
			h.t.Fatalf("%s pane lacks %q:\n%s", h.m.panes[p].Title(), part, s)
		}
	}
}

// lackPane fails if pane p shows any part.
func (h *harness) lackPane(p paneID, parts ...string) {
	h.t.Helper()
	s := h.paneText(p)
	for _, part := range parts {
		if strings.Contains(s, part) {
			h.t.Fatalf("%s pane shows %q:\n%s", h.m.panes[p].Title(), part, s)
		}
	}
}

var headerPct = regexp.MustCompile(`gap closed [█░]* ?(\d+)%`)

// headerPercent is the gap closed the header shows.
func (h *harness) headerPercent() int {
	h.t.Helper()
	first, _, _ := strings.Cut(h.screen(), "\n")
	m := headerPct.FindStringSubmatch(first)
	if m == nil {
		h.t.Fatalf("no gap closed in the header: %q", first)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// startMeeting starts the next meeting through m and its form.
func (h *harness) startMeeting() model.Meeting {
	h.t.Helper()
	h.press("m")
	h.wantScreen("Start meeting")
	h.press("enter", "enter") // place, attendees (kept from the last meeting): save
	mt, ok := h.dossier().RunningMeeting()
	if !ok {
		h.t.Fatalf("no meeting runs after m, enter:\n%s", h.screen())
	}
	return mt
}

// capture types lines into the capture line, each followed by enter.
func (h *harness) capture(lines ...string) {
	h.t.Helper()
	if !h.m.capture.IsOpen() {
		h.press("n")
	}
	for _, l := range lines {
		h.typeText(l)
		h.press("enter")
	}
}

func TestLiveMeetingCaptureReachesStoreLedgerAndChart(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, true, size[0], size[1])
			before := h.dossier()
			pctBefore := h.headerPercent()
			mt := h.startMeeting()
			if mt.Number != 3 {
				t.Fatalf("started meeting %d, want 3", mt.Number)
			}
			h.press("2")
			h.wantPane(paneLedger, "Meeting 3", "gap closed so far 44%")

			h.capture("Dana wants the listing fee waived #sku", "! send revised volume plan #volume",
				"? can they take 6 SKUs by March", "they 2 55 for faster listing", "we pric 24.40")
			h.wantScreen("Saved: we List price per case 24.50 → 24.40")

			d := h.dossier()
			if got, want := len(d.Notes), len(before.Notes)+3; got != want {
				t.Fatalf("store has %d notes, want %d", got, want)
			}
			newNotes := d.Notes[len(d.Notes)-3:]
			kinds := []model.NoteKind{model.KindNote, model.KindAction, model.KindQuestion}
			texts := []string{"Dana wants the listing fee waived #sku", "send revised volume plan #volume", "can they take 6 SKUs by March"}
			for i, n := range newNotes {
				if n.MeetingID != mt.ID || n.Kind != kinds[i] || n.Text != texts[i] {
					t.Errorf("note %d = meeting %d %s %q, want meeting %d %s %q", i, n.MeetingID, n.Kind, n.Text, mt.ID, kinds[i], texts[i])
				}
			}
			if it, _ := d.Item(newNotes[0].ItemID); it.Title != "SKUs listed, Crunch Oat range" {
				t.Errorf("the #sku note is tagged to %q", it.Title)
			}
			if got, want := len(d.Ledger), len(before.Ledger)+2; got != want {
				t.Fatalf("store has %d concessions, want %d", got, want)
			}
			they, we := d.Ledger[len(d.Ledger)-2], d.Ledger[len(d.Ledger)-1]
			payment, price := d.Items[1], d.Items[0]
			if they.MeetingID != mt.ID || they.By != model.Them || they.ItemID != payment.ID ||
				!they.To.Equal(decimal.NewFromInt(55)) || they.TradedFor != "faster listing" {
				t.Errorf("their concession = %+v", they)
			}
			if we.MeetingID != mt.ID || we.By != model.Us || we.ItemID != price.ID || !we.To.Equal(decimal.RequireFromString("24.40")) {
				t.Errorf("our concession = %+v", we)
			}

			// The ledger shows both rows under meeting 3, whose header and
			// chart bar now say how much more of the gap is closed.
			r := d.Replay()
			pct := model.FormatPercent(r.GapClosed)
			if pctAfter := h.headerPercent(); pctAfter <= pctBefore || fmt.Sprint(pctAfter)+"%" != pct {
				t.Fatalf("header gap closed %d%% → %d%%, want it to rise to %s", pctBefore, pctAfter, pct)
			}
			h.wantPane(paneLedger, "Meeting 3 · ", "gap closed so far "+pct, "#13 they Payment t", "›#14 we  List pric") // the newest move, selected, each with its number
			if size[0] >= 140 {
				h.wantPane(paneLedger, "60 →      55", "faster listing", "24.50 →   24.40", "⚠ unrecip")
			} else {
				h.wantPane(paneLedger, "60→55", "24.50→24.40 ⚠")
			}
			chartRow := regexp.MustCompile(`Meeting 3 [█░]+ +` + regexp.QuoteMeta(pct) + ` so far`)
			if !chartRow.MatchString(h.paneText(paneLedger)) {
				t.Fatalf("the chart has no bar for meeting 3 at %s:\n%s", pct, h.paneText(paneLedger))
			}
			if got := r.Meetings[2].GapClosed; model.FormatPercent(got) != pct {
				t.Fatalf("meeting 3 closed %s, want %s", model.FormatPercent(got), pct)
			}

			// The notes pane shows them under meeting 3, newest last.
			h.press("esc", "3")
			h.wantPane(paneNotes, "Meeting 3", "☐", "send revised volume plan", "? ", "can they take 6 SKUs by March")
		})
	}
}

func TestCaptureRefusalsKeepTheTextAndWriteNothing(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	before := h.dossier()
	for _, c := range []struct{ line, why string }{
		{"we zzz 12", "no item matches"},
		{"we a 12", "matches 2 items"},
		{"they 1 12x", "12x"},
		{"note about #zzz", "no item matches"},
		{"we 2 20", "no concession"}, // 20 days moves away from them
	} {
		if !h.m.capture.IsOpen() {
			h.press("n")
		}
		h.typeText(c.line)
		h.press("enter")
		h.wantScreen("› "+c.line, "✗", c.why)
		for range c.line {
			h.press("backspace")
		}
	}
	after := h.dossier()
	if len(after.Ledger) != len(before.Ledger) || len(after.Notes) != len(before.Notes) {
		t.Fatalf("refused lines wrote: ledger %d → %d, notes %d → %d",
			len(before.Ledger), len(after.Ledger), len(before.Notes), len(after.Notes))
	}
}

func TestCaptureDraftComesBackAfterReopening(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.press("n")
	h.typeText("they 2 5")
	h.fireTimers()
	if err := h.store.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(h.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	h2 := startHarness(t, s, h.path, Options{}, 80, 24)
	h2.wantScreen("› they 2 5")
	if !h2.m.capture.IsOpen() || h2.m.capture.Text() != "they 2 5" {
		t.Fatalf("the draft is not back in an open capture line: %q", h2.m.capture.Text())
	}
}

func TestEditAndDeleteConcessionFromTheLedger(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("2")
	// The ledger follows its end: the newest concession is selected.
	h.wantPane(paneLedger, "we · Promotional allowance · 0.40 → 0.60 EUR/case")
	h.press("e")
	h.wantScreen("Edit concession")
	h.press("tab", "tab") // item, by, new value
	for range "0.60" {
		h.press("backspace")
	}
	h.typeText("0.50")
	h.wantScreen("gap 0.90 → 1.00")
	h.press("ctrl+s")
	h.lackScreen("Edit concession")

	d := h.dossier()
	if c := d.Ledger[len(d.Ledger)-1]; !c.To.Equal(decimal.RequireFromString("0.50")) {
		t.Fatalf("the edited concession is at %s, want 0.50", c.To)
	}
	h.wantPane(paneLedger, "0.40 →    0.50")
	if !regexp.MustCompile(`Promotional allowance\s+0\.50\s+1\.50\s+1\.00`).MatchString(h.paneText(paneAgenda)) {
		t.Fatalf("the agenda does not follow the edit:\n%s", h.paneText(paneAgenda))
	}

	// Delete their rebate move (one row up); n first leaves it alone.
	h.press("k")
	h.wantPane(paneLedger, "they · Annual growth rebate · 4.0 → 3.0 %")
	pctBefore := h.headerPercent()
	h.press("d")
	h.wantScreen("Delete the concession they Annual growth rebate 4.0 → 3.0 %?")
	h.press("n")
	if got := len(h.dossier().Ledger); got != len(d.Ledger) {
		t.Fatalf("n deleted: %d concessions", got)
	}
	h.press("d", "y")
	after := h.dossier()
	if len(after.Ledger) != len(d.Ledger)-1 {
		t.Fatalf("store has %d concessions after delete, want %d", len(after.Ledger), len(d.Ledger)-1)
	}
	for _, c := range after.Ledger {
		if c.By == model.Them && c.ItemID == d.Items[2].ID {
			t.Fatalf("their rebate move is still in the store: %+v", c)
		}
	}
	h.wantScreen("Deleted: they Annual growth rebate")
	if !regexp.MustCompile(`Annual growth rebate\s+1\.75\s+4\.0\s+2\.25`).MatchString(h.paneText(paneAgenda)) {
		t.Fatalf("the agenda does not follow the delete:\n%s", h.paneText(paneAgenda))
	}
	if pct := h.headerPercent(); pct >= pctBefore {
		t.Fatalf("gap closed %d%% → %d%% after deleting their move", pctBefore, pct)
	}
	h.wantPane(paneLedger, "gap closed "+model.FormatPercent(after.Replay().Meetings[1].GapClosed))
}

func TestEditMeetingSummaryFromItsLedgerHeader(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("2", "g") // the first row: meeting 1's header
	h.wantPane(paneLedger, "Attendees: Dana Whitlock, Priya Natarajan, Lena Ruiz")
	h.press("enter")
	h.wantScreen("Meeting 1 · 2026-11-11 10:00–11:30 (ended)")
	h.press("tab", "tab", "end")
	h.typeText(" Call Dana Monday.")
	h.press("ctrl+s")
	mt := h.dossier().Meetings[0]
	if !strings.HasSuffix(mt.Summary, "own-label. Call Dana Monday.") || mt.Ended.IsZero() {
		t.Fatalf("meeting 1 after the edit: %+v", mt)
	}
	h.wantScreen("Meeting 1 saved")
}

func TestLedgerFilterAndItemChart(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("2", "/")
	h.typeText("rebate")
	h.press("enter")
	h.wantPane(paneLedger, "Meeting 2 · ", "Annual gr")
	h.lackPane(paneLedger, "Meeting 1 · ", "Payment t", "List pric")
	h.press("/", "esc", "g")
	h.wantPane(paneLedger, "Meeting 1 · ", "Payment t")

	// The chart follows the selected concession's item.
	h.press("G", "k", "k", "k", "i") // their price move to 23.40
	h.wantPane(paneLedger, "Gap closed on List price per case")
	h.press("v")
	h.wantPane(paneLedger, "Meeting 2", "ours 24.50 · theirs 23.40 · gap 1.10", "v back to the ledger")
	h.press("i")
	h.wantPane(paneLedger, "Gap closed after each meeting", "reciprocity 1.99")
	h.press("v")
	h.wantPane(paneLedger, "Gap closed after each meeting", "Meeting 2 ")
}

func TestPrivacyHidesPastWalkAwayInTheLedger(t *testing.T) {
	h := newHarness(t, true, 200, 60)
	h.press("2")
	h.capture("we 1 23.50")
	h.wantScreen("past our walk-away")
	h.press("y", "esc")
	h.wantPane(paneLedger, "past walk-away")
	h.press("p")
	// Every discipline flag is internal (DESIGN section 9), not only the walk-away.
	h.lackPane(paneLedger, "past walk", "unreciprocated", "⚠", "reciprocity")
	h.lackScreen("past walk", "unrecip", "⚠", "reciprocity")
	h.wantPane(paneLedger, "23.50")
}

func TestLedgerAndNotesNeverPanicAtAnySize(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.startMeeting()
	h.capture("they 2 55 for faster listing", "! call Dana")
	h.press("esc")
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 6}, {80, 24}, {200, 60}, {31, 9}, {79, 8}, {120, 10}}
	for p := paneAgenda; p < paneCount; p++ {
		h.press(string(rune('1' + p)))
		for _, sz := range sizes {
			h.resize(sz[0], sz[1])
			_ = h.screen()
			h.press("n")
			_ = h.screen()
			h.press("esc", "v", "i", "f", "/")
			_ = h.screen()
			h.press("esc", "v", "i")
			_ = h.screen()
		}
	}
	// Every pane size directly, in every mode of the two panes.
	for _, p := range []pane{h.m.panes[paneLedger], h.m.panes[paneNotes]} {
		for w := 0; w <= 70; w += 3 {
			for ht := 0; ht <= 24; ht++ {
				p.SetSize(w, ht)
				for _, k := range []string{"", "v", "i", "f"} {
					if k != "" {
						p.Update(keyMsg(k))
					}
					lines := p.View(true)
					if len(lines) != ht {
						t.Fatalf("%s at %d×%d drew %d lines", p.Title(), w, ht, len(lines))
					}
					for _, l := range lines {
						if ansi.StringWidth(l) != w {
							t.Fatalf("%s at %d×%d drew a line %d wide: %q", p.Title(), w, ht, ansi.StringWidth(l), l)
						}
					}
				}
			}
		}
	}
}

func TestLedgerOfALongNegotiationShowsItsEnd(t *testing.T) {
	d := model.Demo(testNow)
	// 5,000 concessions after meeting 2: their price creeps up 0.0001 at a time.
	start := d.Meetings[1].Ended.Add(time.Hour)
	price := d.Items[0]
	for i := 0; i < 5000; i++ {
		d.Ledger = append(d.Ledger, model.Concession{ID: uint64(100 + i), ItemID: price.ID, By: model.Them,
			To: decimal.RequireFromString("23.40").Add(decimal.New(int64(i+1), -4)), At: start.Add(time.Duration(i) * time.Second)})
	}
	m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	m.setDossier(d)
	m.setFocus(paneLedger)
	screen := ansi.Strip(m.View())
	for _, want := range []string{"23.8999 → 23.9000 EUR/case", "Now "} {
		if !strings.Contains(screen, want) {
			t.Fatalf("the end of a long ledger lacks %q:\n%s", want, screen)
		}
	}
}

// BenchmarkLiveKeypress is a key press (Update + View) at 200×60 with the
// Ledger or the Notes pane focused, on a tiny negotiation and on the large
// one of DESIGN section 10 (5,000 concessions, 20,000 notes).
func BenchmarkLiveKeypress(b *testing.B) {
	for _, focus := range []paneID{paneLedger, paneNotes} {
		for _, bc := range []struct {
			name string
			size sample.Size
		}{{"small", sample.SmallSize}, {"large", sample.LargeSize}} {
			b.Run(fmt.Sprintf("%s/%s", strings.ToLower(string(rune('1'+focus))), bc.name), func(b *testing.B) {
				m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }})
				m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
				m.setDossier(sample.Dossier(bc.size, testNow))
				m.setFocus(focus)
				keys := []tea.KeyMsg{keyMsg("k"), keyMsg("j")}
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					m.Update(keys[i%2])
					_ = m.View()
				}
			})
		}
	}
}

// BenchmarkLiveRefresh is what a saved note or concession costs the
// workbench on the large negotiation once the file has it: the change
// applied, and for a concession the replay, the deal priced through the
// waterfall and every pane's SetData. Compare with a quarter of a 16.7 ms
// frame.
func BenchmarkLiveRefresh(b *testing.B) {
	m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	d := sample.Dossier(sample.LargeSize, testNow)
	m.setDossier(d)
	negID := d.Negotiation.ID
	changes := map[string]act.Change{
		"note":       act.SaveNote(negID, d.Notes[len(d.Notes)-1]),
		"concession": act.SaveConcession(negID, d.Ledger[len(d.Ledger)-1]),
	}
	for _, name := range []string{"note", "concession"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				m.follow(changes[name]) // the same record again: the data stays the same size
			}
		})
	}
}
