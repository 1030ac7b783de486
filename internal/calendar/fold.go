package calendar

import (
	"bytes"
	"unicode/utf8"
)

// maxOctets is the longest content line RFC 5545 (3.1) allows, without its
// CRLF.
const maxOctets = 75

// fold folds every content line of an encoded calendar longer than 75
// octets: it breaks it into lines of at most 75 octets, each after the first
// starting with one space (counted in its 75), never inside a UTF-8
// character. Unfolding (removing each CRLF followed by a space) gives the
// line back.
func fold(cal []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(cal, []byte("\r\n")) {
		body := bytes.TrimSuffix(line, []byte("\r\n"))
		end := line[len(body):]
		limit := maxOctets
		for len(body) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(body[cut]) {
				cut-- // back to the start of the character the limit falls in
			}
			out.Write(body[:cut])
			out.WriteString("\r\n ")
			body = body[cut:]
			limit = maxOctets - 1 // the space that starts a folded line counts
		}
		out.Write(body)
		out.Write(end)
	}
	return out.Bytes()
}
