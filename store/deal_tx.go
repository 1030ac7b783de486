package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync/atomic"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// A move is checked against the deal as the file holds it
// (model.Dossier.CheckCapture), and the negotiation's summary is worked out
// from the deal after it, in the same transaction: two reads of a ledger
// of thousands of moves, of which the move (and a held move's approval) is
// all that changed. The second read decodes only the records whose bytes
// differ from what the first decoded.

// movesDecoded counts the ledger records decoded, for tests.
var movesDecoded atomic.Int64

// movesRead are the ledger records decoded in one transaction, in key order.
type movesRead []moveRead

// moveRead is one ledger record's bytes and the move they decoded to.
type moveRead struct {
	id   uint64
	data []byte
	move model.Concession
}

// loadDeal loads what a negotiation's rules and figures read: everything
// but its notes and follow-ups (on a large negotiation the notes are most
// of the bytes, and no rule of the deal reads them). In a journaled write
// transaction a second load of the same negotiation decodes only the
// ledger records changed since the first.
func loadDeal(tx *bolt.Tx, negID uint64) (*model.Dossier, error) {
	raw, err := copyDossier(tx, negID, dealParts)
	if err != nil {
		return nil, err
	}
	j := journalOf(tx)
	if j != nil {
		raw.known, raw.keep = j.moves[negID], true
	}
	d, err := raw.decode()
	if err != nil {
		return nil, err
	}
	if j != nil {
		if j.moves == nil {
			j.moves = map[uint64]movesRead{}
		}
		j.moves[negID] = raw.known
	}
	return d, nil
}

// decodeLedger decodes the copied ledger, the list sized once. Records
// known with the same bytes are taken as they were decoded; when keep (a
// write transaction), known then holds every record read now.
func (raw *rawDossier) decodeLedger() ([]model.Concession, error) {
	rb := raw.children[string(bucketLedger)]
	out := make([]model.Concession, 0, len(rb.recs))
	var now movesRead
	if raw.keep {
		now = make(movesRead, 0, len(rb.recs))
	}
	known := raw.known
	for _, rec := range rb.recs {
		data := rb.buf[rec.lo:rec.hi]
		for len(known) > 0 && known[0].id < rec.id {
			known = known[1:] // both are in key order
		}
		m := moveRead{id: rec.id, data: data}
		if len(known) > 0 && known[0].id == rec.id && bytes.Equal(known[0].data, data) {
			m = known[0]
		} else {
			movesDecoded.Add(1)
			var r concessionRecord
			if err := json.Unmarshal(data, &r); err != nil {
				return nil, fmt.Errorf("%s: %w", bucketLedger, recordDamaged(fmt.Sprint(rec.id)))
			}
			m.move = r.model()
		}
		out = append(out, m.move)
		if raw.keep {
			now = append(now, m)
		}
	}
	if raw.keep {
		raw.known = now
	}
	return out, nil
}
