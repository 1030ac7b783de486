package dialog_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/dialog"
	"github.com/parley-app/parley/tui/internal/uitest"
	"github.com/shopspring/decimal"
)

var approvalsNow = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func approvalRows() []dialog.ApprovalRow {
	pay := model.AgendaItem{ID: 2, Title: "Payment terms", Unit: "days"}
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	return []dialog.ApprovalRow{
		{Approval: model.Approval{ID: 4, NegotiationID: 1, ItemID: 2, ConcessionID: 9, To: d("55"), By: "ann", Approver: "mia",
			Limit: decimal.NewNullDecimal(d("50")), Asked: approvalsNow.Add(-3 * time.Hour)}, Negotiation: "Hollis Foodstores › 2027 annual terms", Item: pay},
		{Approval: model.Approval{ID: 3, NegotiationID: 1, ItemID: 2, To: d("62"), WalkAway: decimal.NewNullDecimal(d("62")), By: "ann", Approver: "mia",
			Limit: decimal.NewNullDecimal(d("50")), Asked: approvalsNow.Add(-50 * time.Hour)}, Negotiation: "Hollis Foodstores › 2027 annual terms", Item: pay},
	}
}

func approvalsPage(p model.Privacy, rows []dialog.ApprovalRow) *dialog.Approvals {
	a := dialog.NewApprovals(uitest.Styles(), func() time.Time { return approvalsNow }, p)
	a.SetData(dialog.ApprovalsData{Rows: rows})
	return a
}

// A walk-away asked for shows as one, with its limit; the age is the
// request's largest unit.
func TestApprovalsPageShowsMovesAndWalkAways(t *testing.T) {
	s := box(t, approvalsPage(model.Privacy{}, approvalRows()), 120, 12)
	if l := uitest.Line(s, "  4 Hollis"); !strings.Contains(l, "55 (limit 50)") || !strings.HasSuffix(strings.TrimRight(l, " │"), "3h") {
		t.Errorf("the move's row: %q", l)
	}
	if l := uitest.Line(s, "  3 Hollis"); !strings.Contains(l, "walk-away 62 (limit 50)") || !strings.HasSuffix(strings.TrimRight(l, " │"), "2d") {
		t.Errorf("the walk-away's row: %q", l)
	}
}

// With privacy on, neither a walk-away nor a limit shows (DESIGN 9).
func TestApprovalsPageHidesWhatPrivacyHides(t *testing.T) {
	s := box(t, approvalsPage(model.Privacy{BuyerView: true}, approvalRows()), 120, 12)
	if strings.Contains(s, "limit") || strings.Contains(s, "62") || strings.Contains(s, "50") {
		t.Fatalf("privacy on shows a limit or a walk-away:\n%s", s)
	}
	if !strings.Contains(uitest.Line(s, "  3 Hollis"), "walk-away (private)") || !strings.Contains(uitest.Line(s, "  4 Hollis"), " 55 ") {
		t.Fatalf("privacy on:\n%s", s)
	}
}

// Only the rows that fit are drawn, at any size; a tiny page does not panic.
func TestApprovalsPageFitsAnySize(t *testing.T) {
	var rows []dialog.ApprovalRow
	for i := range 200 {
		r := approvalRows()[0]
		r.ID = uint64(i + 1)
		rows = append(rows, r)
	}
	p := approvalsPage(model.Privacy{}, rows)
	for _, size := range [][2]int{{80, 24}, {30, 8}, {10, 4}, {4, 2}} {
		s := box(t, p, size[0], size[1])
		if strings.Count(s, "\n") >= size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], strings.Count(s, "\n")+1)
		}
	}
	uitest.Press(t, p, "G")
	if s := box(t, p, 80, 24); !strings.Contains(uitest.Line(s, "›"), fmt.Sprint(200)) {
		t.Fatalf("the last row is not shown selected:\n%s", s)
	}
}
