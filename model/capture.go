package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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
		return parseBudget(words, items)
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
	if looksNumeric(words[1]) {
		return true
	}
	if _, err := ResolveItem(words[1], items); err == nil {
		return true
	}
	return len(words) >= 3 && triesANumber(words[2]) &&
		(len(words) == 3 || strings.EqualFold(words[3], "for"))
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
	if looksNumeric(words[1]) {
		return true
	}
	_, err := ResolveItem(words[1], items)
	return err == nil
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
	if looksNumeric(words[1]) {
		return true
	}
	_, err := ResolveItem(words[1], items)
	return err == nil
}

func parseBudget(words []string, items []AgendaItem) (Capture, error) {
	it, err := ResolveItem(words[1], items)
	if err != nil {
		return Capture{}, err
	}
	value, err := ParseNumber(strings.TrimPrefix(words[2], "+"))
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

// ResolveItem finds the item a reference names: its 1-based number on the
// agenda, or a case-insensitive prefix of its title or of its topic that
// names exactly one item (title and topic together: "s" with "Service
// level", "SKUs" and the topic supply names three), else a prefix of a
// word of its title that names exactly one. A reference that names several
// is refused with the candidates listed; nothing is picked silently.
func ResolveItem(ref string, items []AgendaItem) (AgendaItem, error) {
	if n, err := strconv.Atoi(ref); err == nil {
		if n < 1 || n > len(items) {
			return AgendaItem{}, fmt.Errorf("there is no item %d: the agenda has %d %s", n, len(items), plural(len(items), "item", "items"))
		}
		return items[n-1], nil
	}
	prefix := strings.ToLower(ref)
	byTitle := func(it AgendaItem) bool { return strings.HasPrefix(strings.ToLower(it.Title), prefix) }
	byTopic := func(it AgendaItem) bool { return strings.HasPrefix(string(it.Topic), prefix) }
	byWord := func(it AgendaItem) bool {
		for _, w := range strings.Fields(strings.ToLower(it.Title)) {
			if strings.HasPrefix(w, prefix) {
				return true
			}
		}
		return false
	}
	for n, level := range [][]func(AgendaItem) bool{{byTitle, byTopic}, {byWord}} {
		var found []int
		for i, it := range items {
			for _, match := range level {
				if match(it) {
					found = append(found, i)
					break
				}
			}
		}
		switch {
		case len(found) == 1:
			return items[found[0]], nil
		case len(found) > 1:
			return AgendaItem{}, ambiguous(ref, items, found, func(it AgendaItem) bool { return n == 0 && !byTitle(it) })
		}
	}
	return AgendaItem{}, fmt.Errorf("no item matches %q: use its number (1–%d) or the start of its title or topic", ref, len(items))
}

// ambiguous lists the candidates a reference names, each with its number
// and, when its topic matched, the topic.
func ambiguous(ref string, items []AgendaItem, found []int, byTopic func(AgendaItem) bool) error {
	names := make([]string, 0, min(len(found), 4)+1)
	for _, i := range found[:min(len(found), 4)] {
		name := fmt.Sprintf("%d %s", i+1, items[i].Title)
		if byTopic(items[i]) {
			name += " (topic " + string(items[i].Topic) + ")"
		}
		names = append(names, name)
	}
	if len(found) > 4 {
		names = append(names, "…")
	}
	return fmt.Errorf("%q matches %d items (%s): type more of it or use the number",
		ref, len(found), strings.Join(names, " · "))
}

// Format writes the capture back as the canonical line that parses to it.
func (c Capture) Format(items []AgendaItem) string {
	share := ""
	if c.Shared {
		share = "+"
	}
	switch c.Kind {
	case CaptureAction:
		return share + "! " + c.Text
	case CaptureQuestion:
		return share + "? " + c.Text
	case CaptureNote:
		if c.Shared {
			return "+ " + c.Text
		}
	case CaptureConcession:
		line := fmt.Sprintf("%s %d %s", map[Party]string{Us: "we", Them: "they"}[c.By], itemNumber(c.ItemID, items), c.Value.String())
		if c.TradedFor != "" {
			line += " for " + c.TradedFor
		}
		return line
	case CaptureBudget:
		return fmt.Sprintf("budget %d %s", itemNumber(c.ItemID, items), c.Value.String())
	case CaptureAgree:
		line := fmt.Sprintf("agree %d", itemNumber(c.ItemID, items))
		if c.HasValue {
			line += " " + c.Value.String()
		}
		return line
	}
	return c.Text
}

// NoteKind is the kind of note the capture makes (for non-concessions).
func (c Capture) NoteKind() NoteKind {
	switch c.Kind {
	case CaptureAction:
		return KindAction
	case CaptureQuestion:
		return KindQuestion
	}
	return KindNote
}

// Note is the note a note, action or question capture makes.
func (c Capture) Note(at time.Time, meetingID uint64) Note {
	return Note{MeetingID: meetingID, ItemID: c.ItemID, Kind: c.NoteKind(), At: at, Text: c.Text, Shared: c.Shared}
}

// Concession is the concession a concession capture makes.
func (c Capture) Concession(at time.Time, meetingID uint64) Concession {
	return Concession{MeetingID: meetingID, ItemID: c.ItemID, By: c.By, To: c.Value, TradedFor: c.TradedFor, At: at}
}

// Budget is the budget a budget capture sets.
func (c Capture) Budget(at time.Time, meetingID uint64) Budget {
	return Budget{MeetingID: meetingID, ItemID: c.ItemID, Value: c.Value, At: at}
}

// itemNumber is the 1-based agenda number of an item, 0 when it is not there.
func itemNumber(id uint64, items []AgendaItem) int {
	for i, it := range items {
		if it.ID == id {
			return i + 1
		}
	}
	return 0
}
