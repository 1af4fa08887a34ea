package conflict

import "errors"

// AddLettingTwoHolders adds ds as Add does, except that it lets through two
// definite holders of a place on a common source's word: the as-of
// reference test needs it, since a view of what was known may well hold
// both (the holder that a later source ends stays in force until then).
func (c *Conflict) AddLettingTwoHolders(ds Dataset) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st.init()
	b := newBatch(&c.st, &ds, nil)
	if err := b.check(); err != nil {
		for _, e := range b.errs {
			if !errors.Is(e, ErrTwoHolders) {
				return err
			}
		}
	}
	b.commit()
	c.st.name = ds.Name
	if b.zone != nil {
		c.st.zone = b.zone
	}
	c.snap.Store(nil)
	return nil
}
