package desk

import (
	"time"

	"github.com/parley-app/parley/model/spar"
	"github.com/parley-app/parley/store"
)

// SaveSpar stores a sparring session the person played on a training copy
// of negotiation negID (DESIGN 13), under the person's name, or who when
// the file has one user. The negotiation itself is not touched, so no
// change event is told.
func (s *Session) SaveSpar(negID uint64, who string, at time.Time, rec spar.Record) (uint64, error) {
	if p := s.Person(); p != "" {
		who = p
	}
	ss := store.SparSession{Who: who, At: at, Negotiation: negID, Record: rec}
	if err := s.st.SaveSpar(&ss); err != nil {
		return 0, err
	}
	return ss.ID, nil
}
