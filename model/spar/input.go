package spar

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// Offer is one trainee line understood: a package of the issues (on top of
// the trainee's standing offer), or taking the buyer's last counter.
type Offer struct {
	Values model.Values // the whole offer on the issues
	Accept bool         // "accept": the buyer's last counter is taken
}

// OfferHelp is the trainee's grammar in one line.
const OfferHelp = "a package `1 24.30, 2 45, 4 185000` · a single move `we 1 24.30` · accept"

// ParseOffer reads a trainee line against the case: a package of item and
// value pairs ("1 24.30, 2 45, 4 185,000"), a single move typed like the
// capture line ("we 1 24.30"), or "accept". Items are named and numbers read
// as the capture line reads them (model.ResolveItem, the negotiation's
// number format). Issues the line does not name keep the standing offer's value.
func (c *Case) ParseOffer(line string, standing model.Values) (Offer, error) {
	line = strings.TrimSpace(model.CleanText(line, false))
	if line == "" {
		return Offer{}, fmt.Errorf("nothing to table: type %s", OfferHelp)
	}
	if strings.EqualFold(line, "accept") {
		return Offer{Accept: true}, nil
	}
	out := make(model.Values, len(c.Issues))
	for _, is := range c.Issues {
		out[is.Item.ID] = is.Ours
		if x, ok := standing[is.Item.ID]; ok {
			out[is.Item.ID] = x
		}
	}
	first := strings.ToLower(strings.Fields(line)[0])
	if first == "we" || first == "they" {
		cp, err := model.ParseCaptureIn(line, c.Dossier.Items, c.Dossier.Negotiation.Numbers())
		if err != nil {
			return Offer{}, err
		}
		if cp.Kind != model.CaptureConcession {
			return Offer{}, fmt.Errorf("type %s", OfferHelp)
		}
		if cp.By != model.Us {
			return Offer{}, fmt.Errorf("the buyer makes its own moves: table yours with `we <item> <value>`")
		}
		is, err := c.issue(cp.ItemID)
		if err != nil {
			return Offer{}, err
		}
		if err := is.checkValue(cp.Value); err != nil {
			return Offer{}, err
		}
		out[cp.ItemID] = cp.Value
		return Offer{Values: out}, nil
	}
	return c.parsePackage(line, out)
}

// parsePackage reads "item value" pairs separated by commas or spaces: a
// comma that ends a word separates pairs, one inside a number groups
// thousands ("4 185,000").
func (c *Case) parsePackage(line string, out model.Values) (Offer, error) {
	var words []string
	for _, w := range strings.Fields(line) {
		w = strings.TrimSuffix(w, ",")
		w = strings.TrimSuffix(w, ";")
		if w != "" {
			words = append(words, w)
		}
	}
	if len(words)%2 != 0 {
		return Offer{}, fmt.Errorf("%q: every item needs a value; type %s", line, OfferHelp)
	}
	seen := map[uint64]bool{}
	numbers := c.Dossier.Negotiation.Numbers()
	for k := 0; k < len(words); k += 2 {
		it, err := model.ResolveItem(words[k], c.Dossier.Items)
		if err != nil {
			return Offer{}, err
		}
		is, err := c.issue(it.ID)
		if err != nil {
			return Offer{}, err
		}
		if seen[it.ID] {
			return Offer{}, fmt.Errorf("item %d (%s) is named twice", is.Number, it.Title)
		}
		seen[it.ID] = true
		v, err := numbers.Parse(strings.TrimPrefix(words[k+1], "+"))
		if err != nil {
			return Offer{}, fmt.Errorf("item %d (%s): %w", is.Number, it.Title, err)
		}
		if err := is.checkValue(v); err != nil {
			return Offer{}, err
		}
		out[it.ID] = v
	}
	return Offer{Values: out}, nil
}

// checkValue refuses a value out of the item's lever's range, as forms and
// the capture line do (model.Lever.CheckValue).
func (is Issue) checkValue(v decimal.Decimal) error {
	if err := is.Item.Lever.CheckValue(v); err != nil {
		return fmt.Errorf("item %d (%s): %w", is.Number, is.Item.Title, err)
	}
	return nil
}

// issue finds the issue of an item, or says why the item is not in play.
func (c *Case) issue(itemID uint64) (Issue, error) {
	for _, is := range c.Issues {
		if is.Item.ID == itemID {
			return is, nil
		}
	}
	for i, it := range c.Dossier.Items {
		if it.ID == itemID {
			return Issue{}, fmt.Errorf("item %d (%s) is not in play: sparring needs a numeric item with both openings and a gap", i+1, it.Title)
		}
	}
	return Issue{}, fmt.Errorf("no such item")
}

// FormatValues writes a package of the issues as the trainee types it,
// "1 24.30, 2 45", in agenda order, each value with its item's decimals.
func (c *Case) FormatValues(v model.Values) string {
	parts := make([]string, 0, len(c.Issues))
	for _, is := range c.Issues {
		if x, ok := v[is.Item.ID]; ok {
			parts = append(parts, fmt.Sprintf("%d %s", is.Number, plain(is.Item, x)))
		}
	}
	return strings.Join(parts, ", ")
}

// plain is a value with the item's decimals and no thousands separators, as
// JSON and the trainee's lines carry it.
func plain(it model.AgendaItem, x decimal.Decimal) string {
	return x.StringFixed(int32(max(it.Places(), model.Places(x))))
}
