package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A constant that does not fit its integer type is a compile error in Go, not a wrapped value: the program is refused
 * (exit 2) with go build's position and words (Go 1.19, checked with {@code go build}). Constants are int64 here, so
 * the 64-bit types are not checked.
 */
class ConstantsThatOverflowTheirTypeAreCompileErrorsTest {

  private static String program(String body) {
    return "package main\n\nimport \"fmt\"\n\nfunc main() {\n\t" + body + "\n}\n";
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      fmt.Println(uint16(70000))                              | 6:21: cannot convert 70000 (untyped int constant) to type uint16
      var x int8 = 200; fmt.Println(x)                        | 6:15: cannot use 200 (untyped int constant) as int8 value in variable declaration (overflows)
      const c = 100; var y int8 = c * 2; fmt.Println(y)       | 6:30: cannot use c * 2 (untyped int constant 200) as int8 value in variable declaration (overflows)
      fmt.Println(int8(100) * 2)                              | 6:14: int8(100) * 2 (constant 200 of type int8) overflows int8
      x := int8(127) + 1; fmt.Println(x)                      | 6:7: int8(127) + 1 (constant 128 of type int8) overflows int8
      var u uint32 = 1 << 32; fmt.Println(u)                  | 6:17: cannot use 1 << 32 (untyped int constant 4294967296) as uint32 value in variable declaration (overflows)
      const big = 1 << 40; fmt.Println(int32(big))            | 6:41: cannot convert big (untyped int constant 1099511627776) to type int32
      var s []int8; s = append(s, 300); fmt.Println(s)        | 6:30: cannot use 300 (untyped int constant) as int8 value in argument to append (overflows)
      const x int8 = 200; fmt.Println(x)                      | 6:17: cannot use 200 (untyped int constant) as int8 value in constant declaration (overflows)
      var x int8; x = 200; fmt.Println(x)                     | 6:18: cannot use 200 (untyped int constant) as int8 value in assignment (overflows)
      fmt.Println(int8(int16(300)))                           | 6:19: cannot convert int16(300) (constant 300 of type int16) to type int8
      const c int16 = 300; fmt.Println(int8(c))               | 6:40: cannot convert c (constant 300 of type int16) to type int8
      f := func(a int8) {}; f(300); fmt.Println()             | 6:26: cannot use 300 (untyped int constant) as int8 value in argument to f (overflows)
      fmt.Println(uint8(-1+0))                                | 6:20: cannot convert -1 + 0 (untyped int constant -1) to type uint8
      var s = []int8{1, 2, 300}; fmt.Println(s)               | 6:23: cannot use 300 (untyped int constant) as int8 value in array or slice literal (overflows)
      m := map[string]uint8{"a": 256}; fmt.Println(m)         | 6:29: cannot use 256 (untyped int constant) as uint8 value in map literal (overflows)
      type P struct{ X int8 }; fmt.Println(P{X: 128})         | 6:44: cannot use 128 (untyped int constant) as int8 value in struct literal (overflows)
      fmt.Println(uint8(1) << 8)                              | 6:14: uint8(1) << 8 (constant 256 of type uint8) overflows uint8
      """)
  void refused_like_go_build(String body, String expected) {
    assertThatThrownBy(() -> Simulator.compile(program(body), "t.go", false))
        .isInstanceOf(UnsupportedConstructException.class)
        .hasMessage("t.go:" + expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      fmt.Println(byte(255), int8(-128), uint64(1<<63), int64(-1<<63), uint32(1<<32-1)) | 255 -128 9223372036854775808 -9223372036854775808 4294967295
      var r rune = 0x10FFFF; var b byte = 'a'; fmt.Println(r, b, uint8(255)+0, int8(-1)*127) | 1114111 97 255 -127
      x := uint8(200); x += 100; fmt.Println(x)                                        | 44
      var i int16 = -32768; j := int16(32767); fmt.Println(i, j, uint16(65535))          | -32768 32767 65535
      """)
  void constants_that_fit_and_runtime_overflow_run_as_in_go(String body, String printed) {
    SimulationResult r = GoSources.simulate(program(body), "t.go", 1);
    assertThat(r.printedValues()).containsOnlyKeys(printed);
  }
}
