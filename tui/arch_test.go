package tui

import (
	"go/build"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/parley-app/parley"

// deps lists every package of this module that pkg imports, directly or not
// (tests left out), by reading the sources.
func deps(t *testing.T, pkg string, seen map[string]bool) {
	t.Helper()
	dir := filepath.Join("..", strings.TrimPrefix(pkg, module+"/"))
	p, err := build.ImportDir(dir, 0)
	if err != nil {
		t.Fatalf("read %s: %v", pkg, err)
	}
	for _, imp := range p.Imports {
		if strings.HasPrefix(imp, module+"/") && !seen[imp] {
			seen[imp] = true
			deps(t, imp, seen)
		}
	}
}

// The components do not hold the root: a pane imports neither the root nor
// another pane, and no component package reaches the root or the store.
// (`go list -deps ./tui/pane/...` shows the same.)
func TestComponentsImportNeitherTheRootNorEachOther(t *testing.T) {
	panes, err := filepath.Glob("pane/*")
	if err != nil || len(panes) < 5 {
		t.Fatalf("pane packages: %v %v", panes, err)
	}
	components := []string{"ui", "vocab", "form", "editor", "dialog", "capture", "sparring"}
	for _, p := range panes {
		components = append(components, filepath.ToSlash(p))
	}
	// The root itself reaches the store only through its Store interface
	// and desk (DESIGN section 10: tui → desk → store), never directly; and
	// desk knows nothing of the UI.
	direct, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range direct.Imports {
		if imp == module+"/store" {
			t.Error("the root package tui imports the store; declare what it needs in its Store interface, or go through desk")
		}
	}
	under := map[string]bool{}
	deps(t, module+"/desk", under)
	for dep := range under {
		if strings.HasPrefix(dep, module+"/tui") {
			t.Errorf("desk imports %s: the session layer holds no UI", dep)
		}
	}
	for _, c := range components {
		pkg := module + "/tui/" + c
		seen := map[string]bool{}
		deps(t, pkg, seen)
		for dep := range seen {
			switch {
			case dep == module+"/tui":
				t.Errorf("%s imports the root package tui", c)
			case dep == module+"/store":
				t.Errorf("%s imports the store: IO belongs to the root's commands", c)
			case strings.HasPrefix(dep, module+"/tui/pane/") && strings.HasPrefix(c, "pane/") && path.Base(dep) != path.Base(c):
				t.Errorf("pane %s imports pane %s", c, dep)
			}
		}
	}
}
