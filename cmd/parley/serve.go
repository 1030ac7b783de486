package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/parley-app/parley/serve"
	"github.com/parley-app/parley/store"
)

// remoteCommands are the commands a person may run over SSH: those that
// read or change the file as them. Commands that read or write other files
// on the server (export, import, backup, calendar, minutes) or start one
// (serve) stay local.
var remoteCommands = map[string]bool{
	"brief": true, "deal": true, "meso": true, "forecast": true, "note": true, "demo": true,
	"undo": true, "redo": true, "version": true, "whoami": true,
	"approvals": true, "approve": true, "reject": true, "audit": true,
	"people": true, "accounts": true, "authority": true,
}

// remoteRunner runs a command sent over SSH as person, on the server's file only.
func remoteRunner(served *store.Store) serve.Runner {
	dbPath := served.Path()
	return func(person string, args []string, stdout, stderr io.Writer) int {
		if !remoteCommands[args[0]] {
			fmt.Fprintf(stderr, "parley: %q is not a command over SSH; try brief, note, deal --json, approvals\n", args[0])
			return exitUsage
		}
		e := &env{command: "parley serve: " + args[0], stdout: stdout, stderr: stderr, now: time.Now, person: person, serverDB: dbPath, served: served}
		return runCommand(e, &globalFlags{db: dbPath}, args, commands())
	}
}

func serveCommand() command {
	var listen, hostKey string
	var idle time.Duration
	var rate float64
	var burst int
	return command{
		name:    "serve",
		args:    "[--listen ADDR] [--host-key PATH] [--idle DURATION] [--rate N] [--burst N]",
		summary: "host the workbench and the commands over SSH for the file's people (see 'parley people')",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&listen, "listen", ":2323", "the `address` to listen on")
			fs.StringVar(&hostKey, "host-key", "", "the host key `file`, made on first start (default parley_host_ed25519 beside the database)")
			fs.DurationVar(&idle, "idle", 30*time.Minute, "sign a workbench out after this long with no key pressed")
			fs.Float64Var(&rate, "rate", 2, "new sessions a second allowed per key and per address, after the burst")
			fs.IntVar(&burst, "burst", 20, "new sessions allowed at once per key and per address")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() > 0 {
				return usagef("serve takes no arguments, only flags")
			}
			s, err := e.open()
			if err != nil {
				return err
			}
			defer s.Close()
			people, err := s.People()
			if err != nil {
				return err
			}
			if len(people) == 0 {
				return fmt.Errorf("%s has no people yet, so nobody could sign in: add the first admin with 'parley people add NAME --role admin --key \"ssh-ed25519 …\"'", s.Path())
			}
			if os.Getenv("GOGC") == "" {
				// Fifty sessions draw a frame at every key: collecting half as
				// often keeps the bursts of a busy team shorter (the load
				// test's p95 a fifth lower) for about 20 MB more. GOGC in the
				// environment says otherwise.
				debug.SetGCPercent(200)
			}
			srv, err := serve.New(s, serve.Options{HostKey: hostKey, Idle: idle, Rate: rate, Burst: burst,
				Run: remoteRunner(s), Log: e.stderr})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", listen)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", listen, err)
			}
			fmt.Fprintf(e.stdout, "Parley serves %s on %s for %s. Connect with: ssh -p PORT HOST\n", s.Path(), ln.Addr(), count(len(people), "person"))
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ln) }()
			select {
			case err := <-done:
				return err
			case <-ctx.Done():
			}
			fmt.Fprintln(e.stdout, "Stopping: telling the open sessions; drafts are kept.")
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, net.ErrClosed) {
				return err
			}
			return <-done
		},
	}
}
