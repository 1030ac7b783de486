package model

import "testing"

// Each commitment is due the role's template days after the agreement:
// in the retail template buyers have 3 days, order processors 5, stock
// controllers 7, the promotion specialist 14; in the industrial one order
// processing has 5 and end users 14.
func TestCommitmentsDueFollowTheRoleTemplateDays(t *testing.T) {
	agreedDemo := func(kind AccountKind) (*Dossier, map[string]FollowUp) {
		d := Demo(demoNow)
		d.Account.Kind = kind
		d.FollowUps = nil
		a, err := d.Agree(Capture{Kind: CaptureAgree, ItemID: 2}, demoNow, 0)
		if err != nil {
			t.Fatal(err)
		}
		d.Items[1] = a.Item
		for i, m := range a.Moves {
			m.ID = uint64(100 + i)
			d.Ledger = append(d.Ledger, m)
		}
		byText := map[string]FollowUp{}
		for _, f := range Commitments(d) {
			byText[commitmentText(f.Commitment)] = f
		}
		return d, byText
	}
	day := dateOf(demoNow)
	for _, tc := range []struct {
		kind       AccountKind
		commitment string
		role       string
		days       int
	}{
		{Retail, "24-month contract", RoleBuyers, 3},
		{Retail, "e-invoicing from January", RoleOrderProcessors, 5},
		{Retail, "Payment terms at 60 days", RoleOrderProcessors, 5},
		{Retail, "170,000 cases committed", RoleStockControllers, 7},
		{Retail, "two feature weeks in the spring leaflet", RolePromotionSpecialist, 14},
		{Industrial, "e-invoicing from January", RoleOrderProcessing, 5},
		{Industrial, "170,000 cases committed", RoleEndUsers, 14},
	} {
		_, byText := agreedDemo(tc.kind)
		f, ok := byText[tc.commitment]
		if !ok {
			t.Errorf("%s: no commitment %q", tc.kind, tc.commitment)
			continue
		}
		if f.Role != tc.role || !f.Due.Equal(day.AddDate(0, 0, tc.days)) {
			t.Errorf("%s %q: %s due %s, want %s due %d days after %s", tc.kind, tc.commitment,
				f.Role, f.Due.Format("2006-01-02"), tc.role, tc.days, day.Format("2006-01-02"))
		}
	}
}

// What we got for a move of ours is theirs to keep, what we gave for a
// move of theirs is ours: where no word names a role, theirs goes to the
// buyers and ours to the field sales managers (retail).
func TestCommitmentsWhoseTheTradeIs(t *testing.T) {
	d := Demo(demoNow)
	d.FollowUps = nil
	d.Ledger = append(d.Ledger,
		Concession{ID: 200, ItemID: 4, By: Us, To: dec("195000"), TradedFor: "a lunch with Dana", At: demoNow},
		Concession{ID: 201, ItemID: 4, By: Them, To: dec("175000"), TradedFor: "a visit to our bakery", At: demoNow})
	lines := map[string]bool{}
	for _, f := range Commitments(d) {
		lines[f.CommitmentLine()] = true
	}
	for _, want := range []string{"they: a lunch with Dana — buyers", "we: a visit to our bakery — field sales managers"} {
		if !lines[want] {
			t.Errorf("no commitment %q in %v", want, lines)
		}
	}
}
