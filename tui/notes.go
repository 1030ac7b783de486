package tui

func newNotesPane(m *Model) pane {
	return newLinesPane("Notes", func(s *snapshot, w int) []string {
		var lines []string
		for _, n := range s.d.Notes {
			lines = append(lines, n.At.Format("01-02 15:04")+" "+string(n.Kind)+" "+n.Text)
		}
		return lines
	})
}
