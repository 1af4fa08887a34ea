package conflict

// A Source is a document that claims facts: an article, a report, a dataset.
// Every relation and event cites at least one source by ID, so every answer
// can say on whose word it rests.
type Source struct {
	ID        string
	Outlet    string // publisher, e.g. "Institute for the Study of War"
	Author    string // optional
	Title     string
	Published Date // publication date, at the precision known
	URL       string
	Note      string
}
