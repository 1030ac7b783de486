package ledger_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/shopspring/decimal"
)

// Issue 18, finding 9: the forecast as the ledger shows it (F). Each test
// failed on the view as it was.

// withThirdMeeting is the demo with a third meeting in which both sides
// moved on the list price, the payment terms and the allowance again, so
// those items are projected (two meetings of moves each side).
func withThirdMeeting() *model.Dossier {
	d := uitest.Demo()
	m3 := model.Meeting{ID: 3, Number: 3, Started: uitest.Now.Add(-26 * time.Hour), Ended: uitest.Now.Add(-25 * time.Hour)}
	d.Meetings = append(d.Meetings, m3)
	num := decimal.RequireFromString
	at := func(min int) time.Time { return m3.Started.Add(time.Duration(min) * time.Minute) }
	d.Ledger = append(d.Ledger,
		model.Concession{ID: 20, MeetingID: 3, ItemID: 1, By: model.Us, To: num("24.35"), TradedFor: "x", At: at(1)},
		model.Concession{ID: 21, MeetingID: 3, ItemID: 1, By: model.Them, To: num("23.57"), At: at(2)},
		model.Concession{ID: 22, MeetingID: 3, ItemID: 4, By: model.Us, To: num("193000"), TradedFor: "y", At: at(3)},
		model.Concession{ID: 23, MeetingID: 3, ItemID: 4, By: model.Them, To: num("177000"), At: at(4)},
	)
	return d
}

// Projected values are rounded to the item's step (DESIGN 5.8): 0.01 for
// money, 1,000 for cases; never 23.2969, 59.77 days or 189,062.5 cases.
func TestForecastValuesAtTheItemsStep(t *testing.T) {
	p := newPane(t, uitest.Snapshot(withThirdMeeting(), false), 140, 40)
	uitest.Press(t, p, "F")
	s := screen(t, p, 140, 40)
	price := uitest.Line(s, "List price per case")
	volume := uitest.Line(s, "Annual volume commitment")
	if price == "" || volume == "" {
		t.Fatalf("no forecast rows:\n%s", s)
	}
	// Money at two decimals, cases in thousands.
	if m := regexp.MustCompile(`\d+\.\d{3,}`).FindString(price); m != "" {
		t.Errorf("list price shows %q with more decimals than its step: %q", m, price)
	}
	for _, m := range regexp.MustCompile(`\d{1,3}(,\d{3})+(\.\d+)?`).FindAllString(volume, -1) {
		if strings.Contains(m, ".") || !strings.HasSuffix(m, ",000") {
			t.Errorf("volume shows %q, not at its step of 1,000: %q", m, volume)
		}
	}
	if strings.Contains(s, "|") {
		t.Errorf("a stray | in the forecast:\n%s", s)
	}
}

// The chart with the projected path: every meeting to come in turn (no
// "Meeting 6" skipped), and "projected" once a row.
func TestForecastChartIsClean(t *testing.T) {
	d := withThirdMeeting()
	d.Negotiation.Deadline = uitest.Now.AddDate(0, 0, 70) // ten meetings left at a week
	p := newPane(t, uitest.Snapshot(d, false), 140, 60)
	uitest.Press(t, p, "F", "v")
	s := screen(t, p, 140, 60)
	var numbers []int
	rows, said := 0, 0
	for _, line := range strings.Split(s, "\n") {
		said += strings.Count(line, "projected")
		if strings.HasPrefix(strings.TrimSpace(line), "Meeting") && strings.Contains(line, "projected") {
			rows++
		}
		if m := regexp.MustCompile(`^Meeting (\d+)\b`).FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			var n int
			for _, c := range m[1] {
				n = n*10 + int(c-'0')
			}
			numbers = append(numbers, n)
		}
	}
	if len(numbers) < 4 || rows == 0 {
		t.Fatalf("the chart shows meetings %v, %d projected:\n%s", numbers, rows, s)
	}
	// "projected" once a projected row (the chart title and hint aside).
	if said-strings.Count(uitest.Line(s, "v back"), "projected") != rows {
		t.Errorf("\"projected\" %d times for %d projected rows:\n%s", said, rows, s)
	}
	for k := 1; k < len(numbers); k++ {
		if numbers[k] != numbers[k-1]+1 {
			t.Errorf("the chart skips from meeting %d to %d:\n%s", numbers[k-1], numbers[k], s)
		}
	}
}
