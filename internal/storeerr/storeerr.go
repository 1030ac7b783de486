// Package storeerr holds the store's sentinel errors that the workbench
// tells apart, so that the workbench can test them with errors.Is without
// importing the store (it reaches the store only through its Store interface).
package storeerr

import "errors"

var (
	// ErrNotFound: the record or negotiation is not in the file.
	ErrNotFound = errors.New("not found")
	// ErrNothingToUndo: the journal holds no change to undo.
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrNothingToRedo: no undone change is left to redo.
	ErrNothingToRedo = errors.New("nothing to redo")
	// ErrChangedSince: a record was changed since the change to undo or redo,
	// by another process or a later change.
	ErrChangedSince = errors.New("was changed since")
)
