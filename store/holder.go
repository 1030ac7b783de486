package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// The lock-info file says what the process that holds the write lock is
// doing ("parley note"), so that one that waits in vain can say whom it
// waited for: /proc/locks gives only the holder's PID, and is used for the
// command only when it names that same PID (lockname.go); where there is no
// /proc/locks, a new record is the sign that writers are taking turns
// (lockwait.go). It sits next to the database ("parley.db.lock-info",
// 0600) and holds one fixed-size record, "+PID\nCOMMAND\n" (and after it
// the state last found whole, see whole below): a writer writes
// it once it has the lock and turns the "+" into "-" before letting go. Each
// is one positioned write on a file the store keeps open, so a save pays
// two small syscalls for it, not an open and an unlink. It is a courtesy,
// never trusted: a record of a process that is gone (killed mid-write) or
// of this one is ignored.

// infoSize is the size of the lock-info record; longer commands are cut.
const infoSize = 128

// holder is this process as the lock-info file names it.
type holder struct {
	mu      sync.Mutex
	pid     int
	command string
	file    *os.File // the lock-info file, opened at the first write
}

func defaultHolder() *holder { return &holder{pid: os.Getpid(), command: "parley"} }

// SetCommand names what this process is doing ("parley note"), for the
// message of another process that waits for the file in vain.
func (s *Store) SetCommand(command string) {
	if s.borrowed {
		return // the process is named by the store it was borrowed from
	}
	s.who.mu.Lock()
	s.who.command = strings.Join(strings.Fields(command), " ")
	s.who.mu.Unlock()
}

// lockInfoPath is the lock-info file of a database.
func lockInfoPath(db string) string { return db + ".lock-info" }

// claim says in the lock-info file that this process holds the lock. A
// failure is not the write's failure: the record only helps another
// process's message, and is ignored when it cannot be read.
func (h *holder) claim(db string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.file == nil {
		f, err := openLockInfo(db, os.O_RDWR|os.O_CREATE)
		if err != nil {
			return // a courtesy, see above
		}
		h.file = f
	}
	rec := fmt.Sprintf("+%d\n%s", h.pid, h.command)
	rec = rec[:min(len(rec), infoSize-1)] + "\n"
	rec += strings.Repeat(" ", infoSize-len(rec))
	if _, err := h.file.WriteAt([]byte(rec), 0); err != nil {
		h.closeFile()
	}
}

// release marks the record as let go, while the lock is still held.
func (h *holder) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.file == nil {
		return
	}
	if _, err := h.file.WriteAt([]byte("-"), 0); err != nil {
		h.closeFile() // the "+" left behind names a live process: say nothing next time
	}
}

// closeFile closes the lock-info file; the next claim opens it again.
func (h *holder) closeFile() error {
	if h.file == nil {
		return nil
	}
	err := h.file.Close()
	h.file = nil
	return err
}

// openLockInfo opens the lock-info file without following a link (a link
// planted there would have the record written into the file it points at)
// and refuses anything but a regular file.
func openLockInfo(db string, flag int) (*os.File, error) {
	return openRegular(lockInfoPath(db), flag|syscall.O_NOFOLLOW, 0o600)
}

// readLockRecord is the lock-info record as it stands, "" when there is none.
func readLockRecord(db string) string {
	f, err := openLockInfo(db, os.O_RDONLY)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, infoSize)
	n, _ := io.ReadFull(f, buf)
	return string(buf[:n])
}

// readLockInfo reads the lock-info file, and believes it only while the
// process it names is alive and is not this one.
func readLockInfo(db string) (pid int, command string, ok bool) {
	rec, ok := strings.CutPrefix(readLockRecord(db), "+")
	if !ok {
		return 0, "", false
	}
	first, rest, _ := strings.Cut(rec, "\n")
	pid, err := strconv.Atoi(first)
	command = strings.TrimSpace(rest)
	if err != nil || pid <= 0 || pid == os.Getpid() || command == "" || !alive(pid) || !isParley(pid) {
		return 0, "", false
	}
	return pid, command, true
}

// isParley reports whether the process with this ID runs Parley: the same
// program as this one, or one whose program or name is parley…. A record
// left by a killed Parley whose PID now belongs to another program
// (sleep, a shell) must not have that program blamed as "parley note";
// where /proc cannot tell, the record is not believed.
func isParley(pid int) bool {
	dir := filepath.Join("/proc", strconv.Itoa(pid))
	if exe, err := os.Readlink(filepath.Join(dir, "exe")); err == nil {
		if self, err := os.Executable(); err == nil && exe == self {
			return true
		}
		if strings.HasPrefix(filepath.Base(exe), "parley") {
			return true
		}
	}
	argv, name := processCommand(pid)
	return (len(argv) > 0 && strings.HasPrefix(filepath.Base(argv[0]), "parley")) || name == "parley"
}

// stopped reports whether the process is stopped (ctrl+z, SIGSTOP, a
// debugger): it holds the file until it is resumed or ended.
func stopped(pid int) bool {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	// "PID (comm) S …": the state follows the last ")", as comm may hold one.
	i := strings.LastIndexByte(string(data), ')')
	if i < 0 || i+2 >= len(data) {
		return false
	}
	return data[i+2] == 'T' || data[i+2] == 't'
}

// alive reports whether a process with this ID exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// After the holder's record, at infoSize, the lock-info file holds the
// state of the database a Parley process last found whole (damage.go):
// "whole DEV INO TXID SIZE MTIME CTIME". It is read and written only by
// a writer holding the lock (after claim), and believed only when every
// field matches the database as it is now, so a file changed by anything
// but a Parley commit since is walked again.

// whole is the state last recorded as whole; ok is false when there is none.
func (h *holder) whole() (st wholeState, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.file == nil {
		return wholeState{}, false
	}
	buf := make([]byte, infoSize)
	n, _ := h.file.ReadAt(buf, infoSize)
	_, err := fmt.Sscanf(string(buf[:n]), "whole %d %d %d %d %d %d\n", &st.dev, &st.ino, &st.txid, &st.size, &st.mtime, &st.ctime)
	return st, err == nil
}

// setWhole records st as the state last found whole.
func (h *holder) setWhole(st wholeState) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.file == nil {
		return
	}
	rec := fmt.Sprintf("whole %d %d %d %d %d %d\n", st.dev, st.ino, st.txid, st.size, st.mtime, st.ctime)
	rec += strings.Repeat(" ", max(0, infoSize-len(rec)))
	// A record that did not reach the file matches no state: the next
	// write walks the pages, so the error needs no other answer.
	h.file.WriteAt([]byte(rec), infoSize) //nolint:errcheck
}
