package termmd

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// style is the inline markup a piece of text is in.
type style uint8

const (
	strong style = 1 << iota
	emph
	code
	label // a table block's "Header:"; never from the text
)

// span is a run of text in one style.
type span struct {
	text string
	st   style
}

// inline parses a line's inline markup: **strong**, *emphasis* or
// _emphasis_, `code`, and backslash escapes of punctuation. A delimiter
// without its closing one is text.
func inline(s string) []span {
	return parseInline(s, 0)
}

func parseInline(s string, st style) []span {
	var out []span
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, span{text: text.String(), st: st})
			text.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			text.WriteByte(s[i+1])
			i++
		case c == '`':
			run := runLength(s, i, '`')
			end := strings.Index(s[i+run:], s[i:i+run])
			if end < 0 {
				text.WriteString(s[i : i+run])
				i += run - 1
				continue
			}
			flush()
			out = append(out, span{text: s[i+run : i+run+end], st: st | code})
			i += run + end + run - 1
		case (c == '*' || c == '_') && strings.HasPrefix(s[i:], strings.Repeat(string(c), 2)) && opens(s, i, 2):
			end := closing(s, i+2, s[i:i+2])
			if end < 0 {
				text.WriteString(s[i : i+2])
				i++
				continue
			}
			flush()
			out = append(out, parseInline(s[i+2:end], st|strong)...)
			i = end + 1
		case (c == '*' || c == '_') && opens(s, i, 1):
			end := closing(s, i+1, s[i:i+1])
			if end < 0 {
				text.WriteByte(c)
				continue
			}
			flush()
			out = append(out, parseInline(s[i+1:end], st|emph)...)
			i = end
		default:
			text.WriteByte(c)
		}
	}
	flush()
	return out
}

// opens reports whether the delimiter of n characters at i opens markup:
// text follows it, and an underscore is not inside a word (snake_case).
func opens(s string, i, n int) bool {
	if i+n >= len(s) || s[i+n] == ' ' {
		return false
	}
	return s[i] != '_' || i == 0 || !isWordByte(s[i-1])
}

// closing finds the delimiter d that closes markup opened before from: text
// before it, and an underscore not inside a word; -1 if none.
func closing(s string, from int, d string) int {
	for i := from + 1; i+len(d) <= len(s); i++ {
		if s[i-1] == '\\' {
			continue
		}
		if !strings.HasPrefix(s[i:], d) || s[i-1] == ' ' {
			continue
		}
		after := i + len(d)
		if len(d) == 1 && after < len(s) && s[after] == d[0] {
			i++ // part of a ** or __: not this one's end
			continue
		}
		if d[0] == '_' && after < len(s) && isWordByte(s[after]) {
			continue
		}
		return i
	}
	return -1
}

func runLength(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

func isPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// word is what a line may not be broken inside: the text between two
// blanks, in as many styles as it has.
type word struct {
	spans []span
	// gap is the style of the blank before the word when that blank is in a
	// code span (a command's words stay one coloured run); 0 otherwise.
	gap style
}

// words splits spans at blanks; a run of blanks is one.
func words(spans []span) []word {
	var out []word
	var cur word
	var gap style
	for _, sp := range spans {
		for j, part := range strings.Split(sp.text, " ") {
			if j > 0 {
				if len(cur.spans) > 0 {
					out = append(out, cur)
					cur = word{}
				}
				gap = 0
				if sp.st&code != 0 {
					gap = sp.st
				}
			}
			if part == "" {
				continue
			}
			if len(cur.spans) == 0 {
				cur.gap = gap
			}
			cur.spans = append(cur.spans, span{text: part, st: sp.st})
		}
	}
	if len(cur.spans) > 0 {
		out = append(out, cur)
	}
	return out
}

func (w word) width() int {
	n := 0
	for _, sp := range w.spans {
		n += lineWidthOf(sp.text)
	}
	return n
}

// wrap fills lines of at most width columns with words; a word wider than
// that has a line of its own and is not cut.
func wrap(ws []word, width int) [][]word {
	var lines [][]word
	var cur []word
	used := 0
	for _, w := range ws {
		n := w.width()
		if len(cur) > 0 && used+1+n > width {
			lines = append(lines, cur)
			cur, used = nil, 0
		}
		if len(cur) > 0 {
			used++
		}
		cur = append(cur, w)
		used += n
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// lineWidth is how many columns a wrapped line takes.
func lineWidth(l []word) int {
	n := max(0, len(l)-1)
	for _, w := range l {
		n += w.width()
	}
	return n
}

// lineWidthOf is how many columns text takes.
func lineWidthOf(text string) int {
	return ansi.StringWidth(strings.ReplaceAll(text, fieldGlue, " "))
}

// fieldGlue holds a table block's header to its value's first word while
// the line is wrapped; it is written as a blank.
const fieldGlue = "\u00a0"
