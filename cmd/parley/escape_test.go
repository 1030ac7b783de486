package main

import (
	"encoding/json"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// hostile is text an older or hand-edited file may hold: a window title,
// an OSC 52 clipboard write, a screen clear, an OSC 8 link, an 8-bit CSI
// and a bidi override.
const hostile = "\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b]8;;http://x\x1b\\link\u009b31m\u202eevil"

// taintItems writes hostile into every item's title and unit, straight
// into the file as an older Parley (or an editor) could have.
func taintItems(t *testing.T, db string) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("negotiations")).ForEachBucket(func(neg []byte) error {
			items := tx.Bucket([]byte("negotiations")).Bucket(neg).Bucket([]byte("items"))
			c := items.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				var rec map[string]any
				if err := json.Unmarshal(v, &rec); err != nil {
					return err
				}
				rec["title"] = rec["title"].(string) + hostile
				rec["unit"] = hostile
				data, err := json.Marshal(rec)
				if err != nil {
					return err
				}
				if err := items.Put(k, data); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// deal and meso escape what they print, like every other output (issue
// 24, finding 4).
func TestDealAndMesoEscapeStoredText(t *testing.T) {
	db := demoDB(t)
	taintItems(t, db)
	for _, args := range [][]string{{"deal"}, {"meso"}, {"deal", "--json"}, {"meso", "--json"}} {
		code, stdout, stderr := parley(t, append([]string{"--db", db}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		for _, raw := range []string{"\x1b", "\x07", "\u009b", "\u202e"} {
			if strings.Contains(stdout, raw) || strings.Contains(stderr, raw) {
				t.Errorf("%v printed %q raw", args, raw)
			}
		}
	}
}
