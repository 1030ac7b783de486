package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// agreedDemo is the demo after the moves of issue 18's walk-through and
// `agree` on every item: price settled at 24.00 (our move "for 190,000
// cases committed" stands), volume at 185,000, payment terms at 50 (our move
// "for listing fee below 30,000" stands: what they give), SKUs at 6 (their
// move "for #12", our allowance move), the rest at their position; the
// text-only item marked agreed.
func agreedDemo(t *testing.T) *Dossier {
	t.Helper()
	d := Demo(demoNow)
	d.FollowUps = nil
	at := demoNow.Add(-2 * time.Hour)
	next := uint64(100)
	log := func(line string) {
		t.Helper()
		c, err := d.ParseCapture(line)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		at = at.Add(time.Minute)
		if c.Kind == CaptureAgree {
			a, err := d.Agree(c, at, 0)
			if err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			d.Items[d.ItemIndex(c.ItemID)] = a.Item
			for _, m := range a.Moves {
				next++
				m.ID = next
				d.Ledger = append(d.Ledger, m)
			}
			return
		}
		if err := d.CheckCapture(c, at, 0, true); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		next++
		m := c.Concession(at, 0)
		m.ID = next
		d.Ledger = append(d.Ledger, m)
	}
	for _, line := range []string{
		"we 1 24.00 for 190,000 cases committed", "we 2 50 for listing fee below 30,000",
		"they 6 6 for #12", "we 7 30 for 23.40",
		"agree 1 24.00", "agree 2 50", "agree 3", "agree 4 185000", "agree 5", "agree 6", "agree 7", "agree 8",
	} {
		log(line)
	}
	d.Items[8].Status, d.Items[8].AgreedAt = ItemAgreed, at
	return d
}

// Issue 18, finding 1: only the final agreement and the trades that stand,
// whose each is by who promised, `#N` in words, nothing contradicting an
// agreed value.
func TestCommitmentsAreTheFinalAgreement(t *testing.T) {
	d := agreedDemo(t)
	var got []string
	for _, c := range Commitments(d) {
		got = append(got, c.whose()+": "+c.Text+" ("+c.Item+")")
	}
	want := []string{
		"they: List price per case at 24.00 EUR/case (List price per case)",
		"we: Payment terms at 50 days (Payment terms)",
		"we: Annual growth rebate at 3.0 % (Annual growth rebate)",
		"they: Annual volume commitment at 185,000 cases (Annual volume commitment)",
		"we: Promotional allowance at 1.50 EUR/case (Promotional allowance)",
		"they: SKUs listed, Crunch Oat range at 6 SKUs (SKUs listed, Crunch Oat range)",
		"they: Contract length at 24 months (Contract length)",
		"we: Service level, on time in full at 99.5 % (Service level, on time in full)",
		"they: Quarterly joint business plan review agreed (Quarterly joint business plan review)",
		// Our move on payment terms stands: what we got for it is theirs to give.
		"they: listing fee below 30,000 (Payment terms)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("commitments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMoveNumbersInATradeAreWords(t *testing.T) {
	r := Demo(demoNow).Replay()
	if got := resolveMoveRefs("the allowance (#12) and #99", r); got != "the allowance (Promotional allowance at 0.60 EUR/case) and #99" {
		t.Errorf("resolved to %q", got)
	}
}

// Writing the commitments, then agreeing again, updates the lines written
// instead of adding a second set; a line that no longer stands goes.
func TestAgreeingAgainUpdatesTheCommitments(t *testing.T) {
	d := agreedDemo(t)
	proposed := Commitments(d)
	chosen := make([]bool, len(proposed))
	for i := range chosen {
		chosen[i] = i != 2 // the rebate line left out
	}
	lines, remove := CommitmentLines(d, proposed, chosen)
	if len(lines) != len(proposed)-1 || len(remove) != 0 {
		t.Fatalf("first write: %d lines, %d removed; want %d, 0", len(lines), len(remove), len(proposed)-1)
	}
	for i := range lines {
		if lines[i].ID != 0 {
			t.Fatalf("a new line has ID %d", lines[i].ID)
		}
		lines[i].ID = uint64(500 + i)
		if err := lines[i].Validate(); err != nil {
			t.Errorf("%q: %v", lines[i].Commitment, err)
		}
	}
	d.FollowUps = lines
	byCommitment := map[string]FollowUp{}
	for _, f := range lines {
		byCommitment[f.CommitmentLine()] = f
	}
	// DESIGN 4: the line names the role that checks it; stock controllers
	// have 7 days in the retail template, counted from the agreement.
	f, ok := byCommitment["they: Annual volume commitment at 185,000 cases — stock controllers"]
	if !ok || f.Person != "Marc Oyelaran" || f.Side != CustomerSide || !f.Due.Equal(dateOf(agreementDate(d)).AddDate(0, 0, 7)) {
		t.Errorf("the volume line: %+v (found %v)", f, ok)
	}
	if lines, remove := CommitmentLines(d, proposed, nil); len(lines) != 1 || lines[0].ID != 0 || len(remove) != 0 {
		t.Errorf("agreeing again with nothing changed writes %d lines (want only the one left out) and removes %d", len(lines), len(remove))
	}

	// A line the earlier agreement wrote with other words (the volume was
	// 190,000 then, and ticked): updated in place, its tick dropped.
	vol := slices.IndexFunc(d.FollowUps, func(f FollowUp) bool { return strings.Contains(f.Commitment, "185,000") })
	d.FollowUps[vol].Commitment, d.FollowUps[vol].Done = "they: Annual volume commitment at 190,000 cases", true
	// A line of an older Parley, without its source: adopted by its words.
	pay := slices.IndexFunc(d.FollowUps, func(f FollowUp) bool { return strings.Contains(f.Commitment, "Payment terms") })
	d.FollowUps[pay].Source = ""
	d.Items[0].Status = ItemOpen // the price is open again: its line no longer stands
	lines, remove = CommitmentLines(d, Commitments(d), nil)
	if len(remove) != 1 || remove[0] != byCommitment["they: List price per case at 24.00 EUR/case — order processors"].ID {
		t.Errorf("removed %v, want the price line", remove)
	}
	written := map[uint64]FollowUp{}
	for _, f := range lines {
		if f.ID == 0 && !strings.Contains(f.Commitment, "rebate") {
			t.Errorf("agreeing again adds %q", f.Commitment)
		}
		written[f.ID] = f
	}
	if f := written[d.FollowUps[vol].ID]; f.Commitment != "they: Annual volume commitment at 185,000 cases" || f.Done {
		t.Errorf("the volume line is written as %+v", f)
	}
	if f := written[d.FollowUps[pay].ID]; f.Source == "" {
		t.Errorf("the payment line of an older Parley is not adopted: %+v", f)
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
	d := agreedDemo(t)
	lines, _ := CommitmentLines(d, Commitments(d), nil)
	d.FollowUps = append(d.FollowUps, lines...)
	brief := Brief(d, BriefOptions{Now: demoNow})
	assertContains(t, brief, "| Side | Role | Person | Action | Due | Done | Commitment |",
		"| See that it is kept: Annual volume commitment at 185,000 cases |", "| they: Annual volume commitment at 185,000 cases |")
	// Lines checked by our own people are internal: not in the redacted brief.
	redacted := Brief(d, BriefOptions{Now: demoNow, Redact: true})
	assertContains(t, redacted, "they: Annual volume commitment at 185,000 cases")
	assertLacks(t, redacted, "we: Payment terms at 50 days")
}
