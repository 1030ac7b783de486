// Command measure-file-safety measures what issue 24 asks of the file:
//
//   - writers: `parley note` from 10, 30 and 100 concurrent writers for a
//     while (30 s each by default) next to two open workbenches: notes
//     stored against notes refused (busy, or any other refusal);
//   - import: `parley import` of exports of 250, 500, 1,000 and 2,000
//     accounts into a new file, with a least-squares line through the
//     times, and whether a `parley note` started during the largest one
//     is stored;
//   - property: the round-trip property (internal/roundtrip) over 300
//     generated sequences, the parley binary as the other process (its
//     note, undo and redo).
//
// It runs the parley binary given by -parley (default: built from this
// tree into a temporary folder), everything in a temporary folder, and
// touches no network. Each part is bounded: by -duration per writer count,
// by the sizes, by -sequences.
//
//	go run ./scripts/measure-file-safety [-parts writers,import,property] [-duration 30s] [-sequences 300]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/creack/pty"
	"github.com/oklog/ulid/v2"
	"github.com/parley-app/parley/internal/roundtrip"
	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

func main() {
	parts := flag.String("parts", "writers,import,property", "what to measure, comma-separated")
	duration := flag.Duration("duration", 30*time.Second, "how long each count of writers writes")
	sequences := flag.Int("sequences", 300, "round-trip sequences")
	steps := flag.Int("steps", 30, "steps per round-trip sequence")
	parley := flag.String("parley", "", "the parley binary (default: go build ./cmd/parley)")
	flag.Parse()
	dir, err := os.MkdirTemp("", "parley-measure-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	bin := *parley
	if bin == "" {
		bin = filepath.Join(dir, "parley")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/parley").CombinedOutput(); err != nil {
			fail(fmt.Errorf("build parley: %v\n%s", err, out))
		}
	}
	for _, part := range strings.Split(*parts, ",") {
		switch part {
		case "writers":
			for _, n := range []int{10, 30, 100} {
				writers(bin, filepath.Join(dir, fmt.Sprintf("w%d", n)), n, *duration)
			}
		case "import":
			imports(bin, filepath.Join(dir, "import"))
		case "property":
			property(bin, filepath.Join(dir, "property"), *sequences, *steps)
		default:
			fail(fmt.Errorf("unknown part %q", part))
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "measure-file-safety:", err)
	os.Exit(1)
}

// run runs parley with args and returns its exit code and standard error.
func run(bin string, args ...string) (int, string) {
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, ""
	case errors.As(err, &exit):
		return exit.ExitCode(), stderr.String()
	}
	return -1, err.Error()
}

// writers has n processes run `parley note` in a loop for d next to two
// workbenches, and counts what was stored and what refused.
func writers(bin, dir string, n int, d time.Duration) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fail(err)
	}
	db := filepath.Join(dir, "parley.db")
	if code, msg := run(bin, "--db", db, "demo"); code != 0 {
		fail(fmt.Errorf("demo: %s", msg))
	}
	var benches []*exec.Cmd
	for range 2 {
		cmd := exec.Command(bin, "--db", db)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=1")
		f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 140, Rows: 40})
		if err != nil {
			fail(err)
		}
		go func() { // drain the screen so the workbench never blocks on it
			buf := make([]byte, 1<<16)
			for {
				if _, err := f.Read(buf); err != nil {
					return
				}
			}
		}()
		benches = append(benches, cmd)
	}
	time.Sleep(2 * time.Second) // both workbenches open the file
	var stored, busy, other atomic.Int64
	var others sync.Map
	end := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(end); i++ {
				code, msg := run(bin, "--db", db, "note", fmt.Sprintf("writer %d note %d", w, i))
				switch {
				case code == 0:
					stored.Add(1)
				case strings.Contains(msg, "is busy"):
					busy.Add(1)
				default:
					other.Add(1)
					others.Store(strings.TrimSpace(msg), true)
				}
			}
		}()
	}
	wg.Wait()
	for _, cmd := range benches {
		cmd.Process.Kill()
		cmd.Wait()
	}
	total := stored.Load() + busy.Load() + other.Load()
	fmt.Printf("writers %3d for %s next to 2 workbenches: %d notes stored, %d refused of %d (%d busy, %d other)\n",
		n, d, stored.Load(), busy.Load()+other.Load(), total, busy.Load(), other.Load())
	others.Range(func(k, _ any) bool { fmt.Printf("    other refusal: %.200s\n", k); return true })
}

// imports times `parley import` of exports of growing size into new files.
func imports(bin, dir string) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fail(err)
	}
	one := demoExport(dir)
	sizes := []int{250, 500, 1000, 2000}
	var xs, ys []float64
	for _, n := range sizes {
		path := filepath.Join(dir, fmt.Sprintf("export-%d.json", n))
		if err := os.WriteFile(path, replicate(one, n), 0o600); err != nil {
			fail(err)
		}
		db := filepath.Join(dir, fmt.Sprintf("import-%d.db", n))
		// Notes into the same file, one a second, while the largest import runs.
		var notes, refused atomic.Int64
		var longest atomic.Int64
		stop := make(chan struct{})
		done := make(chan struct{})
		if n == sizes[len(sizes)-1] {
			if code, msg := run(bin, "--db", db, "demo"); code != 0 {
				fail(fmt.Errorf("demo: %s", msg))
			}
			go func() {
				defer close(done)
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					case <-time.After(time.Second):
					}
					start := time.Now()
					if code, _ := run(bin, "--db", db, "note", fmt.Sprintf("during the import %d", i)); code != 0 {
						refused.Add(1)
					}
					notes.Add(1)
					longest.Store(max(longest.Load(), int64(time.Since(start))))
				}
			}()
		} else {
			close(done)
		}
		start := time.Now()
		if code, msg := run(bin, "--db", db, "import", path); code != 0 {
			fail(fmt.Errorf("import of %d: %s", n, msg))
		}
		took := time.Since(start)
		close(stop)
		<-done
		xs, ys = append(xs, float64(n)), append(ys, took.Seconds())
		fmt.Printf("import %5d accounts: %6.2f s\n", n, took.Seconds())
		if n == sizes[len(sizes)-1] {
			fmt.Printf("    parley note during it, one a second: %d of %d refused; the longest took %.2f s\n",
				refused.Load(), notes.Load(), time.Duration(longest.Load()).Seconds())
		}
	}
	a, b, r2 := fit(xs, ys)
	fmt.Printf("import linear fit: %.3f s + %.2f ms per account, r² %.3f; 2,000 vs 250: %.1f× (8× if linear)\n",
		b, a*1000, r2, ys[len(ys)-1]/ys[0])
}

// demoExport is the export of a file holding the demo negotiation.
func demoExport(dir string) []byte {
	s, err := store.Open(filepath.Join(dir, "one.db"))
	if err != nil {
		fail(err)
	}
	defer s.Close()
	if _, err := s.AddDossier(model.Demo(time.Now())); err != nil {
		fail(err)
	}
	var buf bytes.Buffer
	if _, err := s.ExportTo(&buf, time.Now()); err != nil {
		fail(err)
	}
	return buf.Bytes()
}

// replicate makes an export of n accounts, each with a copy of the demo
// negotiation under UIDs of its own.
func replicate(export []byte, n int) []byte {
	var f map[string]any
	if err := json.Unmarshal(export, &f); err != nil {
		fail(err)
	}
	accounts, negs := f["accounts"].([]any), f["negotiations"].([]any)
	var outA, outN []any
	for i := range n {
		for _, a := range accounts {
			c := renamed(deepCopy(a)).(map[string]any)
			c["id"] = i + 1
			c["name"] = fmt.Sprintf("%v %d", c["name"], i)
			outA = append(outA, c)
		}
		for _, neg := range negs {
			c := renamed(deepCopy(neg)).(map[string]any)
			c["negotiation"].(map[string]any)["account_id"] = i + 1
			outN = append(outN, c)
		}
	}
	f["accounts"], f["negotiations"] = outA, outN
	data, err := json.Marshal(f)
	if err != nil {
		fail(err)
	}
	return data
}

func deepCopy(v any) any {
	data, _ := json.Marshal(v)
	var out any
	json.Unmarshal(data, &out)
	return out
}

// renamed gives every record in v a new UID.
func renamed(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if _, ok := x.(string); ok && k == "uid" {
				v[k] = ulid.Make().String()
				continue
			}
			v[k] = renamed(x)
		}
	case []any:
		for i, x := range v {
			v[i] = renamed(x)
		}
	}
	return v
}

// fit is the least-squares line y = a·x + b and its r².
func fit(xs, ys []float64) (a, b, r2 float64) {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx, sy, sxx, sxy = sx+xs[i], sy+ys[i], sxx+xs[i]*xs[i], sxy+xs[i]*ys[i]
	}
	a = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	b = (sy - a*sx) / n
	mean := sy / n
	var ssr, sst float64
	for i := range xs {
		ssr += math.Pow(ys[i]-(a*xs[i]+b), 2)
		sst += math.Pow(ys[i]-mean, 2)
	}
	return a, b, 1 - ssr/sst
}

// binary is the other party as the parley binary: a second process.
type binary struct{ bin, db string }

func (o binary) Note(line string) error { return o.do("note", line) }
func (o binary) Undo() error            { return o.do("undo") }
func (o binary) Redo() error            { return o.do("redo") }

func (o binary) do(args ...string) error {
	if code, msg := run(o.bin, append([]string{"--db", o.db}, args...)...); code != 0 {
		return errors.New(strings.TrimSpace(msg))
	}
	return nil
}

// property runs the round-trip property over generated sequences.
func property(bin, dir string, sequences, steps int) {
	failed := 0
	start := time.Now()
	for seed := range sequences {
		sdir := filepath.Join(dir, fmt.Sprint(seed))
		if err := os.MkdirAll(sdir, 0o700); err != nil {
			fail(err)
		}
		db := filepath.Join(sdir, "parley.db")
		ws, err := store.Open(db)
		if err != nil {
			fail(err)
		}
		if _, err := ws.AddDossier(model.Demo(time.Now().UTC())); err != nil {
			fail(err)
		}
		log, err := roundtrip.Run(ws, binary{bin, db}, uint64(seed), steps)
		if err == nil {
			err = roundtrip.Check(ws, sdir)
		}
		ws.Close()
		if err != nil {
			failed++
			if failed <= 3 {
				fmt.Printf("    sequence %d: %v\n      after: %s\n", seed, firstLine(err), strings.Join(log, "; "))
			}
		}
		os.RemoveAll(sdir)
	}
	fmt.Printf("round-trip property: %d of %d sequences of %d steps hold (%d fail), in %.0f s\n",
		sequences-failed, sequences, steps, failed, time.Since(start).Seconds())
}

func firstLine(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}
