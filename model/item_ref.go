package model

// Naming an agenda item the way a person types it: a reference (its number,
// or the start of its title or topic) to the item, and back to its number.

import (
	"fmt"
	"strconv"
	"strings"
)

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
	var names []string
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

// itemNumber is the 1-based agenda number of an item, 0 when it is not there.
func itemNumber(id uint64, items []AgendaItem) int {
	for i, it := range items {
		if it.ID == id {
			return i + 1
		}
	}
	return 0
}
