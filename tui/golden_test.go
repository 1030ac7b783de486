package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenScreens keeps the demo's screen, without colour, at 80×24 and
// 140×40 with each pane focused, in testdata/TestGoldenScreens: a layout
// change shows as a diff. After a deliberate change, look at the diff and
// run `go test ./tui -run TestGoldenScreens -update`.
func TestGoldenScreens(t *testing.T) {
	panes := []string{"agenda", "ledger", "notes", "followup", "calculator", "deal"}
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		for i, name := range panes {
			t.Run(fmt.Sprintf("%dx%d/%d-%s", size[0], size[1], i+1, name), func(t *testing.T) {
				h := newHarness(t, true, size[0], size[1])
				h.press(fmt.Sprint(i + 1))
				golden.RequireEqual(t, []byte(h.screen()+"\n"))
			})
		}
	}
}
