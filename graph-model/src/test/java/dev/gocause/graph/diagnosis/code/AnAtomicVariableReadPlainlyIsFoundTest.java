package dev.gocause.graph.diagnosis.code;

import static dev.gocause.graph.diagnosis.code.EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A variable updated atomically by goroutines and read plainly while they run races with them. */
class AnAtomicVariableReadPlainlyIsFoundTest {

  private static List<String> plain(String src) {
    return findings(src).stream().filter(f -> f.check().equals(AtomicChecks.PLAIN_ACCESS)).map(f -> "@" + f.line()).toList();
  }

  @Test
  void a_plain_read_while_the_goroutines_update_atomically_is_found() {
    assertThat(plain("""
        type Meter struct {
        	hits int32
        }
        func (m *Meter) Serve(reqs []Request, wg *sync.WaitGroup) {
        	for _, r := range reqs {
        		wg.Add(1)
        		go func(r Request) {
        			defer wg.Done()
        			atomic.AddInt32(&m.hits, 1)
        		}(r)
        		if m.hits%100 == 0 {
        			log.Println("served", m.hits)
        		}
        	}
        }
        """)).containsExactly("@11");
  }

  @Test
  void atomic_loads_everywhere_or_a_plain_read_after_wait_are_fine() {
    assertThat(plain("""
        type Meter struct {
        	hits int32
        }
        func (m *Meter) Serve(reqs []Request) int32 {
        	var wg sync.WaitGroup
        	for _, r := range reqs {
        		wg.Add(1)
        		go func(r Request) {
        			defer wg.Done()
        			atomic.AddInt32(&m.hits, 1)
        		}(r)
        		if atomic.LoadInt32(&m.hits)%100 == 0 {
        			log.Println("served")
        		}
        	}
        	wg.Wait()
        	return m.hits
        }
        """)).isEmpty();
  }
}
