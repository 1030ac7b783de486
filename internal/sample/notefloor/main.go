// Command notefloor is the floor under `parley note` on this machine: a
// process that opens a database file with bbolt, puts one note-sized record
// and commits (fsync), and nothing else (DESIGN 11: "saving a note against a
// bare bbolt put+commit"; taskwarrior's `task add` where it is not installed).
// It writes into a bucket of its own, so run it on a copy:
//
//	cp /tmp/large.db /tmp/floor.db && go run ./internal/sample/notefloor -db /tmp/floor.db
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

func main() {
	path := flag.String("db", "", "database `file` to put the record into")
	flag.Parse()
	if err := put(*path); err != nil {
		fmt.Fprintln(os.Stderr, "notefloor:", err)
		os.Exit(1)
	}
}

func put(path string) error {
	if path == "" {
		return fmt.Errorf("-db FILE is required")
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	// About the bytes of a stored note: its ID, kind, time, UID, text.
	record := []byte(`{"id":1,"kind":"note","at":"2026-11-25T10:00:00Z","text":"Buyer wants the promotion calendar before Friday","uid":"01JDQ8ZK3XW7N5V2C9B4T6R8M0","updated":"2026-11-25T10:00:00.123456789Z"}`)
	return db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte("notefloor"))
		if err != nil {
			return err
		}
		n, _ := b.NextSequence()
		key := make([]byte, 8)
		binary.BigEndian.PutUint64(key, n)
		return b.Put(key, record)
	})
}
