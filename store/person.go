package store

// One file, several people (DESIGN section 12): each keeps drafts of their
// own and a negotiation of their own to open on start. A session made by
// For keeps them under the person's name; the plain Store (the local
// workbench and CLI, whose file has one user) keeps them where they always
// were, so a file made before people existed reads as it did.
//
//	drafts                      key → text ("@person/key" for a named person)
//	meta                        current → negotiation id ("current@person" for a named person)

// For is a session of the same file for one person: their own drafts and
// current negotiation, their own undo history, and the change notices of
// every other session as changes made elsewhere. "" is the file's one user.
func (s *Store) For(person string) *Store {
	c := s.Session()
	c.person = person
	return c
}

// Borrow is a session of s for person that a command runs on and then
// closes: its Close leaves the handles s keeps, and it does not rename the
// process in the lock-info file. A team server runs each command that
// comes over SSH on its own store this way, so that a hundred commands
// share one write handle instead of each opening the file and making the
// others open it again.
func (s *Store) Borrow(person string) *Store {
	c := s.For(person)
	c.borrowed = true
	return c
}

// Person is whose session this is ("" for the file's one user).
func (s *Store) Person() string { return s.person }

// draftKey is where this session's draft under key lives.
func (s *Store) draftKey(key string) []byte {
	if s.person == "" || key == "" {
		return []byte(key)
	}
	return []byte("@" + s.person + "/" + key)
}

// ownKey turns a stored draft key back into the session's key, and says
// whether it is this session's at all.
func (s *Store) ownKey(stored string) (string, bool) {
	if s.person == "" {
		return stored, len(stored) == 0 || stored[0] != '@'
	}
	prefix := "@" + s.person + "/"
	if len(stored) < len(prefix) || stored[:len(prefix)] != prefix {
		return "", false
	}
	return stored[len(prefix):], true
}

// currentKey is the meta key of this session's current negotiation.
func (s *Store) currentKey() []byte {
	if s.person == "" {
		return keyCurrent
	}
	return append(append([]byte{}, keyCurrent...), "@"+s.person...)
}
