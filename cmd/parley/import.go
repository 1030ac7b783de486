package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/parley-app/parley/model"
	"github.com/parley-app/parley/store"
)

func importCommand() command {
	var asCopy bool
	return command{
		name:    "import",
		args:    "[--as-copy] FILE",
		summary: "merge a JSON export by UID: adds what is new, keeps the newer of a record changed on both sides (the older becomes a note); the whole file is checked first, then all of it is written or nothing",
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asCopy, "as-copy", false, "add everything in the file as new records (a second copy), without merging")
		},
		run: func(e *env, fs *flag.FlagSet) error {
			if fs.NArg() != 1 || fs.Arg(0) == "" {
				return usagef("import needs exactly one FILE")
			}
			s, err := e.openVerified()
			if err != nil {
				return err
			}
			defer s.Close()
			name := model.EscapeForTerminal(fs.Arg(0))
			importFile := s.Import
			if asCopy {
				importFile = s.ImportCopy
			}
			n, err := importFile(fs.Arg(0))
			if err != nil {
				return fmt.Errorf("nothing imported: %w", err)
			}
			fmt.Fprintln(e.stdout, importReport(name, asCopy, n))
			return nil
		},
	}
}

// importReport says what an import did, e.g. "Imported deal.json: 3 added,
// 1 updated (yours kept as a note), 212 already here."
func importReport(name string, asCopy bool, n store.Counts) string {
	switch {
	case asCopy:
		return fmt.Sprintf("Imported a copy of %s and %s from %s: %s added.", count(n.Accounts, "account"),
			count(n.Negotiations, "negotiation"), name, count(n.Added, "record"))
	case n.NothingNew():
		return fmt.Sprintf("Nothing new in %s: its %s are here already.", name, count(n.Same, "record"))
	}
	parts := []string{fmt.Sprintf("%d added", n.Added)}
	if n.Updated > 0 {
		parts = append(parts, fmt.Sprintf("%d updated (theirs was newer; yours kept as a note)", n.Updated))
	}
	if n.Kept > 0 {
		parts = append(parts, fmt.Sprintf("%d kept (yours was newer; theirs kept as a note)", n.Kept))
	}
	if n.Same > 0 {
		parts = append(parts, fmt.Sprintf("%d already here", n.Same))
	}
	return fmt.Sprintf("Imported %s: %s.", name, strings.Join(parts, ", "))
}
