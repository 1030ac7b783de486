// Package model is Parley's domain: accounts, negotiations and everything a key
// account manager keeps about one negotiation (agenda items, meetings, the
// concession ledger, notes, follow-ups, scenarios), together with the formulas
// that turn them into the numbers a negotiator acts on: gap closed, our score,
// room left, trade leverage, discipline flags, the category impact, and the
// deal waterfall that prices every package, judges it and finds equivalent
// offers.
//
// The package is pure Go: no IO, no terminal, no database. Money and quantities
// are decimals (github.com/shopspring/decimal); only ratios meant for charts are
// float64. Positions are never stored: they are derived by replaying the ledger.
package model
