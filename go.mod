module github.com/conflictgraph/conflict

go 1.26.0

require (
	github.com/dominikbraun/graph v0.23.0
	github.com/google/go-cmp v0.7.0
)

require golang.org/x/text v0.44.0 // indirect
