package store

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/model"
	bolt "go.etcd.io/bbolt"
)

// Changed sees the changes of another store on the file, never this one's
// own, and not a draft; each change is seen once.
func TestChangedSeesOthersNotOwn(t *testing.T) {
	s, negID := demoStore(t)
	other := openStore(t, s.Path())
	wantChanged := func(who string, want bool) {
		t.Helper()
		got, err := s.Changed()
		if err != nil || got != want {
			t.Fatalf("after %s: Changed() = %v, %v; want %v", who, got, err, want)
		}
	}
	wantChanged("opening", false)
	note := func(st *Store, text string) {
		t.Helper()
		n := model.Note{Kind: model.KindNote, At: now, Text: text}
		if err := st.SaveNote(negID, &n); err != nil {
			t.Fatal(err)
		}
	}
	note(s, "mine")
	wantChanged("its own save", false)
	note(other, "theirs")
	wantChanged("another store's save", true)
	wantChanged("looking again", false)
	if err := other.SaveDraft(CaptureDraftKey(negID), "half a line"); err != nil {
		t.Fatal(err)
	}
	wantChanged("another store's draft", false)
	// Theirs and then mine before a look: theirs is not lost behind mine.
	note(other, "theirs again")
	note(s, "mine again")
	wantChanged("theirs before mine", true)
	if _, err := other.Undo(); err != nil {
		t.Fatal(err)
	}
	wantChanged("another store's undo", true)
}

// Two sessions of one store in one process see each other's writes as
// changes (desk tells them when to look: desk.TestAChangeReachesAnotherSessionAsAnEvent).
func TestSessionsSeeEachOthersWrites(t *testing.T) {
	s, negID := demoStore(t)
	second := s.Session()
	n := model.Note{Kind: model.KindNote, At: now, Text: "from the first"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	if changed, err := second.Changed(); err != nil || !changed {
		t.Errorf("second session: Changed() = %v, %v; want true", changed, err)
	}
	if changed, err := s.Changed(); err != nil || changed {
		t.Errorf("first session after its own save: Changed() = %v, %v; want false", changed, err)
	}
}

// fileTxID reads what bbolt itself says.
func TestFileTxID(t *testing.T) {
	s, _ := demoStore(t)
	var want uint64
	if err := s.view(func(tx *bolt.Tx) error { want = uint64(tx.ID()); return nil }); err != nil {
		t.Fatal(err)
	}
	got, err := fileTxID(s.Path())
	if err != nil || got != want {
		t.Errorf("fileTxID = %d, %v; want %d", got, err, want)
	}
}

// A session looks for changes while it saves a draft of its own and
// another session saves notes, as a workbench typing on its capture line
// on a team server does. Changed held the session's watch while it waited
// for its read's lock, and the session's save held the file's lock while
// it waited for the watch: each waited for the other until the read gave
// up after LockTimeout with ErrLocked, and every session of the file
// waited meanwhile.
func TestChangedWhileItsSessionSaves(t *testing.T) {
	s, negID := demoStore(t)
	typing, other := s.Session(), s.Session()
	const rounds = 300
	errs := make(chan error, 3)
	var done sync.WaitGroup
	run := func(fn func(i int) error) {
		done.Add(1)
		go func() {
			defer done.Done()
			for i := range rounds {
				if err := fn(i); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	run(func(int) error { _, err := typing.Changed(); return err })
	run(func(i int) error { return typing.SaveDraft(CaptureDraftKey(negID), fmt.Sprintf("typed %d", i)) })
	run(func(i int) error {
		return other.SaveNote(negID, &model.Note{Kind: model.KindNote, At: now, Text: fmt.Sprintf("note %d", i)})
	})
	done.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// A read that finds the file locked by a save of this process starts as
// soon as the save lets go, not after its pause: bbolt's flock cannot
// queue, and on the team server reads slept through several commits. The
// pause here is an hour, so only the wake can end the wait.
func TestAReadWaitingForThisProcessesSaveStartsWhenItEnds(t *testing.T) {
	s, negID := demoStore(t)
	reader := s.Session()
	pauseFor = func(int) time.Duration { return time.Hour }
	t.Cleanup(func() { pauseFor = lockPause })
	holding, release := make(chan struct{}), make(chan struct{})
	saved := make(chan error, 1)
	go func() {
		saved <- s.update(func(*bolt.Tx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	waits := lockWaits.Load()
	read := make(chan error, 1)
	go func() {
		_, err := reader.Dossier(negID)
		read <- err
	}()
	for lockWaits.Load() == waits {
		time.Sleep(time.Millisecond) // until the read waits for its turn
	}
	close(release)
	if err := <-saved; err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-read:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the read still waits 30 s after the save let go of the file")
	}
}
