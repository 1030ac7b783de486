package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
)

func TestImportCleansText(t *testing.T) {
	source, _ := demoStore(t)
	good, err := os.ReadFile(export(t, source))
	if err != nil {
		t.Fatal(err)
	}
	data := editExport(t, good, func(f map[string]any) {
		at(f, "accounts", 0)["name"] = "Evil\u001b]0;x\u0007\u001b[2JCorp"
		at(f, "negotiations", 0, "notes", 0)["text"] = "agenda\roverwritten \u202eevil"
	})
	path := filepath.Join(t.TempDir(), "colleague.json")
	writeFile(t, path, data)
	target := openStore(t, tempDB(t))
	if _, err := target.Import(path); err != nil {
		t.Fatal(err)
	}
	accounts, err := target.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	if accounts[0].Name != "Evil]0;x[2JCorp" {
		t.Errorf("the imported account is named %q", accounts[0].Name)
	}
	id, _ := target.Current()
	if got := dossier(t, target, id).Notes[0].Text; got != "agenda overwritten evil" {
		t.Errorf("the imported note reads %q", got)
	}
}

func TestFormsSaveCleanText(t *testing.T) {
	s, negID := demoStore(t)
	n := model.Note{Kind: model.KindNote, At: now, Text: "hi \x1b]0;pwned\x07 \r over"}
	if err := s.SaveNote(negID, &n); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	got, _ := noteByID(dossier(t, s, negID), n.ID)
	if strings.ContainsAny(got.Text, "\x1b\x07\r") || got.Text != "hi ]0;pwned   over" {
		t.Errorf("the saved note reads %q", got.Text)
	}
	a := model.Account{Name: "Evil\x1b[2JCorp", Kind: model.Retail, Notes: "line one\r\nline two\u009b"}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	if a.Name != "Evil[2JCorp" || a.Notes != "line one\nline two" {
		t.Errorf("the saved account is %q, %q", a.Name, a.Notes)
	}
}
