module github.com/conflictgraph/conflict/htmlmap/browsertest

go 1.26.0

replace github.com/conflictgraph/conflict => ../..

require (
	github.com/chromedp/cdproto v0.160.1
	github.com/chromedp/chromedp v0.23.1
	github.com/conflictgraph/conflict v0.0.0-00010101000000-000000000000
)

require (
	github.com/dominikbraun/graph v0.23.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/google/go-cmp v0.7.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
