package act

import (
	"time"

	"github.com/parley-app/parley/model"
)

// Writer is what an action writes through; *store.Store has it. Each
// method is one transaction, in the file before it returns, and checks what
// it writes by the model's rules inside that transaction.
type Writer interface {
	SaveAccount(a *model.Account) error
	DeleteAccount(id uint64) error
	SaveNegotiation(n *model.Negotiation) error
	DeleteNegotiation(id uint64) error
	SaveItem(negID uint64, it *model.AgendaItem) error
	DeleteItem(negID, itemID uint64) error
	SaveOrder(negID uint64, ids []uint64) error
	SaveMeeting(negID uint64, m *model.Meeting) error
	SaveConcession(negID uint64, c *model.Concession) error
	DeleteConcession(negID, id uint64) error
	SaveNote(negID uint64, n *model.Note) error
	DeleteNote(negID, id uint64) error
	SaveFollowUp(negID uint64, f *model.FollowUp) error
	DeleteFollowUp(negID, id uint64) error
	ReplaceFollowUps(negID uint64, lines []model.FollowUp) ([]model.FollowUp, error)
	AddFollowUps(negID uint64, lines []model.FollowUp) ([]model.FollowUp, error)
	WriteCommitments(negID uint64, lines []model.FollowUp, remove []uint64) ([]model.FollowUp, error)
	SaveScenario(negID uint64, sc *model.Scenario) error
	DeleteScenario(negID, id uint64) error
	SavePackage(negID uint64, p *model.Package) error
	DeletePackage(negID, id uint64) error
	Capture(negID uint64, c model.Capture, at time.Time, meetingID uint64, draftKey string, confirmed bool) (uint64, error)
	SaveBudget(negID uint64, b *model.Budget) error
	ClearOwed(negID, concessionID uint64, at time.Time) error
	DecideSuggestions(negID uint64, sgs []model.Suggestion, accept bool, at time.Time) error
}
