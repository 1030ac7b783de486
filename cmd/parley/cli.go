package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

// Version is the version of this build of Parley.
const Version = "0.1.0"

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// usageError is a mistake in how a command was called: it exits with 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// env is what every command gets: where the database is and where to write.
type env struct {
	command string // "parley note": what this process is, for another that waits for the file
	dbPath  string
	stdout  io.Writer
	stderr  io.Writer
	now     func() time.Time
	// person is whose session the command runs as ("": the file's own
	// user); set for a command that came over SSH (serve.go).
	person string
	// serverDB, set over SSH, is the server's file: no --db may name another.
	serverDB string
	// served, set over SSH, is the server's open store: the command runs on
	// a session borrowed from it rather than opening the file again.
	served *store.Store
}

// opened opens the database with opener, naming the command in the
// lock-info file, and sees it as the command's person; over SSH it
// borrows a session of the server's store instead of opening the file.
func (e *env) opened(opener func(path string) (*store.Store, error)) (*store.Store, error) {
	if e.served != nil {
		return e.served.Borrow(e.person), nil
	}
	s, err := opener(e.dbPath)
	if err != nil {
		return nil, err
	}
	s.SetCommand(e.command)
	if e.person != "" {
		return s.For(e.person), nil
	}
	return s, nil
}

// open opens the database the command works on, creating it when missing.
func (e *env) open() (*store.Store, error) { return e.opened(store.Open) }

// openWorkbench is open for the workbench, which reads its first screen
// without the older notes (store.OpenWorkbench).
func (e *env) openWorkbench() (*store.Store, error) { return e.opened(store.OpenWorkbench) }

// openExisting opens the database for a command that writes into what is
// there (note, undo, redo): a path with no database is refused, and
// nothing is created.
func (e *env) openExisting() (*store.Store, error) { return e.opened(store.OpenExisting) }

// openCapture opens the database for a command that captures one line
// (store.OpenForCapture).
func (e *env) openCapture() (*store.Store, error) { return e.opened(store.OpenForCapture) }

// openReadOnly opens the database for a command that only reads: nothing is
// created, and a read-only file reads fine.
func (e *env) openReadOnly() (*store.Store, error) { return e.opened(store.OpenReadOnly) }

// openVerified opens the database for a command that writes much at once,
// after reading all of it: nothing is added to a damaged file.
func (e *env) openVerified() (*store.Store, error) {
	s, err := e.open()
	if err != nil {
		return nil, err
	}
	if err := s.Verify(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// command is one `parley <name>` subcommand.
type command struct {
	name    string
	args    string // argument synopsis for usage
	summary string
	flags   func(fs *flag.FlagSet) // command flags, nil when none
	run     func(e *env, fs *flag.FlagSet) error
}

func commands() []command {
	return []command{
		demoCommand(),
		briefCommand(),
		dealCommand(),
		mesoCommand(),
		forecastCommand(),
		sparCommand(),
		minutesCommand(),
		commitmentsCommand(),
		calendarCommand(),
		noteCommand(),
		exportCommand(),
		importCommand(),
		backupCommand(),
		undoCommand(),
		redoCommand(),
		versionCommand(),
		peopleCommand(),
		accountsCommand(),
		authorityCommand(),
		approvalsCommand(),
		decideCommand(true),
		decideCommand(false),
		auditCommand(),
		whoamiCommand(),
		serveCommand(),
	}
}

// globalFlags are accepted before the command and, for --db, after it too.
type globalFlags struct {
	db      string
	private bool
	theme   string
	mouse   bool
}

func (g *globalFlags) register(fs *flag.FlagSet, workbench bool) {
	fs.StringVar(&g.db, "db", g.db, "database file (default $PARLEY_DB, else $XDG_DATA_HOME/parley/parley.db)")
	if workbench {
		fs.BoolVar(&g.private, "private", false, "start with privacy on: targets, walk-aways, weights, scores and money hidden")
		fs.StringVar(&g.theme, "theme", "", "`light` or dark: the terminal's background, for the colours (default: detect)")
		fs.BoolVar(&g.mouse, "mouse", false, "click to focus and wheel to scroll (the terminal's own text selection then needs shift)")
	}
}

// run is the whole program: it parses args, runs the command and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	var g globalFlags
	fs := flag.NewFlagSet("parley", flag.ContinueOnError)
	fs.SetOutput(stderr)
	g.register(fs, true)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			mainUsage(stdout, fs)
			return exitOK
		}
		fmt.Fprintln(stderr, "Run 'parley --help' for usage.")
		return exitUsage
	}
	e := &env{command: "parley", stdout: stdout, stderr: stderr, now: time.Now}

	rest := fs.Args()
	if len(rest) == 0 {
		e.command = "parley workbench"
		return finish(stderr, withPath(e, g.db, func() error { return runWorkbench(e, g) }))
	}
	if rest[0] == "help" {
		mainUsage(stdout, fs)
		return exitOK
	}
	return runCommand(e, &g, rest, commands())
}

// runCommand runs one of cmds named by rest[0] with the arguments after it.
func runCommand(e *env, g *globalFlags, rest []string, cmds []command) int {
	name := rest[0]
	for _, c := range cmds {
		if c.name != name {
			continue
		}
		cfs := flag.NewFlagSet("parley "+c.name, flag.ContinueOnError)
		cfs.SetOutput(e.stderr)
		g.register(cfs, false)
		if c.flags != nil {
			c.flags(cfs)
		}
		cfs.Usage = func() {}
		if err := cfs.Parse(rest[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				commandUsage(e.stdout, c, cfs)
				return exitOK
			}
			fmt.Fprintf(e.stderr, "Run 'parley %s --help' for usage.\n", c.name)
			return exitUsage
		}
		if e.serverDB != "" && g.db != e.serverDB {
			fmt.Fprintln(e.stderr, "parley: over SSH the server's file is the only one: --db is not taken")
			return exitUsage
		}
		if e.serverDB == "" {
			e.command = "parley " + c.name
		}
		code := finish(e.stderr, withPath(e, g.db, func() error { return c.run(e, cfs) }))
		if code == exitUsage {
			fmt.Fprintf(e.stderr, "usage: parley %s %s\n", c.name, c.args)
		}
		return code
	}
	fmt.Fprintf(e.stderr, "parley: unknown command %q\n", name)
	fmt.Fprintln(e.stderr, "Run 'parley --help' for the list of commands.")
	return exitUsage
}

// withPath resolves the database path (flag, then PARLEY_DB, then the
// default) before running fn.
func withPath(e *env, flagValue string, fn func() error) error {
	switch {
	case flagValue != "":
		e.dbPath = flagValue
	case os.Getenv("PARLEY_DB") != "":
		e.dbPath = os.Getenv("PARLEY_DB")
	default:
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		e.dbPath = p
	}
	return fn()
}

// finish prints an error the way every command does and picks the exit code.
func finish(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	// An error may quote a file name or stored text: it must not act on the terminal.
	fmt.Fprintf(stderr, "parley: %s\n", model.EscapeForTerminal(err.Error()))
	var u usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitError
}

func mainUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "Parley: a terminal workbench for key account negotiations.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  parley [--db FILE] [--private] [--theme light|dark] [--mouse]   open the workbench")
	fmt.Fprintln(w, "  parley [--db FILE] <command> [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Flags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'parley <command> --help' for a command's own flags.")
}

func commandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: parley %s %s\n\n%s\n\nFlags:\n", c.name, c.args, c.summary)
	fs.SetOutput(w)
	fs.PrintDefaults()
}
