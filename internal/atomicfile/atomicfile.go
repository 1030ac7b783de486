// Package atomicfile writes private files that are either the old file or
// the whole new one, never half of one: the content goes to a temporary file
// in the target's folder, is fsynced and renamed into place.
//
// Temporary files are named ".NAME.tmp-PID-RANDOM". One left behind by a
// killed run is removed by the next write into the same folder when the
// process that wrote it is gone, or when it has not been written to for
// StaleAfter (a recycled process ID cannot keep it forever).
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrNotRegular: the target exists and is not a regular file (a folder, a
// device, a pipe, or a symbolic link to one); it is never replaced.
var ErrNotRegular = errors.New("is not a regular file")

// StaleAfter is how long a temporary file may go unwritten before any later
// write into its folder removes it, whoever made it.
const StaleAfter = time.Hour

// tmpMarker separates a target's name from the temp suffix.
const tmpMarker = ".tmp-"

// Write writes a private (0600) file at path through write. A symbolic link
// to a regular file is followed: the file it points at is replaced. The
// target must be a regular file or not exist.
func Write(path string, write func(io.Writer) error) (err error) {
	if path == "" {
		return fmt.Errorf("write: no file name given")
	}
	target, err := CheckTarget(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	RemoveStale(dir)
	tmp, err := os.CreateTemp(dir, tempPrefix(target))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Looked at again just before the rename: a folder made meanwhile must
	// not turn into "rename: file exists".
	if _, err = CheckTarget(target); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return syncDir(dir)
}

// CheckTarget says whether path may be written: it returns the file to
// replace (path, or where its symbolic link points), or an error wrapping
// ErrNotRegular when path is a folder, a device or anything but a file.
func CheckTarget(path string) (string, error) {
	info, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return path, nil
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	target := path
	if info.Mode()&os.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", fmt.Errorf("write %s: it is a symbolic link to nowhere: %w", path, err)
		}
		if info, err = os.Stat(target); err != nil {
			return "", fmt.Errorf("write %s: %w", path, err)
		}
	}
	switch {
	case info.Mode().IsRegular():
		return target, nil
	case info.IsDir():
		return "", fmt.Errorf("%s %w: it is a folder; give a file name inside it", path, ErrNotRegular)
	default:
		return "", fmt.Errorf("%s %w (%s): give the name of a file", path, ErrNotRegular, kind(info.Mode()))
	}
}

func kind(m os.FileMode) string {
	switch {
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "not a file"
}

// tempPrefix is the start of a temp file's name for target; CreateTemp adds
// the random part.
func tempPrefix(target string) string {
	return "." + filepath.Base(target) + tmpMarker + strconv.Itoa(os.Getpid()) + "-"
}

// RemoveStale removes the temporary files a killed write left in dir: those
// whose writing process is gone, and any not written to for StaleAfter.
// What cannot be removed is left; it never fails a write.
func RemoveStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		pid, ok := tempOwner(name)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if (pid > 0 && !alive(pid)) || time.Since(info.ModTime()) > StaleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// tempOwner recognises a temporary file's name and the process ID in it (0
// for the names older versions wrote, which carry none).
func tempOwner(name string) (pid int, ok bool) {
	if !strings.HasPrefix(name, ".") {
		return 0, false
	}
	i := strings.LastIndex(name, tmpMarker)
	if i <= 1 {
		return 0, false
	}
	rest := name[i+len(tmpMarker):]
	owner, random, found := strings.Cut(rest, "-")
	if !found {
		return 0, allDigits(rest)
	}
	if !allDigits(owner) || !allDigits(random) {
		return 0, false
	}
	pid, err := strconv.Atoi(owner)
	return pid, err == nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// alive reports whether a process with the ID exists (signal 0 checks
// without sending anything; EPERM means it exists under another user).
func alive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// syncDir makes a rename durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
