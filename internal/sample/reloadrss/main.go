// Command reloadrss measures a workbench's memory over live reloads on a
// generated file: it opens the negotiation as the workbench does (a
// desk.Session, the snapshot replayed), then N times adds a note from
// another process (itself, with -note), as `parley note` would, and reads
// the negotiation again. It prints the peak resident memory (VmHWM, Linux)
// after the first load and after the reloads, and the time each took.
//
//	go run ./internal/sample/genfile -o /tmp/large.db
//	go run ./internal/sample/reloadrss -db /tmp/large.db              # reads only what changed
//	go run ./internal/sample/reloadrss -db /tmp/large.db -whole       # reads it whole, as before issue 23
//
// It changes the file (it adds the notes): run it on a copy.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/desk"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

func main() {
	db := flag.String("db", "", "database `file` holding the negotiation (changed: use a copy)")
	reloads := flag.Int("n", 20, "how many notes to add and reloads to make")
	whole := flag.Bool("whole", false, "read the negotiation whole at every reload (the old way)")
	note := flag.Int("note", 0, "only add note `N` to the current negotiation, and exit")
	flag.Parse()
	var err error
	if *note > 0 {
		err = addNote(*db, *note)
	} else {
		err = run(*db, *reloads, *whole)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "reloadrss:", err)
		os.Exit(1)
	}
}

func run(path string, reloads int, whole bool) error {
	if path == "" {
		return fmt.Errorf("-db FILE is required")
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	s := desk.New(st, "")
	read := s.Dossier
	if whole {
		read = s.Store().Dossier // the session's own store: what Open checked is not its
	}
	negID, err := s.Current()
	if err != nil {
		return err
	}
	start := time.Now()
	d, err := read(negID)
	if err != nil {
		return err
	}
	snap := d.Replay()
	if len(d.Ledger)+len(d.Notes) >= 5000 {
		runtime.GC() // as the workbench does after a large first read (tui.collectAfterLoad)
	}
	first := time.Since(start)
	hwmFirst, err := peakKiB()
	if err != nil {
		return err
	}

	self, err := os.Executable()
	if err != nil {
		return err
	}
	var times []time.Duration
	for i := range reloads {
		out, err := exec.Command(self, "-db", path, "-note", strconv.Itoa(i+1)).CombinedOutput()
		if err != nil {
			return fmt.Errorf("add a note from another process: %w: %s", err, out)
		}
		start := time.Now()
		prev := d
		if d, err = read(negID); err != nil {
			return err
		}
		if !d.SameFigures(prev) { // as the workbench: a note moves no figure
			snap = d.Replay()
		}
		times = append(times, time.Since(start))
	}
	hwm, err := peakKiB()
	if err != nil {
		return err
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	mode := "only what changed"
	if whole {
		mode = "whole"
	}
	fmt.Printf("negotiation %d: %d moves, %d notes; reads %s\n", negID, len(snap.Moves), len(d.Notes), mode)
	fmt.Printf("first load:   %v, peak RSS %.1f MiB\n", first.Round(time.Millisecond), float64(hwmFirst)/1024)
	if reloads > 0 {
		fmt.Printf("%d reloads:   median %v, peak RSS %.1f MiB (%.2f× the first load)\n", reloads,
			times[len(times)/2].Round(time.Millisecond), float64(hwm)/1024, float64(hwm)/float64(hwmFirst))
	}
	return nil
}

// addNote adds one note to the current negotiation, as `parley note` does.
func addNote(path string, i int) error {
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	negID, err := st.Current()
	if err != nil {
		return err
	}
	n := model.Note{Kind: model.KindNote, At: time.Now().UTC(), Text: fmt.Sprintf("reload note %d", i)}
	return st.SaveNote(negID, &n)
}

// peakKiB is the process's peak resident memory so far (VmHWM).
func peakKiB() (int, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("peak memory: %w (Linux only)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, fmt.Errorf("peak memory: no VmHWM in /proc/self/status")
}
