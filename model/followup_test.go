package model

import (
	"reflect"
	"testing"
	"time"
)

// The roles of DESIGN section 4, word for word.
var (
	retailCustomerRoles = []string{"buyers", "area field controllers", "branch managers", "stock controllers",
		"product end users", "merchandising and marketing staff"}
	retailInternalRoles = []string{"order processors", "distribution departments", "field sales managers",
		"field salespersons", "brand ambassadors", "sales promoters", "marketing specialist on promotional activity"}
	industrialCustomerRoles = []string{"end users (production managers, engineers, technical staff, etc.)",
		"product specifiers (research specialists, engineers, technical experts, quality control personnel, etc.)",
		"other section managers who could benefit from the product"}
	industrialInternalRoles = []string{"training", "technical support", "order processing", "distribution"}
)

func rolesOn(lines []FollowUp, side Side) []string {
	var roles []string
	for _, l := range lines {
		if l.Side == side {
			roles = append(roles, l.Role)
		}
	}
	return roles
}

func TestFollowUpTemplateRoles(t *testing.T) {
	agreed := time.Date(2027, 3, 10, 15, 30, 0, 0, time.UTC)
	tests := []struct {
		kind               AccountKind
		customer, internal []string
	}{
		{Retail, retailCustomerRoles, retailInternalRoles},
		{Industrial, industrialCustomerRoles, industrialInternalRoles},
		{Commercial, industrialCustomerRoles, industrialInternalRoles},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			lines := FollowUpTemplate(tt.kind, agreed, nil)
			if got := rolesOn(lines, CustomerSide); !reflect.DeepEqual(got, tt.customer) {
				t.Errorf("customer roles\n got %q\nwant %q", got, tt.customer)
			}
			if got := rolesOn(lines, InternalSide); !reflect.DeepEqual(got, tt.internal) {
				t.Errorf("internal roles\n got %q\nwant %q", got, tt.internal)
			}
			if len(lines) != len(tt.customer)+len(tt.internal) {
				t.Errorf("%d lines, want %d", len(lines), len(tt.customer)+len(tt.internal))
			}
			for i, l := range lines {
				if err := l.Validate(); err != nil {
					t.Errorf("line %d (%s): %v", i, l.Role, err)
				}
				if l.Order != i+1 {
					t.Errorf("line %d has order %d", i, l.Order)
				}
				if l.Person != "" || l.Done {
					t.Errorf("line %d: person %q done %v without contacts", i, l.Person, l.Done)
				}
				if !l.Due.After(agreed) {
					t.Errorf("line %d (%s) is due %s, not after the agreement", i, l.Role, l.Due)
				}
			}
		})
	}
	if !reflect.DeepEqual(FollowUpTemplate(Industrial, agreed, nil), FollowUpTemplate(Commercial, agreed, nil)) {
		t.Error("the industrial and commercial templates differ")
	}
}

func TestFollowUpTemplateDueDates(t *testing.T) {
	// Agreed on 10 March 2027 in the afternoon, in Berlin: due dates count whole days from that date.
	berlin := time.FixedZone("CET", 3600)
	agreed := time.Date(2027, 3, 10, 23, 30, 0, 0, berlin)
	day := func(d int) time.Time { return time.Date(2027, 3, d, 0, 0, 0, 0, time.UTC) }
	retail := FollowUpTemplate(Retail, agreed, nil)
	due := map[string]time.Time{}
	for _, l := range retail {
		due[l.Role] = l.Due
	}
	tests := []struct {
		role string
		want time.Time
	}{
		{"buyers", day(13)},            // 10 + 3
		{"order processors", day(15)},  // 10 + 5
		{"stock controllers", day(17)}, // 10 + 7
		{"branch managers", day(24)},   // 10 + 14
		{"product end users", time.Date(2027, 4, 9, 0, 0, 0, 0, time.UTC)}, // 10 March + 30
	}
	for _, tt := range tests {
		if got := due[tt.role]; !got.Equal(tt.want) {
			t.Errorf("%s due %s, want %s", tt.role, got.Format(DateLayout), tt.want.Format(DateLayout))
		}
	}
	industrial := FollowUpTemplate(Industrial, agreed, nil)
	if got := industrial[len(industrial)-1]; got.Role != "distribution" || !got.Due.Equal(day(17)) {
		t.Errorf("distribution due %s, want 2027-03-17", got.Due.Format(DateLayout))
	}
}

func TestFollowUpTemplateFillsPeople(t *testing.T) {
	contacts := []Contact{
		{Name: "Dana Whitlock", Role: "category buyer", Side: CustomerSide},
		{Name: "Marc Oyelaran", Role: "Stock Controller", Side: CustomerSide},
		{Name: "Ines Vidal", Role: "stock controllers", Side: CustomerSide},
		{Name: "Priya Natarajan", Role: "merchandising and marketing staff", Side: CustomerSide},
		{Name: "Tom Becker", Role: "order processor", Side: InternalSide},
		{Name: "Lena Ruiz", Role: "field sales manager", Side: InternalSide},
		{Name: "Sam Okafor", Role: "marketing specialist", Side: InternalSide},
		{Name: "Ann Internal", Role: "buyer", Side: InternalSide}, // our own buyer: not the customer's
		{Name: "Nobody", Role: "", Side: CustomerSide},
	}
	lines := FollowUpTemplate(Retail, t0, contacts)
	want := map[string]string{
		"buyers":                            "Dana Whitlock",
		"stock controllers":                 "Marc Oyelaran, Ines Vidal",
		"merchandising and marketing staff": "Priya Natarajan",
		"order processors":                  "Tom Becker",
		"field sales managers":              "Lena Ruiz",
		"marketing specialist on promotional activity": "Sam Okafor",
		"field salespersons":                           "",
		"branch managers":                              "",
		"area field controllers":                       "",
	}
	for _, l := range lines {
		w, ok := want[l.Role]
		if !ok {
			continue
		}
		if l.Person != w {
			t.Errorf("%s (%s): person %q, want %q", l.Role, l.Side, l.Person, w)
		}
	}

	industrial := FollowUpTemplate(Industrial, t0, []Contact{
		{Name: "Kai", Role: "Technical support", Side: InternalSide},
		{Name: "Uma", Role: "training", Side: InternalSide},
		{Name: "Ole", Role: "end user", Side: CustomerSide},
	})
	got := map[string]string{}
	for _, l := range industrial {
		got[l.Role] = l.Person
	}
	if got["technical support"] != "Kai" || got["training"] != "Uma" ||
		got["end users (production managers, engineers, technical staff, etc.)"] != "Ole" {
		t.Errorf("industrial people: %q", got)
	}
}

func TestRolesMatch(t *testing.T) {
	tests := []struct {
		contact, template string
		want              bool
	}{
		{"category buyer", "buyers", true},
		{"Buyer", "buyers", true},
		{"buyers", "buyers", true},
		{"field sales manager", "field sales managers", true},
		{"marketing specialist", "marketing specialist on promotional activity", true},
		{"order processor", "order processors", true},
		{"stock controller", "area field controllers", false},
		{"branch manager", "field sales managers", false},
		{"", "buyers", false},
		{"(temp)", "buyers", false},
	}
	for _, tt := range tests {
		if got := rolesMatch(tt.contact, tt.template); got != tt.want {
			t.Errorf("rolesMatch(%q, %q) = %v, want %v", tt.contact, tt.template, got, tt.want)
		}
	}
}

func TestFollowUpProgress(t *testing.T) {
	d := &Dossier{FollowUps: []FollowUp{{Done: true}, {}, {Done: true}}}
	if done, total := d.FollowUpProgress(); done != 2 || total != 3 {
		t.Errorf("progress %d/%d, want 2/3", done, total)
	}
}

func TestRolesMatchAcrossWordEndings(t *testing.T) {
	for _, tt := range []struct {
		contact, role string
		want          bool
	}{
		{"order processor", "order processing", true},
		{"Distributor", "distribution", true},
		{"trainer", "training", true},
		{"category buyer", "buyers", true},
		{"field sales manager", "field sales managers", true},
		{"field sales manager", "field salespersons", false},
		{"stock controller", "branch managers", false},
	} {
		if got := rolesMatch(tt.contact, tt.role); got != tt.want {
			t.Errorf("rolesMatch(%q, %q) = %v, want %v", tt.contact, tt.role, got, tt.want)
		}
	}
}
