package model

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Dossier is everything kept about one negotiation: its account, its agenda,
// its meetings, the concession ledger, the notes, the follow-up checklist and
// the scenarios behind the proposal. The formulas are methods on it.
type Dossier struct {
	Account     Account
	Negotiation Negotiation
	Items       []AgendaItem // in agenda order
	Meetings    []Meeting    // by number
	Ledger      []Concession // in the order they were made
	Notes       []Note       // oldest first
	FollowUps   []FollowUp   // in checklist order
	Scenarios   []Scenario
	Packages    []Package // saved proposals and equivalent offers
	Ahead                 // budgets, cleared trade-backs and value suggestions decided (ahead.go)
}

// Sort puts every list in its canonical order: agenda order, meeting number,
// ledger and note time (ties by ID), checklist order.
func (d *Dossier) Sort() {
	d.SortLedger()
	d.SortNotes()
	sortStable(d.Items, func(a, b AgendaItem) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
	sortStable(d.Meetings, func(a, b Meeting) int {
		return cmp.Or(cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
	sortStable(d.FollowUps, func(a, b FollowUp) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
	sortStable(d.Scenarios, func(a, b Scenario) int { return cmp.Compare(a.ID, b.ID) })
	sortStable(d.Packages, func(a, b Package) int { return cmp.Compare(a.ID, b.ID) })
}

// SortLedger puts the ledger in time order (Sort does it with the rest).
func (d *Dossier) SortLedger() {
	sortStable(d.Ledger, func(a, b Concession) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// SortNotes puts the notes in time order (Sort does it with the rest).
// The comparisons build nothing: cmp.Or's argument list, made per
// comparison, would cost an allocation per note.
func (d *Dossier) SortNotes() {
	sortStable(d.Notes, func(a, b Note) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// sortStable sorts a list unless it is in order already, as it nearly
// always is after one record changed: checking costs a pass, a stable sort
// of 20,000 notes several.
func sortStable[T any](list []T, cmp func(a, b T) int) {
	if !slices.IsSortedFunc(list, cmp) {
		slices.SortStableFunc(list, cmp)
	}
}

// ItemIndex returns the position of the item with the given ID in the agenda, or -1.
func (d *Dossier) ItemIndex(id uint64) int {
	return slices.IndexFunc(d.Items, func(it AgendaItem) bool { return it.ID == id })
}

// Item returns the item with the given ID.
func (d *Dossier) Item(id uint64) (AgendaItem, bool) {
	if i := d.ItemIndex(id); i >= 0 {
		return d.Items[i], true
	}
	return AgendaItem{}, false
}

// Meeting returns the meeting with the given ID.
func (d *Dossier) Meeting(id uint64) (Meeting, bool) {
	for _, m := range d.Meetings {
		if m.ID == id {
			return m, true
		}
	}
	return Meeting{}, false
}

// RunningMeeting returns the meeting under way, if any.
func (d *Dossier) RunningMeeting() (Meeting, bool) {
	for i := len(d.Meetings) - 1; i >= 0; i-- {
		if d.Meetings[i].Running() {
			return d.Meetings[i], true
		}
	}
	return Meeting{}, false
}

// NextMeetingNumber is the number the next meeting gets.
func (d *Dossier) NextMeetingNumber() int {
	n := 0
	for _, m := range d.Meetings {
		n = max(n, m.Number)
	}
	return n + 1
}

// Scenario returns the scenario with the given ID.
func (d *Dossier) Scenario(id uint64) (Scenario, bool) {
	for _, s := range d.Scenarios {
		if s.ID == id {
			return s, true
		}
	}
	return Scenario{}, false
}

// Validate checks every record and every link between them, so that a whole
// dossier (an import, the demo) can be refused before anything is written.
func (d *Dossier) Validate() error {
	if err := d.Account.Validate(); err != nil {
		return fmt.Errorf("account: %w", err)
	}
	if err := d.Negotiation.Validate(); err != nil {
		return fmt.Errorf("negotiation %q: %w", d.Negotiation.Title, err)
	}
	items := map[uint64]bool{}
	for _, it := range d.Items {
		if err := it.Validate(); err != nil {
			return fmt.Errorf("item %q: %w", it.Title, err)
		}
		if items[it.ID] {
			return fmt.Errorf("item %q: id %d is used twice", it.Title, it.ID)
		}
		items[it.ID] = true
		if it.Link.ScenarioID != 0 {
			sc, ok := d.Scenario(it.Link.ScenarioID)
			if !ok {
				return fmt.Errorf("item %q links to a missing scenario", it.Title)
			}
			if _, ok := sc.Field(it.Link.Field); !ok {
				return fmt.Errorf("item %q links to %q, which scenario %q does not have", it.Title, it.Link.Field, sc.Name)
			}
		}
	}
	meetings := map[uint64]bool{}
	for _, m := range d.Meetings {
		if err := m.Validate(); err != nil {
			return err
		}
		if meetings[m.ID] {
			return fmt.Errorf("meeting %d: id %d is used twice", m.Number, m.ID)
		}
		meetings[m.ID] = true
	}
	concessions := map[uint64]bool{}
	for _, c := range d.Ledger {
		if concessions[c.ID] {
			return fmt.Errorf("concession %d: id used twice", c.ID)
		}
		concessions[c.ID] = true
	}
	for _, c := range d.Ledger {
		if err := c.Validate(); err != nil {
			return fmt.Errorf("concession %d: %w", c.ID, err)
		}
		if !items[c.ItemID] {
			return fmt.Errorf("concession %d is on an item that does not exist", c.ID)
		}
		if c.MeetingID != 0 && !meetings[c.MeetingID] {
			return fmt.Errorf("concession %d belongs to a meeting that does not exist", c.ID)
		}
		if c.TradedAgainst != 0 && !concessions[c.TradedAgainst] {
			return fmt.Errorf("concession %d is traded against a concession that does not exist", c.ID)
		}
	}
	for _, n := range d.Notes {
		if err := n.Validate(); err != nil {
			return fmt.Errorf("note %d: %w", n.ID, err)
		}
		if n.ItemID != 0 && !items[n.ItemID] {
			return fmt.Errorf("note %d is tagged to an item that does not exist", n.ID)
		}
		if n.MeetingID != 0 && !meetings[n.MeetingID] {
			return fmt.Errorf("note %d belongs to a meeting that does not exist", n.ID)
		}
	}
	for _, f := range d.FollowUps {
		if err := f.Validate(); err != nil {
			return fmt.Errorf("follow-up %d: %w", f.ID, err)
		}
	}
	for _, s := range d.Scenarios {
		if err := s.Validate(); err != nil {
			return fmt.Errorf("scenario %q: %w", s.Name, err)
		}
	}
	for _, p := range d.Packages {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("package %q: %w", p.Name, err)
		}
		for id := range p.Values {
			if !items[id] {
				return fmt.Errorf("package %q has a value for an item that does not exist", p.Name)
			}
		}
		if p.TabledMeeting != 0 && !meetings[p.TabledMeeting] {
			return fmt.Errorf("package %q was tabled in a meeting that does not exist", p.Name)
		}
	}
	if err := d.checkMeetings(); err != nil {
		return err
	}
	if err := d.checkAhead(items, meetings, concessions); err != nil {
		return err
	}
	for _, err := range []error{
		checkUniqueIDs("note", d.Notes, func(n Note) uint64 { return n.ID }),
		checkUniqueIDs("follow-up", d.FollowUps, func(f FollowUp) uint64 { return f.ID }),
		checkUniqueIDs("scenario", d.Scenarios, func(s Scenario) uint64 { return s.ID }),
	} {
		if err != nil {
			return err
		}
	}
	return d.checkLedgerMoves()
}

// CheckConcession says whether c can be logged (or, when c.ID is already in
// the ledger, changed to c): the item must exist, carry numbers, be open, and
// the value must be a move toward the other side from where that side stood.
// It reads the ledger; Replay.Effect checks a new move from the replay.
func (d *Dossier) CheckConcession(c Concession) error {
	return d.checkConcession(c, d.standing(c), d.concession)
}

// standing is where both sides stand on a concession's item around it.
type standing struct {
	from  decimal.Decimal     // the conceding party before it: its opening or its previous move
	other decimal.NullDecimal // the other party then; null when the other's opening is not set
	next  *Concession         // the conceding party's next move after it, when it is logged
}

// checkConcession is CheckConcession's rule, given where the sides stand
// (s) and how to find a logged concession by ID.
func (d *Dossier) checkConcession(c Concession, s standing, logged func(uint64) (Concession, bool)) error {
	if err := c.Validate(); err != nil {
		return err
	}
	it, ok := d.Item(c.ItemID)
	if !ok {
		return fmt.Errorf("there is no such item on the agenda")
	}
	if !it.Numeric() {
		return fmt.Errorf("%q has no numbers: mark it agreed instead of logging a concession", it.Title)
	}
	if c.By == Them && !it.TheirOpening.Valid {
		return fmt.Errorf("their opening on %q is not set: enter it on the agenda first", it.Title)
	}
	if it.Status == ItemAgreed {
		return fmt.Errorf("%q is already agreed: reopen it to log a concession", it.Title)
	}
	if err := it.Lever.CheckValue(c.To); err != nil {
		return fmt.Errorf("%s: %w", it.Title, err)
	}
	if c.TradedAgainst != 0 {
		other, ok := logged(c.TradedAgainst)
		if !ok {
			return fmt.Errorf("the concession it is traded against does not exist")
		}
		if other.By == c.By {
			return fmt.Errorf("a concession is traded against one by the other side")
		}
	}
	if err := d.checkMoveRefs(c); err != nil {
		return err
	}
	if err := checkMove(it, c.By, s.from, c.To); err != nil {
		return err
	}
	if err := d.checkNotPast(it, c, s.other); err != nil {
		return err
	}
	if s.next != nil {
		if err := checkMove(it, c.By, c.To, s.next.To); err != nil {
			return fmt.Errorf("the next concession on %q (to %s) would no longer be a move: %w", it.Title, s.next.To, err)
		}
	}
	return nil
}

func (d *Dossier) concession(id uint64) (Concession, bool) {
	for _, c := range d.Ledger {
		if c.ID == id {
			return c, true
		}
	}
	return Concession{}, false
}

// standing finds, in the ledger, where the party stood before c (its
// opening or its previous concession on the item), where the other side
// stood then, and the party's next concession after c, if c is already in
// the ledger.
func (d *Dossier) standing(c Concession) standing {
	it, _ := d.Item(c.ItemID)
	s := standing{from: it.OurOpening.Decimal, other: it.TheirOpening}
	if c.By == Them {
		s.from, s.other = it.TheirOpening.Decimal, it.OurOpening
	}
	// past: c's place in the ledger is behind; seen: and it was the party's
	// move on the item, so the party's next one there follows c.
	past, seen := false, false
	for i := range d.Ledger {
		l := d.Ledger[i]
		if c.ID != 0 && l.ID == c.ID {
			past, seen = true, l.ItemID == c.ItemID && l.By == c.By
			continue
		}
		switch {
		case l.ItemID != c.ItemID:
		case l.By != c.By:
			if !past && s.other.Valid {
				s.other.Decimal = l.To
			}
		case seen:
			s.next = &d.Ledger[i]
			return s
		default:
			s.from = l.To
		}
	}
	return s
}

// checkNotPast refuses a move that passes the other side's position at that
// point of the ledger (other, null when its opening is not set): that is no
// concession but a settlement, and `agree` records it as one.
func (d *Dossier) checkNotPast(it AgendaItem, c Concession, other decimal.NullDecimal) error {
	if !other.Valid {
		return nil
	}
	pos := other.Decimal
	s := it.Better.Sign()
	past := s.Mul(pos.Sub(c.To)).IsPositive() // we offer worse for us than they ask
	who := "they ask"
	if c.By == Them {
		past = s.Mul(c.To.Sub(pos)).IsPositive() // they offer better for us than we ask
		who = "we ask"
	}
	if !past {
		return nil
	}
	return fmt.Errorf("%s %s; to settle there type `agree %d`", who, it.Format(pos), d.ItemIndex(it.ID)+1)
}

// checkMove refuses a "concession" that does not move the party toward the other side.
func checkMove(it AgendaItem, by Party, from, to decimal.Decimal) error {
	toward := it.Better.Sign().Mul(from.Sub(to)) // our concessions move against our interest
	if by == Them {
		toward = toward.Neg()
	}
	if toward.IsPositive() {
		return nil
	}
	who := "we are"
	if by == Them {
		who = "they are"
	}
	if toward.IsZero() {
		return fmt.Errorf("%s already at %s on %q", who, from, it.Title)
	}
	return fmt.Errorf("that is no concession: %s at %s on %q and %s moves away from the other side", who, from, it.Title, to)
}
