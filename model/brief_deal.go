package model

import (
	"fmt"
	"strings"
)

// DealMarkdown is the deal as a whole in Markdown: the packages side by side
// (values, annual contribution, change against last year, our score, the
// verdict), the warnings, and the waterfall of our offer. It is internal
// (DESIGN 9): the redacted brief leaves it out.
func DealMarkdown(d *Dossier) string {
	b := &briefWriter{d: d, r: d.Replay()}
	b.deal()
	return b.String()
}

func (b *briefWriter) deal() {
	d := b.d
	dl := b.r.Deal()
	b.line("## Deal")
	b.line("")
	if !d.Negotiation.Deal.Set() && !hasLever(d.Items) {
		b.line("No deal basis or levers yet: the packages cannot be priced.")
		b.line("")
		return
	}
	head := []string{"Item", "Unit"}
	for _, pr := range dl.Results {
		head = append(head, pr.Package.Name)
	}
	var rows [][]string
	for _, it := range d.Items {
		if !it.Numeric() {
			continue
		}
		row := []string{it.Title, it.Unit}
		for _, pr := range dl.Results {
			v, ok := pr.Package.Values[it.ID]
			row = append(row, optValue(it, v, ok))
		}
		rows = append(rows, row)
	}
	summary := func(label, unit string, get func(PackageResult) string) {
		row := []string{label, unit}
		for _, pr := range dl.Results {
			row = append(row, get(pr))
		}
		rows = append(rows, row)
	}
	cur := d.Negotiation.Currency
	summary("**Annual contribution**", cur, func(pr PackageResult) string {
		if pr.Err != nil {
			return "—"
		}
		return FormatMoney(pr.Waterfall.Contribution)
	})
	summary("Change against last year", cur, func(pr PackageResult) string {
		if !pr.ChangeKnown {
			return "—"
		}
		return FormatSigned(pr.Change, 2)
	})
	summary("Our score", "0–100", func(pr PackageResult) string {
		if !pr.Scored {
			return "—"
		}
		return fmt.Sprintf("%.0f", pr.Score)
	})
	summary("Verdict", "", PackageResult.Verdict)
	b.table(head, rows)
	if dl.Floor.Valid {
		b.line("Deal floor (the least annual contribution we accept): %s %s.", FormatMoney(dl.Floor.Decimal), d.Negotiation.Currency)
		b.line("")
	}
	for _, w := range dl.Warnings {
		b.line("> Warning: %s.", w)
		b.line("")
	}
	if ours, ok := dl.Result(OriginOurs); ok {
		b.waterfall(ours)
	}
}

func hasLever(items []AgendaItem) bool {
	for _, it := range items {
		if it.Lever.Kind != LeverNone {
			return true
		}
	}
	return false
}

// waterfall writes the waterfall of one package, per unit and a year.
func (b *briefWriter) waterfall(pr PackageResult) {
	b.line("### Waterfall of %s", strings.ToLower(pr.Package.Name))
	b.line("")
	if pr.Err != nil {
		b.line("Cannot be computed: %s.", pr.Err)
		b.line("")
		return
	}
	w := pr.Waterfall
	var rows [][]string
	for _, s := range w.Steps() {
		label := s.Label
		if s.Total {
			label = "**" + label + "**"
		}
		rows = append(rows, []string{label, FormatNumber(s.PerUnit, 4), FormatMoney(s.PerUnit.Mul(w.Volume))})
	}
	margin := "n/a"
	if share, ok := w.MarginShare(); ok {
		margin = FormatNumber(share, 1) + "% of pocket"
	}
	rows = append(rows, []string{"**Annual contribution**", margin, FormatMoney(w.Contribution)})
	b.table([]string{"Step", "Per unit", "A year (" + FormatValue(w.Volume) + " units)"}, rows)
}
