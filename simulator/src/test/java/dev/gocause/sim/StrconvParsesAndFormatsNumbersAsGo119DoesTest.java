package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/** strconv's parsers and formatters give Go 1.19's values and *strconv.NumError texts (output captured from go run). */
class StrconvParsesAndFormatsNumbersAsGo119DoesTest {

  static String run(String body, String imports) {
    String src = "package main\n\nimport (\n" + imports + ")\n\nfunc main() {\n" + body + "\n}\n";
    Machine m = GoSources.runOnce(src, "s.go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    return m.out.toString();
  }

  @Test
  void parse_int_uint_bool_float_format_float_append_int_and_quote_print_what_go_printed() {
    Machine m = GoSources.runOnce(GoSources.resource("library/strconv_members.go"), "strconv_members.go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("library/strconv_members.out"));
  }

  @Test
  void bad_input_gives_a_num_error_with_go_s_message_and_its_fields() {
    String out = run("""
        _, err := strconv.ParseInt("x", 10, 64)
        fmt.Println(err)
        var ne *strconv.NumError
        fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
        v, err := strconv.Atoi("99999999999999999999")
        fmt.Println(v, err, errors.Is(err, strconv.ErrRange))
        _, err = strconv.ParseBool("yes")
        fmt.Printf("%T %v\\n", err, err)
        _, err = strconv.ParseFloat("1e400", 64)
        fmt.Println(err)
        _, err = strconv.ParseInt("7", 1, 64)
        fmt.Println(err)""", "\t\"errors\"\n\t\"fmt\"\n\t\"strconv\"\n");
    assertThat(out).isEqualTo("""
        strconv.ParseInt: parsing "x": invalid syntax
        true ParseInt x true
        9223372036854775807 strconv.Atoi: parsing "99999999999999999999": value out of range true
        *strconv.NumError strconv.ParseBool: parsing "yes": invalid syntax
        strconv.ParseFloat: parsing "1e400": value out of range
        strconv.ParseInt: parsing "7": invalid base 1
        """);
  }

  @Test
  void fmt_prints_floats_with_go_s_exponent_threshold_and_shortest_digits() {
    String out = run("a, b := 0.1, 0.2\nfmt.Println(1e6, 123456.0, 1e21, a+b, float32(0.1), 1.0/3)", "\t\"fmt\"\n");
    assertThat(out).isEqualTo("1e+06 123456 1e+21 0.30000000000000004 0.1 0.3333333333333333\n");
  }
}
