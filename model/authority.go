package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Authority: how far a person may move on each lever before their manager
// must approve (DESIGN 12). A limit is set for a role or for one person
// (the person's own limit wins); a move of ours past it, or a walk-away set
// past it, is held as pending approval and the deal does not count it yet.

// Limit is how far a role or a person may go on one lever.
type Limit struct {
	Who   string    // a role (kam, manager, admin) or a person's name
	Lever LeverKind // the lever the limit is on
	// Value is the bound in the item's unit ("payment-days 50", "rebate
	// 3%"), or, when Relative, a percentage of last year's value
	// ("list-price -2%": at most 2 % below last year).
	Value    decimal.Decimal
	Relative bool
}

// LeverSlug is a lever as typed on the command line: "list-price".
func LeverSlug(k LeverKind) string { return strings.ReplaceAll(string(k), " ", "-") }

// ParseLever reads a lever as typed on the command line ("list-price",
// "payment days"); the score-only lever has no authority.
func ParseLever(s string) (LeverKind, error) {
	k := LeverKind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", " "))
	if k == LeverNone || !k.Valid() {
		var names []string
		for _, l := range LeverKinds[1:] {
			names = append(names, LeverSlug(l))
		}
		return "", fmt.Errorf("lever %q is not one of %s", s, strings.Join(names, ", "))
	}
	return k, nil
}

// ParseLimit reads a limit's value: "50" and "3%" are bounds in the item's
// unit; a signed percentage ("-2%", "+5%") is relative to last year.
func ParseLimit(s string) (value decimal.Decimal, relative bool, err error) {
	t := strings.TrimSpace(s)
	relative = strings.HasSuffix(t, "%") && (strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+"))
	v, err := ParseNumber(strings.TrimPrefix(strings.TrimSuffix(t, "%"), "+"))
	if err != nil {
		return decimal.Decimal{}, false, fmt.Errorf("limit %q: %w", s, err)
	}
	return v, relative, nil
}

// String is the limit as typed.
func (l Limit) String() string {
	if l.Relative {
		return FormatSigned(l.Value, Places(l.Value)) + "% of last year"
	}
	return FormatValue(l.Value)
}

// Validate says what is wrong with the limit.
func (l Limit) Validate() error {
	if strings.TrimSpace(l.Who) == "" {
		return fmt.Errorf("say whose limit it is: a role or a person")
	}
	if l.Lever == LeverNone || !l.Lever.Valid() {
		return fmt.Errorf("the limit names no lever")
	}
	return nil
}

// Authority is every limit set on the file.
type Authority []Limit

// For is the limit that binds p on lever: their own, else their role's.
func (a Authority) For(p Person, lever LeverKind) (Limit, bool) {
	var byRole *Limit
	for i, l := range a {
		if l.Lever != lever {
			continue
		}
		if l.Who == p.Name {
			return l, true
		}
		if l.Who == string(p.Role) {
			byRole = &a[i]
		}
	}
	if byRole != nil {
		return *byRole, true
	}
	return Limit{}, false
}

// Bound is the limit in the item's unit: Value, or for a relative limit
// that share of last year's value (false when the item has none).
func (l Limit) Bound(it AgendaItem) (decimal.Decimal, bool) {
	if !l.Relative {
		return l.Value, true
	}
	if !it.LastYear.Valid {
		return decimal.Decimal{}, false
	}
	return it.LastYear.Decimal.Mul(decimal.NewFromInt(100).Add(l.Value)).Shift(-2), true // exact: no division
}

// Allows reports whether a position of ours at to on it stays within the
// limit; when not, why says so in words. Worse for us is the way the item
// is not better for us.
func (l Limit) Allows(it AgendaItem, to decimal.Decimal) (ok bool, why string) {
	bound, ok := l.Bound(it)
	if !ok {
		return false, fmt.Sprintf("%s has no last year's value to measure the limit %s against", it.Title, l)
	}
	limit := FormatValue(bound)
	if l.Relative {
		limit += " (" + l.String() + ")"
	}
	better := it.Better
	if !better.Valid() {
		better, _ = it.Lever.Kind.Better()
	}
	switch better {
	case Up:
		if to.LessThan(bound) {
			return false, fmt.Sprintf("%s to %s is below the limit of %s", it.Title, FormatValue(to), limit)
		}
	case Down:
		if to.GreaterThan(bound) {
			return false, fmt.Sprintf("%s to %s is above the limit of %s", it.Title, FormatValue(to), limit)
		}
	}
	return true, ""
}

// Holds reports whether a position of p's at to on it waits for approval
// (the one rule the store holds moves and walk-aways by, and the capture
// line's preview says ahead): the limit that binds p on the item's lever,
// and why the position is past it.
func (a Authority) Holds(p Person, it AgendaItem, to decimal.Decimal) (limit Limit, why string, held bool) {
	limit, ok := a.For(p, it.Lever.Kind)
	if !ok {
		return Limit{}, "", false
	}
	allowed, why := limit.Allows(it, to)
	return limit, why, !allowed
}

// Bounds is how far one person may move before approval: the limits set
// on the file, and who decides past them.
type Bounds struct {
	Person    Person
	Authority Authority
	Approver  string // the person's manager; "" when an admin decides
}

// Holds reports whether a position of the person's at to on it waits for
// approval, and why.
func (b Bounds) Holds(it AgendaItem, to decimal.Decimal) (why string, held bool) {
	_, why, held = b.Authority.Holds(b.Person, it, to)
	return why, held
}

// AskedOf names who decides past the limits: "mia", or "an admin".
func (b Bounds) AskedOf() string { return Approval{Approver: b.Approver}.AskedOf() }

// ApprovalStatus is where a request for approval stands.
type ApprovalStatus string

// The statuses of an approval.
const (
	Pending  ApprovalStatus = "pending"
	Approved ApprovalStatus = "approved"
	Rejected ApprovalStatus = "rejected"
)

// Approval is a move (or a walk-away) past its mover's authority, held
// until someone who may decide it does.
type Approval struct {
	ID            uint64
	NegotiationID uint64
	ItemID        uint64
	// ConcessionID is the move held (it stays in the ledger, marked, and
	// the deal does not count it); 0 for a walk-away.
	ConcessionID uint64
	// WalkAway is the walk-away asked for; the item keeps its old one
	// until it is approved.
	WalkAway decimal.NullDecimal
	To       decimal.Decimal // the position asked for
	Why      string          // the limit it passes, in words
	// Limit is the bound it passes, in the item's unit (none for a request
	// made before it was kept, or a relative limit with no last year).
	Limit    decimal.NullDecimal
	By       string // the mover
	Approver string // whom it is asked of ("": any admin)
	Asked    time.Time
	Status   ApprovalStatus
	Decided  time.Time
	Decider  string
	Note     string
}

// AskedOf is whom the approval waits for, in words.
func (a Approval) AskedOf() string {
	if a.Approver == "" {
		return "an admin"
	}
	return a.Approver
}

// Request is a request for approval with what a page names it by: its
// negotiation's account and title, and the item moved as it is now.
type Request struct {
	Approval
	Account string
	Title   string
	Item    AgendaItem
}
