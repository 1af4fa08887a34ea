// Package conflict models an armed conflict as a graph that changes over
// time, and answers, for any moment, who holds a place, who stands with
// whom, who backs whom, and what changed between two dates.
//
// # The model
//
// A [Conflict] is a record of nodes and dated relations between them, each
// resting on sources. Nodes are [Actor]s (the warring parties on the
// ground), [Backer]s (outside sponsors, which may also fight and hold
// ground) and [Location]s (which may lie within one another); actors and
// backers are the parties, and all three share one ID space. A party's
// names are dated claims too ([DatedName]). A [Relation] is one source's
// claim that a party supports, is allied with, fights, opposes, has a
// ceasefire with, is part of, controls, besieges or contests another node
// over a span of dates. An [Event] — a capture, a withdrawal, a siege laid or
// broken, an intervention, a ceasefire, a rename, a merger — is what
// happened on a date, and may open and close relations (see [EventKind]).
// An [Agreement] — a ceasefire, a truce, a cessation of hostilities —
// covers some parties, excludes others and suspends the fighting among the
// ones it covers while in force. Every claim cites at least one [Source];
// when sources disagree, both claims are kept; an allegation is kept, and
// left out of answers unless asked ([Conflict.WithAlleged]).
//
// Queries combine the claims about one period of one relation into a [Tie]:
// when it began and ended ([Bound]), on whose word, and how sure that is.
// [Conflict.At] returns a [Moment], which answers [Moment.Controller],
// [Moment.Holdings], [Moment.Allies], [Moment.Enemies],
// [Moment.Opponents], [Moment.Supporters], [Moment.AllSupporters],
// [Moment.Alliances], [Moment.Sides] (the blocs of structural balance, and
// the ties that do not fit them), [Moment.Agreements], [Moment.Ties],
// [Moment.Count] (how many ties hold, without listing them),
// [Moment.Name], [Moment.Lookup], [Moment.Node] and [Moment.Summary], and
// gives the graph of that instant ([Moment.Graph]) to
// github.com/dominikbraun/graph's algorithms. Over time,
// [Conflict.Timeline], [Conflict.History], [Conflict.Changes] (and
// [Conflict.CountChanges], how many), [Conflict.SidesOver] and
// [Conflict.Lineage] say what changed.
//
// # Time
//
// A [Date] is a date as a source gives it: a year ("2015"), a season
// ("2015-23", the autumn of 2015), a month ("2015-08"), a day
// ("2015-08-05"), or an interval of days within which one day fell
// ("2016-12-08/2016-12-11"); it names the window of days it covers. A
// relation holds over the half-open span [Start, End): on the day it starts
// it holds, on the day it ends it no longer does. A zero Start means it held
// from before the record begins; a zero End that no end is claimed, so it
// still holds unless a later claim or event ends it.
//
// Days are calendar days in the conflict's time zone, which the dataset
// names ([Dataset].TimeZone, "Asia/Damascus"; UTC if none). Every question
// maps the instant it is asked about to the day it falls on there, so a
// truce that began at midnight in Damascus holds at 22:30 UTC the evening
// before; answers are at the resolution of those days.
//
// A change dated to a day takes effect at the start of that day. A change
// dated to a wider window took effect at some instant in it, so
// every answer is three-valued ([Certainty]): Definite if it is true
// whichever the real instant is, Possible if it is true for some, Absent if
// for none. "ISIS has held al-Qaryatayn since August 2015" is Possible on
// 2015-08-15 and Definite from 2015-09-01.
//
// Claims that date one change refine each other when their windows nest:
// "2016-03" and "2016-03-27" give 2016-03-27, citing both. Claims whose
// windows do not overlap disagree: "2015-10" and "2015-11-10" give a
// disputed [Bound], and the answer between them is Possible, with both
// claims and their sources in [Tie.Claims]; [Tie.StartCitations] and
// [Tie.EndCitations] say which source gave which date. Claims about one
// relation whose spans overlap are about one period of it: a relation
// either holds at an instant or it does not.
//
// # Knowledge time
//
// Every claim rests on sources, and a source's publication date is when the
// record could first know it. So the record has a second clock:
// [Conflict.AsOf] gives the record as it stood on a knowledge date, a [View]
// that answers every question the whole record answers, and
// c.AsOf(k).At(t) asks what could be known on k of the conflict at t.
// [Conflict.Learned] lists what the record learned between two knowledge
// dates, each claim with the tie it bears on before and after. A source
// cannot vouch for what happened after it was published: a bound or an
// event dated to a window that begins after a source's publication, cited
// to that source, is an error ([ErrAnachronism]); a forecast is not a claim
// of change. Each bound of a relation or an agreement may name the sources
// that give it (start_sources, end_sources below); a view knows a bound
// once one of those sources is published. The rest of a record (a
// relation's kinds of support, its note and attributes; an event's kind and
// place) is known whole once any of its sources is: where sources differ on
// those, record each claim as a relation or event of its own.
//
// # Control
//
// [Moment.Controller] says who holds a place: one holder (definitely or
// possibly), several claimants when the sources disagree or a change falls
// inside an imprecise date, besiegers, contenders; or that nothing is known.
// Adding data in which two parties would definitely hold one place at one
// instant on the word of a common source, with no contests relation on the
// place, is an error ([ErrTwoHolders]); the same from sources that disagree
// is kept and shown as a disagreement. A place with no claims of its own is
// answered from the places within it, when they have answers, and then at
// most as Possible: the record may not list every place within.
//
// # Events and territory
//
// [Conflict.Events] asks of the events from an index: those at a place or
// at the places within it, those a party took part in, of some kinds, in a
// range of days, in time order; an event dated to a month is returned if it
// may fall in the range, and [Happening.Certainty] says whether it surely
// does. [Conflict.Happened] merges the events and the ties that opened and
// closed ([Conflict.Changes]) in a range into one list. An event names its
// [Participant]s, each with a [Role] (the actor, alongside, a supporter
// with kinds of support, the defender, a target) and its own sources, and
// its [Figure]s: counts such as fatalities, as UCDP GED's low, best and
// high estimates, kept side by side when sources disagree. Neither opens
// or closes relations.
//
// A place may have an area and a population. [Moment.Territory] weighs
// what a party holds by either, counting what it definitely holds and, apart,
// what it may; [Conflict.Gains] ranks the parties by what they gained and
// lost between two instants. A [Measure] is an aggregate a source reports
// of a party on a date ("about 78,000 km² on 14 December 2015"), a claim
// like any other: [Conflict.Series], [Conflict.Peak] and [Conflict.Latest]
// read them. A [View] answers all of these as known on its date.
//
// # The dataset file
//
// [Load] and [Conflict.Save] read and write one JSON object:
//
//	{
//	  "name": "Palmyra, 2015-2016",
//	  "timezone": "Asia/Damascus",
//	  "sources": [
//	    {"id": "isw-2016-12-13", "outlet": "Institute for the Study of War",
//	     "title": "ISIS Recaptures Palmyra in Major Blow to Pro-Regime Forces", "published": "2016-12-13"}
//	  ],
//	  "actors": [
//	    {"id": "syrian-government", "name": "Syrian government", "kind": "government"},
//	    {"id": "isis", "name": "Islamic State", "kind": "jihadist-group", "aliases": ["ISIS", "ISIL", "Daesh"]}
//	  ],
//	  "backers": [
//	    {"id": "russia", "name": "Russia", "kind": "state"}
//	  ],
//	  "locations": [
//	    {"id": "syria", "name": "Syria", "kind": "country"},
//	    {"id": "palmyra", "name": "Palmyra", "kind": "city", "aliases": ["Tadmur"],
//	     "within": "syria", "point": {"lat": 34.5597, "lon": 38.2675}, "area_km2": 48,
//	     "population": {"count": 51323, "date": "2004", "sources": ["isw-2016-12-13"]}}
//	  ],
//	  "relations": [
//	    {"kind": "controls", "from": "syrian-government", "to": "palmyra", "sources": ["isw-2016-12-13"]},
//	    {"kind": "supports", "from": "russia", "to": "syrian-government", "start": "2015-09",
//	     "support": ["air-power"], "sources": ["isw-2016-12-13"]}
//	  ],
//	  "events": [
//	    {"id": "palmyra-falls-2015", "kind": "capture", "date": "2015-05", "location": "palmyra",
//	     "actors": ["isis"], "sources": ["isw-2016-12-13"], "note": "taken from regime forces",
//	     "participants": [{"party": "syrian-government", "role": "defender"}],
//	     "figures": [{"quantity": "fatalities", "low": 100, "best": 150}]}
//	  ],
//	  "measures": [
//	    {"party": "isis", "quantity": "area-km2", "value": 78000, "date": "2015-12-14",
//	     "sources": ["isw-2016-12-13"], "note": "about"}
//	  ]
//	}
//
// Fields, all optional unless marked:
//
//   - timezone (top level): the IANA name of the time zone whose days the
//     dates are, "Asia/Damascus"; UTC if left out.
//   - sources: id (required), outlet, author, title, published (a date), url, note.
//   - actors and backers: id and name (required), kind, aliases, note, names
//     (the names it went by, each {"name", "start", "end", "sources",
//     "note"}: see [DatedName]).
//   - locations: as actors, plus within (a location ID) and point
//     ({"lat": ..., "lon": ...}, both required when point is given),
//     area_km2 (a number) and population (count, date and sources
//     required, note); a place with an area or a population has a point.
//   - relations: kind, from, to and sources (required), start, end,
//     start_sources and end_sources (the sources, among sources, that give
//     the start and the end; all of them if left out), support (a list,
//     supports relations only), event (the ID of the event the claim comes
//     from), note, alleged (true for an allegation, left out of answers
//     unless asked), confidence (low, medium, high), attributes (an object
//     of named strings: a dataset's own columns, kept and shown, never
//     read).
//   - events: id, kind, date and sources (required), location, actors,
//     counterparts, support (interventions only), name (renames only: the
//     new name), note, alleged, confidence, attributes. Which of location,
//     actors and counterparts a kind needs is given at [EventKind].
//     participants: a list of party and role (required), support
//     (supporters only), sources (of their own; the event's if left out),
//     note. figures: a list of quantity (required), party (whose number),
//     low, best and high (at least one; numbers, not negative, low <= best
//     <= high), sources (as for participants), note.
//   - measures (a section left out when empty): party, quantity, value (a
//     number, not negative), date and sources (required), note.
//   - agreements (a section of their own, after events): id, parties (two
//     or more) and sources (required), kind, name, excluded, guarantors,
//     start, end, start_sources, end_sources (as for relations), note.
//     See [Agreement].
//
// Dates are strings whose form gives their precision; an empty or missing
// date is the zero [Date]. Kinds are lower-case words:
//
//   - actor kinds: government, armed-forces, militia, rebel-group,
//     jihadist-group, coalition, other
//   - backer kinds: state, coalition, organization, other
//   - location kinds: country, region, city, town, village, district,
//     airbase, base, oil-field, gas-field, crossing, other
//   - relation kinds: supports (party → actor), allied, fights, ceasefire,
//     opposes (party — party, symmetric), part-of (actor → actor, backer →
//     backer), controls, besieges, contests (party → location)
//   - support kinds: troops, air-power, advisers, weapons, funding,
//     training, intelligence, territory (territory or bases)
//   - event kinds: capture, withdrawal, siege-laid, siege-broken,
//     intervention, ceasefire, attack, airstrike, statement, renamed,
//     merged, split, joined, left, other
//   - agreement kinds: ceasefire, truce, cessation-of-hostilities,
//     de-escalation, deal
//   - confidence: low, medium, high
//   - roles of participants: actor, alongside, supporter, defender, target
//   - quantities of figures and measures: fatalities, civilian-fatalities,
//     wounded, displaced, prisoners, air-raids, fighters, area-km2,
//     population (a closed list: a misspelt word is an error)
//
// IDs are short strings without spaces, conventionally lower-case slugs
// such as "palmyra"; actors, backers and locations share one ID space,
// sources and events have one each. Names and aliases are looked up without
// regard to case ([Conflict.Lookup]) and must not name two nodes.
//
// The file is strict JSON (RFC 8259). Keys are spelled exactly as above;
// an unknown key, or a key given twice in one object, is an error. Strings
// are UTF-8: a byte that is not, or a \u escape of half a surrogate pair,
// is an error rather than replaced. Null is the zero value: a field given
// as null is as if left out, and so is an empty list. A file that fails to
// load adds nothing, and its error lists every problem found with its
// line, record, field and value; a file that is not JSON, or not of this
// shape, gets one error, with the line of the problem.
//
// The json tags of [Dataset] and the record types are these keys, so
// encoding/json writes and reads the form: [Dataset.MarshalJSON] writes
// what [Conflict.Save] writes, json.Unmarshal into a Dataset reads a file
// as strictly as [Load] does, and a [Relation], say, marshals to the
// object that stands for it in the file.
//
// # Binary snapshots
//
// To read the same record again and again, write it once as a binary
// snapshot with [Conflict.WriteTo] and read it back with [ReadSnapshot] or
// [Conflict.ReadFrom]: a compact form of the record and of the index that
// queries read, so reading one neither parses JSON, nor checks the records,
// nor builds the index, and a snapshot of a million relations is
// queryable in a fraction of the time the dataset file takes to load. A
// snapshot has a version ([SnapshotVersion]) and a checksum; one of
// another version, corrupt or cut short is an error that wraps
// [ErrSnapshot] and leaves the Conflict as it was. The dataset file stays
// the form to keep and exchange records in: a snapshot is a cache of one,
// to be read by the package that wrote it.
//
// # Other formats
//
// One package per format, each reading into a [Dataset] or writing from a
// [Record] (the whole Conflict, or a View as known on a day):
// signedcsv (signed edge lists), ucdpacd (the UCDP/PRIO Armed Conflict
// Dataset), ucdpged (UCDP GED events) and acled (ACLED events) read; dot
// (Graphviz), gexf (GEXF 1.3 with time, for Gephi), geojson (RFC 7946), svg
// (a timeline of holders, a chart of measures), htmlmap (a self-contained
// map page with a slider over the days), table (tidy tables of ties,
// control, changes and events, as CSV) and parquet (the same tables as
// Parquet) write. The command conflict (in cmd/conflict) answers the
// questions of this package over any of them.
//
// # Errors and concurrency
//
// Bad data gets an [*Error] naming the record, field and value, wrapping one
// of the sentinel errors ([ErrUnknownID], [ErrEnds], [ErrSpan], [ErrDate],
// [ErrDuplicateID], [ErrTwoHolders], [ErrAnachronism], [ErrName],
// [ErrNumber], ...) for [errors.Is]. A Conflict is safe for concurrent use; queries answer from an immutable
// index, rebuilt on the first query after a change.
package conflict
