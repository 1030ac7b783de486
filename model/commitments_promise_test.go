package model

import (
	"slices"
	"testing"
)

// Each commitment's line is due the role's template days after the
// agreement (the templates' figures, written out here): in the retail
// template buyers have 3 days, order processors 5, stock controllers,
// distribution and field sales managers 7, branch managers and the
// promotion specialist 14; in the industrial one order processing 5,
// distribution and product specifiers 7, end users 14, other sections 30.
func TestCommitmentsDueFollowTheRoleTemplateDays(t *testing.T) {
	days := map[string]int{
		RoleBuyers: 3, RoleOrderProcessors: 5, RoleStockControllers: 7, RoleDistributionDepts: 7,
		RoleFieldSalesManagers: 7, RoleBranchManagers: 14, RolePromotionSpecialist: 14,
		RoleOrderProcessing: 5, RoleDistribution: 7, RoleProductSpecifiers: 7, RoleEndUsers: 14,
		RoleTraining: 14, RoleTechnicalSupport: 7, RoleOtherSections: 30,
	}
	for _, kind := range []AccountKind{Retail, Industrial} {
		d := agreedDemo(t)
		d.Account.Kind = kind
		lines, _ := CommitmentLines(d, Commitments(d), nil)
		day := dateOf(agreementDate(d))
		seen := map[int]bool{}
		for _, f := range lines {
			want, ok := days[f.Role]
			if !ok {
				t.Errorf("%s: %q goes to %q, a role this test does not know", kind, f.Commitment, f.Role)
				continue
			}
			seen[want] = true
			if !f.Due.Equal(day.AddDate(0, 0, want)) {
				t.Errorf("%s %q: %s due %s, want %d days after %s", kind, f.Commitment, f.Role,
					f.Due.Format("2006-01-02"), want, day.Format("2006-01-02"))
			}
		}
		if len(seen) < 2 {
			t.Errorf("%s: the lines have %d different due days, want several to tell the roles apart", kind, len(seen))
		}
	}
}

// A commitment's words are read whole: a keyword counts where a word
// starts, a dash or a number glued to a word does not hide it, and a word
// that only contains a keyword ("BizPlan") is not that keyword.
func TestACommitmentRoleReadsWholeWords(t *testing.T) {
	for _, tt := range []struct {
		text   string
		theirs bool
		role   string
		side   Side
	}{
		// An em dash (typed or pasted) separates words as a space does.
		{"two weeks—leaflet", true, RolePromotionSpecialist, InternalSide},
		// A number written against its unit still names the unit.
		{"500pallets a week", true, RoleStockControllers, CustomerSide},
		{"a no-break\u00a0listing", true, RoleBranchManagers, CustomerSide},
		// A keyword inside a word is no keyword: "bizplan" is not a plan.
		{"BizPlan workshop", false, RoleFieldSalesManagers, InternalSide},
		// Letters beyond ASCII belong to their word.
		{"Lieferservice", false, RoleFieldSalesManagers, InternalSide},
		{"Ökoleaflet", true, RoleBuyers, CustomerSide},
	} {
		role, side := CommitmentRole(Retail, tt.text, tt.theirs)
		if role != tt.role || side != tt.side {
			t.Errorf("%q: %q (%s), want %q (%s)", tt.text, role, side, tt.role, tt.side)
		}
	}
}

// tradeFor rewrites what the standing move traded for "was" is traded for.
func tradeFor(t *testing.T, d *Dossier, was, now string) {
	t.Helper()
	for i := range d.Ledger {
		if d.Ledger[i].TradedFor == was {
			d.Ledger[i].TradedFor = now
			return
		}
	}
	t.Fatalf("no move traded for %q", was)
}

// commitmentLine finds the proposed commitment with these words.
func commitmentNamed(d *Dossier, text string) (Commitment, bool) {
	for _, c := range Commitments(d) {
		if c.Text == text {
			return c, true
		}
	}
	return Commitment{}, false
}

// What they give for our move, in words that name no role, goes to the
// customer's buyers (their side), not to our field sales managers.
func TestTheirPromiseInPlainWordsGoesToTheirBuyers(t *testing.T) {
	d := agreedDemo(t)
	tradeFor(t, d, "listing fee below 30,000", "a warm introduction to their new category director")
	c, ok := commitmentNamed(d, "a warm introduction to their new category director")
	if !ok || c.Whose != Them || c.Role != RoleBuyers || c.Side != CustomerSide {
		t.Errorf("the introduction they promised: %+v (found %v), want theirs, buyers, customer side", c, ok)
	}
}

// A trade with a number in it stands unless the number is a value in an
// agreed item's unit: "2 feature weeks" is a commitment, "60 days" (the
// payment terms were agreed at 50) is not.
func TestATradeWithANumberStandsUnlessItIsAnAgreedItemsValue(t *testing.T) {
	d := agreedDemo(t)
	tradeFor(t, d, "listing fee below 30,000", "2 feature weeks in the spring leaflet")
	if c, ok := commitmentNamed(d, "2 feature weeks in the spring leaflet"); !ok || c.Role != RolePromotionSpecialist {
		t.Errorf("the feature weeks: %+v (found %v), want a commitment for the promotion specialist", c, ok)
	}
	tradeFor(t, d, "2 feature weeks in the spring leaflet", "60 days")
	if c, ok := commitmentNamed(d, "60 days"); ok {
		t.Errorf("a trade that contradicts the agreed payment terms is proposed: %+v", c)
	}
}

// Agreeing again keeps the person the KAM picked for a line whose role
// did not change.
func TestAgreeingAgainKeepsThePersonChosen(t *testing.T) {
	d := agreedDemo(t)
	lines, _ := CommitmentLines(d, Commitments(d), nil)
	for i := range lines {
		lines[i].ID = uint64(500 + i)
	}
	vol := slices.IndexFunc(lines, func(f FollowUp) bool { return f.Role == RoleStockControllers })
	if vol < 0 {
		t.Fatal("no line for the stock controllers")
	}
	lines[vol].Person = "Dana Whitlock"
	d.FollowUps = lines
	again, remove := CommitmentLines(d, Commitments(d), nil)
	if len(again) != 0 || len(remove) != 0 {
		t.Errorf("agreeing again writes %+v and removes %v, want nothing", again, remove)
	}
}

// Due dates count from the day the last item was agreed, even when that
// was days after the last move (the review agreed by phone on Friday).
func TestCommitmentsAreDueFromTheLastAgreement(t *testing.T) {
	d := agreedDemo(t)
	later := d.Ledger[len(d.Ledger)-1].At.AddDate(0, 0, 3)
	d.Items[8].AgreedAt = later
	// An item agreed even later but reopened since does not count.
	d.Items[0].Status, d.Items[0].AgreedAt = ItemOpen, later.AddDate(0, 0, 5)
	lines, _ := CommitmentLines(d, Commitments(d), nil)
	for _, f := range lines {
		if f.Role == RoleBuyers && !f.Due.Equal(dateOf(later).AddDate(0, 0, 3)) {
			t.Errorf("%q due %s, want 3 days after %s", f.Commitment, f.Due.Format("2006-01-02"), later.Format("2006-01-02"))
		}
	}
	if len(lines) == 0 {
		t.Fatal("no lines")
	}
}

// An agreement whose items carry no date (a file from before agreements
// were dated) is dated by the last move of the ledger; with no move either,
// the lines have no due date.
func TestUndatedAgreementsAreDueFromTheLastMoveOrNotAtAll(t *testing.T) {
	d := &Dossier{Account: Account{Name: "A", Kind: Retail},
		Items: []AgendaItem{
			{ID: 1, Topic: TopicOther, Title: "Joint business plan review", Status: ItemAgreed},
			{ID: 2, Topic: TopicPrice, Title: "Price", Better: Up, Status: ItemOpen, OurOpening: opt("10"), TheirOpening: opt("8")},
		}}
	lines, _ := CommitmentLines(d, Commitments(d), nil)
	if len(lines) != 1 || !lines[0].Due.IsZero() {
		t.Fatalf("with no move: %+v, want one line with no due date", lines)
	}
	d.Ledger = []Concession{{ID: 1, ItemID: 2, By: Us, To: dec("9.5"), At: t0}, {ID: 2, ItemID: 2, By: Them, To: dec("9"), At: t0.AddDate(0, 0, 2)}}
	lines, _ = CommitmentLines(d, Commitments(d), nil)
	if want := dateOf(t0).AddDate(0, 0, 2+3); len(lines) != 1 || !lines[0].Due.Equal(want) {
		t.Errorf("with moves: %+v, want one line due %s (buyers: 3 days after the last move)", lines, want.Format("2006-01-02"))
	}
}
