package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// When the stage moves to agree, every agreed item and every "traded for"
// of the ledger becomes a commitment: a follow-up line that says whose it
// is ("they: 170,000 cases committed") and which role sees that it is kept
// (DESIGN 4).

// roleRule sends a commitment whose words start with one of the keywords
// to a role of the seed's templates, one for retail accounts and one for
// industrial and commercial ones ("" for the kind's default).
type roleRule struct {
	keywords   []string
	retail     string
	industrial string
}

// roleRules are tried in order; the first whose keyword starts a word of the
// commitment (or of the item's title, topic and lever) decides.
var roleRules = []roleRule{
	{[]string{"leaflet", "feature", "promot", "display", "advert", "marketing", "in-store"}, RolePromotionSpecialist, ""},
	{[]string{"price", "invoic", "e-invoic", "payment", "pay", "rebate", "discount", "allowance", "terms", "days", "fee", "credit"},
		RoleOrderProcessors, RoleOrderProcessing},
	{[]string{"contract", "review", "business", "plan", "clause", "sign"}, RoleBuyers, ""},
	{[]string{"case", "cases", "volume", "committed", "commitment", "order", "pallet", "tonne"}, RoleStockControllers, RoleEndUsers},
	{[]string{"deliver", "service", "on-time", "otif", "supply", "logistic", "stock", "lead"}, RoleDistributionDepts, RoleDistribution},
	{[]string{"sku", "skus", "listing", "listed", "range", "shelf", "planogram", "cannibal"}, RoleBranchManagers, RoleOtherSections},
	{[]string{"training", "train"}, RoleFieldSalesManagers, RoleTraining},
	{[]string{"spec", "specification", "certificat", "quality", "sample", "test"}, RoleProductEndUsers, RoleProductSpecifiers},
	{[]string{"support", "technical", "install"}, RoleFieldSalespersons, RoleTechnicalSupport},
}

// CommitmentRole is the role of the account kind's template that sees that a
// commitment is kept, found from its words, and that role's side. When no
// word decides, a commitment of theirs goes to the customer's default role
// (buyers; end users) and one of ours to ours (field sales managers; order
// processing).
func CommitmentRole(kind AccountKind, text string, theirs bool) (role string, side Side) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r > 0x7f)
	})
	for _, rule := range roleRules {
		role := rule.retail
		if kind != Retail {
			role = rule.industrial
		}
		if role == "" || !slices.ContainsFunc(words, func(w string) bool {
			return slices.ContainsFunc(rule.keywords, func(k string) bool { return strings.HasPrefix(w, k) })
		}) {
			continue
		}
		for _, l := range template(kind) {
			if l.role == role {
				return role, l.side
			}
		}
	}
	switch {
	case theirs && kind == Retail:
		return RoleBuyers, CustomerSide
	case theirs:
		return RoleEndUsers, CustomerSide
	case kind == Retail:
		return RoleFieldSalesManagers, InternalSide
	}
	return RoleOrderProcessing, InternalSide
}

// Commitments lists the follow-up lines the agreement calls for: one per
// agreed item ("Payment terms at 60 days") and one per distinct "traded
// for" of the ledger, each with whose it is (we: ours to keep, they:
// theirs), the role that checks it, the contacts of that role, and a due
// date after the agreement as the role's template line has it. The
// agreement is dated by the last item agreed (else the last move). Lines
// already on the checklist (same commitment) are left out, so calling it
// again adds nothing twice. Closing moves of `agree` add no line of their
// own: their item's line says it.
func Commitments(d *Dossier) []FollowUp {
	r := d.Replay()
	agreed := agreementDate(d)
	seen := map[string]bool{}
	for _, f := range d.FollowUps {
		if f.Commitment != "" {
			seen[strings.ToLower(commitmentText(f.Commitment))] = true
		}
	}
	var out []FollowUp
	add := func(text, context string, theirs bool) {
		text = oneLine(text)
		if text == "" || seen[strings.ToLower(text)] {
			return
		}
		seen[strings.ToLower(text)] = true
		role, side := CommitmentRole(d.Account.Kind, text+" "+context, theirs)
		whose := "we"
		if side == CustomerSide {
			whose = "they"
		}
		line := templateLine{side: side, role: role}
		days := 7
		for _, l := range template(d.Account.Kind) {
			if l.role == role {
				days = l.days
			}
		}
		f := FollowUp{Side: side, Role: role, Person: personFor(line, d.Account.Contacts),
			Action: "See that it is kept: " + text, Commitment: whose + ": " + text}
		if !agreed.IsZero() {
			f.Due = dateOf(agreed).AddDate(0, 0, days)
		}
		out = append(out, f)
	}
	for i, it := range d.Items {
		if it.Status != ItemAgreed {
			continue
		}
		text := it.Title + " agreed"
		if st := r.Items[i]; it.Numeric() && st.HasTheirs {
			text = strings.TrimSpace(fmt.Sprintf("%s at %s %s", it.Title, it.Format(st.Theirs), it.Unit))
		}
		add(text, string(it.Topic)+" "+string(it.Lever.Kind), true)
	}
	for _, c := range d.Ledger {
		if strings.HasPrefix(c.TradedFor, "agreement on ") {
			continue // a closing move: the agreed item's line covers it
		}
		// What we got for our move is theirs to keep; what we gave for theirs, ours.
		add(c.TradedFor, "", c.By == Us)
	}
	return out
}

// commitmentText is a commitment without its "we: " or "they: ".
func commitmentText(c string) string {
	for _, p := range []string{"we: ", "they: "} {
		if rest, ok := strings.CutPrefix(c, p); ok {
			return rest
		}
	}
	return c
}

// agreementDate is when the deal was agreed: the last item agreed, else the
// last move of the ledger; zero when neither is known.
func agreementDate(d *Dossier) time.Time {
	var last time.Time
	for _, it := range d.Items {
		if it.Status == ItemAgreed && it.AgreedAt.After(last) {
			last = it.AgreedAt
		}
	}
	if last.IsZero() && len(d.Ledger) > 0 {
		last = d.Ledger[len(d.Ledger)-1].At
	}
	return last
}

// CommitmentLine is the line as the checklist says it: "they: 170,000 cases
// committed — stock controllers"; "" for a line that checks no commitment.
func (f FollowUp) CommitmentLine() string {
	if f.Commitment == "" {
		return ""
	}
	return f.Commitment + " — " + f.Role
}
