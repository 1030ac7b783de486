package tui

import tea "github.com/charmbracelet/bubbletea"

// offerFollowUps offers to fill the follow-up checklist from the template
// for the account's kind (on moving to agree or follow-up).
func (m *Model) offerFollowUps() tea.Cmd { return nil }

func newFollowUpPane(m *Model) pane {
	return newLinesPane("Follow-up", func(s *snapshot, w int) []string {
		var lines []string
		for _, f := range s.d.FollowUps {
			lines = append(lines, string(f.Side)+" "+f.Role+" "+f.Person+" "+f.Action)
		}
		return lines
	})
}
