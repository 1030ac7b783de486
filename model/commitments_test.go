package model

import (
	"strings"
	"testing"
	"time"
)

func TestCommitmentsFromTheDemo(t *testing.T) {
	d := Demo(demoNow)
	d.FollowUps = nil
	// Settle the payment terms at their 60 days, as `agree 2` would.
	a, err := d.Agree(Capture{Kind: CaptureAgree, ItemID: 2}, demoNow, 0)
	if err != nil {
		t.Fatal(err)
	}
	d.Items[1] = a.Item
	for i, m := range a.Moves {
		m.ID = uint64(100 + i)
		d.Ledger = append(d.Ledger, m)
	}
	lines := Commitments(d)
	byLine := map[string]FollowUp{}
	for _, f := range lines {
		byLine[f.CommitmentLine()] = f
		if err := f.Validate(); err != nil {
			t.Errorf("%q: %v", f.CommitmentLine(), err)
		}
	}
	for line, person := range map[string]string{
		// DESIGN 4's examples, word for word.
		"they: 170,000 cases committed — stock controllers":                                          "Marc Oyelaran",
		"we: two feature weeks in the spring leaflet — marketing specialist on promotional activity": "Sam Okafor",
		"we: e-invoicing from January — order processors":                                            "Tom Becker",
		"they: 24-month contract — buyers":                                                           "Dana Whitlock",
		"we: Payment terms at 60 days — order processors":                                            "Tom Becker",
	} {
		f, ok := byLine[line]
		if !ok {
			t.Errorf("no commitment %q", line)
			continue
		}
		if f.Person != person {
			t.Errorf("%q: person %q, want %q", line, f.Person, person)
		}
	}
	// Stock controllers have 7 days in the retail template, counted from the agreement.
	if f := byLine["they: 170,000 cases committed — stock controllers"]; !f.Due.Equal(dateOf(demoNow).AddDate(0, 0, 7)) ||
		f.Side != CustomerSide {
		t.Errorf("the volume commitment is due %v on the %s side", f.Due, f.Side)
	}
	// The closing moves of agree add no line of their own.
	for line := range byLine {
		if strings.Contains(line, "agreement on") {
			t.Errorf("a closing move became a commitment: %q", line)
		}
	}
	// Once on the checklist, nothing is added twice.
	d.FollowUps = lines
	if again := Commitments(d); len(again) != 0 {
		t.Errorf("a second call adds %d lines", len(again))
	}
}

func TestCommitmentRole(t *testing.T) {
	for _, tt := range []struct {
		kind   AccountKind
		text   string
		theirs bool
		role   string
		side   Side
	}{
		{Retail, "two feature weeks in the spring leaflet", true, RolePromotionSpecialist, InternalSide},
		{Retail, "170,000 cases committed", true, RoleStockControllers, CustomerSide},
		{Retail, "on-time delivery at 98%", false, RoleDistributionDepts, InternalSide},
		{Retail, "two more Crunch Oat SKUs", true, RoleBranchManagers, CustomerSide},
		{Retail, "a kind word", true, RoleBuyers, CustomerSide},
		{Retail, "a kind word", false, RoleFieldSalesManagers, InternalSide},
		{Industrial, "operator training in May", false, RoleTraining, InternalSide},
		{Industrial, "quality certificates for every batch", false, RoleProductSpecifiers, CustomerSide},
		{Commercial, "payment at 45 days", false, RoleOrderProcessing, InternalSide},
		{Industrial, "a kind word", true, RoleEndUsers, CustomerSide},
	} {
		role, side := CommitmentRole(tt.kind, tt.text, tt.theirs)
		if role != tt.role || side != tt.side {
			t.Errorf("%s %q: %q (%s), want %q (%s)", tt.kind, tt.text, role, side, tt.role, tt.side)
		}
	}
}

func TestCommitmentsWithoutAgreementHaveNoDueDate(t *testing.T) {
	d := &Dossier{Account: Account{Name: "A", Kind: Retail}, Negotiation: Negotiation{Created: time.Time{}}}
	if got := Commitments(d); len(got) != 0 {
		t.Errorf("an empty negotiation has commitments: %+v", got)
	}
}

func TestBriefListsCommitments(t *testing.T) {
	d := Demo(demoNow)
	d.FollowUps = append(d.FollowUps, Commitments(d)...)
	brief := Brief(d, BriefOptions{Now: demoNow})
	assertContains(t, brief, "| Side | Role | Person | Action | Due | Done | Commitment |",
		"| See that it is kept: 170,000 cases committed |", "| they: 170,000 cases committed |")
	// Our own commitments are internal lines: not in the redacted brief.
	redacted := Brief(d, BriefOptions{Now: demoNow, Redact: true})
	assertContains(t, redacted, "they: 170,000 cases committed")
	assertLacks(t, redacted, "we: two feature weeks")
}
