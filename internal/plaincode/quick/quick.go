// Package quick is the stand-in's highlighter (see package chroma): it writes
// the code as it is.
package quick

import "io"

// Highlight writes source to w unchanged, whatever the language, formatter
// and style.
func Highlight(w io.Writer, source, _, _, _ string) error {
	_, err := io.WriteString(w, source)
	return err
}
