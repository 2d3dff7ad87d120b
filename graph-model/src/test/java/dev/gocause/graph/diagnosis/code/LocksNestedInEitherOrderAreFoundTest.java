package dev.gocause.graph.diagnosis.code;

import static dev.gocause.graph.diagnosis.code.EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two locks nested in an order that a swapped call, or another function, reverses. */
class LocksNestedInEitherOrderAreFoundTest {

  private static List<String> order(String src) {
    return findings(src).stream().filter(f -> f.check().equals(LockOrderChecks.ORDER)).map(f -> "@" + f.line()).toList();
  }

  @Test
  void the_same_lock_of_two_arguments_taken_in_argument_order_can_be_reversed_by_the_caller() {
    assertThat(order("""
        type Node struct {
        	lock  sync.Mutex
        	edges []*Node
        }
        func (n *Node) Link(other *Node) {
        	n.lock.Lock()
        	defer n.lock.Unlock()
        	other.lock.Lock()
        	defer other.lock.Unlock()
        	n.edges = append(n.edges, other)
        	other.edges = append(other.edges, n)
        }
        """)).containsExactly("@8");
  }

  @Test
  void two_functions_nesting_two_locks_in_opposite_orders_are_found() {
    assertThat(order("""
        var users, groups sync.Mutex
        func addMember() {
        	users.Lock()
        	groups.Lock()
        	groups.Unlock()
        	users.Unlock()
        }
        func dropGroup() {
        	groups.Lock()
        	users.Lock()
        	users.Unlock()
        	groups.Unlock()
        }
        """)).contains("@4", "@10");
  }

  @Test
  void ordered_arguments_one_order_everywhere_or_locks_taken_one_after_the_other_are_fine() {
    assertThat(order("""
        type Node struct {
        	id    int
        	lock  sync.Mutex
        }
        func link(a, b *Node) {
        	if b.id < a.id {
        		a, b = b, a
        	}
        	a.lock.Lock()
        	defer a.lock.Unlock()
        	b.lock.Lock()
        	defer b.lock.Unlock()
        }
        """)).isEmpty();
    assertThat(order("""
        var users, groups sync.Mutex
        func addMember() {
        	users.Lock()
        	groups.Lock()
        	groups.Unlock()
        	users.Unlock()
        }
        func dropGroup() {
        	users.Lock()
        	users.Unlock()
        	groups.Lock()
        	groups.Unlock()
        }
        """)).isEmpty();
  }
}
