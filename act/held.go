package act

import "github.com/parley-app/parley/model"

// Held is a change the file kept but held, in part, for approval (DESIGN
// 12): a move or walk-away past its mover's authority. The file holds more
// than the change says (the mark), so Apply asks for the negotiation to be
// read again.
type Held struct {
	Change
	Approvals []model.Approval
}

// Apply asks for the negotiation to be read again.
func (h *Held) Apply(*model.Dossier) (*model.Dossier, bool) { return nil, false }
