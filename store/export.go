package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/parley-app/parley/internal/atomicfile"
	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// ExportFormat names the export file format: parley/2 carries every
// record's UID and Updated time, and the budgets, cleared trade-backs and
// suggestion decisions. Import reads parley/1 too (its records have no UID,
// so they are added).
const ExportFormat = "parley/2"

// formatV1 is the format before UIDs.
const formatV1 = "parley/1"

// exportFile is the whole export: every account and every negotiation with
// everything in it. Drafts are not exported.
type exportFile struct {
	Format       string              `json:"format"`
	Exported     time.Time           `json:"exported"`
	Accounts     []accountRecord     `json:"accounts"`
	Negotiations []exportNegotiation `json:"negotiations"`
}

type exportNegotiation struct {
	Negotiation negotiationRecord  `json:"negotiation"`
	Items       []itemRecord       `json:"items"`
	Meetings    []meetingRecord    `json:"meetings"`
	Ledger      []concessionRecord `json:"ledger"`
	Notes       []noteRecord       `json:"notes"`
	FollowUps   []followUpRecord   `json:"followups"`
	Scenarios   []scenarioRecord   `json:"scenarios"`
	Packages    []packageRecord    `json:"packages,omitempty"`
	Budgets     []budgetRecord     `json:"budgets,omitempty"`
	Owed        []clearedRecord    `json:"owed,omitempty"`
	Suggestions []decisionRecord   `json:"suggestions,omitempty"`
}

// Export writes everything as JSON to path, atomically. The path may not be
// the database itself, nor anything but a regular file.
func (s *Store) Export(path string, now time.Time) (Counts, error) {
	if err := s.checkDest(path); err != nil {
		return Counts{}, fmt.Errorf("export: %w", err)
	}
	data, counts, err := s.exportJSON(now)
	if err != nil {
		return Counts{}, err
	}
	return counts, atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// ExportTo writes everything as JSON to w (standard output for `export -`).
func (s *Store) ExportTo(w io.Writer, now time.Time) (Counts, error) {
	data, counts, err := s.exportJSON(now)
	if err != nil {
		return Counts{}, err
	}
	if _, err := w.Write(data); err != nil {
		return Counts{}, fmt.Errorf("export: %w", err)
	}
	return counts, nil
}

// exportJSON reads everything in one read transaction and encodes it.
func (s *Store) exportJSON(now time.Time) ([]byte, Counts, error) {
	var f exportFile
	err := s.view(func(tx *bolt.Tx) (err error) {
		f, err = loadEverything(tx)
		return err
	})
	if err != nil {
		return nil, Counts{}, err
	}
	f.Format, f.Exported = ExportFormat, now.UTC()
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, Counts{}, fmt.Errorf("export: %w", err)
	}
	return append(data, '\n'), Counts{Accounts: len(f.Accounts), Negotiations: len(f.Negotiations)}, nil
}

// loadEverything reads every account and negotiation record.
func loadEverything(tx *bolt.Tx) (exportFile, error) {
	var f exportFile
	err := func() error {
		var err error
		if f.Accounts, err = loadAll[accountRecord](tx.Bucket(bucketAccounts)); err != nil {
			return err
		}
		root := tx.Bucket(bucketNegotiations)
		return root.ForEachBucket(func(k []byte) error {
			nb := root.Bucket(k)
			var n exportNegotiation
			if _, err := getJSON(nb, keyNegMeta, &n.Negotiation); err != nil {
				return err
			}
			n.Negotiation.ID = btoi(k)
			for _, part := range []struct {
				name []byte
				load func(*bolt.Bucket) error
			}{
				{bucketItems, func(b *bolt.Bucket) (err error) { n.Items, err = loadAll[itemRecord](b); return }},
				{bucketMeetings, func(b *bolt.Bucket) (err error) { n.Meetings, err = loadAll[meetingRecord](b); return }},
				{bucketLedger, func(b *bolt.Bucket) (err error) { n.Ledger, err = loadAll[concessionRecord](b); return }},
				{bucketNotes, func(b *bolt.Bucket) (err error) { n.Notes, err = loadAll[noteRecord](b); return }},
				{bucketFollowUps, func(b *bolt.Bucket) (err error) { n.FollowUps, err = loadAll[followUpRecord](b); return }},
				{bucketScenarios, func(b *bolt.Bucket) (err error) { n.Scenarios, err = loadAll[scenarioRecord](b); return }},
				{bucketPackages, func(b *bolt.Bucket) (err error) { n.Packages, err = loadAll[packageRecord](b); return }},
				{bucketBudgets, func(b *bolt.Bucket) (err error) { n.Budgets, err = loadAll[budgetRecord](b); return }},
				{bucketOwed, func(b *bolt.Bucket) (err error) { n.Owed, err = loadAll[clearedRecord](b); return }},
				{bucketSuggestions, func(b *bolt.Bucket) (err error) { n.Suggestions, err = loadAll[decisionRecord](b); return }},
			} {
				b := nb.Bucket(part.name)
				if b == nil {
					return fmt.Errorf("negotiation %d: missing %s: %w", n.Negotiation.ID, part.name, ErrCorrupt)
				}
				if err := part.load(b); err != nil {
					return fmt.Errorf("negotiation %d: %w", n.Negotiation.ID, err)
				}
			}
			f.Negotiations = append(f.Negotiations, n)
			return nil
		})
	}()
	return f, err
}

// Import reads an export and merges it into the database by UID (see
// merge.go): what is new is added, what is the same is left alone, and of
// a record changed on both sides the newer version is kept and the older
// becomes a note. Every record is read and validated first, then
// everything is written in one transaction, or nothing is. An import that
// finds nothing new writes nothing (Counts.NothingNew).
func (s *Store) Import(path string) (Counts, error) {
	return s.importFile(path, false)
}

// ImportCopy reads an export and adds all of it as new records, with new
// UIDs (`parley import --as-copy`): a second copy of what is there already.
func (s *Store) ImportCopy(path string) (Counts, error) {
	return s.importFile(path, true)
}

func (s *Store) importFile(path string, asCopy bool) (Counts, error) {
	data, err := readCapped(path)
	if err != nil {
		return Counts{}, err
	}
	accounts, dossiers, err := ParseExport(data)
	if err != nil {
		return Counts{}, fmt.Errorf("%s: %w", path, err)
	}
	label := "imported " + filepath.Base(path)
	if asCopy {
		label += " as a copy"
	}
	var counts Counts
	err = s.change(label, func(tx *bolt.Tx) error {
		m := newMerger(tx, journalOf(tx).now(), asCopy, s.importFault)
		if err := m.importAll(accounts, dossiers); err != nil {
			return err
		}
		counts = m.counts
		if counts.NothingNew() {
			return errNothingNew // roll back: not even a journal entry
		}
		return nil
	})
	if err != nil && !errors.Is(err, errNothingNew) {
		return Counts{}, fmt.Errorf("%s: %w", path, err)
	}
	counts.Accounts, counts.Negotiations = len(accounts), len(dossiers)
	return counts, nil
}

// ParseExport reads and validates an export without touching any database.
// Unknown fields are refused, so a mistyped hand edit is caught, not dropped.
func ParseExport(data []byte) ([]model.Account, []*model.Dossier, error) {
	if err := checkTexts(data); err != nil {
		return nil, nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f exportFile
	if err := dec.Decode(&f); err != nil {
		return nil, nil, fmt.Errorf("not a Parley export: %w", err)
	}
	if err := dec.Decode(&struct{}{}); err != io.EOF {
		return nil, nil, fmt.Errorf("not a Parley export: there is more after the end of the export")
	}
	if f.Format != ExportFormat && f.Format != formatV1 {
		return nil, nil, fmt.Errorf("format %q is not %q: not a Parley export this version can read", f.Format, ExportFormat)
	}
	if err := checkUIDs(f); err != nil {
		return nil, nil, err
	}
	accounts := make([]model.Account, 0, len(f.Accounts))
	byID := map[uint64]model.Account{}
	for _, r := range f.Accounts {
		a := r.model().Cleaned()
		if err := a.Validate(); err != nil {
			return nil, nil, fmt.Errorf("account %q: %w", a.Name, err)
		}
		if _, dup := byID[a.ID]; dup || a.ID == 0 {
			return nil, nil, fmt.Errorf("account %q: id %d is missing or used twice", a.Name, a.ID)
		}
		byID[a.ID] = a
		accounts = append(accounts, a)
	}
	var dossiers []*model.Dossier
	for _, n := range f.Negotiations {
		a, ok := byID[n.Negotiation.AccountID]
		if !ok {
			return nil, nil, fmt.Errorf("negotiation %q belongs to account %d, which is not in the file", n.Negotiation.Title, n.Negotiation.AccountID)
		}
		d := &model.Dossier{Account: a, Negotiation: n.Negotiation.model()}
		d.Items = mapRecords(n.Items, itemRecord.model)
		d.Meetings = mapRecords(n.Meetings, meetingRecord.model)
		d.Ledger = mapRecords(n.Ledger, concessionRecord.model)
		d.Notes = mapRecords(n.Notes, noteRecord.model)
		d.FollowUps = mapRecords(n.FollowUps, followUpRecord.model)
		d.Scenarios = mapRecords(n.Scenarios, scenarioRecord.model)
		d.Packages = mapRecords(n.Packages, packageRecord.model)
		d.Budgets = mapRecords(n.Budgets, budgetRecord.model)
		d.Cleared = mapRecords(n.Owed, clearedRecord.model)
		d.Decisions = mapRecords(n.Suggestions, decisionRecord.model)
		d.Sort()
		d.Clean()
		if err := d.Validate(); err != nil {
			return nil, nil, err
		}
		dossiers = append(dossiers, d)
	}
	return accounts, dossiers, nil
}

// MaxImportSize is the largest export Import reads: far more than years of
// negotiations, far less than what would exhaust memory.
const MaxImportSize = 64 << 20

// MaxTextBytes is the longest text an import may hold in one field: the
// rule every record's Validate applies (model.CheckSizes).
const MaxTextBytes = model.MaxTextBytes

// readCapped reads an export, refusing one larger than MaxImportSize
// without reading more of it.
func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxImportSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > MaxImportSize {
		return nil, fmt.Errorf("%s is larger than %d MiB: no Parley export is that large", path, MaxImportSize>>20)
	}
	return data, nil
}

// checkTexts refuses an export holding a text longer than MaxTextBytes. It
// scans the raw bytes for strings (a JSON decoder's tokens cost most of an
// import's parse) and decodes only a string whose raw form is longer than
// the limit, since escapes make the raw form the longer one. Malformed JSON
// is left to the decoder that follows.
func checkTexts(data []byte) error {
	for i := 0; i < len(data); i++ {
		if data[i] != '"' {
			continue
		}
		start := i
		for i++; i < len(data) && data[i] != '"'; i++ {
			if data[i] == '\\' {
				i++
			}
		}
		if i-start-1 <= MaxTextBytes || i >= len(data) {
			continue
		}
		var text string
		if err := json.Unmarshal(data[start:i+1], &text); err != nil {
			return fmt.Errorf("not a Parley export: %w", err)
		}
		if len(text) > MaxTextBytes {
			return fmt.Errorf("a text of %d bytes (%.40q…) is longer than the %d KiB a field may hold", len(text), text, MaxTextBytes>>10)
		}
	}
	return nil
}

func mapRecords[R, M any](recs []R, toModel func(R) M) []M {
	out := make([]M, len(recs))
	for i, r := range recs {
		out[i] = toModel(r)
	}
	return out
}
