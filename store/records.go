package store

import (
	"time"

	"github.com/parley-app/parley/model"
	"github.com/shopspring/decimal"
)

// The records below are what the file (and an export) holds. They are kept
// apart from the model types so that the model can change without changing
// the file; each has a pair of functions mapping it to and from the model.

type contactRecord struct {
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"`
	Side  string `json:"side"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

type accountRecord struct {
	ID       uint64          `json:"id"`
	Name     string          `json:"name"`
	Kind     string          `json:"kind"`
	Category string          `json:"category,omitempty"`
	Notes    string          `json:"notes,omitempty"`
	Contacts []contactRecord `json:"contacts,omitempty"`
	stamp
}

func accountToRecord(a model.Account) accountRecord {
	r := accountRecord{stamp: fromModel(a.Stamp), ID: a.ID, Name: a.Name, Kind: string(a.Kind), Category: a.Category, Notes: a.Notes}
	for _, c := range a.Contacts {
		r.Contacts = append(r.Contacts, contactRecord{Name: c.Name, Role: c.Role, Side: string(c.Side), Email: c.Email, Phone: c.Phone})
	}
	return r
}

func (r accountRecord) model() model.Account {
	a := model.Account{Stamp: r.toModel(), ID: r.ID, Name: r.Name, Kind: model.AccountKind(r.Kind), Category: r.Category, Notes: r.Notes}
	for _, c := range r.Contacts {
		a.Contacts = append(a.Contacts, model.Contact{Name: c.Name, Role: c.Role, Side: model.Side(c.Side), Email: c.Email, Phone: c.Phone})
	}
	return a
}

type negotiationRecord struct {
	ID        uint64      `json:"id"`
	AccountID uint64      `json:"account_id"`
	Title     string      `json:"title"`
	Stage     string      `json:"stage"`
	Status    string      `json:"status"`
	Currency  string      `json:"currency"`
	Created   time.Time   `json:"created"`
	Deadline  time.Time   `json:"deadline,omitzero"`
	Deal      *dealRecord `json:"deal,omitempty"`
	// DecimalComma: numbers are typed with a decimal comma.
	DecimalComma bool `json:"decimal_comma,omitempty"`
	stamp
}

func negotiationToRecord(n model.Negotiation) negotiationRecord {
	return negotiationRecord{stamp: fromModel(n.Stamp), ID: n.ID, AccountID: n.AccountID, Title: n.Title, Stage: string(n.Stage),
		Status: string(n.Status), Currency: n.Currency, Created: n.Created, Deadline: n.Deadline, Deal: dealToRecord(n.Deal),
		DecimalComma: n.DecimalComma}
}

func (r negotiationRecord) model() model.Negotiation {
	return model.Negotiation{Stamp: r.toModel(), ID: r.ID, AccountID: r.AccountID, Title: r.Title, Stage: model.Stage(r.Stage),
		Status: model.Status(r.Status), Currency: r.Currency, Created: r.Created, Deadline: r.Deadline, Deal: r.Deal.model(),
		DecimalComma: r.DecimalComma}
}

type itemRecord struct {
	ID            uint64       `json:"id"`
	Topic         string       `json:"topic"`
	Title         string       `json:"title"`
	Unit          string       `json:"unit,omitempty"`
	Better        string       `json:"better,omitempty"`
	OurOpening    optExact     `json:"our_opening,omitzero"`
	OurTarget     optExact     `json:"our_target,omitzero"`
	OurWalkAway   optExact     `json:"our_walk_away,omitzero"`
	TheirOpening  optExact     `json:"their_opening,omitzero"`
	TheirWalkAway optExact     `json:"their_walk_away,omitzero"`
	Weight        int          `json:"weight"`
	ValueToThem   int          `json:"value_to_them"`
	MoneyPerUnit  optExact     `json:"money_per_unit,omitzero"`
	Status        string       `json:"status"`
	AgreedAt      time.Time    `json:"agreed_at,omitzero"`
	Order         int          `json:"order"`
	Note          string       `json:"note,omitempty"`
	LinkScenario  uint64       `json:"link_scenario,omitempty"`
	LinkField     string       `json:"link_field,omitempty"`
	LastYear      optExact     `json:"last_year,omitzero"`
	Step          optExact     `json:"step,omitzero"`
	Lever         *leverRecord `json:"lever,omitempty"`
	stamp
}

func itemToRecord(it model.AgendaItem) itemRecord {
	return itemRecord{stamp: fromModel(it.Stamp), ID: it.ID, Topic: string(it.Topic), Title: it.Title, Unit: it.Unit, Better: string(it.Better),
		OurOpening: optional(it.OurOpening), OurTarget: optional(it.OurTarget), OurWalkAway: optional(it.OurWalkAway),
		TheirOpening: optional(it.TheirOpening), TheirWalkAway: optional(it.TheirWalkAway),
		Weight: it.Weight, ValueToThem: it.ValueToThem, MoneyPerUnit: optional(it.MoneyPerUnit),
		Status: string(it.Status), AgreedAt: it.AgreedAt, Order: it.Order, Note: it.Note,
		LinkScenario: it.Link.ScenarioID, LinkField: it.Link.Field, LastYear: optional(it.LastYear), Step: optional(it.Step), Lever: leverToRecord(it.Lever)}
}

func (r itemRecord) model() model.AgendaItem {
	return model.AgendaItem{Stamp: r.toModel(), ID: r.ID, Topic: model.Topic(r.Topic), Title: r.Title, Unit: r.Unit, Better: model.Direction(r.Better),
		OurOpening: r.OurOpening.null(), OurTarget: r.OurTarget.null(), OurWalkAway: r.OurWalkAway.null(),
		TheirOpening: r.TheirOpening.null(), TheirWalkAway: r.TheirWalkAway.null(),
		Weight: r.Weight, ValueToThem: r.ValueToThem, MoneyPerUnit: r.MoneyPerUnit.null(),
		Status: model.ItemStatus(r.Status), AgreedAt: r.AgreedAt, Order: r.Order, Note: r.Note,
		Link: model.ScenarioLink{ScenarioID: r.LinkScenario, Field: r.LinkField}, LastYear: r.LastYear.null(), Step: r.Step.null(), Lever: r.Lever.model()}
}

type meetingRecord struct {
	ID        uint64    `json:"id"`
	Number    int       `json:"number"`
	Started   time.Time `json:"started"`
	Ended     time.Time `json:"ended,omitzero"`
	Place     string    `json:"place,omitempty"`
	Attendees []string  `json:"attendees,omitempty"`
	Summary   string    `json:"summary,omitempty"`
	stamp
}

func meetingToRecord(m model.Meeting) meetingRecord {
	return meetingRecord{stamp: fromModel(m.Stamp), ID: m.ID, Number: m.Number, Started: m.Started, Ended: m.Ended, Place: m.Place,
		Attendees: m.Attendees, Summary: m.Summary}
}

func (r meetingRecord) model() model.Meeting {
	return model.Meeting{Stamp: r.toModel(), ID: r.ID, Number: r.Number, Started: r.Started, Ended: r.Ended, Place: r.Place,
		Attendees: r.Attendees, Summary: r.Summary}
}

type concessionRecord struct {
	ID            uint64    `json:"id"`
	MeetingID     uint64    `json:"meeting_id,omitempty"`
	ItemID        uint64    `json:"item_id"`
	By            string    `json:"by"`
	To            exact     `json:"to"`
	TradedFor     string    `json:"traded_for,omitempty"`
	TradedAgainst uint64    `json:"traded_against,omitempty"`
	At            time.Time `json:"at"`
	Note          string    `json:"note,omitempty"`
	Approval      uint64    `json:"approval,omitempty"`
	stamp
}

func concessionToRecord(c model.Concession) concessionRecord {
	return concessionRecord{stamp: fromModel(c.Stamp), ID: c.ID, MeetingID: c.MeetingID, ItemID: c.ItemID, By: string(c.By), To: exact(c.To),
		TradedFor: c.TradedFor, TradedAgainst: c.TradedAgainst, At: c.At, Note: c.Note, Approval: c.Approval}
}

func (r concessionRecord) model() model.Concession {
	return model.Concession{Stamp: r.toModel(), ID: r.ID, MeetingID: r.MeetingID, ItemID: r.ItemID, By: model.Party(r.By), To: decimal.Decimal(r.To),
		TradedFor: r.TradedFor, TradedAgainst: r.TradedAgainst, At: r.At, Note: r.Note, Approval: r.Approval}
}

type noteRecord struct {
	ID        uint64    `json:"id"`
	MeetingID uint64    `json:"meeting_id,omitempty"`
	ItemID    uint64    `json:"item_id,omitempty"`
	Kind      string    `json:"kind"`
	At        time.Time `json:"at"`
	Text      string    `json:"text"`
	Done      bool      `json:"done,omitempty"`
	DoneAt    time.Time `json:"done_at,omitzero"`
	Answer    string    `json:"answer,omitempty"`
	// Shared: the buyer may see the line (DESIGN 9); absent before issue 18,
	// when every line was internal by this rule's default.
	Shared bool `json:"shared,omitempty"`
	stamp
}

func noteToRecord(n model.Note) noteRecord {
	return noteRecord{stamp: fromModel(n.Stamp), ID: n.ID, MeetingID: n.MeetingID, ItemID: n.ItemID, Kind: string(n.Kind), At: n.At, Text: n.Text,
		Done: n.Done, DoneAt: n.DoneAt, Answer: n.Answer, Shared: n.Shared}
}

func (r noteRecord) model() model.Note {
	return model.Note{Stamp: r.toModel(), ID: r.ID, MeetingID: r.MeetingID, ItemID: r.ItemID, Kind: model.NoteKind(r.Kind), At: r.At, Text: r.Text,
		Done: r.Done, DoneAt: r.DoneAt, Answer: r.Answer, Shared: r.Shared}
}

type followUpRecord struct {
	ID     uint64    `json:"id"`
	Side   string    `json:"side"`
	Role   string    `json:"role,omitempty"`
	Person string    `json:"person,omitempty"`
	Action string    `json:"action"`
	Due    time.Time `json:"due,omitzero"`
	Done   bool      `json:"done,omitempty"`
	DoneAt time.Time `json:"done_at,omitzero"`
	Order  int       `json:"order"`
	// Commitment: the agreed term or trade the line checks.
	Commitment string `json:"commitment,omitempty"`
	// Source: the agreed item or move the commitment comes from (agreeing
	// again updates the line); absent before issue 18 and on other lines.
	Source string `json:"source,omitempty"`
	stamp
}

func followUpToRecord(f model.FollowUp) followUpRecord {
	return followUpRecord{stamp: fromModel(f.Stamp), ID: f.ID, Side: string(f.Side), Role: f.Role, Person: f.Person, Action: f.Action,
		Due: f.Due, Done: f.Done, DoneAt: f.DoneAt, Order: f.Order, Commitment: f.Commitment, Source: f.Source}
}

func (r followUpRecord) model() model.FollowUp {
	return model.FollowUp{Stamp: r.toModel(), ID: r.ID, Side: model.Side(r.Side), Role: r.Role, Person: r.Person, Action: r.Action,
		Due: r.Due, Done: r.Done, DoneAt: r.DoneAt, Order: r.Order, Commitment: r.Commitment, Source: r.Source}
}

type impactLineRecord struct {
	Product        string `json:"product"`
	Units          exact  `json:"units"`
	Price          exact  `json:"price"`
	Margin         exact  `json:"margin_pct"`
	CannibalRate   exact  `json:"cannibalization_pct"`
	CannibalMargin exact  `json:"cannibalized_margin_pct"`
	Allowance      exact  `json:"allowance"`
}

type scenarioRecord struct {
	ID       uint64 `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	ForBuyer bool   `json:"for_buyer,omitempty"`

	BaselineTurnover exact              `json:"baseline_turnover,omitzero"`
	BaselineMargin   exact              `json:"baseline_margin_pct,omitzero"`
	OurSales         optExact           `json:"our_sales,omitzero"`
	OurSalesAtShelf  bool               `json:"our_sales_at_shelf,omitempty"`
	Lines            []impactLineRecord `json:"lines,omitempty"`

	ListPrice        exact `json:"list_price,omitzero"`
	Discount         exact `json:"discount_pct,omitzero"`
	Rebate           exact `json:"rebate_pct,omitzero"`
	AllowancePerUnit exact `json:"allowance_per_unit,omitzero"`
	CostToServe      exact `json:"cost_to_serve,omitzero"`
	CostOfGoods      exact `json:"cost_of_goods,omitzero"`
	Volume           exact `json:"volume,omitzero"`
	stamp
}

func scenarioToRecord(s model.Scenario) scenarioRecord {
	i, p := s.Impact, s.Profit
	r := scenarioRecord{stamp: fromModel(s.Stamp), ID: s.ID, Name: s.Name, Kind: string(s.Kind), ForBuyer: s.ForBuyer,
		BaselineTurnover: exact(i.BaselineTurnover), BaselineMargin: exact(i.BaselineMargin), OurSales: optional(i.OurSales), OurSalesAtShelf: i.OurSalesAtShelf,
		ListPrice: exact(p.ListPrice), Discount: exact(p.Discount), Rebate: exact(p.Rebate),
		AllowancePerUnit: exact(p.AllowancePerUnit), CostToServe: exact(p.CostToServe),
		CostOfGoods: exact(p.CostOfGoods), Volume: exact(p.Volume)}
	for _, l := range i.Lines {
		r.Lines = append(r.Lines, impactLineRecord{Product: l.Product, Units: exact(l.Units), Price: exact(l.Price),
			Margin: exact(l.Margin), CannibalRate: exact(l.CannibalRate), CannibalMargin: exact(l.CannibalMargin),
			Allowance: exact(l.Allowance)})
	}
	return r
}

func (r scenarioRecord) model() model.Scenario {
	d := func(e exact) decimal.Decimal { return decimal.Decimal(e) }
	s := model.Scenario{Stamp: r.toModel(), ID: r.ID, Name: r.Name, Kind: model.ScenarioKind(r.Kind), ForBuyer: r.ForBuyer,
		Impact: model.CategoryImpact{BaselineTurnover: d(r.BaselineTurnover), BaselineMargin: d(r.BaselineMargin), OurSales: r.OurSales.null(), OurSalesAtShelf: r.OurSalesAtShelf},
		Profit: model.Profitability{ListPrice: d(r.ListPrice), Discount: d(r.Discount), Rebate: d(r.Rebate),
			AllowancePerUnit: d(r.AllowancePerUnit), CostToServe: d(r.CostToServe), CostOfGoods: d(r.CostOfGoods),
			Volume: d(r.Volume)}}
	for _, l := range r.Lines {
		s.Impact.Lines = append(s.Impact.Lines, model.ImpactLine{Product: l.Product, Units: d(l.Units), Price: d(l.Price),
			Margin: d(l.Margin), CannibalRate: d(l.CannibalRate), CannibalMargin: d(l.CannibalMargin),
			Allowance: d(l.Allowance)})
	}
	return s
}
