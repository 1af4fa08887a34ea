package conflict

// A Source is a document that claims facts: an article, a report, a dataset.
// Every relation and event cites at least one source by ID, so every answer
// can say on whose word it rests.
//
// Its json tags give the object that stands for it in the dataset file, so
// encoding/json marshals and unmarshals a Source in that form.
type Source struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet,omitempty"` // publisher, e.g. "Institute for the Study of War"
	Author    string `json:"author,omitempty"` // optional
	Title     string `json:"title,omitempty"`
	Published Date   `json:"published,omitzero"` // publication date, at the precision known
	URL       string `json:"url,omitempty"`
	Note      string `json:"note,omitempty"`
}

func (s *Source) id() string { return s.ID }
