package model

import "testing"

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
