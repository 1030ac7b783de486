package editor

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/model"
)

// TestThePersonPickerOffersContactsWhoseRoleSharesAWord: the follow-up's
// person picker offered only exact role matches (issue 18, finding 12).
func TestThePersonPickerOffersContactsWhoseRoleSharesAWord(t *testing.T) {
	a := model.Account{Contacts: []model.Contact{
		{Name: "Ravi", Side: model.InternalSide, Role: "area sales manager"},
		{Name: "Lena", Side: model.InternalSide, Role: "field sales manager, brand ambassador"},
		{Name: "Dana", Side: model.CustomerSide, Role: "sales director"},
	}}
	values, _ := contactChoices(a, model.Privacy{}, model.InternalSide, "field sales managers")
	if strings.Join(values, ",") != ",Lena,Ravi" {
		t.Fatalf("the picker offers %q, want none, Lena (holds the role), Ravi (shares 'sales manager')", values)
	}
}
