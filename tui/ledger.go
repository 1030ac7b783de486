package tui

import (
	"fmt"

	"github.com/parley-app/parley/model"
)

func newLedgerPane(m *Model) pane {
	return newLinesPane("Ledger", func(s *snapshot, w int) []string {
		var lines []string
		for _, mv := range s.r.Moves {
			it := s.d.Items[mv.Item]
			who := "we  "
			if mv.By == model.Them {
				who = "they"
			}
			lines = append(lines, fmt.Sprintf("%s %s %s → %s %s", who, it.Title, it.Format(mv.From), it.Format(mv.To), mv.Flags))
		}
		return lines
	})
}
