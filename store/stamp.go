package store

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/parley-app/parley/model"
)

// stamp is the UID and Updated time every record carries (model.Stamp, as
// the file holds it). Records embed it, so its fields sit in the record's
// JSON object.
type stamp struct {
	UID     string    `json:"uid,omitempty"`
	Updated time.Time `json:"updated,omitzero"`
}

func (s *stamp) stamped() *stamp { return s }

// record is a pointer to any record kind.
type record interface{ stamped() *stamp }

// recordPtr is the pointer type of record kind R, for generic code that
// loads R and writes it back.
type recordPtr[R any] interface {
	*R
	record
}

// newUID is a fresh ULID.
func newUID() string { return ulid.Make().String() }

// uidAt is a fresh ULID whose time part is t (now, when t is out of a
// ULID's range).
func uidAt(t time.Time) string {
	id, err := ulid.New(ulid.Timestamp(t), ulid.DefaultEntropy())
	if err != nil {
		return newUID()
	}
	return id.String()
}

// derivedUID is a ULID made from seed alone (its time part from at), so
// that what an import adds for the same reason twice has the same UID and
// is added once.
func derivedUID(at time.Time, seed string) string {
	sum := sha256.Sum256([]byte(seed))
	var id ulid.ULID
	if err := id.SetTime(ulid.Timestamp(at)); err != nil {
		id.SetTime(0) //nolint:errcheck // 0 is always in range
	}
	copy(id[6:], sum[:10])
	return id.String()
}

// checkUID refuses a UID that is not a ULID; "" (none yet) is fine.
func checkUID(uid string) error {
	if uid == "" {
		return nil
	}
	if _, err := ulid.ParseStrict(uid); err != nil {
		return fmt.Errorf("uid %q is not a ULID: %w", uid, err)
	}
	return nil
}

// putRecord writes a record the user changed: one already under key keeps
// its UID, a new one gets a fresh UID, and Updated becomes the change's
// time. rec's own stamp is ignored (the store sets it) and set to what was
// written, so the caller can hand it back.
func putRecord(b *bucket, key []byte, rec record) error {
	st := rec.stamped()
	st.UID = ""
	if old := b.Get(key); old != nil {
		var was struct {
			UID string `json:"uid"`
		}
		if json.Unmarshal(old, &was) == nil {
			st.UID = was.UID
		}
	}
	if st.UID == "" {
		st.UID = newUID()
	}
	st.Updated = b.j.now()
	return putJSON(b, key, rec)
}

// toModel and fromModel convert a stamp; the two types differ only in tags.
func (s stamp) toModel() model.Stamp { return model.Stamp(s) }
func fromModel(s model.Stamp) stamp  { return stamp(s) }
