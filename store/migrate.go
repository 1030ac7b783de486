package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// migration brings the file from version-1 to version.
type migration struct {
	version int
	name    string
	migrate func(*bolt.Tx) error
}

// migrations are applied in order to bring a file up to SchemaVersion. Every
// migration has a test (migrate_test.go fails when one is missing). Append
// only: a released migration never changes.
var migrations = []migration{
	{version: 1, name: "create the Parley layout", migrate: createLayout},
	{version: 2, name: "levers, deal basis and packages from money per unit and profitability scenarios", migrate: migrateDeal},
	{version: 3, name: "key form drafts by field", migrate: keyDraftsByField},
	{version: 4, name: "budgets, owed trade-backs and value suggestions", migrate: addAheadBuckets},
	{version: 5, name: "a UID and an Updated time on every record", migrate: giveUIDs},
	{version: 6, name: "a summary of every negotiation, for the portfolio", migrate: summarizeAll},
	{version: 7, name: "rebate levers get the base they behave by (invoice or growth)", migrate: rebateBases},
	{version: 8, name: "people, account access, authority, approvals and the audit trail", migrate: addTeamBuckets},
	{version: 9, name: "a bucket of sparring sessions", migrate: addSparBucket},
}

// SchemaVersion is the version of the layout this Parley writes.
var SchemaVersion = migrations[len(migrations)-1].version

// createLayout makes the top-level buckets and marks the file as Parley's.
func createLayout(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketAccounts, bucketNegotiations, bucketDrafts} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return tx.Bucket(bucketMeta).Put(keyApp, appName)
}

// migrate brings the file, at schema from when this session opened it, up
// to SchemaVersion in one transaction. A file that already holds data is
// backed up next to itself first.
func (s *Store) migrate(from int) error {
	if from == SchemaVersion {
		return nil
	}
	if from > 0 {
		backup := fmt.Sprintf("%s.v%d-%s.bak", s.path, from, time.Now().Format("20060102-150405"))
		if err := s.Backup(backup); err != nil {
			return fmt.Errorf("back up before upgrading %s: %w", s.path, err)
		}
	}
	return s.update(func(tx *bolt.Tx) error {
		// Another process may have upgraded the file since Open looked.
		from, err := schemaOf(tx, s.path)
		if err != nil {
			return err
		}
		for _, m := range migrations {
			if m.version <= from {
				continue
			}
			loggedBy(tx).everything() // a migration may rewrite any record
			if err := m.migrate(tx); err != nil {
				return fmt.Errorf("upgrade %s to schema %d (%s): %w", s.path, m.version, m.name, err)
			}
			if err := tx.Bucket(bucketMeta).Put(keySchema, itob(uint64(m.version))); err != nil {
				return err
			}
		}
		return nil
	})
}
