package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", -1))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 0))
	fmt.Printf("%q\n", strings.SplitN("abc", "", 2))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.LastIndex("go", "x"), strings.Index("héllo", "l"), strings.LastIndex("héllo", "l"))
	fmt.Println(strings.IndexByte("golang", 'l'), strings.IndexRune("chicken", 'k'), strings.IndexAny("golang", "xyzn"), strings.IndexFunc("Hello, 世界", unicode.IsUpper))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("Go", "Goo"))
	fmt.Println(strings.Title("hello wide-world of_go 3rd"), strings.ToTitle("loud"))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.TrimLeftFunc("  x  ", unicode.IsSpace)+"|", strings.TrimRightFunc("  x  ", unicode.IsSpace)+"|")
	fmt.Println(strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c3", unicode.IsDigit))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "a", "A")
	fmt.Println(r.Replace("<a href> banana"))
	r2 := strings.NewReplacer("aaa", "3", "aa", "2", "a", "1")
	fmt.Println(r2.Replace("aaaaaa aa a"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink oink", "oink", "moo", -1), strings.Replace("abc", "", "-", -1), strings.Replace("abc", "", "-", 2))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.ContainsRune("abc", 'b'), strings.ContainsAny("failure", "ui"), strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return unicode.ToUpper(r)
	}, "banana split"))
	var sb strings.Builder
	sb.WriteString("héllo")
	sb.WriteByte(' ')
	sb.WriteRune('世')
	sb.Write([]byte("!"))
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Println(sb.Len(), sb.String() == "")

	for _, c := range []rune{' ', '\t', 'a', 'Z', '5', '!', 'é', '世', '\u00a0', '٣'} {
		fmt.Println(string(c), unicode.IsSpace(c), unicode.IsDigit(c), unicode.IsLetter(c), unicode.IsUpper(c), unicode.IsLower(c), unicode.IsPunct(c), unicode.IsNumber(c), string(unicode.ToUpper(c)), string(unicode.ToLower(c)))
	}
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)), utf8.ValidString(s), utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen('😀'), utf8.RuneLen(-1))
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		fmt.Printf("%c:%d ", r, size)
		s = s[size:]
	}
	fmt.Println()
	r0, n0 := utf8.DecodeRuneInString("")
	fmt.Println(r0, n0, r0 == utf8.RuneError)
	lr, ln := utf8.DecodeLastRuneInString("ab世")
	fmt.Println(string(lr), ln)
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '界')
	fmt.Println(buf[:n], n, utf8.UTFMax)

	var b bytes.Buffer
	b.WriteString("hello")
	b.Write([]byte(", "))
	b.WriteByte('w')
	b.WriteRune('ö')
	fmt.Fprintf(&b, "rld %d", 42)
	fmt.Println(b.String(), b.Len())
	line, err := b.ReadString(',')
	fmt.Printf("%q %v %q\n", line, err, b.String())
	b.Reset()
	fmt.Println(b.Len(), b.String() == "")
	nb := bytes.NewBufferString("abc")
	nb.WriteString("def")
	fmt.Println(nb.String(), string(nb.Bytes()))
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Equal([]byte("a"), []byte("b")), bytes.Equal(nil, []byte{}),
		bytes.Contains([]byte("seafood"), []byte("foo")), bytes.Contains([]byte("seafood"), []byte("bar")),
		bytes.Compare([]byte("a"), []byte("b")), bytes.HasPrefix([]byte("golang"), []byte("go")), bytes.Index([]byte("chicken"), []byte("ken")))
	fmt.Printf("%s|\n", bytes.TrimSpace([]byte("  pad  ")))
}
