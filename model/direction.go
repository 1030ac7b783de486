package model

import "strings"

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
