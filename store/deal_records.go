package store

import (
	"cmp"
	"slices"
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// The deal's records: the negotiation's deal basis, an item's lever, and a
// saved package (DESIGN 5.2, 5.3).

type dealRecord struct {
	Volume           optExact         `json:"volume,omitzero"`
	CostOfGoods      optExact         `json:"cost_of_goods,omitzero"`
	CostToServe      optExact         `json:"cost_to_serve,omitzero"`
	CostOfCapital    optExact         `json:"cost_of_capital_pct,omitzero"`
	LastYearVolume   optExact         `json:"last_year_volume,omitzero"`
	LastYearTurnover optExact         `json:"last_year_turnover,omitzero"`
	Floor            optExact         `json:"floor,omitzero"`
	ContractMonths   optExact         `json:"contract_months,omitzero"`
	Indexation       optExact         `json:"indexation_pct,omitzero"`
	VolumeLow        optExact         `json:"volume_low_pct,omitzero"`
	VolumeHigh       optExact         `json:"volume_high_pct,omitzero"`
	Elasticity       optExact         `json:"elasticity,omitzero"`
	Standing         []standingRecord `json:"standing,omitempty"`
}

type standingRecord struct {
	Lever leverRecord `json:"lever"`
	Value exact       `json:"value"`
}

type leverRecord struct {
	Kind string `json:"kind"`
	// Growth is how schema 6 and older exports wrote a growth rebate;
	// migration 7 turns it into Base, and an older export is read the same
	// way. Never written.
	Growth    bool         `json:"growth,omitempty"`
	Base      string       `json:"base,omitempty"`
	InVolume  bool         `json:"in_volume,omitempty"`
	Tiers     []tierRecord `json:"tiers,omitempty"`
	Threshold optExact     `json:"threshold,omitzero"`
	PerPoint  optExact     `json:"per_point,omitzero"`
	Amount    optExact     `json:"amount,omitzero"`
	Days      optExact     `json:"days,omitzero"`
	OneOff    bool         `json:"one_off,omitempty"`
}

type tierRecord struct {
	Over exact `json:"over_pct"`
	Rate exact `json:"rate_pct"`
}

func dealToRecord(b model.DealBasis) *dealRecord {
	if !b.Set() {
		return nil
	}
	r := &dealRecord{Volume: optional(b.Volume), CostOfGoods: optional(b.CostOfGoods), CostToServe: optional(b.CostToServe),
		CostOfCapital: optional(b.CostOfCapital), LastYearVolume: optional(b.LastYearVolume),
		LastYearTurnover: optional(b.LastYearTurnover), Floor: optional(b.Floor), ContractMonths: optional(b.ContractMonths),
		Indexation: optional(b.Indexation), VolumeLow: optional(b.VolumeLow), VolumeHigh: optional(b.VolumeHigh),
		Elasticity: optional(b.Elasticity)}
	for _, s := range b.Standing {
		r.Standing = append(r.Standing, standingRecord{Lever: *leverToRecord(s.Lever), Value: exact(s.Value)})
	}
	return r
}

func (r *dealRecord) model() model.DealBasis {
	if r == nil {
		return model.DealBasis{}
	}
	b := model.DealBasis{Volume: r.Volume.null(), CostOfGoods: r.CostOfGoods.null(), CostToServe: r.CostToServe.null(),
		CostOfCapital: r.CostOfCapital.null(), LastYearVolume: r.LastYearVolume.null(),
		LastYearTurnover: r.LastYearTurnover.null(), Floor: r.Floor.null(), ContractMonths: r.ContractMonths.null(),
		Indexation: r.Indexation.null(), VolumeLow: r.VolumeLow.null(), VolumeHigh: r.VolumeHigh.null(),
		Elasticity: r.Elasticity.null()}
	for _, s := range r.Standing {
		b.Standing = append(b.Standing, model.StandingTerm{Lever: s.Lever.model(), Value: decimal.Decimal(s.Value)})
	}
	return b
}

// leverToRecord is nil for the score-only lever, so items without one keep
// the shape they had.
func leverToRecord(l model.Lever) *leverRecord {
	if l.IsZero() {
		return nil
	}
	r := &leverRecord{Kind: string(l.Kind), Base: string(l.Base), InVolume: l.InVolume, Threshold: optional(l.Threshold),
		PerPoint: optional(l.PerPoint), Amount: optional(l.Amount), Days: optional(l.Days), OneOff: l.OneOff}
	for _, t := range l.Tiers {
		r.Tiers = append(r.Tiers, tierRecord{Over: exact(t.Over), Rate: exact(t.Rate)})
	}
	return r
}

func (r *leverRecord) model() model.Lever {
	if r == nil {
		return model.Lever{}
	}
	l := model.Lever{Kind: model.LeverKind(r.Kind), Base: model.RebateBase(r.Base), InVolume: r.InVolume,
		Threshold: r.Threshold.null(), PerPoint: r.PerPoint.null(), Amount: r.Amount.null(), Days: r.Days.null(), OneOff: r.OneOff}
	if l.Base == "" && r.Growth {
		l.Base = model.BaseGrowth // an export from before schema 7
	}
	for _, t := range r.Tiers {
		l.Tiers = append(l.Tiers, model.Tier{Over: decimal.Decimal(t.Over), Rate: decimal.Decimal(t.Rate)})
	}
	return l
}

type packageRecord struct {
	ID            uint64               `json:"id"`
	Name          string               `json:"name"`
	Origin        string               `json:"origin"`
	Values        []packageValueRecord `json:"values"`
	TabledMeeting uint64               `json:"tabled_meeting,omitempty"`
	TabledAt      time.Time            `json:"tabled_at,omitzero"`
	stamp
}

// packageValueRecord is one item's value; a list keeps the file's order stable.
type packageValueRecord struct {
	ItemID uint64 `json:"item_id"`
	Value  exact  `json:"value"`
}

func packageToRecord(p model.Package) packageRecord {
	r := packageRecord{stamp: fromModel(p.Stamp), ID: p.ID, Name: p.Name, Origin: string(p.Origin), TabledMeeting: p.TabledMeeting, TabledAt: p.TabledAt,
		Values: []packageValueRecord{}}
	for id, v := range p.Values {
		r.Values = append(r.Values, packageValueRecord{ItemID: id, Value: exact(v)})
	}
	slices.SortFunc(r.Values, func(a, b packageValueRecord) int { return cmp.Compare(a.ItemID, b.ItemID) })
	return r
}

func (r packageRecord) model() model.Package {
	p := model.Package{Stamp: r.toModel(), ID: r.ID, Name: r.Name, Origin: model.PackageOrigin(r.Origin), TabledMeeting: r.TabledMeeting,
		TabledAt: r.TabledAt, Values: model.Values{}}
	for _, v := range r.Values {
		p.Values[v.ItemID] = decimal.Decimal(v.Value)
	}
	return p
}
