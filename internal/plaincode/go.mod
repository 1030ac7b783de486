// Module plaincode stands in for github.com/alecthomas/chroma/v2 (see the
// replace in parley's go.mod): glamour imports chroma only to colour code
// blocks, which the brief never has, and chroma's lexers and styles are
// parsed in package init, about 24 ms of every command's start.
module github.com/alecthomas/chroma/v2

go 1.26.0
