package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * append grows a full slice as Go 1.19's runtime.growslice does: double below 256 elements, then add
 * (newcap + 3*256)/4 until it fits, then round the bytes up to a malloc size class (runtime/sizeclasses.go) with
 * each element's size as Go lays it out. Capacities decide whether two appends share an array, so aliasing follows.
 * The long program (go/constructs/append_grows_capacity_like_go_1_19_growslice.go) prints the capacities of slices of
 * ints, bytes, strings, padded structs, interfaces, slices, arrays and bools as Go 1.19 printed them.
 */
class AppendGrowsCapacityLikeGo119GrowsliceTest {

  private static String run(String body) {
    return GoSources.runOnce(GoSources.snippetMain(body), "a.go", 1).out.toString();
  }

  @Test
  void appending_several_to_an_empty_slice_rounds_up_to_a_size_class() {
    assertThat(run("fmt.Println(cap(append([]int(nil), 1, 2, 3)), cap(append([]int{}, 1, 2, 3, 4, 5)))")).isEqualTo("3 6\n");
  }

  @Test
  void appending_one_by_one_doubles_from_one() {
    assertThat(run("""
        var s []int
        for i := 0; i < 5; i++ {
        	s = append(s, i)
        	fmt.Print(cap(s), " ")
        }
        fmt.Println()""")).isEqualTo("1 2 4 4 8 \n");
  }

  @Test
  void whether_two_slices_share_an_array_follows_the_capacity() {
    assertThat(run("""
        d := []int{1, 2, 3}
        d = append(d, 4)
        e := d[1:2]
        e = append(e, 99)
        fmt.Println(d, e, cap(d))
        f := append([]int(nil), 1)
        g := append(f, 2)
        h := append(f, 3)
        fmt.Println(g, h)""")).isEqualTo("[1 2 99 4] [2 99] 6\n[1 2] [1 3]\n");
  }

  @Test
  void large_slices_grow_by_the_smooth_formula_and_page_rounding() {
    assertThat(run("""
        big := append([]int(nil), make([]int, 1000)...)
        fmt.Println(cap(big), cap(append(big, 1)), cap(append(make([]int, 5000), 1)), cap(append(make([]byte, 40000), 1)))"""))
        .isEqualTo("1024 1024 7168 57344\n");
  }

  @Test
  void the_long_program_prints_go_1_19s_capacities() {
    String name = "append_grows_capacity_like_go_1_19_growslice";
    assertThat(GoSources.runOnce(GoSources.resource("constructs/" + name + ".go"), name + ".go", 1).out.toString())
        .isEqualTo(GoSources.resource("constructs/" + name + ".out"));
  }
}
