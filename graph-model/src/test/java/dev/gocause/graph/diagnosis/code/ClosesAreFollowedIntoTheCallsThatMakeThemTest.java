package dev.gocause.graph.diagnosis.code;

import static dev.gocause.graph.diagnosis.code.EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A channel is often closed by a method of the paste ({@code Stop}, {@code shutdown}) rather than
 * by a {@code close} in the function that runs twice: the check counts a call to such a method as
 * the close it makes, on the value it is called on, and tells a second close on the same run from
 * one in an exclusive branch, after a return, or under {@code Once.Do}.
 */
class ClosesAreFollowedIntoTheCallsThatMakeThemTest {

  private static List<String> closedTwice(String src) {
    return findings(src).stream().filter(f -> f.check().equals(ChannelChecks.CLOSED_TWICE)).map(f -> "@" + f.line()).toList();
  }

  private static final String TUNER = """
      type Tuner struct {
      	stop chan struct{}
      }
      func NewTuner() *Tuner { return &Tuner{stop: make(chan struct{})} }
      func (t *Tuner) Halt() {
      	close(t.stop)
      }
      """;

  @Test
  void a_method_that_closes_called_twice_on_one_value_is_a_second_close() {
    assertThat(closedTwice(TUNER + """
        func main() {
        	t := NewTuner()
        	t.Halt()
        	fmt.Println("halted")
        	t.Halt()
        }
        """)).containsExactly("@12");
  }

  @Test
  void the_same_method_once_on_each_of_two_values_or_in_exclusive_branches_or_behind_a_once_is_no_second_close() {
    assertThat(closedTwice(TUNER + """
        func main() {
        	a := NewTuner()
        	b := NewTuner()
        	a.Halt()
        	b.Halt()
        }
        func pick(t *Tuner, now bool) {
        	if now {
        		t.Halt()
        	} else {
        		t.Halt()
        	}
        }
        """)).isEmpty();
    assertThat(closedTwice("""
        type Tuner struct {
        	stop chan struct{}
        	once sync.Once
        }
        func (t *Tuner) Halt() {
        	t.once.Do(func() { close(t.stop) })
        }
        func main() {
        	t := &Tuner{stop: make(chan struct{})}
        	t.Halt()
        	t.Halt()
        }
        """)).isEmpty();
  }

  @Test
  void a_deferred_helper_that_closes_and_a_close_of_the_same_channel_both_run() {
    assertThat(closedTwice("""
        type Feed struct {
        	items chan string
        }
        func (f *Feed) finish() {
        	close(f.items)
        }
        func (f *Feed) Fill(words []string) {
        	defer f.finish()
        	for _, w := range words {
        		f.items <- w
        	}
        	close(f.items)
        }
        """)).containsExactly("@12");
    assertThat(closedTwice("""
        type Feed struct {
        	items chan string
        }
        func (f *Feed) finish() {
        	close(f.items)
        }
        func (f *Feed) Fill(words []string) {
        	defer f.finish()
        	for _, w := range words {
        		f.items <- w
        	}
        }
        """)).isEmpty();
  }

  @Test
  void a_helper_closing_its_parameter_counts_for_the_argument_and_a_return_between_keeps_it_single() {
    assertThat(closedTwice("""
        func release(ch chan int) {
        	close(ch)
        }
        func run(out chan int, fail bool) {
        	if fail {
        		release(out)
        	}
        	out <- 1
        	close(out)
        }
        """)).containsExactly("@9");
    assertThat(closedTwice("""
        func release(ch chan int) {
        	close(ch)
        }
        func run(out chan int, fail bool) {
        	if fail {
        		release(out)
        		return
        	}
        	out <- 1
        	close(out)
        }
        """)).isEmpty();
  }

  @Test
  void a_stop_of_another_type_is_not_followed() {
    assertThat(closedTwice(TUNER + """
        func main() {
        	tk := time.NewTicker(time.Second)
        	tk.Halt()
        	tk.Halt()
        }
        """)).isEmpty();
  }
}
