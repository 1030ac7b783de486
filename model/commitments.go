package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// When the stage moves to agree, the final agreement becomes commitments:
// follow-up lines that say whose each is ("they: Annual volume commitment
// at 185,000 cases") and which role sees that it is kept (DESIGN 4).

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
	// A word is letters and hyphens ("on-time", "in-store"): a number glued
	// to its unit ("500pallets") or a dash between words does not hide one.
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
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

// Commitment is one line the final agreement calls for (DESIGN 4), before
// it is on the checklist: an agreed item at its agreed value, or a trade
// that stands in the agreement.
type Commitment struct {
	Whose Party  // who promised it: Them for what they give, Us for what we give
	Text  string // in words, never `#N`: "Annual volume commitment at 185,000 cases"
	Item  string // the agreed item it belongs to
	Role  string // the role of the account kind's template that checks it
	Side  Side   // that role's side
	// Source names what it comes from, so that agreeing again updates the
	// line instead of adding a second one: "item <uid>" or "move <uid>"
	// (the record's ID when it has no UID yet).
	Source string
}

// Line is the commitment as the checklist says it: "they: 185,000 cases — stock controllers".
func (c Commitment) Line() string { return c.whose() + ": " + c.Text + " — " + c.Role }

func (c Commitment) whose() string {
	if c.Whose == Them {
		return "they"
	}
	return "we"
}

// Commitments lists what the final agreement commits each side to: one line
// per agreed item at its agreed value, and one per "traded for" that stands
// in it, that is the last move of its side on an agreed item (a closing
// move of `agree` supersedes it). Whose it is follows who promised: the
// "for" of our move is what they give, the "for" of theirs what we give;
// an agreed value is theirs when more of it is better for us (they pay the
// price, buy the volume), ours when less is (we give the days, the rebate).
// `#N` in a "for" becomes the words of move N. A trade that names an agreed
// item (by its title or a value in its unit) is left out: the item's own
// line says what was agreed, so a trade that repeats it is a duplicate and
// one that says another value contradicts it.
func Commitments(d *Dossier) []Commitment {
	r := d.Replay()
	var out []Commitment
	seen := map[string]bool{}
	add := func(c Commitment, context string) {
		key := strings.ToLower(c.Text)
		if c.Text == "" || seen[key] {
			return
		}
		seen[key] = true
		c.Role, c.Side = CommitmentRole(d.Account.Kind, c.Text+" "+context, c.Whose == Them)
		out = append(out, c)
	}
	var agreed []AgendaItem
	for i, it := range d.Items {
		if it.Status != ItemAgreed {
			continue
		}
		agreed = append(agreed, it)
		c := Commitment{Text: it.Title + " agreed", Item: it.Title, Source: "item " + recordRef(it.UID, it.ID)}
		c.Whose = Us
		if it.Better == Up {
			c.Whose = Them
		}
		if st := r.Items[i]; it.Numeric() && (st.HasTheirs || st.HasOurs) {
			v := st.Ours
			if st.HasTheirs {
				v = st.Theirs
			}
			c.Text = valueWords(it, v)
		} else {
			c.Whose = Them
			if _, side := CommitmentRole(d.Account.Kind, c.Text, true); side == InternalSide {
				c.Whose = Us
			}
		}
		add(c, string(it.Topic)+" "+string(it.Lever.Kind))
	}
	for _, mv := range standingTrades(d, r) {
		it := d.Items[mv.Item]
		text := oneLine(resolveMoveRefs(mv.TradedFor, r))
		if !strings.ContainsFunc(text, unicode.IsLetter) || namesAgreed(text, agreed, d.Items) {
			continue
		}
		c := Commitment{Text: text, Item: it.Title, Source: "move " + recordRef(mv.UID, mv.ID), Whose: Them}
		if mv.By == Them {
			c.Whose = Us
		}
		add(c, "")
	}
	return out
}

// standingTrades are the moves whose "traded for" stands in the agreement:
// on an agreed item, the last move of each side, unless it is a closing
// move of `agree` (its item's line says it).
func standingTrades(d *Dossier, r *Replay) []Move {
	type key struct {
		item int
		by   Party
	}
	last := map[key]int{}
	for k, mv := range r.Moves {
		last[key{mv.Item, mv.By}] = k
	}
	var out []Move
	for k, mv := range r.Moves {
		if last[key{mv.Item, mv.By}] != k || d.Items[mv.Item].Status != ItemAgreed ||
			mv.TradedFor == "" || strings.HasPrefix(mv.TradedFor, closingFor) {
			continue
		}
		out = append(out, mv)
	}
	return out
}

// valueWords is an item at a value, in words: "Payment terms at 60 days".
func valueWords(it AgendaItem, v decimal.Decimal) string {
	return strings.TrimSpace(fmt.Sprintf("%s at %s %s", it.Title, it.Format(v), it.Unit))
}

// resolveMoveRefs writes each `#N` of a "for" text as the words of move N
// ("#6" → "Payment terms at 60 days"); a number that names no move stays.
func resolveMoveRefs(text string, r *Replay) string {
	if !strings.Contains(text, "#") {
		return text
	}
	words := strings.Fields(text)
	for i, w := range words {
		refs := ledgerRefs(w)
		if len(refs) != 1 || refs[0] > len(r.Moves) {
			continue
		}
		mv := r.Moves[refs[0]-1]
		ref := fmt.Sprintf("#%d", refs[0])
		words[i] = strings.Replace(w, ref, valueWords(r.dossier.Items[mv.Item], mv.To), 1)
	}
	return strings.Join(words, " ")
}

// namesAgreed reports whether a trade's text is about an agreed item: it
// names the item (NamesItem) or gives a value in the item's unit ("190,000
// cases"), which the item's own line says instead.
func namesAgreed(text string, agreed, items []AgendaItem) bool {
	names := newItemNames(items)
	named := names.named(text)
	lower := strings.Fields(strings.ToLower(text))
	for _, it := range agreed {
		if i := slices.IndexFunc(items, func(x AgendaItem) bool { return x.ID == it.ID }); i >= 0 && named[i] {
			return true
		}
		unit := strings.ToLower(strings.TrimSpace(it.Unit))
		if unit == "" || !it.Numeric() {
			continue
		}
		for k, w := range lower {
			if !strings.ContainsFunc(w, unicode.IsDigit) {
				continue
			}
			if strings.HasSuffix(w, unit) || (k+1 < len(lower) && strings.TrimRight(lower[k+1], ",.;:") == unit) {
				return true
			}
		}
	}
	return false
}

// recordRef names a record by its UID, else by its ID.
func recordRef(uid string, id uint64) string {
	if uid != "" {
		return uid
	}
	return fmt.Sprintf("#%d", id)
}

// CommitmentLines are the follow-up lines that writing the chosen
// commitments makes, and the lines it removes. A commitment already on the
// checklist (same Source; a line of an older version without one: same
// words) is updated in place, keeping its person and, when its words did
// not change, whether it is done; a new one is added (ID 0). A line an
// earlier agreement made that no longer stands, and is not done, is removed.
// Calling it again with the same agreement changes nothing.
func CommitmentLines(d *Dossier, proposed []Commitment, chosen []bool) (lines []FollowUp, remove []uint64) {
	agreed := agreementDate(d)
	stands := map[string]bool{}
	for _, c := range proposed {
		stands[c.Source] = true
	}
	used := map[uint64]bool{}
	for i, c := range proposed {
		if i < len(chosen) && !chosen[i] {
			continue
		}
		f := FollowUp{Side: c.Side, Role: c.Role, Action: "See that it is kept: " + c.Text,
			Commitment: c.whose() + ": " + c.Text, Source: c.Source}
		f.Person = personFor(templateLine{side: c.Side, role: c.Role}, d.Account.Contacts)
		days := 7
		for _, l := range template(d.Account.Kind) {
			if l.role == c.Role {
				days = l.days
			}
		}
		if !agreed.IsZero() {
			f.Due = dateOf(agreed).AddDate(0, 0, days)
		}
		if old, ok := madeBefore(d.FollowUps, c, f.Commitment, used); ok {
			used[old.ID] = true
			f.ID, f.Order, f.Stamp = old.ID, old.Order, old.Stamp
			if old.Role == f.Role && old.Person != "" {
				f.Person = old.Person
			}
			if old.Commitment == f.Commitment {
				f.Done, f.DoneAt = old.Done, old.DoneAt
				if !old.Due.IsZero() {
					f.Due = old.Due
				}
			}
			if sameLine(old, f) {
				continue // nothing to write
			}
		}
		lines = append(lines, f)
	}
	for _, f := range d.FollowUps {
		if f.Source != "" && !stands[f.Source] && !f.Done && !used[f.ID] {
			remove = append(remove, f.ID)
		}
	}
	return lines, remove
}

// sameLine reports whether writing f would change nothing of old.
func sameLine(old, f FollowUp) bool {
	return old.Side == f.Side && old.Role == f.Role && old.Person == f.Person && old.Action == f.Action &&
		old.Due.Equal(f.Due) && old.Done == f.Done && old.DoneAt.Equal(f.DoneAt) && old.Commitment == f.Commitment && old.Source == f.Source
}

// madeBefore finds the checklist line an earlier agreement made for c.
func madeBefore(lines []FollowUp, c Commitment, commitment string, used map[uint64]bool) (FollowUp, bool) {
	for _, f := range lines {
		if !used[f.ID] && f.Source == c.Source {
			return f, true
		}
	}
	for _, f := range lines {
		if !used[f.ID] && f.Source == "" && f.Commitment != "" && strings.EqualFold(f.Commitment, commitment) {
			return f, true
		}
	}
	return FollowUp{}, false
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
