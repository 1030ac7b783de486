package model

import (
	"strings"
	"time"
)

// templateLine is one role of a follow-up template with its usual action and
// how many days after the agreement it is due.
type templateLine struct {
	side   Side
	role   string
	action string
	days   int
}

// The roles of the seed, word for word (DESIGN 4): the template and the
// commitments name them, so that a contact's role matches either.
const (
	RoleBuyers               = "buyers"
	RoleAreaFieldControllers = "area field controllers"
	RoleBranchManagers       = "branch managers"
	RoleStockControllers     = "stock controllers"
	RoleProductEndUsers      = "product end users"
	RoleMerchandising        = "merchandising and marketing staff"
	RoleOrderProcessors      = "order processors"
	RoleDistributionDepts    = "distribution departments"
	RoleFieldSalesManagers   = "field sales managers"
	RoleFieldSalespersons    = "field salespersons"
	RoleBrandAmbassadors     = "brand ambassadors"
	RoleSalesPromoters       = "sales promoters"
	RolePromotionSpecialist  = "marketing specialist on promotional activity"

	RoleEndUsers          = "end users (production managers, engineers, technical staff, etc.)"
	RoleProductSpecifiers = "product specifiers (research specialists, engineers, technical experts, quality control personnel, etc.)"
	RoleOtherSections     = "other section managers who could benefit from the product"
	RoleTraining          = "training"
	RoleTechnicalSupport  = "technical support"
	RoleOrderProcessing   = "order processing"
	RoleDistribution      = "distribution"
)

var retailTemplate = []templateLine{
	{CustomerSide, RoleBuyers, "Confirm the agreed terms, listings and start dates in writing", 3},
	{CustomerSide, RoleAreaFieldControllers, "Brief them on the new range and the promotion plan for their area", 10},
	{CustomerSide, RoleBranchManagers, "Announce the listings, shelf plan and promotion dates to every branch", 14},
	{CustomerSide, RoleStockControllers, "Set up the new items, order quantities and delivery schedule", 7},
	{CustomerSide, RoleProductEndUsers, "Gather first feedback on the product once it is on shelf", 30},
	{CustomerSide, RoleMerchandising, "Agree planograms, point-of-sale material and the promotion calendar", 14},
	{InternalSide, RoleOrderProcessors, "Load the agreed prices, terms and rebates before the first order", 5},
	{InternalSide, RoleDistributionDepts, "Plan launch stock and deliveries to the branches", 7},
	{InternalSide, RoleFieldSalesManagers, "Brief the field team on the agreement and its targets", 7},
	{InternalSide, RoleFieldSalespersons, "Visit the branches to check listing, shelf position and price", 21},
	{InternalSide, RoleBrandAmbassadors, "Plan in-store presence for the launch", 21},
	{InternalSide, RoleSalesPromoters, "Run the in-store promotions on the agreed dates", 30},
	{InternalSide, RolePromotionSpecialist, "Prepare the promotional activity agreed with the buyer", 14},
}

var industrialTemplate = []templateLine{
	{CustomerSide, RoleEndUsers, "Arrange start-up support and training for the people who use the product", 14},
	{CustomerSide, RoleProductSpecifiers, "Send specifications, certificates and quality documents", 7},
	{CustomerSide, RoleOtherSections, "Introduce the product and the agreement to other sections", 30},
	{InternalSide, RoleTraining, "Schedule training for the customer's users", 14},
	{InternalSide, RoleTechnicalSupport, "Name a technical contact and agree the support plan", 7},
	{InternalSide, RoleOrderProcessing, "Set up the contract prices, terms and order routine", 5},
	{InternalSide, RoleDistribution, "Confirm the delivery schedule and continuity of supply", 7},
}

// template is the follow-up template of an account kind.
func template(kind AccountKind) []templateLine {
	if kind == Retail {
		return retailTemplate
	}
	return industrialTemplate
}

// FollowUpTemplate generates the follow-up checklist for an account of the
// given kind, due counted from agreed. Contacts whose role matches a line fill
// its person.
func FollowUpTemplate(kind AccountKind, agreed time.Time, contacts []Contact) []FollowUp {
	lines := template(kind)
	y, m, d := agreed.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	out := make([]FollowUp, len(lines))
	for i, l := range lines {
		out[i] = FollowUp{
			Side:   l.side,
			Role:   l.role,
			Person: personFor(l, contacts),
			Action: l.action,
			Due:    day.AddDate(0, 0, l.days),
			Order:  i + 1,
		}
	}
	return out
}

// personFor names the contacts of the line's side whose role matches its role.
func personFor(l templateLine, contacts []Contact) string {
	var names []string
	for _, c := range (Account{Contacts: contacts}).ContactsFor(l.side, l.role) {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

// rolesMatch compares roles loosely: case, word endings, the words in
// brackets and a qualifier after "on" or "who" do not matter, "category buyer" matches "buyers" and "order
// processor" matches "order processing".
func rolesMatch(contactRole, templateRole string) bool {
	a, b := roleWords(contactRole), roleWords(templateRole)
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.HasSuffix(a, " "+b) || strings.HasSuffix(b, " "+a)
}

func roleWords(role string) string {
	role = strings.ToLower(role)
	// Words in brackets go wherever they stand: "(acting) buyer" is a buyer.
	for {
		before, after, ok := strings.Cut(role, "(")
		if !ok {
			break
		}
		_, rest, _ := strings.Cut(after, ")")
		role = before + " " + rest
	}
	for _, cut := range []string{" on ", " who "} {
		role, _, _ = strings.Cut(role, cut)
	}
	words := strings.Fields(role)
	for i, w := range words {
		words[i] = stem(w)
	}
	return strings.Join(words, " ")
}

// stem drops the endings that tell a role from its activity or its plural:
// processors, processing → process; buyers → buy; distribution → distribut.
func stem(w string) string {
	for _, suffix := range []string{"ings", "ing", "ions", "ion", "ors", "or", "ers", "er", "s"} {
		if rest, ok := strings.CutSuffix(w, suffix); ok && len(rest) >= 3 {
			return rest
		}
	}
	return w
}
