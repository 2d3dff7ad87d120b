package dev.gocause.graph.diagnosis.code;

import static dev.gocause.graph.diagnosis.code.EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A helper that locks and returns leaves the lock to its caller: its own return keeps nothing held
 * by mistake, while a return of the caller before its Unlock does.
 */
class ALockTakenInAHelperIsHeldByItsCallerTest {

  private static List<String> notReleased(String src) {
    return findings(src).stream().filter(f -> f.check().equals(LockChecks.NOT_RELEASED)).map(f -> "@" + f.line()).toList();
  }

  private static final String BUCKETS = """
      type bucket struct {
      	mu    sync.Mutex
      	count map[string]int
      }
      type Limiter struct {
      	buckets []*bucket
      }
      func (l *Limiter) lockBucket(key string) *bucket {
      	b := l.buckets[len(key)%len(l.buckets)]
      	b.mu.Lock()
      	return b
      }
      """;

  @Test
  void a_caller_returning_between_the_helper_and_its_unlock_keeps_the_lock() {
    assertThat(notReleased(BUCKETS + """
        func (l *Limiter) Allow(key string) bool {
        	b := l.lockBucket(key)
        	if b.count[key] > 10 {
        		return false
        	}
        	b.count[key]++
        	b.mu.Unlock()
        	return true
        }
        """)).containsExactly("@16");
  }

  @Test
  void the_helper_itself_and_a_caller_that_unlocks_on_every_path_keep_nothing() {
    assertThat(notReleased(BUCKETS + """
        func (l *Limiter) Allow(key string) bool {
        	b := l.lockBucket(key)
        	defer b.mu.Unlock()
        	if b.count[key] > 10 {
        		return false
        	}
        	b.count[key]++
        	return true
        }
        """)).isEmpty();
    assertThat(notReleased("""
        type Index struct {
        	mu sync.Mutex
        	m  map[string]int
        }
        func (x *Index) acquire() func() {
        	x.mu.Lock()
        	return x.mu.Unlock
        }
        func (x *Index) Put(k string, v int) {
        	release := x.acquire()
        	defer release()
        	x.m[k] = v
        }
        """)).isEmpty();
  }

  @Test
  void a_function_that_locks_and_returns_with_no_caller_unlocking_still_keeps_it() {
    assertThat(notReleased("""
        type Index struct {
        	mu sync.Mutex
        	m  map[string]int
        }
        func (x *Index) Get(k string) (int, bool) {
        	x.mu.Lock()
        	v, ok := x.m[k]
        	if !ok {
        		return 0, false
        	}
        	x.mu.Unlock()
        	return v, true
        }
        """)).containsExactly("@9");
  }
}
