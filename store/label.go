package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"
)

// Labels name a change in the journal, for the status line of undo and
// redo ("Undone: added note “Buyer wants the calendar…”").

// savedLabel names the save of a record: added when it is new.
func savedLabel(what string, id uint64, name string) string {
	verb := "edited"
	if id == 0 {
		verb = "added"
	}
	return strings.TrimSpace(verb + " " + what + " " + quoteLabel(name))
}

// captureLabel names a capture line.
func captureLabel(c model.Capture) string {
	if c.Kind == model.CaptureConcession {
		who := "our"
		if c.By == model.Them {
			who = "their"
		}
		return fmt.Sprintf("captured %s concession to %s", who, c.Value.String())
	}
	return "captured " + quoteLabel(c.Format(nil))
}

// moveLabel names a move by its side, item and value, as the journal
// tells it: "their move on “List price per case” to 23.60".
func moveLabel(by model.Party, it model.AgendaItem, v decimal.Decimal) string {
	who := "our"
	if by == model.Them {
		who = "their"
	}
	return fmt.Sprintf("%s move on %s to %s", who, quoteLabel(it.Title), it.Format(v))
}

// describe finds the words that name a record: its title, name, text or action.
func describe(rec any) string {
	var m map[string]any
	switch r := rec.(type) {
	case map[string]any:
		m = r
	default:
		data, err := json.Marshal(rec)
		if err != nil || json.Unmarshal(data, &m) != nil {
			return ""
		}
	}
	for _, k := range []string{"title", "name", "text", "action"} {
		if v, ok := m[k].(string); ok && v != "" {
			return v
		}
	}
	return ""
}

// quoteLabel quotes a name, cut to a few words.
func quoteLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:39]) + "…"
	}
	return "“" + s + "”"
}

// relabel names the change being made in tx, once the record is known.
func relabel(tx *bolt.Tx, label string) {
	if j := journalOf(tx); j != nil {
		j.label = label
	}
}
