package model

import (
	"fmt"
	"slices"
)

// checkMeetings refuses two meetings with one number and more than one
// meeting running at once: the capture line and forms never make either.
func (d *Dossier) checkMeetings() error {
	numbers := map[int]bool{}
	running := 0
	for _, m := range d.Meetings {
		if numbers[m.Number] {
			return fmt.Errorf("meeting %d: the number is used twice", m.Number)
		}
		numbers[m.Number] = true
		if m.Running() {
			running++
			if running > 1 {
				return fmt.Errorf("meeting %d: another meeting is still running; only one can run at a time", m.Number)
			}
		}
	}
	return nil
}

// checkUniqueIDs refuses a record kind whose IDs repeat.
func checkUniqueIDs[R any](what string, recs []R, id func(R) uint64) error {
	seen := map[uint64]bool{}
	for _, r := range recs {
		if seen[id(r)] {
			return fmt.Errorf("%s %d: id used twice", what, id(r))
		}
		seen[id(r)] = true
	}
	return nil
}

// checkLedgerMoves replays the ledger in order and refuses any concession
// that is no move toward the other side, with the rule the capture line and
// the concession form apply to a new one (Dossier.CheckConcession).
func (d *Dossier) checkLedgerMoves() error {
	ledger := slices.Clone(d.Ledger)
	slices.SortStableFunc(ledger, func(a, b Concession) int { return a.At.Compare(b.At) })
	type key struct {
		item uint64
		by   Party
	}
	pos := map[key]Concession{}
	for _, c := range ledger {
		it, ok := d.Item(c.ItemID)
		if !ok {
			continue // reported by Validate
		}
		if !it.Numeric() {
			return fmt.Errorf("concession %d: %q has no numbers", c.ID, it.Title)
		}
		if c.By == Them && !it.TheirOpening.Valid {
			return fmt.Errorf("concession %d: their opening on %q is not set", c.ID, it.Title)
		}
		from := it.OurOpening.Decimal
		if c.By == Them {
			from = it.TheirOpening.Decimal
		}
		if prev, ok := pos[key{c.ItemID, c.By}]; ok {
			from = prev.To
		}
		if err := checkMove(it, c.By, from, c.To); err != nil {
			return fmt.Errorf("concession %d: %w", c.ID, err)
		}
		pos[key{c.ItemID, c.By}] = c
	}
	return nil
}

// checkAhead refuses budgets, cleared trade-backs and suggestion decisions
// that point at records the dossier does not hold (an import's are checked
// as the forms' are).
func (d *Dossier) checkAhead(items, meetings, concessions map[uint64]bool) error {
	for _, b := range d.Budgets {
		if err := b.Validate(); err != nil {
			return fmt.Errorf("budget %d: %w", b.ID, err)
		}
		if !items[b.ItemID] {
			return fmt.Errorf("budget %d is on an item that does not exist", b.ID)
		}
		if b.MeetingID != 0 && !meetings[b.MeetingID] {
			return fmt.Errorf("budget %d belongs to a meeting that does not exist", b.ID)
		}
	}
	for _, c := range d.Cleared {
		if err := CheckSizes(c); err != nil {
			return fmt.Errorf("cleared trade-back of concession %d: %w", c.ConcessionID, err)
		}
		if !concessions[c.ConcessionID] {
			return fmt.Errorf("a cleared trade-back names concession %d, which does not exist", c.ConcessionID)
		}
	}
	for _, s := range d.Decisions {
		if err := CheckSizes(s); err != nil {
			return fmt.Errorf("suggestion decision %d: %w", s.ID, err)
		}
		if !items[s.ItemID] {
			return fmt.Errorf("suggestion decision %d is on an item that does not exist", s.ID)
		}
		if s.Value < 0 || s.Value > 100 {
			return fmt.Errorf("suggestion decision %d: value to them %d should be between 0 and 100", s.ID, s.Value)
		}
	}
	for _, err := range []error{
		checkUniqueIDs("budget", d.Budgets, func(b Budget) uint64 { return b.ID }),
		checkUniqueIDs("suggestion decision", d.Decisions, func(s SuggestionDecision) uint64 { return s.ID }),
		checkUniqueIDs("package", d.Packages, func(p Package) uint64 { return p.ID }),
		checkUniqueIDs("cleared trade-back of concession", d.Cleared, func(c OwedClear) uint64 { return c.ConcessionID }),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}
