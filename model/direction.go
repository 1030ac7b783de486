package model

import (
	"fmt"
	"strings"
)

// SuggestedDirection is the way a new item of the topic and unit is usually
// better for us, for the item form to start from: payment days, rebates,
// allowances, discounts and fees lower; price, volume and months of
// contract higher. ok is false when neither says (a percentage outside
// discounts, a service level, SKUs): the form then asks.
func SuggestedDirection(topic Topic, unit string) (d Direction, ok bool) {
	u := strings.ToLower(strings.TrimSpace(unit))
	switch {
	case u == "days" || u == "day" || strings.HasSuffix(u, " days"):
		return Down, true // days of credit cost us
	case topic == TopicDiscounts:
		return Down, true // discounts, rebates, allowances, listing fees
	case topic == TopicPrice, topic == TopicVolume:
		return Up, true
	case topic == TopicTerms && (u == "months" || u == "years"):
		return Up, true // a longer contract
	}
	return "", false
}

// Crossed reports whether their opening is on our side of our opening:
// they ask for more than we offer them (for higher-is-better, their 99.5
// against our 98.5), so there is no gap to close and the direction, or one
// of the two values, is most likely wrong.
func (it AgendaItem) Crossed() bool {
	if !it.Numeric() || !it.OurOpening.Valid || !it.TheirOpening.Valid {
		return false
	}
	return it.Better.Sign().Mul(it.TheirOpening.Decimal.Sub(it.OurOpening.Decimal)).IsPositive()
}

// CrossedQuestion asks about a crossed item before it is saved.
func (it AgendaItem) CrossedQuestion() string {
	return fmt.Sprintf("Their opening %s is already better for us than ours %s (%s is better for us). Save it anyway?",
		it.Format(it.TheirOpening.Decimal), it.Format(it.OurOpening.Decimal), map[Direction]string{Up: "higher", Down: "lower"}[it.Better])
}

// SuggestedLever is how a new item most likely enters the deal, from its
// topic, unit and title, as SuggestedDirection guesses its direction: days
// of credit are payment days, a per-cent price item a discount, a per-cent
// discount a rebate (an allowance when it is per unit), a price in money a
// unit the list price, units of volume the volume. ok is false when nothing
// says (the KAM chooses).
func SuggestedLever(topic Topic, unit, title string) (k LeverKind, ok bool) {
	u := strings.ToLower(strings.TrimSpace(unit))
	t := strings.ToLower(title)
	percent := u == "%" || strings.Contains(u, "percent")
	perUnit := strings.Contains(u, "/")
	switch {
	case u == "days" || u == "day" || strings.HasSuffix(u, " days"):
		return LeverPaymentDays, true
	case (topic == TopicPrice || topic == TopicDiscounts) && (strings.Contains(t, "fee") || strings.Contains(t, "lump")):
		// A listing fee is a lump sum whichever topic it is filed under;
		// read as a list price, its 0 would be refused (DESIGN 5.8).
		return LeverLumpSum, true
	case topic == TopicPrice && percent:
		return LeverDiscount, true
	case topic == TopicPrice && perUnit:
		return LeverListPrice, true
	case topic == TopicDiscounts && strings.Contains(t, "rebate"):
		return LeverRebate, true
	case topic == TopicDiscounts && perUnit:
		return LeverAllowance, true
	case topic == TopicDiscounts && percent && strings.Contains(t, "discount"):
		return LeverDiscount, true
	case topic == TopicDiscounts && percent:
		return LeverRebate, true
	case topic == TopicVolume && !percent && u != "":
		return LeverVolume, true
	}
	return "", false
}

// withArticle puts "a" or "an" before a word: "an action", "a note", "an
// on-invoice discount".
func withArticle(word string) string {
	if word == "" {
		return word
	}
	switch strings.ToLower(word)[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + word
	}
	return "a " + word
}

// WithArticle is the kind with its article, for messages: "an action", "a
// note", "a question" ("this is a action" read wrong).
func (k NoteKind) WithArticle() string { return withArticle(string(k)) }
