// Package browsertest opens the pages of package htmlmap in headless
// Chromium, driven by github.com/chromedp/chromedp, and checks what a reader
// sees: the slider recolours the places, hovering shows the sources, clicking
// shows a place's holders, the labels do not overlap in the fonts the browser
// really uses, and the page asks the network for nothing.
//
// It is a module of its own so that chromedp is no dependency of the
// library's module. Run it from this directory:
//
//	go test ./...
//
// The tests skip when chromium (Debian package chromium) is not installed,
// and fail when the environment variable CI is "true". With
// -screenshot=../../docs/syria-map.png they save the picture of the worked
// example that the README shows.
package browsertest
