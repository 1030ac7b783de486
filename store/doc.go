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
//	    └── scenarios           scenario id → scenarioRecord
//	drafts                      draft key → text typed but not yet saved
//
// IDs come from each bucket's NextSequence and are stored as 8-byte
// big-endian keys, so a cursor walks records in the order they were made.
// Because each negotiation has its own bucket, loading one costs time in
// proportion to that negotiation alone, however large the file grows.
//
// Every user action is one write transaction; bbolt fsyncs it on commit, so
// when a method returns nil the change is on disk.
//
// # The file is shared, not held
//
// A Store holds no lock and no open database between transactions. Each
// method opens the file (bbolt.Open: open, flock, read the meta page, map
// it), runs one transaction and closes it again: readers take bbolt's
// shared lock (read-only open), writers the exclusive one, so the workbench,
// `parley note`, `brief`, `backup` and a second workbench all work on one
// file, taking turns by the transaction. A process that cannot get the lock
// within LockTimeout gets ErrLocked, naming the holder from the lock-info
// file (holder.go) when it is alive.
//
// Why not keep a handle open and reopen only when the file changed? A
// handle open in any mode holds a flock on its open file description, so a
// cached read-only handle would keep every writer in every other process
// out, and a cached handle without a lock would read pages another process
// is reusing. Opening per transaction is cheap instead: the map is lazy, so
// an open costs a few syscalls and the meta and freelist pages whatever the
// file's size, far below the fsync every save pays anyway (BenchmarkSaveNote
// against BenchmarkBoltPutFloor measures it). Writers map twice the file's
// size so that a commit never maps again, and the lock-info record costs two
// positioned writes on a file kept open.
//
// Changes made by other processes are noticed by Changed (watch.go): it reads
// the last transaction ID from the meta pages without a lock, and a change
// counter in the meta bucket only when that moved.
package store
