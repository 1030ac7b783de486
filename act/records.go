package act

import "github.com/parley-app/parley/model"

// The saves and deletes by name, as the components ask for them.

// SaveItem writes an agenda item.
func SaveItem(negID uint64, v model.AgendaItem) *Save[model.AgendaItem] {
	return &Save[model.AgendaItem]{negID, v}
}

// SaveConcession writes a concession.
func SaveConcession(negID uint64, v model.Concession) *Save[model.Concession] {
	return &Save[model.Concession]{negID, v}
}

// SaveNote writes a note, action or question.
func SaveNote(negID uint64, v model.Note) *Save[model.Note] { return &Save[model.Note]{negID, v} }

// SaveFollowUp writes a follow-up line.
func SaveFollowUp(negID uint64, v model.FollowUp) *Save[model.FollowUp] {
	return &Save[model.FollowUp]{negID, v}
}

// SaveScenario writes a scenario.
func SaveScenario(negID uint64, v model.Scenario) *Save[model.Scenario] {
	return &Save[model.Scenario]{negID, v}
}

// SaveMeeting writes a meeting (starting, ending or editing it).
func SaveMeeting(negID uint64, v model.Meeting) *Save[model.Meeting] {
	return &Save[model.Meeting]{negID, v}
}

// SavePackage writes a proposal (or a tabled package).
func SavePackage(negID uint64, v model.Package) *Save[model.Package] {
	return &Save[model.Package]{negID, v}
}

// DeleteItem deletes an agenda item with its concessions.
func DeleteItem(negID, id uint64) *Delete[model.AgendaItem] {
	return &Delete[model.AgendaItem]{negID, id}
}

// DeleteConcession deletes a concession; those traded against it lose the link.
func DeleteConcession(negID, id uint64) *Delete[model.Concession] {
	return &Delete[model.Concession]{negID, id}
}

// DeleteScenario deletes a scenario; items linked to it lose the link.
func DeleteScenario(negID, id uint64) *Delete[model.Scenario] {
	return &Delete[model.Scenario]{negID, id}
}

// DeleteNote deletes a note, action or question.
func DeleteNote(negID, id uint64) *Delete[model.Note] { return &Delete[model.Note]{negID, id} }

// DeleteFollowUp deletes a follow-up line.
func DeleteFollowUp(negID, id uint64) *Delete[model.FollowUp] {
	return &Delete[model.FollowUp]{negID, id}
}

// DeletePackage deletes a saved proposal.
func DeletePackage(negID, id uint64) *Delete[model.Package] {
	return &Delete[model.Package]{negID, id}
}
