package store

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/model"
)

// Who holds the file, said truthfully. Linux's /proc/locks lists every
// flock with the process that holds it and the file's device and inode;
// only a PID found there is ever named. What that process is comes from
// /proc/PID: the lock-info record (holder.go) describes it only when the
// record names that same PID as writing, and otherwise its command line
// (a Parley) or its name (anything else) does.

// lockHolder is one process holding a flock on the file.
type lockHolder struct {
	pid   int  // as /proc/locks shows it; 0 or less for a process outside this PID namespace
	write bool // an exclusive lock: a writer
}

// mode says how the holder holds the lock.
func (h lockHolder) mode() string {
	if h.write {
		return "for writing"
	}
	return "for reading"
}

// flockHolders are the holders of a flock on the file with this device and
// inode, read from the text of /proc/locks, sorted. A line such as
//
//	1: FLOCK  ADVISORY  WRITE 12345 08:01:123456 0 EOF
//
// is a lock held; one with "->" after the number is a process blocked
// waiting, which holds nothing. POSIX locks (fcntl) do not conflict with a
// flock and are left out.
func flockHolders(locks []byte, dev, ino uint64) []lockHolder {
	major := (dev>>8)&0xfff | (dev>>32)&^0xfff
	minor := dev&0xff | (dev>>12)&^0xff
	var holders []lockHolder
	for line := range bytes.Lines(locks) {
		f := strings.Fields(string(line))
		if len(f) < 6 || f[1] != "FLOCK" {
			continue
		}
		id := strings.Split(f[5], ":")
		if len(id) != 3 {
			continue
		}
		maj, err1 := strconv.ParseUint(id[0], 16, 64)
		mnr, err2 := strconv.ParseUint(id[1], 16, 64)
		node, err3 := strconv.ParseUint(id[2], 10, 64)
		pid, err4 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || maj != major || mnr != minor || node != ino {
			continue
		}
		holders = append(holders, lockHolder{pid: pid, write: f[3] == "WRITE"})
	}
	slices.SortFunc(holders, func(a, b lockHolder) int {
		return cmp.Or(cmp.Compare(a.pid, b.pid), cmp.Compare(a.mode(), b.mode()))
	})
	return holders
}

// lockedError says that path stayed busy, naming what held it at the last
// look, and what to do.
func lockedError(path string, seen lockSight, why waitVerdict) error {
	holders := seen.holders
	if len(holders) == 0 {
		return unseenHolderError(path, why)
	}
	names, mode := make([]string, len(holders)), holders[0].mode()
	for i, h := range holders {
		names[i] = describeHolder(path, h)
		if h.mode() != mode {
			mode = "for reading and writing" // not with flock, but said truly if ever
		}
	}
	who, has, holds, that := joinNames(names), "has", "holds", "that process if it hangs"
	if len(holders) > 1 {
		has, holds, that = "have", "hold", "those processes if they hang"
	}
	if why == waitedTooLong {
		return fmt.Errorf("%s %w: others took turns with it for %s without a turn for this one (%s %s it %s now); try again when fewer are using it",
			path, ErrLocked, seconds(lockLimit), who, holds, mode)
	}
	advice := "try again in a moment, or end " + that
	switch {
	case len(holders) == 1 && holders[0].pid == os.Getpid():
		advice = "try again in a moment"
	case len(holders) == 1 && holders[0].pid > 0 && stopped(holders[0].pid):
		advice = fmt.Sprintf("it is stopped (ctrl+z or a debugger): resume it with 'fg' in its terminal or 'kill -CONT %d', or end it", holders[0].pid)
	}
	return fmt.Errorf("%s %w: %s %s held it %s for over a second; %s", path, ErrLocked, who, has, mode, advice)
}

// unseenHolderError is lockedError where /proc/locks cannot be read or
// shows nobody. The lock-info record may then say what was last writing,
// but not that its PID holds the file now, so the PID is not named.
func unseenHolderError(path string, why waitVerdict) error {
	var hint string
	if _, command, ok := readLockInfo(path); ok {
		hint = fmt.Sprintf(" (the lock-info file says %q is writing)", model.CleanText(command, false))
	}
	if why == waitedTooLong {
		return fmt.Errorf("%s %w: others took turns with it for %s without a turn for this one%s; try again when fewer are using it",
			path, ErrLocked, seconds(lockLimit), hint)
	}
	return fmt.Errorf("%s %w: it has been held for over a second by a process Parley cannot see%s; try again in a moment",
		path, ErrLocked, hint)
}

// describeHolder names a process that holds a lock on the file at path:
// its command and PID, and what it is when it is not Parley.
func describeHolder(path string, h lockHolder) string {
	switch {
	case h.pid <= 0:
		return "a process outside Parley's sight (in another container?)"
	case h.pid == os.Getpid():
		return fmt.Sprintf("another open of it in this process (pid %d)", h.pid)
	}
	if pid, command, ok := readLockInfo(path); ok && h.write && pid == h.pid {
		return fmt.Sprintf("%s (pid %d)", model.CleanText(command, false), h.pid)
	}
	argv, name := processCommand(h.pid)
	switch {
	case len(argv) > 0 && (strings.HasPrefix(filepath.Base(argv[0]), "parley") || name == "parley"):
		return fmt.Sprintf("%s (pid %d)", commandLine(argv), h.pid)
	case name != "":
		return fmt.Sprintf("%s (pid %d, not Parley)", name, h.pid)
	}
	return fmt.Sprintf("the process with pid %d", h.pid)
}

// commandLine is a Parley's command line as a message shows it: the
// program's name without its folder, cut short when long.
func commandLine(argv []string) string {
	const most = 60
	line := []rune(model.CleanText(strings.Join(append([]string{filepath.Base(argv[0])}, argv[1:]...), " "), false))
	if len(line) > most {
		return string(line[:most-1]) + "…"
	}
	return string(line)
}

// joinNames joins names as a sentence does: "a", "a and b", "a, b and c".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// seconds says a duration in whole seconds.
func seconds(d time.Duration) string { return fmt.Sprintf("%d seconds", int(d/time.Second)) }

// processCommand is what /proc says of a process: its command line and its
// name; either is empty when it cannot be read (the process has ended, or
// /proc is not there).
func processCommand(pid int) (argv []string, name string) {
	dir := filepath.Join("/proc", strconv.Itoa(pid))
	if data, err := os.ReadFile(filepath.Join(dir, "cmdline")); err == nil {
		argv = strings.Split(strings.TrimRight(string(data), "\x00"), "\x00")
	}
	if data, err := os.ReadFile(filepath.Join(dir, "comm")); err == nil {
		name = model.CleanText(strings.TrimSpace(string(data)), false)
	}
	return argv, name
}
