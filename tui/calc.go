package tui

import "github.com/parley-app/parley/model"

func newCalcPane(m *Model) pane {
	return newLinesPane("Calculator", func(s *snapshot, w int) []string {
		var lines []string
		for _, sc := range s.d.Scenarios {
			lines = append(lines, sc.Name)
			if sc.Kind == model.CategoryScenario {
				lines = append(lines, "  "+sc.Impact.Result().Verdict())
			}
		}
		return lines
	})
}
