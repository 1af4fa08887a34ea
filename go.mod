module github.com/conflictgraph/conflict

go 1.26

require (
	github.com/dominikbraun/graph v0.23.0
	github.com/google/go-cmp v0.7.0
)
