package conflict

// A Change is a tie opening or closing.
type Change struct {
	Tie       Tie
	Closed    bool      // false: the tie opened; true: it closed
	Certainty Certainty // whether the change surely falls in the range asked; Definite in a Timeline
}

// When returns the date of the change: the tie's Start, or its End if Closed.
func (c Change) When() Bound {
	if c.Closed {
		return c.Tie.End
	}
	return c.Tie.Start
}

// String returns a one-line description such as
// "2016-03-27 opened syrian-government controls palmyra".
func (c Change) String() string {
	verb := " opened "
	if c.Closed {
		verb = " closed "
	}
	s := c.When().String() + verb + c.Tie.From + " " + c.Tie.Kind.String() + " " + c.Tie.To
	if c.Certainty == Possible {
		s += " (possibly)"
	}
	return s
}
