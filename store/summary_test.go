package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/internal/sample"
	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// assertSummaryIsAFullReplay checks that the stored summary of a
// negotiation is what model.Summarize computes on the whole negotiation
// read again, at the time the summary was worked out.
func assertSummaryIsAFullReplay(t *testing.T, s *Store, negID uint64) model.Summary {
	t.Helper()
	got, err := s.Summary(negID)
	if err != nil {
		t.Fatalf("Summary(%d): %v", negID, err)
	}
	want := model.Summarize(dossier(t, s, negID), got.At)
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Fatalf("summary of negotiation %d differs from a full replay:\n got %s\nwant %s", negID, g, w)
	}
	return got
}

// The summary every portfolio row reads is written with each change to the
// deal, in the same transaction, and equals a full replay: after the demo is
// added, after a concession, after an agreement, after undo and redo, and on
// every negotiation of a file of generated ones.
func TestSummaryFollowsEveryChangeToTheDeal(t *testing.T) {
	s, negID := demoStore(t)
	first := assertSummaryIsAFullReplay(t, s, negID)
	if first.Title != "2027 annual terms" && first.Title == "" {
		t.Fatalf("summary has no title: %+v", first)
	}
	d := dossier(t, s, negID)
	price := d.Items[0]
	st := d.Replay().Items[0]
	// One step of ours toward them on the first item: half-way from our position.
	to := st.Ours.Add(st.Theirs).Div(dec("2")).Round(2)
	c := model.Capture{Kind: model.CaptureConcession, By: model.Us, ItemID: price.ID, Value: to}
	if _, err := s.Capture(negID, c, now.Add(time.Hour), 0, "", true); err != nil {
		t.Fatalf("capture: %v", err)
	}
	after := assertSummaryIsAFullReplay(t, s, negID)
	if after.GapClosed <= first.GapClosed {
		t.Errorf("gap closed %.4f after our move, was %.4f: the summary did not follow", after.GapClosed, first.GapClosed)
	}
	if _, err := s.UndoOwn(); err != nil {
		t.Fatalf("undo: %v", err)
	}
	undone := assertSummaryIsAFullReplay(t, s, negID)
	if undone.GapClosed != first.GapClosed {
		t.Errorf("gap closed %.4f after undo, want %.4f as before the move", undone.GapClosed, first.GapClosed)
	}
	if _, err := s.RedoOwn(); err != nil {
		t.Fatalf("redo: %v", err)
	}
	assertSummaryIsAFullReplay(t, s, negID)

	// A note changes nothing a summary says, and is not worth a replay.
	before, _ := s.Summary(negID)
	if _, err := s.Capture(negID, model.Capture{Kind: model.CaptureNote, Text: "coffee"}, now.Add(2*time.Hour), 0, "", true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Summary(negID); !got.At.Equal(before.At) {
		t.Errorf("a note worked the summary out again (at %s, was %s)", got.At, before.At)
	}

	if err := s.DeleteNegotiation(negID); err != nil {
		t.Fatal(err)
	}
	if all, err := s.Summaries(); err != nil || len(all) != 0 {
		t.Errorf("after the negotiation is deleted the summaries are %v (%v), want none", all, err)
	}
}

func TestSummariesOfGeneratedNegotiations(t *testing.T) {
	s := openStore(t, tempDB(t))
	var ids []uint64
	for i := range 12 {
		size := sample.Size{Items: 3 + i%5, Meetings: 1 + i%4, Concessions: 4 * i, Notes: i, FollowUps: 1}
		id, err := s.AddDossier(sample.Dossier(size, now))
		if err != nil {
			t.Fatalf("AddDossier %d: %v", i, err)
		}
		ids = append(ids, id)
	}
	all, err := s.Summaries()
	if err != nil || len(all) != len(ids) {
		t.Fatalf("Summaries: %d rows (%v), want %d", len(all), err, len(ids))
	}
	for k, id := range ids {
		if all[k].NegotiationID != id {
			t.Errorf("row %d is negotiation %d, want %d (the order they were made)", k, all[k].NegotiationID, id)
		}
		assertSummaryIsAFullReplay(t, s, id)
	}
}

// BenchmarkPortfolioSummaries reads the summary of every negotiation in a
// file of 200 (the portfolio page's data), against reading one whole
// negotiation the way a replay would need it.
func BenchmarkPortfolioSummaries(b *testing.B) {
	path := filepath.Join(b.TempDir(), "parley.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for range 200 {
		if _, err := s.AddDossier(model.Demo(benchNow)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("summaries-200", func(b *testing.B) {
		for b.Loop() {
			all, err := s.Summaries()
			if err != nil || len(all) != 200 {
				b.Fatal(len(all), err)
			}
		}
	})
	b.Run("replay-200", func(b *testing.B) {
		for b.Loop() {
			for id := uint64(1); id <= 200; id++ {
				d, err := s.Dossier(id)
				if err != nil {
					b.Fatal(fmt.Errorf("negotiation %d: %w", id, err))
				}
				model.Summarize(d, benchNow)
			}
		}
	})
}

// testSummarizeAll: a schema-5 file (no summaries) opens with a summary of
// every negotiation, each equal to a full replay.
func testSummarizeAll(t *testing.T) {
	path := tempDB(t)
	s := openStore(t, path)
	var ids []uint64
	for range 3 {
		id, err := s.AddDossier(demoDossier())
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s.Close()
	db := rawBolt(t, path, false)
	err := db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketSummaries); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, itob(5))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s = openStore(t, path)
	if v := schemaIn(t, path); v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	all, err := s.Summaries()
	if err != nil || len(all) != len(ids) {
		t.Fatalf("%d summaries (%v) after the upgrade, want %d", len(all), err, len(ids))
	}
	for _, id := range ids {
		assertSummaryIsAFullReplay(t, s, id)
	}
}

// BenchmarkActive finds the negotiation `parley note` writes to (and every
// `ssh … note` on a team server), in a file of 200 against a file of one:
// the current one, active, is the answer without reading the others.
func BenchmarkActive(b *testing.B) {
	for _, n := range []int{1, 200} {
		path := filepath.Join(b.TempDir(), "parley.db")
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		for range n {
			if _, err := s.AddDossier(model.Demo(benchNow)); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("negotiations-%d", n), func(b *testing.B) {
			for b.Loop() {
				if id, err := s.Active(); err != nil || id != uint64(n) {
					b.Fatal(id, err)
				}
			}
		})
		s.Close()
	}
}
