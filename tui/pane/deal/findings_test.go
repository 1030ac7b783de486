package deal_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/shopspring/decimal"
)

// Issue 18, finding 8: the Deal pane. Each test failed on the pane as it
// was (its comment says how).

// Ours and theirs come first and side by side at 80 columns: the KAM
// pressed → four times to compare them.
func TestOursAndTheirsFirstAt80(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	s := screen(t, p, 80, 24)
	head := strings.Fields(strings.Split(s, "\n")[0])
	if len(head) < 2 || head[0] != "Ours" || head[1] != "Theirs" {
		t.Fatalf("the first packages shown are %q, want Ours and Theirs:\n%s", head, s)
	}
	if row, cell := selectedCell(t, s); !strings.HasPrefix(row, "1 List price") || cell != "24.50" {
		t.Fatalf("the first cell selected is %q in %q, want our 24.50", cell, row)
	}
}

// At 80×24 every item's name can be told apart ("3 Annual…" and "4
// Annual…" could not). The workbench gives the Deal pane 38×21 there.
func TestItemNamesDistinguishableAt80x24(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 38, 21)
	s := screen(t, p, 38, 21)
	seen := map[string]int{}
	for _, line := range strings.Split(s, "\n") {
		m := regexp.MustCompile(`^[ ›]?(\d) (.{3,}?)\s{2,}`).FindStringSubmatch(line)
		if m == nil {
			continue
		}
		name := strings.TrimRight(m[2], "…")
		for other, n := range seen {
			if strings.HasPrefix(other, name) || strings.HasPrefix(name, other) {
				t.Errorf("items %d and %s read %q and %q", n, m[1], other, name)
			}
		}
		seen[name] = int(m[1][0] - '0')
	}
	if len(seen) != 8 {
		t.Fatalf("%d item rows found, want 8:\n%s", len(seen), s)
	}
	for _, want := range []string{"growth", "volume"} {
		if !strings.Contains(strings.ToLower(s), want) {
			t.Errorf("no item name shows %q:\n%s", want, s)
		}
	}
}

// Verdicts read in words (DESIGN 5.8), not "walk×2 floor".
func TestVerdictsInWords(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 140, 40)
	s := screen(t, p, 140, 40)
	if strings.Contains(s, "walk×") || strings.Contains(s, "past walk ×") {
		t.Errorf("a verdict in code:\n%s", s)
	}
	if !strings.Contains(s, "Theirs: past our walk-away on 3 items") || !strings.Contains(s, "196,840.89") {
		t.Errorf("their offer's verdict is not in words:\n%s", s)
	}
}

// A package without a value for an item is priced at our offer there and
// says so: one item without a target left the whole Target package
// unpriced, and "vs last year" was — unless every item had a last year.
func TestMissingValuePricedAtOurOffer(t *testing.T) {
	d := uitest.Demo()
	d.Items[4].OurTarget = decimal.NullDecimal{}
	d.Items[1].LastYear = decimal.NullDecimal{}
	p := newPane(t, uitest.Snapshot(d, false), 140, 40)
	uitest.Press(t, p, "l", "l", "l", "l") // to Target
	s := screen(t, p, 140, 40)
	if !strings.Contains(s, "assumes our offer on Promotional allowance") {
		t.Errorf("the target does not say it assumes our offer:\n%s", s)
	}
	for _, line := range []string{uitest.Line(s, "Contribution"), uitest.Line(s, "vs last year")} {
		// Only last year's own change is —.
		if strings.Contains(line, "?") || strings.Count(line, "—") > 1 {
			t.Errorf("a package left unpriced: %q", line)
		}
	}
	if !strings.Contains(s, "0.60*") {
		t.Errorf("the assumed value is not shown marked:\n%s", s)
	}
}

// The › marker sits right beside the selected value, not beside the
// previous column's.
func TestMarkerBesideTheValue(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 80, 24)
	uitest.Press(t, p, "l")
	line := uitest.Line(screen(t, p, 80, 24), "›")
	if !regexp.MustCompile(`›\d`).MatchString(line) {
		t.Fatalf("the marker is not beside the value: %q", line)
	}
}

// The bridge and the tornado are drawn as bars; low, expected and high
// make one row.
func TestBridgeTornadoAndRange(t *testing.T) {
	p := newPane(t, uitest.DemoSnapshot(false), 140, 40)
	s := screen(t, p, 140, 40)
	for _, want := range []string{"Low · expected · high", "Bridge from last year", "What moves it most", "█"} {
		if !strings.Contains(s, want) {
			t.Errorf("the deal lacks %q:\n%s", want, s)
		}
	}
	// Our offer's bridge ends at its change against last year.
	if !strings.Contains(s, "+382,042.65") && !strings.Contains(s, "+382,043") {
		t.Errorf("no change against last year on screen:\n%s", s)
	}
}

// A proposal's cell refuses a value out of its lever's range (DESIGN 5.8:
// checked where it is typed), with the reason, and writes nothing.
func TestProposalCellRefusesAValueOutOfRange(t *testing.T) {
	p := newPane(t, uitest.Snapshot(withProposal(), false), 140, 40)
	uitest.Press(t, p, "l", "l", "l", "l", "l", "j", "enter") // Proposal 1, payment terms
	uitest.Press(t, p, "backspace", "backspace", "-", "1", "0")
	if cmd := p.Update(uitest.Key("enter")); cmd != nil || !p.Typing() {
		t.Fatalf("enter on -10 days saves %#v", uitest.Msgs(cmd))
	}
	if s := screen(t, p, 140, 40); uitest.Line(s, "should be from 0 to 365 days") == "" {
		t.Fatalf("no reason shown:\n%s", s)
	}
}
