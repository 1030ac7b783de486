package dialog

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/tui/ui"
	"github.com/parley-app/parley/tui/vocab"
)

// ApprovalRow is one request for approval on the page, with the names it
// is shown by.
type ApprovalRow struct {
	model.Approval
	Negotiation string           // "Account › Title"
	Item        model.AgendaItem // the item moved: its title, and its decimals for the figures
	// Mine is the person's own move, waiting for whom it is asked of: shown,
	// not theirs to decide.
	Mine bool
}

// Value is the move (or the walk-away) asked for against the limit it
// passed, as far as privacy shows it (DESIGN 9): a position is buyer-safe,
// a walk-away and a limit of authority are not.
func (r ApprovalRow) Value(p model.Privacy) string {
	text := r.Item.Format(r.To)
	if r.ConcessionID == 0 {
		if !p.Field(model.FieldWalkAway) {
			return "walk-away (private)"
		}
		text = "walk-away " + text
	}
	if r.Limit.Valid && p.Part(model.PartAuthority) {
		text += " (limit " + r.Item.Format(r.Limit.Decimal) + ")"
	}
	return text
}

// Describe names the request in a sentence's words: "ann's Payment terms
// 55 (limit 50)".
func (r ApprovalRow) Describe(p model.Privacy) string {
	return fmt.Sprintf("%s's %s %s", r.By, r.Item.Title, r.Value(p))
}

// ApprovalsData brings the page's rows: the requests the person may decide,
// then their own that wait.
type ApprovalsData struct {
	Rows []ApprovalRow
	Err  error
}

// DecideMsg asks the root to approve or reject a request, with a note.
type DecideMsg struct {
	Row     ApprovalRow
	Approve bool
	Note    string
}

// Approvals is the page of moves past authority (DESIGN 12): those the
// person may approve or reject, and their own that wait for someone else.
// a and r ask for a note on one line, then the decision goes to the root,
// which runs it and reads the page again.
type Approvals struct {
	st      *ui.Styles
	now     func() time.Time
	private model.Privacy
	rows    []ApprovalRow
	loaded  bool
	sel     ui.Selection
	done    bool
	keys    approvalsKeys
	list    ui.ListKeys

	asking  bool // the note line has the keys
	approve bool // what the note line is for
	note    textinput.Model
}

type approvalsKeys struct {
	Open, Approve, Reject, Close key.Binding
}

// NewApprovals opens the page; its rows come as an ApprovalsData message.
// p is the screen's privacy: the page shows nothing it hides.
func NewApprovals(st *ui.Styles, now func() time.Time, p model.Privacy) *Approvals {
	a := &Approvals{st: st, now: now, private: p, list: ui.NewListKeys()}
	a.keys = approvalsKeys{
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open at the move")),
		Approve: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "approve")),
		Reject:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reject")),
		Close:   key.NewBinding(key.WithKeys("esc", "W", "q"), key.WithHelp("esc", "close")),
	}
	a.note = st.NewInput()
	a.note.CharLimit = 300
	return a
}

// SetData takes the rows read for the page, keeping the selected request
// selected.
func (a *Approvals) SetData(msg ApprovalsData) {
	var keep uint64
	if r, ok := a.current(); ok {
		keep = r.ID
	}
	a.rows, a.loaded = msg.Rows, true
	a.sel.SetN(len(a.rows))
	for i, r := range a.rows {
		if r.ID == keep {
			a.sel.MoveTo(i)
		}
	}
}

// Done reports whether the page was closed.
func (a *Approvals) Done() bool { return a.done }

// ShortHelp is nil: the page shows its own keys.
func (a *Approvals) ShortHelp() []key.Binding { return nil }

func (a *Approvals) current() (ApprovalRow, bool) {
	if a.sel.Pos >= 0 && a.sel.Pos < len(a.rows) {
		return a.rows[a.sel.Pos], true
	}
	return ApprovalRow{}, false
}

// Update takes a key.
func (a *Approvals) Update(msg tea.KeyMsg) tea.Cmd {
	if a.asking {
		return a.noteKey(msg)
	}
	if a.sel.Update(msg, a.list) {
		return nil
	}
	switch {
	case key.Matches(msg, a.keys.Close):
		a.done = true
	case key.Matches(msg, a.keys.Open):
		if r, ok := a.current(); ok {
			a.done = true
			return vocab.Cmd(vocab.OpenMsg{NegID: r.NegotiationID, Move: r.ConcessionID})
		}
	case key.Matches(msg, a.keys.Approve), key.Matches(msg, a.keys.Reject):
		r, ok := a.current()
		switch {
		case !ok:
			return nil
		case r.Mine:
			return vocab.Status(fmt.Sprintf("Request %d is yours: it waits for %s", r.ID, r.AskedOf()))
		}
		a.asking, a.approve = true, key.Matches(msg, a.keys.Approve)
		a.note.SetValue("")
		a.note.Prompt = map[bool]string{true: "Approve", false: "Reject"}[a.approve] + fmt.Sprintf(" #%d, note for %s (optional): ", r.ID, r.By)
		return a.note.Focus()
	}
	return nil
}

// noteKey types the decision's note: enter decides, esc leaves it undecided.
func (a *Approvals) noteKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		a.asking = false
		a.note.Blur()
		return vocab.Status("Nothing decided")
	case "enter":
		a.asking = false
		a.note.Blur()
		r, ok := a.current()
		if !ok {
			return nil
		}
		return vocab.Cmd(DecideMsg{Row: r, Approve: a.approve, Note: a.note.Value()})
	}
	var cmd tea.Cmd
	a.note, cmd = a.note.Update(msg)
	return cmd
}

// View draws the table in a box; only the visible rows are drawn.
func (a *Approvals) View(w, h int) []string {
	st := a.st
	width := max(0, w-4)
	decide, mine := 0, 0
	for _, r := range a.rows {
		if r.Mine {
			mine++
		} else {
			decide++
		}
	}
	title := fmt.Sprintf("Approvals · %d to decide", decide)
	if mine > 0 {
		title += fmt.Sprintf(" · %d of yours waiting", mine)
	}
	lines := []string{st.Bold.Render(ui.Cut(title, width))}
	cols := approvalColumns(width)
	move := "Move (limit)"
	if !a.private.Part(model.PartAuthority) {
		move = "Move"
	}
	lines = append(lines, st.Dim.Render(ui.Cut(cols.line("#", "Negotiation", "Item", "Who", move, "Asked", "Age"), width)))
	foot := "enter open · a approve · r reject · ↑↓ move · esc close"
	if a.asking {
		ui.SetInputWidth(&a.note, max(1, width-ui.TextWidth(a.note.Prompt)-1))
		foot = a.note.View()
	}
	a.sel.SetHeight(max(1, h-2-len(lines)-2))
	switch {
	case !a.loaded:
		lines = append(lines, st.Dim.Render("Reading the requests…"))
	case len(a.rows) == 0:
		lines = append(lines, st.Dim.Render(ui.Cut("Nothing waits for your decision, and none of your moves waits for one.", width)))
	}
	from, to := a.sel.Visible()
	now := a.now()
	for i := from; i < to && i < len(a.rows); i++ {
		text := ui.Cut(a.rowLine(cols, a.rows[i], now), width)
		if i == a.sel.Pos {
			text = ui.SelectedRow(ansi.Strip(text), width, st)
		}
		lines = append(lines, text)
	}
	lines = append(lines, "", ui.Cut(foot, width))
	if !a.asking {
		lines[len(lines)-1] = st.Dim.Render(lines[len(lines)-1])
	}
	return ui.Boxed(lines, w, h, st)
}

// rowLine is one request: for the person's own, Who is whom it is asked of.
func (a *Approvals) rowLine(c approvalCols, r ApprovalRow, now time.Time) string {
	who := r.By
	if r.Mine {
		who = "→ " + r.AskedOf()
	}
	item := r.Item.Title
	if item == "" {
		item = fmt.Sprintf("item %d", r.ItemID)
	}
	return c.line(fmt.Sprint(r.ID), r.Negotiation, item, who, r.Value(a.private),
		r.Asked.Local().Format("Jan 02 15:04"), age(now.Sub(r.Asked)))
}

// approvalCols are the widths of the page's columns: the negotiation takes
// what the others leave, and on a narrow page the date asked goes (the age
// stays).
type approvalCols struct{ neg, asked int }

// approvalFixed is the cells of #, item, who, move and age, and the gaps
// between the six columns.
const approvalFixed = 4 + 14 + 8 + 24 + 4 + 5

func approvalColumns(width int) approvalCols {
	c := approvalCols{asked: 12}
	if width-approvalFixed-c.asked-1 < 14 {
		c.asked = 0
	}
	c.neg = max(8, width-approvalFixed-c.asked-1) // a cell spare for the selection's mark
	return c
}

func (c approvalCols) line(id, neg, item, who, move, asked, age string) string {
	s := ui.FitRight(id, 4) + " " + ui.Fit(neg, c.neg) + " " + ui.Fit(item, 14) + " " + ui.Fit(who, 8) + " " + ui.Fit(move, 24)
	if c.asked > 0 {
		s += " " + ui.Fit(asked, c.asked)
	}
	return s + " " + ui.FitRight(age, 4)
}

// age is how long a request has waited, in its largest unit: "5m", "3h", "2d".
func age(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	}
	return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
}
