package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// The model's rules, run again inside the write transaction on the file as
// it is then, so that whoever calls the store (the workbench, the CLI, a
// session on the server, a script) cannot write what the model refuses,
// even when it skipped the check or checked a copy that is out of date.

// ErrConflict: a record was changed elsewhere since the caller read it (its
// Updated time in the file is not the one the caller had).
var ErrConflict = errors.New("was changed elsewhere since it was read")

// checkFresh refuses to replace the record under key when the caller read
// it at another Updated time than the file holds: someone else changed it
// meanwhile. A zero time (a record made before stamps, or a caller that
// chose to overwrite) is not checked.
func checkFresh(b *bucket, key []byte, what string, read time.Time) error {
	if read.IsZero() {
		return nil
	}
	old := b.Get(key)
	if old == nil {
		return nil
	}
	var was struct {
		Updated time.Time `json:"updated"`
	}
	if json.Unmarshal(old, &was) != nil || was.Updated.IsZero() || was.Updated.Equal(read) {
		return nil
	}
	return fmt.Errorf("%s %d %w (at %s; you read it as of %s): read it again before you save",
		what, btoi(key), ErrConflict, was.Updated.Local().Format("15:04:05"), read.Local().Format("15:04:05"))
}

// checkMove refuses, in tx, a concession that is no real move toward the
// other side as the ledger stands in the file (model.Dossier.CheckConcession).
func checkMove(tx *bolt.Tx, negID uint64, c model.Concession) error {
	d, err := loadDeal(tx, negID)
	if err != nil {
		return err
	}
	return d.CheckConcession(c)
}
