package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// newAgendaItem is what the form for a new item starts from.
func newAgendaItem() model.AgendaItem {
	return model.AgendaItem{Topic: model.TopicPrice, Better: model.Up, Status: model.ItemOpen}
}

// openItemForm adds (ID 0) or edits an agenda item. Numbers are checked as
// they are typed; the whole item is checked before anything is written.
func (m *Model) openItemForm(it model.AgendaItem) {
	topics := make([]string, len(model.Topics))
	for i, t := range model.Topics {
		topics[i] = string(t)
	}
	num := func(label string, v decimal.NullDecimal, private bool, hint string) *field {
		text := ""
		if v.Valid {
			text = model.FormatNumber(v.Decimal, model.Places(v.Decimal))
		}
		f := newField(label, numberField, text)
		f.private, f.hint = private, hint
		return f
	}
	score := func(label string, v int, private bool, hint string) *field {
		text := "" // 0 shows blank (blank reads as 0), so typing 80 gives 80, not 080
		if v != 0 {
			text = strconv.Itoa(v)
		}
		f := newField(label, scoreField, text)
		f.private, f.hint = private, hint
		return f
	}
	title := newField("Title", textField, it.Title)
	title.required = true
	title.check()
	unit := newField("Unit", textField, it.Unit)
	unit.hint = "e.g. EUR/case, days, %, cases, SKUs, months"
	fields := []*field{
		title,
		newChoice("Topic", topics, topics, string(it.Topic)),
		unit,
		newChoice("Better for us", []string{string(model.Up), string(model.Down)},
			[]string{"higher (price, volume, months)", "lower (days, rebate, allowance)"}, string(it.Better)),
		num("Our opening", it.OurOpening, false, "blank for a text-only item"),
		num("Our target", it.OurTarget, true, "what we aim to settle at"),
		num("Our walk-away", it.OurWalkAway, true, "the worst we accept"),
		num("Their opening", it.TheirOpening, false, "our estimate until they say it"),
		num("Their walk-away", it.TheirWalkAway, false, "our estimate, optional"),
		score("Weight", it.Weight, true, "0–100: what it is worth to us"),
		score("Value to them", it.ValueToThem, false, "0–100: our estimate of its worth to them"),
		num("Money per unit", it.MoneyPerUnit, true, "what one unit of gap is worth, optional"),
		newChoice("Status", []string{string(model.ItemOpen), string(model.ItemAgreed), string(model.ItemParked)},
			[]string{"open", "agreed", "parked"}, string(it.Status)),
		newField("Note", textField, it.Note),
		m.linkField(it.Link),
	}
	build := func(f *form) model.AgendaItem {
		v := it
		v.Title = f.byLabel("Title").value()
		v.Topic = model.Topic(f.byLabel("Topic").value())
		v.Unit = f.byLabel("Unit").value()
		v.Better = model.Direction(f.byLabel("Better for us").value())
		v.OurOpening = f.byLabel("Our opening").number()
		v.OurTarget = f.byLabel("Our target").number()
		v.OurWalkAway = f.byLabel("Our walk-away").number()
		v.TheirOpening = f.byLabel("Their opening").number()
		v.TheirWalkAway = f.byLabel("Their walk-away").number()
		v.Weight = f.byLabel("Weight").score()
		v.ValueToThem = f.byLabel("Value to them").score()
		v.MoneyPerUnit = f.byLabel("Money per unit").number()
		v.Status = model.ItemStatus(f.byLabel("Status").value())
		v.Note = f.byLabel("Note").value()
		v.Link = parseLink(f.byLabel("Linked to").value())
		switch {
		case v.Status == model.ItemAgreed && it.Status != model.ItemAgreed:
			v.AgreedAt = m.opts.Now()
		case v.Status != model.ItemAgreed:
			v.AgreedAt = time.Time{}
		}
		return v
	}
	formTitle := "New agenda item"
	if it.ID != 0 {
		formTitle = "Edit: " + it.Title
	}
	negID := m.negID()
	fm := newForm(formTitle, fields, func(f *form) (tea.Cmd, error) {
		v := build(f)
		if err := v.Validate(); err != nil {
			return nil, err
		}
		if err := m.checkItemAgainstLedger(v); err != nil {
			return nil, err
		}
		status := "Saved item " + v.Title
		return writeCmd(m.store, f.id, status, func(s Store) (func(*model.Dossier), error) {
			if err := s.SaveItem(negID, &v); err != nil {
				return nil, err
			}
			return func(d *model.Dossier) {
				d.Items = upsert(d.Items, v, func(it model.AgendaItem) uint64 { return it.ID })
			}, nil
		}), nil
	})
	fm.preview = func(f *form) []string {
		if err := build(f).Validate(); err != nil {
			return []string{m.st.Warn.Render("✗ " + err.Error())}
		}
		return nil
	}
	fm.setPrivate(m.private)
	m.showForm(fm, formRef{"item", it.ID})
}

// checkItemAgainstLedger refuses an edit that would break the ledger: an
// item with concessions keeps its numbers, and every logged move stays a move.
func (m *Model) checkItemAgainstLedger(v model.AgendaItem) error {
	if v.ID == 0 || m.snap == nil {
		return nil
	}
	d := *m.snap.d
	d.Items = upsert(append([]model.AgendaItem(nil), d.Items...), v, func(it model.AgendaItem) uint64 { return it.ID })
	for _, c := range d.Ledger {
		if c.ItemID != v.ID {
			continue
		}
		if !v.Numeric() {
			return fmt.Errorf("the item has concessions in the ledger: it needs our opening")
		}
		if c.By == model.Them && !v.TheirOpening.Valid {
			return fmt.Errorf("the item has concessions of theirs: it needs their opening")
		}
	}
	// Replaying with the new openings must keep every concession a move.
	probe := d
	probe.Items = append([]model.AgendaItem(nil), d.Items...)
	for k := range probe.Items {
		if probe.Items[k].ID == v.ID {
			probe.Items[k].Status = model.ItemOpen // agreed items refuse new concessions, not old ones
		}
	}
	for _, mv := range probe.Replay().Moves {
		if mv.ItemID == v.ID && !mv.Size.IsPositive() {
			return fmt.Errorf("with these openings the concession to %s would no longer be a move", v.Format(mv.To))
		}
	}
	return nil
}

// linkField offers the scenario inputs an item can point at, so that a
// concession on it shows its money effect (e.g. the rebate item at the
// profitability scenario's rebate %).
func (m *Model) linkField(current model.ScenarioLink) *field {
	values, labels := []string{""}, []string{"nothing"}
	if m.snap != nil {
		for _, sc := range m.snap.d.Scenarios {
			for _, f := range model.ScenarioFields(sc.Kind) {
				values = append(values, fmt.Sprintf("%d/%s", sc.ID, f.Name))
				labels = append(labels, sc.Name+": "+f.Label)
			}
		}
	}
	value := ""
	if current.ScenarioID != 0 {
		value = fmt.Sprintf("%d/%s", current.ScenarioID, current.Field)
	}
	f := newChoice("Linked to", values, labels, value)
	f.hint = "a scenario input this item moves"
	return f
}

// parseLink reads a link choice written by linkField.
func parseLink(v string) model.ScenarioLink {
	var l model.ScenarioLink
	id, name, ok := strings.Cut(v, "/")
	if !ok {
		return l
	}
	if n, err := strconv.ParseUint(id, 10, 64); err == nil {
		l.ScenarioID, l.Field = n, name
	}
	return l
}
