package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// DealMarkdown is the deal as a whole in Markdown: the packages side by side
// (values, annual contribution, change against last year, our score, the
// verdict), the warnings, and the waterfall of our offer. It is internal
// (DESIGN 9): the redacted brief leaves it out.
func DealMarkdown(d *Dossier) string {
	b := &briefWriter{d: d, r: d.Replay()}
	b.deal()
	return EscapeForTerminal(b.String()) // titles and units come from the file, printed as they are

}

func (b *briefWriter) deal() {
	d := b.d
	dl := b.r.AnalysedDeal()
	b.line("## Deal")
	b.line("")
	if !d.Negotiation.Deal.Set() && !hasLever(d.Items) {
		b.line("No deal basis or levers yet: the packages cannot be priced.")
		b.line("")
		return
	}
	b.packageTable(dl.Results)
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
		if last, ok := dl.Result(OriginLastYear); ok && last.Err == nil {
			b.bridge(ours, last.Waterfall.Contribution)
		}
		b.tornado(ours)
	}
}

// bridge writes the walk from last year to the package, a lever group at
// a time, in cents that add up to the change as printed.
func (b *briefWriter) bridge(pr PackageResult, last decimal.Decimal) {
	if pr.Err != nil || pr.Analysis == nil {
		return
	}
	b.line("### Bridge from last year to %s", strings.ToLower(pr.Package.Name))
	b.line("")
	if pr.Analysis.BridgeErr != nil {
		b.line("Cannot be computed: %s.", pr.Analysis.BridgeErr)
		b.line("")
		return
	}
	rows := [][]string{{"Last year", FormatMoney(last)}}
	for _, s := range pr.BridgeInCents() {
		rows = append(rows, []string{s.Step, FormatSigned(s.Amount, 2)})
	}
	rows = append(rows, []string{"**" + pr.Package.Name + "**", FormatMoney(pr.Waterfall.Contribution)})
	b.table([]string{"Step", "Annual contribution (" + b.d.Negotiation.Currency + ")"}, rows)
}

// tornado writes what moves the package's contribution most, largest first.
func (b *briefWriter) tornado(pr PackageResult) {
	if pr.Err != nil || pr.Analysis == nil || len(pr.Analysis.Tornado) == 0 {
		return
	}
	b.line("### What moves %s most", strings.ToLower(pr.Package.Name))
	b.line("")
	var rows [][]string
	for _, t := range pr.Analysis.Tornado {
		rows = append(rows, []string{t.What, FormatMoney(t.Low), FormatMoney(t.High), FormatMoney(t.Size())})
	}
	b.table([]string{"If", "Contribution from", "to", "Swing"}, rows)
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
		if !s.Total && s.PerUnit.IsZero() && s.Label == "− cash discount" {
			continue // a lever few deals have
		}
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
	if !w.Other.IsZero() {
		rows = append(rows, []string{"+ other contribution (e.g. range listed)", "", FormatSigned(w.Other, 2)})
	}
	rows = append(rows, []string{"**Annual contribution**", margin, FormatMoney(w.Contribution)})
	b.table([]string{"Step", "Per unit", "A year (" + FormatValue(w.Volume) + " units)"}, rows)
}

// packageTable writes packages side by side: each numeric item's value, then
// the annual contribution, the change against last year, our score and the verdict.
func (b *briefWriter) packageTable(results []PackageResult) {
	d := b.d
	head := []string{"Item", "Unit"}
	for _, pr := range results {
		head = append(head, pr.Package.Name)
	}
	var rows [][]string
	for _, it := range d.Items {
		if !it.Numeric() {
			continue
		}
		row := []string{it.Title, it.Unit}
		for _, pr := range results {
			v, ok := pr.Package.Values[it.ID]
			row = append(row, optValue(it, v, ok))
		}
		rows = append(rows, row)
	}
	summary := func(label, unit string, get func(PackageResult) string) {
		row := []string{label, unit}
		for _, pr := range results {
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
		return FormatSigned(pr.PrintedChange(), 2)
	})
	summary("Low / high volume", cur, func(pr PackageResult) string {
		if pr.Analysis == nil || pr.Analysis.RangeErr != nil {
			return "—"
		}
		return FormatMoney(pr.Analysis.Range.Low) + " / " + FormatMoney(pr.Analysis.Range.High)
	})
	summary("Over the term: years · average a year · discounted total", cur, func(pr PackageResult) string {
		if pr.Analysis == nil || pr.Analysis.TermErr != nil {
			return "—"
		}
		t := pr.Analysis.Term
		return FormatValue(trim(t.Years.Round(2))) + " · " + FormatMoney(t.Average) + " · " + FormatMoney(t.DiscountedTotal)
	})
	summary("Our score", "0–100", func(pr PackageResult) string {
		if !pr.Scored {
			return "—"
		}
		return fmt.Sprintf("%.0f", pr.Score)
	})
	summary("Verdict", "", PackageResult.Verdict)
	if slices.ContainsFunc(results, func(pr PackageResult) bool { return len(pr.Assumes) > 0 }) {
		summary("Priced at our offer", "", func(pr PackageResult) string { return strings.Join(pr.Assumes, "; ") })
	}
	b.table(head, rows)
}

// MesoMarkdown writes equivalent offers beside their reference, with their
// score for them, or the reason there are fewer than asked for. Internal.
func MesoMarkdown(d *Dossier, m Meso) string {
	b := &briefWriter{d: d, r: d.Replay()}
	b.line("## Equivalent offers to %s", strings.ToLower(m.Reference.Package.Name))
	b.line("")
	ref := m.Reference
	b.r.Analyse(&ref)
	results := []PackageResult{ref}
	for _, o := range m.Offers {
		pr := b.r.Evaluate(o)
		b.r.Analyse(&pr)
		results = append(results, pr)
	}
	b.packageTable(results)
	for i, o := range m.Offers {
		if i < len(m.Says) {
			b.line("- %s: %s.", o.Name, m.Says[i])
		}
	}
	if len(m.Says) > 0 {
		b.line("")
	}
	var theirs []string
	for _, pr := range results {
		if sc, ok := b.r.TheirScore(pr.Package.Values); ok {
			theirs = append(theirs, fmt.Sprintf("%s %.0f", pr.Package.Name, sc))
		}
	}
	if len(theirs) > 0 {
		b.line("Their score (our estimate, 0 at our opening, 100 at their position): %s.", strings.Join(theirs, " · "))
		b.line("")
	}
	if m.Reason != "" {
		b.line("Fewer offers than asked: %s.", m.Reason)
		b.line("")
	}
	return EscapeForTerminal(b.String())
}
