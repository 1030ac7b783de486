package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// OwedClear records that the KAM cleared an owed trade-back by hand (DESIGN
// 5.6): the concession of ours no longer waits for anything in return.
type OwedClear struct {
	ConcessionID uint64
	At           time.Time
	Stamp        // UID and Updated, set by the store
}

// Owed is an unreciprocated concession of ours still waiting for a
// trade-back, with what it cost us.
type Owed struct {
	Move   Move
	Number int             // its ledger number: 1-based, in ledger order, as `#n` names it
	Money  decimal.Decimal // what it cost our offer a year (positive: a cost)
	Err    error           // why Money is unknown
}

// Owed lists our unreciprocated concessions, in ledger order, that no later
// `they` concession was traded for and the KAM did not clear. A `they`
// concession is traded for one of ours when it is linked to it (traded
// against), when its "for" text says `#<ledger number>`, or when its "for"
// text names the item of ours (the oldest owed one on that item is paid).
func (r *Replay) Owed() []Owed {
	d := r.dossier
	cleared := make(map[uint64]bool, len(d.Cleared))
	for _, c := range d.Cleared {
		cleared[c.ConcessionID] = true
	}
	var open []int // indexes into r.Moves
	names := newItemNames(d.Items)
	for k, mv := range r.Moves {
		if mv.By == Us {
			if mv.Flags.Has(Unreciprocated) && !cleared[mv.ID] {
				open = append(open, k)
			}
			continue
		}
		if len(open) == 0 {
			continue
		}
		open = r.payBack(mv, open, names)
	}
	out := make([]Owed, 0, len(open))
	for _, k := range open {
		mv := r.Moves[k]
		o := Owed{Move: mv, Number: mv.Number}
		o.Money, o.Err = r.moveCost(mv)
		out = append(out, o)
	}
	return out
}

// payBack removes from open the concessions of ours that their move mv was
// traded for.
func (r *Replay) payBack(mv Move, open []int, names *itemNames) []int {
	paid := -1
	for n, k := range open {
		if mv.TradedAgainst != 0 && r.Moves[k].ID == mv.TradedAgainst {
			paid = n
		}
	}
	for _, num := range ledgerRefs(mv.TradedFor) {
		for n, k := range open {
			if k+1 == num && paid < 0 {
				paid = n
			}
		}
	}
	if paid < 0 && mv.TradedFor != "" {
		named := names.named(mv.TradedFor)
		for n, k := range open {
			if named[r.Moves[k].Item] {
				paid = n
				break
			}
		}
	}
	if paid < 0 {
		return open
	}
	return append(open[:paid:paid], open[paid+1:]...)
}

// moveCost is what a move of ours cost our offer a year: our offer with the
// item where the move started, less our offer with it where the move ended.
// Both ends are priced as changes from our offer, priced once per replay:
// from the lever's own term alone for most levers (no waterfall at all),
// which on a long ledger is the difference between pricing hundreds of
// owed moves in a frame and in a tenth of a second.
func (r *Replay) moveCost(mv Move) (decimal.Decimal, error) {
	d := r.dossier
	it := d.Items[mv.Item]
	if it.Lever.Kind == LeverNone {
		return decimal.Zero, fmt.Errorf("%s has no lever: it counts in the score only", it.Title)
	}
	ours, base, baseErr := r.sideBase(Us)
	if baseErr != nil {
		return decimal.Zero, fmt.Errorf("our offer: %w", baseErr)
	}
	if _, has := ours.Values[it.ID]; !has {
		return r.moveCostWhole(ours, it, mv)
	}
	atFrom, err := d.contributionChange(ours.Values, base, it, mv.From)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%s: %w", it.Title, err)
	}
	atTo, err := d.contributionChange(ours.Values, base, it, mv.To)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%s: %w", it.Title, err)
	}
	return atFrom.Sub(atTo), nil
}

// moveCostWhole prices both ends of the move through the whole waterfall:
// for an item our offer holds no value for.
func (r *Replay) moveCostWhole(ours Package, it AgendaItem, mv Move) (decimal.Decimal, error) {
	from, err := r.dossier.Waterfall(ours.With(it.ID, mv.From).Values)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%s: %w", it.Title, err)
	}
	to, err := r.dossier.Waterfall(ours.With(it.ID, mv.To).Values)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%s: %w", it.Title, err)
	}
	return from.Contribution.Sub(to.Contribution), nil
}

// OwedTotal adds up the money owed; ok is false when some of it cannot be priced.
func OwedTotal(owed []Owed) (total decimal.Decimal, ok bool) {
	ok = true
	for _, o := range owed {
		if o.Err != nil {
			ok = false
			continue
		}
		total = total.Add(o.Money)
	}
	return total, ok
}

// OwedLine is the header's short form, "owed €5,292", or "" while nothing is owed.
func OwedLine(owed []Owed, currency string) string {
	if len(owed) == 0 {
		return ""
	}
	total, ok := OwedTotal(owed)
	if !ok && total.IsZero() {
		return fmt.Sprintf("owed %d %s", len(owed), plural(len(owed), "trade-back", "trade-backs"))
	}
	return "owed " + MoneyWithSymbol(total.Round(0), currency)
}

// MoneyWithSymbol writes a whole amount with the currency's symbol (€, £, $)
// or its code: "€32,234", "CHF 1,200".
func MoneyWithSymbol(d decimal.Decimal, currency string) string {
	symbols := map[string]string{"EUR": "€", "GBP": "£", "USD": "$"}
	v := FormatNumber(d, max(0, Places(d)))
	if s, ok := symbols[currency]; ok {
		return s + v
	}
	return currency + " " + v
}

// ledgerRefs are the ledger numbers a text names as #n.
func ledgerRefs(text string) []int {
	var nums []int
	for _, w := range strings.Fields(text) {
		w = strings.TrimLeft(w, "([{\"'“‘")
		if !strings.HasPrefix(w, "#") {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimRight(w[1:], ",.;:!?)\"'")); err == nil && n > 0 {
			nums = append(nums, n)
		}
	}
	return nums
}

// NamesItem reports whether a "traded for" text names the item: it holds
// the item's whole title, or a word of the title of four letters or more
// that no other item's title has ("the rebate", "payment", "allowance"), as
// a whole word and in any case.
func NamesItem(text string, it AgendaItem, items []AgendaItem) bool {
	i := slices.IndexFunc(items, func(x AgendaItem) bool { return x.ID == it.ID })
	if i < 0 {
		items, i = append(slices.Clone(items), it), len(items)
	}
	return newItemNames(items).named(text)[i]
}

// itemNames answers NamesItem for many texts against one agenda: each
// title's naming words are worked out once, and each text is read once
// (a long ledger repeats the same "for" texts).
type itemNames struct {
	titles []string          // lower-case, trimmed
	unique [][]string        // per item: its title's words of four letters or more no other title has
	seen   map[string][]bool // text → the items it names
}

func newItemNames(items []AgendaItem) *itemNames {
	n := &itemNames{titles: make([]string, len(items)), unique: make([][]string, len(items)), seen: map[string][]bool{}}
	count := map[string]int{} // word → how many titles have it
	titleWords := make([][]string, len(items))
	for i, it := range items {
		n.titles[i] = strings.ToLower(strings.TrimSpace(it.Title))
		ws := words(strings.ToLower(it.Title))
		titleWords[i] = ws
		for _, w := range uniq(ws) {
			count[w]++
		}
	}
	for i, ws := range titleWords {
		for _, w := range ws {
			if len([]rune(w)) >= 4 && count[w] == 1 {
				n.unique[i] = append(n.unique[i], w)
			}
		}
	}
	return n
}

// named says, per item, whether the text names it.
func (n *itemNames) named(text string) []bool {
	if got, ok := n.seen[text]; ok {
		return got
	}
	lower := strings.ToLower(text)
	said := map[string]bool{}
	for _, w := range words(lower) {
		said[w] = true
	}
	out := make([]bool, len(n.titles))
	for i, t := range n.titles {
		if t != "" && strings.Contains(lower, t) {
			out[i] = true
			continue
		}
		for _, w := range n.unique[i] {
			if said[w] {
				out[i] = true
				break
			}
		}
	}
	n.seen[text] = out
	return out
}

// uniq is ws without repeats, in order.
func uniq(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// words splits a text into its words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// checkMoveRefs refuses a "for" text whose `#N` names no move of the ledger
// or a move of the conceding side itself: a trade is made against the other
// side's move. N is the number the ledger shows (Move.Number).
func (d *Dossier) checkMoveRefs(c Concession) error {
	refs := ledgerRefs(c.TradedFor)
	if len(refs) == 0 {
		return nil
	}
	var numbered []Concession // the ledger as Replay numbers it: moves on items of the agenda
	for _, l := range d.Ledger {
		if d.ItemIndex(l.ItemID) >= 0 {
			numbered = append(numbered, l)
		}
	}
	for _, n := range refs {
		if n > len(numbered) {
			return fmt.Errorf("there is no move #%d: the ledger has %d %s", n, len(numbered), plural(len(numbered), "move", "moves"))
		}
		if by := numbered[n-1].By; by == c.By {
			if by == Us {
				return fmt.Errorf("#%d is our move; name one of theirs", n)
			}
			return fmt.Errorf("#%d is their move; name one of ours", n)
		}
	}
	return nil
}
