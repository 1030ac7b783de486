package model

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// CaptureKind is what a capture line records.
type CaptureKind int

// The capture kinds.
const (
	CaptureNote CaptureKind = iota
	CaptureAction
	CaptureQuestion
	CaptureConcession
	CaptureAgree  // the item is settled: `agree <item> [<value>]`
	CaptureBudget // today's limit on the item: `budget <item> <value>` (DESIGN 5.6)
)

// Capture is one capture line understood: a concession, or a note, action or
// question possibly tagged to an item.
type Capture struct {
	Kind      CaptureKind
	By        Party           // concession: who moved
	ItemID    uint64          // the concession's item, or the note's #tag (0: none)
	Value     decimal.Decimal // concession: the new position; agree: the settled value when HasValue; budget: the limit
	HasValue  bool            // agree: a value was typed (else their current position)
	TradedFor string          // concession: what it was traded for
	Text      string          // note, action or question
	Shared    bool            // note, action or question: `+` marked it for the buyer (DESIGN 9)
}

// CaptureHelp is the grammar in one line, for prompts and refusals.
const CaptureHelp = `we|they <item> <value> [for <text>] · agree <item> [<value>] · budget <item> <value> · ! action · ? question · note with #item · + first shares it with the buyer`

// ParseCapture reads one capture line against the agenda (in agenda order, so
// that item numbers are 1-based positions). A line it cannot understand is
// refused with an error that says why; nothing about the line is guessed.
// Numbers are read with a decimal point; see ParseCaptureIn.
func ParseCapture(line string, items []AgendaItem) (Capture, error) {
	return ParseCaptureIn(line, items, NumberFormat{})
}

// ParseCapture reads a capture line typed in the negotiation: its numbers in
// the negotiation's format (a decimal comma when it is set).
func (d *Dossier) ParseCapture(line string) (Capture, error) {
	return ParseCaptureIn(line, d.Items, d.Negotiation.Numbers())
}

// ParseCaptureIn reads one capture line with its numbers in format f.
func ParseCaptureIn(line string, items []AgendaItem, f NumberFormat) (Capture, error) {
	if err := CheckText("the line", line); err != nil {
		return Capture{}, err // before cleaning it: the rule's cost stays a length check
	}
	line = strings.TrimSpace(CleanText(line, false))
	if line == "" {
		return Capture{}, fmt.Errorf("nothing to save: type a note, or %s", CaptureHelp)
	}
	if shared, ok := sharedLine(line); ok {
		c, err := ParseCaptureIn(shared, items, f)
		if err != nil {
			return Capture{}, err
		}
		switch c.Kind {
		case CaptureNote, CaptureAction, CaptureQuestion:
			c.Shared = true
			return c, nil
		}
		return Capture{}, fmt.Errorf("+ shares a note, action or question with the buyer; a move is in the minutes already: drop the +")
	}
	switch line[0] {
	case '!':
		return taggedText(CaptureAction, strings.TrimSpace(line[1:]), items, "write the action after !")
	case '?':
		return taggedText(CaptureQuestion, strings.TrimSpace(line[1:]), items, "write the question after ?")
	}
	words := strings.Fields(line)
	if by, ok := party(words[0]); ok && concessionShaped(words, items) {
		return parseConcession(by, line, words, items, f)
	}
	if strings.EqualFold(words[0], "agree") && agreeShaped(words, items) {
		return parseAgree(words, items, f)
	}
	if strings.EqualFold(words[0], "budget") && budgetShaped(words, items) {
		return parseBudget(words, items, f)
	}
	return taggedText(CaptureNote, line, items, "")
}

// sharedLine is the rest of a line marked shared: `+` followed by a space,
// `!`, `?` or `"` ("+! send the revised grid"); "+5% if listed" is a note.
func sharedLine(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "+")
	if !ok || rest == "" || !(unicode.IsSpace(rune(rest[0])) || strings.ContainsRune(`!?"`, rune(rest[0]))) {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return "", false
	}
	return rest, true
}

func party(word string) (Party, bool) {
	switch strings.ToLower(word) {
	case "we":
		return Us, true
	case "they":
		return Them, true
	}
	return "", false
}

// concessionShaped tells a concession ("we 2 45 …", "they price" with the
// value forgotten, "they 1 abc" with the value mistyped, "we pricee 12.10"
// with the item mistyped) from a note that merely starts with "we" or "they"
// ("We need to check stock", "They want 90 days because …"). A line that
// names an item after "we" or "they" is a move whatever follows (DESIGN 3),
// so a mistyped value is refused with the hint to quote it, never saved as
// a note.
func concessionShaped(words []string, items []AgendaItem) bool {
	if len(words) < 2 {
		return false
	}
	if namesItem(words[1], items) {
		return true
	}
	return len(words) >= 3 && triesANumber(words[2]) &&
		(len(words) == 3 || strings.EqualFold(words[3], "for"))
}

// namesItem tells a word meant as an item from a word of a note: something
// that looks like a number (a wrong number is then refused, not kept as a
// note) or a reference that names exactly one item.
func namesItem(word string, items []AgendaItem) bool {
	if looksNumeric(word) {
		return true
	}
	_, err := ResolveItem(word, items)
	return err == nil
}

// triesANumber tells a value typed wrong ("NaN", "Inf", "0x10", "12.4x")
// from a word of a note, so that the wrong value is refused, not kept as a note.
func triesANumber(word string) bool {
	switch strings.ToLower(strings.TrimLeft(word, "+-−")) {
	case "nan", "inf", "infinity":
		return true
	}
	return looksNumeric(word) || strings.IndexFunc(word, unicode.IsDigit) >= 0
}

// agreeShaped tells `agree 3`, `agree price 23.90` from a note such as
// "Agree the leaflet dates with Priya".
func agreeShaped(words []string, items []AgendaItem) bool {
	if len(words) < 2 || len(words) > 3 || (len(words) == 3 && !looksNumeric(words[2])) {
		return false
	}
	return namesItem(words[1], items)
}

func parseAgree(words []string, items []AgendaItem, f NumberFormat) (Capture, error) {
	it, err := ResolveItem(words[1], items)
	if err != nil {
		return Capture{}, err
	}
	c := Capture{Kind: CaptureAgree, ItemID: it.ID}
	if len(words) == 3 {
		if c.Value, err = f.Parse(strings.TrimPrefix(words[2], "+")); err != nil {
			return Capture{}, err
		}
		c.HasValue = true
	}
	return c, nil
}

// budgetShaped tells `budget 1 23.90` from a note such as "Budget review
// with Dana on Friday": an item and something that tries to be a number.
func budgetShaped(words []string, items []AgendaItem) bool {
	if len(words) != 3 || !triesANumber(words[2]) {
		return false
	}
	return namesItem(words[1], items)
}

func parseBudget(words []string, items []AgendaItem, f NumberFormat) (Capture, error) {
	it, err := ResolveItem(words[1], items)
	if err != nil {
		return Capture{}, err
	}
	value, err := f.Parse(strings.TrimPrefix(words[2], "+"))
	if err != nil {
		return Capture{}, fmt.Errorf("%w (start the line with \" to keep it as a note)", err)
	}
	return Capture{Kind: CaptureBudget, ItemID: it.ID, Value: value}, nil
}

func looksNumeric(word string) bool {
	r := []rune(word)[0]
	return unicode.IsDigit(r) || strings.ContainsRune("-−+.€$£¥", r)
}

func parseConcession(by Party, line string, words []string, items []AgendaItem, f NumberFormat) (Capture, error) {
	usage := fmt.Sprintf("write: %s <item> <value> [for <text>]", strings.ToLower(words[0]))
	if len(words) < 3 {
		return Capture{}, fmt.Errorf("the value is missing: %s", usage)
	}
	it, err := ResolveItem(words[1], items)
	if err != nil {
		return Capture{}, err
	}
	value, err := f.Parse(strings.TrimPrefix(words[2], "+"))
	if err != nil {
		return Capture{}, fmt.Errorf("%w (start the line with \" to keep it as a note)", err)
	}
	c := Capture{Kind: CaptureConcession, By: by, ItemID: it.ID, Value: value}
	if len(words) == 3 {
		return c, nil
	}
	if !strings.EqualFold(words[3], "for") {
		return Capture{}, fmt.Errorf("after the value write \"for\" and what was traded, or nothing: %s", usage)
	}
	c.TradedFor = strings.TrimSpace(afterWord(line, 4))
	if c.TradedFor == "" {
		return Capture{}, fmt.Errorf("write what it was traded for after \"for\"")
	}
	return c, nil
}

// afterWord is the rest of line after its first n words, spacing kept.
func afterWord(line string, n int) string {
	rest := line
	for i := 0; i < n; i++ {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			return ""
		}
		rest = rest[end:]
	}
	return rest
}

// taggedText makes a note, action or question, tagged with its first #item.
func taggedText(kind CaptureKind, text string, items []AgendaItem, empty string) (Capture, error) {
	if text == "" {
		return Capture{}, fmt.Errorf("%s", empty)
	}
	c := Capture{Kind: kind, Text: text}
	for _, w := range strings.Fields(text) {
		w = strings.TrimLeft(w, "([{\"'“‘")
		if !strings.HasPrefix(w, "#") {
			continue
		}
		ref := strings.TrimRight(w[1:], ",.;:!?)\"'")
		if ref == "" {
			continue
		}
		it, err := ResolveItem(ref, items)
		if err != nil {
			return Capture{}, fmt.Errorf("#%s: %w", ref, err)
		}
		if c.ItemID == 0 {
			c.ItemID = it.ID
		}
	}
	return c, nil
}
