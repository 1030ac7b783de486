package model

import "time"

// Stamp is what every stored record carries besides its local ID (DESIGN
// 2): UID names the record in every file it is copied to (a ULID), so that
// an import can tell a record it already holds from a new one; Updated is
// when it was last written. The store sets both: a new record gets a UID,
// and every write moves Updated.
type Stamp struct {
	UID     string
	Updated time.Time
}

// Stamped is the record's stamp, for code that handles every record kind alike.
func (s *Stamp) Stamped() *Stamp { return s }
