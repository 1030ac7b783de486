// Package store keeps Parley's data in one bbolt file and maps its JSON
// records to model types.
//
// The file's bucket tree:
//
//	meta                        app = "parley", schema = version (8-byte big-endian),
//	│                           current = the negotiation opened last
//	accounts                    account id → accountRecord
//	negotiations
//	└── <negotiation id>        one bucket per negotiation
//	    ├── meta                (key) negotiationRecord
//	    ├── items               item id → itemRecord
//	    ├── meetings            meeting id → meetingRecord
//	    ├── ledger              concession id → concessionRecord
//	    ├── notes               note id → noteRecord
//	    ├── followups           follow-up id → followUpRecord
//	    ├── scenarios           scenario id → scenarioRecord
//	    └── packages            package id → packageRecord (saved proposals)
//	drafts                      draft key → text typed but not yet saved
//
// IDs come from each bucket's NextSequence and are stored as 8-byte
// big-endian keys, so a cursor walks records in the order they were made.
// Because each negotiation has its own bucket, loading one costs time in
// proportion to that negotiation alone, however large the file grows.
//
// Every user action is one write transaction; bbolt fsyncs it on commit, so
// when a method returns nil the change is on disk.
package store
