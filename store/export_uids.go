package store

import "fmt"

// checkUIDs refuses an export holding a UID that is not a ULID, or one UID
// on two records: merging by UID needs each to name one record.
func checkUIDs(f exportFile) error {
	seen := map[string]bool{}
	check := func(what string, st stamp) error {
		if err := checkUID(st.UID); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if st.UID != "" && seen[st.UID] {
			return fmt.Errorf("%s: uid %s is used twice", what, st.UID)
		}
		seen[st.UID] = true
		return nil
	}
	for _, a := range f.Accounts {
		if err := check(fmt.Sprintf("account %q", a.Name), a.stamp); err != nil {
			return err
		}
	}
	for _, n := range f.Negotiations {
		what := func(kind string, id uint64) string {
			return fmt.Sprintf("negotiation %q, %s %d", n.Negotiation.Title, kind, id)
		}
		if err := check(fmt.Sprintf("negotiation %q", n.Negotiation.Title), n.Negotiation.stamp); err != nil {
			return err
		}
		for _, err := range []error{
			checkKind(check, "item", n.Items, what),
			checkKind(check, "meeting", n.Meetings, what),
			checkKind(check, "concession", n.Ledger, what),
			checkKind(check, "note", n.Notes, what),
			checkKind(check, "follow-up", n.FollowUps, what),
			checkKind(check, "scenario", n.Scenarios, what),
			checkKind(check, "package", n.Packages, what),
			checkKind(check, "budget", n.Budgets, what),
			checkKind(check, "cleared trade-back of concession", n.Owed, what),
			checkKind(check, "suggestion decision", n.Suggestions, what),
		} {
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func checkKind[R any, P keyed[R]](check func(string, stamp) error, kind string, recs []R, what func(string, uint64) string) error {
	for i := range recs {
		p := P(&recs[i])
		if err := check(what(kind, *p.key()), *p.stamped()); err != nil {
			return err
		}
	}
	return nil
}
