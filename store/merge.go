package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Merging by UID (DESIGN 6). An import settles every record of the file
// against the database by its UID:
//
//   - a UID the database does not hold: the record is added, with a new
//     local ID and its links (item, meeting, concession traded against,
//     a package's values, …) mapped to the local IDs;
//   - a UID it holds with the same content (local IDs and links aside):
//     left alone;
//   - a UID it holds with other content: the version with the later Updated
//     is kept (on a tie, the database's), and the other is written as a
//     note on the record's item, or on the negotiation when it has none:
//     "Import: … kept yours of 2027-03-08 14:20 — theirs of … said …".
//
// The note of a version that lost has a UID made from that version, so
// importing the same file again finds it there and changes nothing. A
// record without a UID (an export of an older Parley, the demo, an import
// as a copy) is always added, with a fresh one. AddDossier is an import of
// one dossier as a copy.

// Counts says how much an export or import held, and what an import did.
type Counts struct {
	Accounts, Negotiations int // in the file
	// Added: records the database did not hold, now added.
	Added int
	// Updated: records changed on both sides whose version in the file was
	// newer: it replaced the database's, which is kept as a note.
	Updated int
	// Kept: records changed on both sides whose version in the database was
	// newer: it stays, and the file's is kept as a note.
	Kept int
	// Same: records the database already held as the file has them.
	Same int
}

// NothingNew reports whether the import found nothing to add or change.
func (c Counts) NothingNew() bool { return c.Added+c.Updated+c.Kept == 0 }

// errNothingNew rolls back an import that changed nothing, so that it
// leaves no entry in the journal.
var errNothingNew = errors.New("nothing new")

// merger writes one import (or one AddDossier) within one transaction.
type merger struct {
	tx       *bolt.Tx
	now      time.Time
	asNew    bool // every record is new: stamps in the input are ignored
	counts   Counts
	accounts idMap                        // the input's account IDs → local
	byUID    map[string]accountRecord     // local accounts by UID
	notes    map[uint64]map[string]bool   // UIDs of each negotiation's notes, once read
	negs     map[string]model.Negotiation // local negotiations by UID, read once (an import of 2,000 must not read them 2,000 times)
	later    []conflictNote               // account conflicts, noted once negotiations are in
	written  int
	fault    func(written int) error // tests: fail after so many writes
}

// conflictNote is the older version of an account, to note on one of its negotiations.
type conflictNote struct {
	accountID uint64
	v         version
}

func newMerger(tx *bolt.Tx, now time.Time, asNew bool, fault func(int) error) *merger {
	return &merger{tx: tx, now: now.UTC(), asNew: asNew, accounts: idMap{}, notes: map[uint64]map[string]bool{}, fault: fault}
}

// importAll merges accounts, then every dossier, then the notes of account
// conflicts (on a negotiation of the account, which exists by then).
func (m *merger) importAll(accounts []model.Account, dossiers []*model.Dossier) error {
	for _, a := range accounts {
		if err := m.account(a); err != nil {
			return err
		}
	}
	for _, d := range dossiers {
		if _, err := m.dossier(d); err != nil {
			return fmt.Errorf("negotiation %q: %w", d.Negotiation.Title, err)
		}
	}
	return m.accountNotes()
}

// put writes one record, counting it for the fault injected by tests.
func (m *merger) put(b *bucket, key []byte, rec record) error {
	m.written++
	if m.fault != nil {
		if err := m.fault(m.written); err != nil {
			return err
		}
	}
	return putJSON(b, key, rec)
}

// incoming prepares the stamp of a record of the input: with asNew, or for
// a record that has none, it is stamped as new now.
func (m *merger) incoming(st *stamp) {
	if m.asNew {
		*st = stamp{}
	}
	if st.UID == "" {
		st.UID = newUID()
		if st.Updated.IsZero() || m.asNew {
			st.Updated = m.now
		}
	}
}

// account merges one account of the input.
func (m *merger) account(a model.Account) error {
	b := topBucket(m.tx, bucketAccounts)
	if m.byUID == nil {
		local, err := loadAll[accountRecord](b.Bucket)
		if err != nil {
			return fmt.Errorf("accounts: %w", err)
		}
		m.byUID = map[string]accountRecord{}
		for _, r := range local {
			m.byUID[r.UID] = r
		}
	}
	theirs := accountToRecord(a)
	m.incoming(&theirs.stamp)
	fileID := theirs.ID
	ours, ok := m.byUID[theirs.UID]
	if !ok {
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		theirs.ID = id
		m.accounts[fileID], m.byUID[theirs.UID] = id, theirs
		m.counts.Added++
		return m.put(b, itob(id), &theirs)
	}
	theirs.ID = ours.ID
	m.accounts[fileID] = ours.ID
	v, err := m.settle(b, itob(ours.ID), &theirs, &ours, "account")
	if err != nil || v.text == "" {
		return err
	}
	m.later = append(m.later, conflictNote{accountID: ours.ID, v: v})
	return nil
}

// accountNotes writes the notes of account conflicts on the account's first
// negotiation. An account with none keeps only the newer version: where
// that is the database's, nothing changed.
func (m *merger) accountNotes() error {
	if len(m.later) == 0 {
		return nil
	}
	negs, err := negotiations(m.tx)
	if err != nil {
		return err
	}
	for _, c := range m.later {
		i := slices.IndexFunc(negs, func(n model.Negotiation) bool { return n.AccountID == c.accountID })
		if i < 0 {
			if c.v.kept {
				m.counts.Same++
			}
			continue
		}
		nm := &negMerge{m: m, negID: negs[i].ID}
		if nm.nb, err = negotiationBucket(m.tx, nm.negID); err != nil {
			return err
		}
		if err := nm.note(0, c.v); err != nil {
			return err
		}
	}
	return nil
}

// dossier merges one negotiation with everything in it and returns its
// local ID. A negotiation it changed is validated as a whole afterwards
// (two ledgers merged must still be moves toward the other side, meeting
// numbers unique, …); if it is not valid, the whole import is refused.
func (m *merger) dossier(d *model.Dossier) (uint64, error) {
	before := m.counts
	nm, err := m.negotiation(d)
	if err != nil {
		return 0, err
	}
	if err := nm.children(d); err != nil {
		return 0, err
	}
	if m.counts == before || nm.created {
		return nm.negID, nil // a new one was validated before it was written
	}
	merged, err := loadDossier(m.tx, nm.negID)
	if err != nil {
		return 0, err
	}
	if err := merged.Validate(); err != nil {
		return 0, fmt.Errorf("merged with the database's it would not hold together (%w); import it with --as-copy instead", err)
	}
	return nm.negID, nil
}

// negotiation finds the negotiation of d by UID, or creates it, and
// settles its own record.
func (m *merger) negotiation(d *model.Dossier) (*negMerge, error) {
	theirs := negotiationToRecord(d.Negotiation)
	m.incoming(&theirs.stamp)
	accountID, ok := m.accounts[d.Account.ID]
	if !ok {
		return nil, fmt.Errorf("its account %q is not in the import", d.Account.Name)
	}
	theirs.AccountID = accountID
	nm := &negMerge{m: m, items: idMap{}, meetings: idMap{}, ledger: idMap{}, scenarios: idMap{}}
	if m.negs == nil {
		negs, err := negotiations(m.tx)
		if err != nil {
			return nil, err
		}
		m.negs = make(map[string]model.Negotiation, len(negs))
		for _, n := range negs {
			m.negs[n.UID] = n
		}
	}
	local, found := m.negs[theirs.UID]
	if !found {
		n := theirs.model()
		if err := createNegotiation(m.tx, &n, &theirs.stamp); err != nil {
			return nil, err
		}
		m.negs[n.UID] = n
		m.written++
		m.counts.Added++
		nm.negID, nm.created = n.ID, true
		var err error
		nm.nb, err = negotiationBucket(m.tx, n.ID)
		return nm, err
	}
	nm.negID = local.ID
	var err error
	if nm.nb, err = negotiationBucket(m.tx, nm.negID); err != nil {
		return nil, err
	}
	ours := negotiationToRecord(local)
	theirs.ID = ours.ID
	v, err := m.settle(nm.nb, keyNegMeta, &theirs, &ours, "negotiation")
	if err != nil {
		return nil, err
	}
	return nm, nm.note(0, v)
}

// conflictText is the note that keeps the older version of a record, e.g.
// "Import: item “List price”: kept yours of 2027-03-08 14:20 — theirs of
// 2027-03-07 09:10 said our target 24.3".
func conflictText(label, kept string, ks stamp, lost string, ls stamp, lostJSON, keptJSON []byte) string {
	text := fmt.Sprintf("Import: %s: kept %s of %s — %s of %s said %s", label, kept, when(ks.Updated), lost,
		when(ls.Updated), differences(lostJSON, keptJSON))
	if r := []rune(text); len(r) > maxConflictRunes {
		text = string(r[:maxConflictRunes-1]) + "…"
	}
	return model.CleanText(text, false)
}

// maxConflictRunes caps a conflict's note: the fields that differ, not a
// whole meeting summary.
const maxConflictRunes = 2000

func when(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// differences lists the fields in which the lost version differs from the
// kept one, in the lost version's words: "our target 24.3; note (none)".
func differences(lost, kept []byte) string {
	var l, k map[string]json.RawMessage
	if json.Unmarshal(lost, &l) != nil || json.Unmarshal(kept, &k) != nil {
		return string(lost)
	}
	var out []string
	for _, name := range slices.Sorted(maps.Keys(l)) {
		if !bytes.Equal(l[name], k[name]) {
			out = append(out, strings.ReplaceAll(name, "_", " ")+" "+plainJSON(l[name]))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(k)) {
		if _, ok := l[name]; !ok {
			out = append(out, strings.ReplaceAll(name, "_", " ")+" (none)")
		}
	}
	return strings.Join(out, "; ")
}

// plainJSON is a JSON value as a reader would write it: a string without
// its quotes, anything else as it is.
func plainJSON(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}
