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
//	spar                        session id → a sparring session (spar.go)
//
// IDs come from each bucket's NextSequence and are stored as 8-byte
// big-endian keys, so a cursor walks records in the order they were made.
// Every record also carries a uid (a ULID that names it in every file it is
// exported to) and an updated time, both set by the store (stamp.go);
// import merges by uid (merge.go).
// Because each negotiation has its own bucket, loading one costs time in
// proportion to that negotiation alone, however large the file grows.
//
// Every user action is one write transaction; bbolt fsyncs it on commit, so
// when a method returns nil the change is on disk.
//
// # The file is shared, not held
//
// A Store holds no lock between transactions. Each read transaction takes
// a shared flock on a descriptor of its own, and writers take bbolt's
// exclusive flock, for the transaction only. So the workbench, `parley
// note`, `brief`, `backup` and a second workbench all work on one file,
// taking turns by the transaction. A process that finds the file locked waits its turn for as
// long as others make progress (the holders change, or commit), and gets
// ErrLocked only when one holder kept the file for over LockTimeout (or,
// however much progress it saw, after a minute), naming the holder by
// PID and command from /proc/locks and /proc, and saying whether it reads
// or writes (lockwait.go, lockname.go).
//
// The cost, and the design that keeps it small. Any bbolt handle holds a
// flock on its open file description, which would keep every other
// process's writer out, so a handle kept between transactions lets go of
// that lock after its open. Reads share one map of the file (reader.go):
// mapping it afresh for each read faulted in every page again, which on a
// team server was a fifth of its time. For writing, bbolt's open reads the
// whole freelist, which on a large file was most of a save's cost. So the
// write handle stays open without a lock (writer.go): each write takes the flock on it again, checks from the
// meta pages that nobody committed since its own last commit (else it
// opens afresh), writes, and lets go. Writers also map twice the file's
// size so that a commit never remaps. Measured in one run on the 2-core CI
// machine (go test -run '^$' -bench '^(BenchmarkSaveNote|BenchmarkBoltPutFloor|BenchmarkOpen)' -benchtime 2s ./store):
// saving a note 0.44 ms against a bare bbolt put+commit of 0.31 ms (1.42;
// it was 0.29/0.29 when the file was held for the session), opening 0.57 ms
// on 1 negotiation and 2.6 ms on 200 (0.54 and 3.0 before). What a save
// costs over the floor is bbolt's work on our layout plus the undo journal,
// which adds about two pages to each commit (10 written per save, not 8).
// The UID and Updated every record carries (schema 5) add about 70 bytes
// to a note and no page: 10.3 pages written per save before and after; in
// alternating runs SaveNote/BoltPutFloor was 1.51–1.53 before and 1.50–1.52
// after (0.42–0.44 ms against 0.28–0.29 ms; the floor writes a stamped
// note's bytes too).
//
// Changes made by other processes are noticed by Changed (watch.go): it reads
// the last transaction ID from the meta pages without a lock, and a change
// counter in the meta bucket only when that moved.
package store
