package store

import (
	"testing"

	"github.com/parley-app/parley/model"
)

func draft(t *testing.T, s *Store, key string) string {
	t.Helper()
	text, err := s.Draft(key)
	if err != nil {
		t.Fatalf("Draft(%s): %v", key, err)
	}
	return text
}

func TestDraftsSurviveAReopen(t *testing.T) {
	s := openStore(t, tempDB(t))
	if got := draft(t, s, CaptureDraftKey(1)); got != "" {
		t.Errorf("a draft never saved reads %q", got)
	}
	if err := s.SaveDraft(CaptureDraftKey(1), "they 1 23.60 for two feature we"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("form/item", "Delivery window"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(CaptureDraftKey(1), "they 1 23.60 for two feature weeks"); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if got := draft(t, s, CaptureDraftKey(1)); got != "they 1 23.60 for two feature weeks" {
		t.Errorf("capture draft reads %q after a reopen", got)
	}
	if got := draft(t, s, "form/item"); got != "Delivery window" {
		t.Errorf("form draft reads %q after a reopen", got)
	}

	if err := s.SaveDraft(CaptureDraftKey(1), ""); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if got := draft(t, s, CaptureDraftKey(1)); got != "" {
		t.Errorf("an emptied draft reads %q", got)
	}
	if got := draft(t, s, "form/item"); got != "Delivery window" {
		t.Errorf("emptying one draft changed another to %q", got)
	}
}

func TestCaptureWritesTheRecordAndClearsTheDraft(t *testing.T) {
	s, negID := demoStore(t)
	d := dossier(t, s, negID)
	meeting := model.Meeting{Number: 3, Started: now}
	if err := s.SaveMeeting(negID, &meeting); err != nil {
		t.Fatal(err)
	}
	key := CaptureDraftKey(negID)

	for _, tc := range []struct {
		line  string
		check func(t *testing.T, d *model.Dossier, id uint64)
	}{
		{"Dana will check with finance #price", func(t *testing.T, d *model.Dossier, id uint64) {
			n, ok := noteByID(d, id)
			if !ok || n.Kind != model.KindNote || n.Text != "Dana will check with finance #price" ||
				n.MeetingID != meeting.ID || n.ItemID != d.Items[0].ID || !n.At.Equal(now) {
				t.Errorf("note reads back as %+v", n)
			}
		}},
		{"! Lena: send the revised offer", func(t *testing.T, d *model.Dossier, id uint64) {
			if n, ok := noteByID(d, id); !ok || n.Kind != model.KindAction || n.Text != "Lena: send the revised offer" || n.MeetingID != meeting.ID {
				t.Errorf("action reads back as %+v", n)
			}
		}},
		{"they 1 23.80 for two feature weeks", func(t *testing.T, d *model.Dossier, id uint64) {
			c, ok := concessionByID(d, id)
			if !ok || c.By != model.Them || c.ItemID != d.Items[0].ID || !c.To.Equal(dec("23.80")) ||
				c.TradedFor != "two feature weeks" || c.MeetingID != meeting.ID || !c.At.Equal(now) {
				t.Errorf("concession reads back as %+v", c)
			}
		}},
	} {
		c, err := model.ParseCapture(tc.line, d.Items)
		if err != nil {
			t.Fatalf("%q: %v", tc.line, err)
		}
		if err := s.SaveDraft(key, tc.line); err != nil {
			t.Fatal(err)
		}
		id, err := s.Capture(negID, c, now, meeting.ID, key, true)
		if err != nil {
			t.Fatalf("Capture(%q): %v", tc.line, err)
		}
		if id == 0 {
			t.Errorf("Capture(%q) returned no ID", tc.line)
		}
		s = reopen(t, s)
		if got := draft(t, s, key); got != "" {
			t.Errorf("after capturing %q the draft still reads %q", tc.line, got)
		}
		tc.check(t, dossier(t, s, negID), id)
	}
}

func TestFailedCaptureKeepsTheDraft(t *testing.T) {
	s, negID := demoStore(t)
	before := dossier(t, s, negID)
	key := CaptureDraftKey(negID)
	line := "we 1 24.30"
	if err := s.SaveDraft(key, line); err != nil {
		t.Fatal(err)
	}
	c, err := model.ParseCapture(line, before.Items)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Capture(negID, c, now, 99, key, true); err == nil { // meeting 99 does not exist
		t.Error("a capture into a missing meeting was saved")
	}
	c.ItemID = 99
	if _, err := s.Capture(negID, c, now, 0, key, true); err == nil {
		t.Error("a concession on a missing item was saved")
	}
	s = reopen(t, s)
	if got := draft(t, s, key); got != line {
		t.Errorf("after failed captures the draft reads %q, want %q kept", got, line)
	}
	if after := dossier(t, s, negID); len(after.Ledger) != len(before.Ledger) || len(after.Notes) != len(before.Notes) {
		t.Errorf("failed captures wrote records: %d concessions, %d notes", len(after.Ledger), len(after.Notes))
	}
}

func TestDraftsByPrefix(t *testing.T) {
	s := openStore(t, tempDB(t))
	for k, v := range map[string]string{"form/1/item/0": "a", "form/1/item/7": "b", "form/2/item/0": "c", "capture/1": "d"} {
		if err := s.SaveDraft(k, v); err != nil {
			t.Fatal(err)
		}
	}
	s = reopen(t, s)
	got, err := s.Drafts("form/1/")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["form/1/item/0"] != "a" || got["form/1/item/7"] != "b" {
		t.Fatalf("Drafts(form/1/) = %v", got)
	}
	if all, _ := s.Drafts(""); len(all) != 4 {
		t.Fatalf("Drafts(\"\") = %v", all)
	}
}
