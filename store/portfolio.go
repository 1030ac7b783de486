package store

import (
	"encoding/json"
	"fmt"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Portfolio reads every negotiation the session's person sees as the
// portfolio page shows it, in one read transaction: the summaries the store
// keeps (no ledger replayed), the accounts' names and owners, and the
// requests for approval still pending on each.
func (s *Store) Portfolio() ([]model.PortfolioRow, error) {
	var out []model.PortfolioRow
	err := s.view(func(tx *bolt.Tx) error {
		team, err := s.teamIn(tx)
		if err != nil {
			return err
		}
		access := team.access
		l, err := s.lensFrom(team.people, access)
		if err != nil {
			return err
		}
		names := map[uint64]string{}
		accounts, err := loadAll[accountRecord](tx.Bucket(bucketAccounts))
		if err != nil {
			return err
		}
		for _, a := range accounts {
			names[a.ID] = a.Name
		}
		pending := map[uint64]int{}
		if b := tx.Bucket(bucketApprovals); b != nil {
			err := b.ForEach(func(k, v []byte) error {
				var r approvalRecord
				if err := json.Unmarshal(v, &r); err != nil {
					return recordDamaged(fmt.Sprintf("approval %d", btoi(k)))
				}
				if r.Status == string(model.Pending) {
					pending[r.NegotiationID]++
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		sb := tx.Bucket(bucketSummaries)
		if sb == nil {
			return nil
		}
		return sb.ForEach(func(k, v []byte) error {
			var sm model.Summary
			if err := json.Unmarshal(v, &sm); err != nil {
				return recordDamaged(fmt.Sprintf("summary %d", btoi(k)))
			}
			if !l.seesAccount(sm.AccountID) {
				return nil
			}
			out = append(out, model.PortfolioRow{Summary: sm, Account: names[sm.AccountID],
				KAM: access[sm.AccountID].Owner, Pending: pending[sm.NegotiationID]})
			return nil
		})
	})
	return out, err
}
