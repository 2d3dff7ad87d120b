package main

import (
	"fmt"
	"time"
)

func main() {
	for _, s := range []string{"1h30m", "300ms", "-1.5h", "2h45m30.5s", "1us", "1µs", "0", "+5s", "1.000000001s", ".5m", "1", "x", "", "5d", "1h2", "3.s", "9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns", "1.5.5s"} {
		d, err := time.ParseDuration(s)
		fmt.Println(s, d, int64(d), err)
	}
	d := 1234567891 * time.Nanosecond
	fmt.Println(d.Truncate(time.Millisecond), d.Round(time.Millisecond), d.Truncate(time.Second), d.Round(time.Hour), (-d).Round(time.Second), d.Truncate(0))
	t := time.Unix(1678025229, 123456789).UTC()
	for _, l := range []string{time.RFC3339, time.RFC3339Nano, time.Kitchen, time.ANSIC, time.RFC1123, time.RFC1123Z, time.StampMilli, "2006-01-02 15:04:05", "02/01/06 3:04PM", "Jan 2, 2006 at 3:04pm (MST)", "15:04:05.000", "2006-01-02T15:04:05.999999Z0700", "Monday January _2 002"} {
		fmt.Println(t.Format(l))
	}
	fmt.Println(t.Truncate(time.Hour).Format(time.RFC3339), t.Truncate(24*time.Hour).Format(time.RFC3339), t.Round(time.Minute).Format(time.RFC3339Nano))
	fmt.Println(t.Year(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.YearDay())
}
