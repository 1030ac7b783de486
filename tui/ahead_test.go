package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/editor"
)

// The demo's figures behind these tests, worked from DESIGN 5.5–5.7:
//
//   - Our offer invoices 24.50 × (1 − 4 %) × 200,000 cases = 4,704,000 a
//     year, 705,600 over last year's 3,998,400. Our move on the growth
//     rebate 1.0 → 1.75 % was not traded for: it is owed, and costs
//     0.75 % × 705,600 = 5,292 a year.
//   - A budget of 23.90 on the list price (ours 24.50) leaves 0.60 a case;
//     budget is kept per item, never netted (DESIGN 5.8): the header shows
//     the tightest, "budget: List price per case 0.60 left".
//   - Meetings every 7 days, deadline 20 days from today: ⌊20/7⌋ = 2
//     meetings left (counted from today, DESIGN 5.8). No side moved on any
//     item in two meetings but theirs on payment terms, already at its
//     walk-away: nothing is projected, and the landing headline gives no
//     figure: "too few moves".
//   - Value to them (DESIGN 5.8): their moves for nothing in return are the
//     list price (c = 0.50/1.90) and payment terms (c = 15/60); both above
//     twice their weighted mean closure, so c* = 1: 80 → 40 and 70 → 35;
//     items they moved on only in trades read c* = 0: the volume 30 → 65,
//     the allowance 75 → 88, SKUs 40 → 70, contract 35 → 68, service 80 → 90.

func TestHeaderShowsOwedBudgetLeftAndLanding(t *testing.T) {
	h := newHarness(t, true, 200, 40)
	h.wantScreen("owed €5,292", "landing: too few moves")
	h.lackScreen("budget:", "landing 777k")
	h.capture("budget 1 23.90")
	h.wantScreen("budget: List price per case 0.60 left")
	h.press("esc", "p")
	h.lackScreen("owed", "budget:", "landing")
}

func TestBudgetFormSaysWhyAValueIsRefused(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.press("b")
	h.wantScreen("Today's budget", "1 List price per case")
	h.typeText("23.50")
	h.wantScreen("between our position 24.50 and our walk-away 23.60")
	h.press("ctrl+s")
	h.wantScreen(`✗ 23.50 on "List price per case" is beyond our walk-away 23.60`)
	for range 5 {
		h.press("backspace")
	}
	h.typeText("24.60")
	h.press("ctrl+s")
	h.wantScreen("behind our position 24.50")
	if n := len(h.dossier().Budgets); n != 0 {
		t.Fatalf("a refused budget was saved: %d budgets", n)
	}
	for range 5 {
		h.press("backspace")
	}
	h.typeText("23.90")
	h.press("ctrl+s")
	h.lackScreen("Furthest today")
	d := h.dossier()
	if len(d.Budgets) != 1 || d.Budgets[0].Value.String() != "23.9" || d.Budgets[0].ItemID != d.Items[0].ID || d.Budgets[0].MeetingID != 0 {
		t.Fatalf("budgets %+v", d.Budgets)
	}
	h.wantScreen("Today's budget 23.90 (0.60 EUR/case left)", "budget: List price per case 0.60 left")

	h.press("p", "b") // internal: the key does nothing while privacy is on
	h.lackScreen("Furthest today", "23.90")
}

// A move of ours beyond today's budget asks first, in the capture line and
// in the concession form; no saves nothing, yes saves.
func TestOverBudgetIsAskedFirst(t *testing.T) {
	h := newHarness(t, true, 140, 40)
	h.capture("budget 1 24.20")
	before := len(h.dossier().Ledger)
	h.capture("we 1 24.10")
	h.wantScreen(editor.OverBudgetQuestion)
	h.press("n")
	h.wantScreen("› we 1 24.10")
	if n := len(h.dossier().Ledger); n != before {
		t.Fatalf("no saved the move: %d concessions, want %d", n, before)
	}
	h.press("enter", "y")
	if n := len(h.dossier().Ledger); n != before+1 {
		t.Fatalf("yes did not save the move: %d concessions, want %d", n, before+1)
	}

	h.press("esc", "c", "tab", "w", "tab")
	h.typeText("24.00")
	h.press("ctrl+s")
	h.wantScreen(editor.OverBudgetQuestion)
	h.press("n")
	h.wantScreen("Log a concession")
	if n := len(h.dossier().Ledger); n != before+1 {
		t.Fatalf("no saved the move: %d concessions, want %d", n, before+1)
	}
	h.press("ctrl+s", "y")
	d := h.dossier()
	if n := len(d.Ledger); n != before+2 {
		t.Fatalf("yes did not save the move: %d concessions, want %d", n, before+2)
	}
	if c := d.Ledger[len(d.Ledger)-1]; c.To.String() != "24" || c.By != model.Us {
		t.Fatalf("saved %+v", c)
	}
	h.press("2", "G")
	h.wantScreen("over budget")

	// With privacy on the question names no limit.
	h.press("p", "n")
	h.typeText("we 1 23.95")
	h.press("enter")
	h.wantScreen(editor.ConfirmMoveQuestion)
	h.lackScreen("budget")
}

func TestOwedMoveIsMarkedAndClearedWithX(t *testing.T) {
	h := newHarness(t, true, 200, 40)
	h.press("2", "G")
	h.press("x")
	h.wantScreen("this one owes nothing")
	h.press("k", "k")
	h.wantScreen("›#10 15:01 we  Annual growth re", "1.75 %          0.75 owed     ⚠ unreciprocated", "owed #10: costs us 5,292.00 EUR a year")
	h.press("x")
	h.wantScreen("Clear the trade-back owed for we Annual growth rebate 1.0 → 1.75 %?")
	h.press("n")
	if n := len(h.dossier().Cleared); n != 0 {
		t.Fatalf("no cleared it: %d", n)
	}
	h.press("x", "y")
	d := h.dossier()
	owedID := d.Ledger[9].ID
	if len(d.Cleared) != 1 || d.Cleared[0].ConcessionID != owedID {
		t.Fatalf("cleared %+v, want concession %d", d.Cleared, owedID)
	}
	h.wantScreen("No longer owed: we Annual growth rebate 1.0 → 1.75 %")
	h.lackScreen("owed €", "owed ⚠")
	h.press("p", "x")
	h.lackScreen("Clear the trade-back")
}

func TestSuggestionsAreAcceptedAndDismissed(t *testing.T) {
	h := newHarness(t, true, 200, 40)
	h.press("j")
	h.wantScreen("Their moves say: value to them 70 → 35 · y accepts · z dismisses · Y all 7")
	h.press("y")
	d := h.dossier()
	if v := d.Items[1].ValueToThem; v != 35 {
		t.Fatalf("payment terms: value to them %d, want 35", v)
	}
	if len(d.Decisions) != 1 || !d.Decisions[0].Accepted || d.Decisions[0].After != 2 {
		t.Fatalf("decisions %+v", d.Decisions)
	}
	h.lackScreen("value to them 70 → 35")
	h.wantScreen("Worth 40 to us, 35 to them")

	h.press("j", "j")
	h.wantScreen("value to them 30 → 65")
	h.press("z")
	d = h.dossier()
	if v := d.Items[3].ValueToThem; v != 30 || len(d.Decisions) != 2 || d.Decisions[1].Accepted {
		t.Fatalf("dismissed: value %d, decisions %+v", v, d.Decisions)
	}
	h.lackScreen("value to them 30 → 65")
	h.wantScreen("5 value-to-them suggestions on other items")

	h.press("Y")
	h.wantScreen("Accept all 5 value-to-them suggestions?")
	h.press("y")
	d = h.dossier()
	if len(d.Decisions) != 7 || d.Items[0].ValueToThem != 40 || d.Items[4].ValueToThem != 88 || d.Items[5].ValueToThem != 70 ||
		d.Items[6].ValueToThem != 68 || d.Items[7].ValueToThem != 90 {
		t.Fatalf("after Y: decisions %d, values %d %d %d %d %d", len(d.Decisions), d.Items[0].ValueToThem, d.Items[4].ValueToThem,
			d.Items[5].ValueToThem, d.Items[6].ValueToThem, d.Items[7].ValueToThem)
	}
	h.lackScreen("suggestion")
}

func TestLedgerForecastAndItsProjectedChart(t *testing.T) {
	h := newHarness(t, true, 200, 40)
	h.press("2", "G", "F")
	// Too few moves on every item: no number for any side, no landing figure.
	h.wantScreen("Ledger · forecast", "2 meetings left · landing b", "0.60, 1 move", "too few moves to tell",
		"Likely landing: too few moves to tell (0 of 8 items)")
	h.lackScreen("0.775", "776,639.95")
	h.press("v")
	h.wantScreen("Meeting 2")
	h.lackScreen("projected")
	h.press("i")
	h.wantScreen("Gap closed on Promotional allowance")
	h.lackScreen("projected")
	h.press("v", "F")
	h.lackScreen("forecast", "projected")
	// Turned on while the forecast shows, privacy hides it; F does nothing then.
	h.press("F", "p")
	h.wantScreen("hidden while privacy is on")
	h.lackScreen("1 move", "landing")
	h.press("F", "F")
	h.wantScreen("hidden while privacy is on")
}

// BenchmarkAhead is what the forecast, budgets, owed trade-backs and
// suggestions cost on the large negotiation: "compute" off the UI goroutine
// (the command), "arrive" on it (the header's figures and the agenda's and
// ledger's SetData).
func BenchmarkAhead(b *testing.B) {
	m := New(nil, Options{Renderer: asciiRenderer(), Now: func() time.Time { return testNow }})
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	m.setDossier(sample.Dossier(sample.LargeSize, testNow))
	cmd := m.aheadCmd()
	msg := cmd().(aheadMsg)
	b.Run("compute", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = m.snap.R.Outlook(testNow)
		}
	})
	b.Run("arrive", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m.takeAhead(msg)
		}
	})
}
