package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"

	bolt "go.etcd.io/bbolt"
)

// draftFieldKeys are the field keys that replaced the labels form drafts
// were keyed by up to schema 1 ("Title#0"). Frozen with the migration: the
// labels are those of that release, the keys are the forms' field keys.
var draftFieldKeys = map[string]string{
	"Title": "title", "Topic": "topic", "Unit": "unit", "Better for us": "better",
	"Our opening": "our-opening", "Our target": "our-target", "Our walk-away": "our-walk-away",
	"Their opening": "their-opening", "Their walk-away": "their-walk-away", "Weight": "weight",
	"Value to them": "value-to-them", "Money per unit": "money-per-unit", "Status": "status",
	"Note": "note", "Linked to": "link",
	"Item": "item", "By": "by", "New value": "to", "Traded for": "traded-for", "Traded against": "traded-against",
	"Text": "text", "Kind": "kind", "Answer": "answer", "Done": "done",
	"Side": "side", "Role": "role", "Person": "person", "Action": "action", "Due": "due",
	"Name": "name", "Baseline turnover": "baseline-turnover", "Baseline margin %": "baseline-margin",
	"List price": "list-price", "Discount %": "discount", "Rebate %": "rebate", "Allowance per unit": "allowance",
	"Cost to serve": "cost-to-serve", "Cost of goods": "cost-of-goods", "Volume": "volume",
	"Place": "place", "Attendees": "attendees", "Summary": "summary",
	"Category": "category", "Contacts": "contacts", "Notes": "notes", "Currency": "currency", "Deadline": "deadline",
}

// draftLineField reads the label of a category scenario's product line field.
var draftLineField = regexp.MustCompile(`^L(\d+) (product|units a year|shelf price|margin %|cannibalization %|cannibalized margin %|allowances)$`)

var draftLineKeys = map[string]string{
	"product": "product", "units a year": "units", "shelf price": "price", "margin %": "margin",
	"cannibalization %": "rate", "cannibalized margin %": "cannibal-margin", "allowances": "allowance",
}

// keyDraftsByField rewrites every form draft from label keys to field keys,
// so that text typed before an upgrade comes back in its form. A label it
// does not know is kept as it was (the form then leaves it out).
func keyDraftsByField(tx *bolt.Tx) error {
	b := tx.Bucket(bucketDrafts)
	if b == nil {
		return nil
	}
	rewritten := map[string][]byte{}
	prefix := []byte("form/")
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var old map[string]string
		if err := json.Unmarshal(v, &old); err != nil {
			continue // not a draft this migration wrote; leave it
		}
		out := make(map[string]string, len(old))
		for label, text := range old {
			out[draftFieldKey(label)] = text
		}
		data, err := json.Marshal(out)
		if err != nil {
			return fmt.Errorf("draft %s: %w", k, err)
		}
		rewritten[string(k)] = data
	}
	for k, v := range rewritten {
		if err := b.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return nil
}

// draftFieldKey maps "Label#n" to the field's key.
func draftFieldKey(label string) string {
	name := label
	if i := bytes.LastIndexByte([]byte(label), '#'); i >= 0 {
		name = label[:i]
	}
	if k, ok := draftFieldKeys[name]; ok {
		return k
	}
	if m := draftLineField.FindStringSubmatch(name); m != nil {
		return "line" + m[1] + "." + draftLineKeys[m[2]]
	}
	return label
}
