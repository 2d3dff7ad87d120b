package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-17", "+8", "0x1f", "0b101", "0o17", "017", "1_000", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "x", "", "12a", "1__0", "_1"} {
		v, err := strconv.ParseInt(s, 0, 64)
		fmt.Println("ParseInt", strconv.Quote(s), v, err)
	}
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 64}, {"FF", 16, 8}, {"128", 10, 8}, {"-129", 10, 8}, {"zz", 36, 64}, {"10", 1, 64}, {"10", 37, 64}, {"10", 10, 65}, {"777", 8, 0}, {"99999999999999999999x", 10, 64}} {
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println("ParseInt", c.s, c.base, c.bits, v, err)
	}
	for _, s := range []string{"18446744073709551615", "18446744073709551616", "-1", "255", "256", "0x10"} {
		v, err := strconv.ParseUint(s, 0, 64)
		v8, err8 := strconv.ParseUint(s, 10, 8)
		fmt.Println("ParseUint", s, v, err, v8, err8)
	}
	for _, s := range []string{"12", "-3", "abc", "99999999999999999999", " 1"} {
		n, err := strconv.Atoi(s)
		fmt.Println("Atoi", s, n, err)
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Println("ParseBool", strconv.Quote(s), b, err)
	}
	for _, s := range []string{"3.14", "-0.5", "1e10", "1E-3", ".5", "5.", "inf", "-Inf", "+infinity", "NaN", "1e400", "-1e400", "abc", "", "1.2.3", "0x1p-2", "1_000.5", "0x_1p0", "1e", "3.4e39"} {
		f, err := strconv.ParseFloat(s, 64)
		f32, err32 := strconv.ParseFloat(s, 32)
		fmt.Println("ParseFloat", strconv.Quote(s), f, err, f32, err32)
	}
	_, err := strconv.Atoi("nope")
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		fmt.Println("NumError", ne.Func, ne.Num, ne.Err, errors.Is(err, strconv.ErrSyntax))
	}
	_, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(errors.Is(err, strconv.ErrRange), errors.Unwrap(err))
	fmt.Printf("%T %v\n", err, err)

	floats := []float64{0, 1, -1, 3.14159265358979, 1e6, 1e21, 123456789, 0.000012345, 2.5, 3.5, 1.005, 100, 1.0 / 3, 5e-324, 1.7976931348623157e308, 0.1, 2e-5, 123456.0, 1234567.0, math.Inf(1), math.Inf(-1), math.NaN(), 1e-7, 123.456}
	for _, f := range floats {
		fmt.Println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'f', 2, 64), strconv.FormatFloat(f, 'f', 0, 64),
			strconv.FormatFloat(f, 'e', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'E', 0, 64),
			strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'g', 3, 64), strconv.FormatFloat(f, 'G', 10, 64),
			strconv.FormatFloat(f, 'g', -1, 32), strconv.FormatFloat(f, 'f', -1, 32), strconv.FormatFloat(f, 'g', 0, 64))
	}
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, -42, 10)
	buf = append(buf, ' ')
	buf = strconv.AppendInt(buf, 255, 16)
	fmt.Println(string(buf), len(buf))
	fmt.Println(strconv.AppendInt(nil, 7, 2))
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatUint(^uint64(0), 10), strconv.FormatInt(35, 36), strconv.Itoa(-9))
	fmt.Println(strconv.Quote("a\"b\\c\n\td"), strconv.QuoteRune('x'), strconv.QuoteRune('\n'), strconv.QuoteRune('\''))
	u, err := strconv.Unquote(`"a\tb\"c"`)
	fmt.Println(u, err)
	u, err = strconv.Unquote(`'x'`)
	fmt.Println(u, err)
	u, err = strconv.Unquote("`raw\\n`")
	fmt.Println(u, err)
	u, err = strconv.Unquote(`"bad`)
	fmt.Printf("%q %v\n", u, err)
}
