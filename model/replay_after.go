package model

import "github.com/shopspring/decimal"

// Dossier is the negotiation the replay was made of.
func (r *Replay) Dossier() *Dossier { return r.dossier }

// sameMove is prev's k-th move when it is the same move as mv of d: the
// same concession on the same item, to the same value, the item the same
// way round and with the same openings (so the same opening gap). Its size
// and share then hold for mv when it starts from the same position (step).
func (prev *Replay) sameMove(k int, d *Dossier, mv *Move) *Move {
	if prev == nil || k >= len(prev.Moves) {
		return nil
	}
	p := &prev.Moves[k]
	if p.ID != mv.ID || p.By != mv.By || p.Item != mv.Item || p.Item >= len(prev.dossier.Items) || !p.To.Equal(mv.To) {
		return nil
	}
	was, is := prev.dossier.Items[p.Item], d.Items[mv.Item]
	if was.ID != is.ID || was.Better != is.Better || !sameNull(was.OurOpening, is.OurOpening) || !sameNull(was.TheirOpening, is.TheirOpening) {
		return nil
	}
	return p
}

func sameNull(a, b decimal.NullDecimal) bool {
	return a.Valid == b.Valid && (!a.Valid || a.Decimal.Equal(b.Decimal))
}
