package dev.gocause.graph.diagnosis.code;

import static dev.gocause.graph.diagnosis.code.EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snippet pasted into an issue rarely holds the struct that declares its Cond, nor the line that
 * starts its worker's loop: the checks tell a Cond by how it is used, read a loop of select in a
 * method the paste never calls as a goroutine's body, and tell a nil channel waited on by a select
 * case (never chosen) from one used alone (blocks).
 */
class ChecksReadWhatAPastedSnippetLeavesOutTest {

  private static List<String> checks(String src) {
    return findings(src).stream().map(f -> f.check() + "@" + f.line()).toList();
  }

  @Test
  void a_cond_whose_declaration_is_not_pasted_is_told_by_its_wait_under_the_lock() {
    assertThat(checks("""
        func (b *Buffer) Take() Item {
        	b.lock.Lock()
        	defer b.lock.Unlock()
        	if b.n == 0 {
        		b.notEmpty.Wait()
        	}
        	b.n--
        	return b.items[b.n]
        }
        """)).contains(GoroutineChecks.COND_NO_LOOP + "@5");
  }

  @Test
  void a_cond_whose_declaration_is_not_pasted_is_told_by_its_signal() {
    assertThat(checks("""
        func (b *Buffer) Take() Item {
        	if b.n == 0 {
        		b.notEmpty.Wait()
        	}
        	return b.items[b.n]
        }
        func (b *Buffer) Put(it Item) {
        	b.items = append(b.items, it)
        	b.notEmpty.Signal()
        }
        """)).contains(GoroutineChecks.COND_NO_LOOP + "@3");
  }

  @Test
  void the_same_wait_in_a_loop_or_a_waitgroup_or_an_errgroup_waited_under_a_lock_is_no_cond_mistake() {
    assertThat(checks("""
        func (b *Buffer) Take() Item {
        	b.lock.Lock()
        	defer b.lock.Unlock()
        	for b.n == 0 {
        		b.notEmpty.Wait()
        	}
        	b.n--
        	return b.items[b.n]
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.COND_NO_LOOP));
    assertThat(checks("""
        func (p *Pool) Close() {
        	p.mu.Lock()
        	defer p.mu.Unlock()
        	if !p.closed {
        		p.workers.Wait()
        	}
        	p.closed = true
        }
        func (p *Pool) work() {
        	defer p.workers.Done()
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.COND_NO_LOOP));
    assertThat(checks("""
        func (s *Syncer) Run() error {
        	s.mu.Lock()
        	defer s.mu.Unlock()
        	if err := s.group.Wait(); err != nil {
        		return err
        	}
        	return nil
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.COND_NO_LOOP));
  }

  @Test
  void a_select_loop_with_no_exit_in_a_method_the_paste_never_calls_is_a_goroutine_that_never_ends() {
    assertThat(checks("""
        func (w *Watcher) loop() {
        	for {
        		select {
        		case ev := <-w.events:
        			w.dispatch(ev)
        		case err := <-w.errs:
        			log.Println(err)
        		}
        	}
        }
        """)).contains(GoroutineChecks.SELECT_NO_EXIT + "@3");
  }

  @Test
  void the_same_loop_with_a_quit_case_or_as_mains_event_loop_or_called_in_the_paste_is_not_flagged() {
    assertThat(checks("""
        func (w *Watcher) loop() {
        	for {
        		select {
        		case ev := <-w.events:
        			w.dispatch(ev)
        		case <-w.quit:
        			return
        		}
        	}
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SELECT_NO_EXIT));
    assertThat(checks("""
        func main() {
        	for {
        		select {
        		case ev := <-events:
        			dispatch(ev)
        		case err := <-errs:
        			log.Println(err)
        		}
        	}
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SELECT_NO_EXIT));
    assertThat(checks("""
        func serve() {
        	for {
        		select {
        		case ev := <-events:
        			dispatch(ev)
        		case err := <-errs:
        			log.Println(err)
        		}
        	}
        }
        func run() {
        	serve()
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SELECT_NO_EXIT));
  }

  @Test
  void a_nil_channel_in_a_select_case_is_a_case_never_chosen_and_alone_it_blocks() {
    String inSelect = """
        func (p *Pump) Run() {
        	var stop chan struct{}
        	for {
        		select {
        		case <-stop:
        			return
        		case b := <-p.in:
        			p.out <- b
        		}
        	}
        }
        """;
    assertThat(checks(inSelect)).contains(ChannelChecks.NIL_CHANNEL_IN_SELECT + "@5")
        .noneMatch(c -> c.startsWith(ChannelChecks.NIL_CHANNEL + "@"));
    String alone = """
        func main() {
        	var results chan string
        	go func() {
        		results <- "hello"
        	}()
        	fmt.Println(<-results)
        }
        """;
    assertThat(checks(alone)).anyMatch(c -> c.startsWith(ChannelChecks.NIL_CHANNEL + "@"))
        .noneMatch(c -> c.startsWith(ChannelChecks.NIL_CHANNEL_IN_SELECT));
    assertThat(checks(inSelect.replace("var stop chan struct{}", "stop := make(chan struct{})")))
        .noneMatch(c -> c.startsWith(ChannelChecks.NIL_CHANNEL_IN_SELECT));
  }

  @Test
  void a_channel_handed_to_the_senders_goroutines_and_closed_by_its_receiver_is_closed_under_them() {
    assertThat(checks("""
        func emit(out chan<- int) {
        	for i := 0; ; i++ {
        		out <- i
        	}
        }
        func main() {
        	nums := make(chan int, 8)
        	go emit(nums)
        	for v := range nums {
        		if v > 3 {
        			close(nums)
        			break
        		}
        	}
        }
        """)).contains(ChannelChecks.SEND_AFTER_CLOSE + "@11");
    assertThat(checks("""
        func main() {
        	nums := make(chan int)
        	go func(out chan<- int) {
        		for i := 0; i < 3; i++ {
        			out <- i
        		}
        	}(nums)
        	close(nums)
        }
        """)).contains(ChannelChecks.SEND_AFTER_CLOSE + "@8");
  }

  @Test
  void the_sender_closing_the_channel_it_was_handed_or_a_closer_that_waits_first_is_no_close_under_a_sender() {
    assertThat(checks("""
        func emit(out chan<- int) {
        	defer close(out)
        	for i := 0; i < 3; i++ {
        		out <- i
        	}
        }
        func main() {
        	nums := make(chan int)
        	go emit(nums)
        	for v := range nums {
        		fmt.Println(v)
        	}
        }
        """)).noneMatch(c -> c.startsWith(ChannelChecks.SEND_AFTER_CLOSE) || c.startsWith(ChannelChecks.RANGE_NEVER_CLOSED));
    assertThat(checks("""
        func emit(out chan<- int, wg *sync.WaitGroup) {
        	defer wg.Done()
        	out <- 1
        }
        func main() {
        	nums := make(chan int, 2)
        	var wg sync.WaitGroup
        	wg.Add(2)
        	go emit(nums, &wg)
        	go emit(nums, &wg)
        	wg.Wait()
        	close(nums)
        }
        """)).noneMatch(c -> c.startsWith(ChannelChecks.SEND_AFTER_CLOSE));
  }

  @Test
  void a_ticker_made_in_a_struct_literal_and_never_stopped_is_a_ticker_never_stopped() {
    String made = """
        func NewConn() *Conn {
        	c := &Conn{beat: time.NewTicker(time.Minute), quit: make(chan struct{})}
        	go c.pinger()
        	return c
        }
        func (c *Conn) pinger() {
        	for {
        		select {
        		case <-c.beat.C:
        			c.ping()
        		case <-c.quit:
        			return
        		}
        	}
        }
        func (c *Conn) Close() {
        	close(c.quit)
        }
        """;
    assertThat(checks(made)).contains(GoroutineChecks.TICKER_NOT_STOPPED + "@2");
    assertThat(checks(made.replace("close(c.quit)", "c.beat.Stop()\n\tclose(c.quit)")))
        .noneMatch(c -> c.startsWith(GoroutineChecks.TICKER_NOT_STOPPED));
  }

  @Test
  void a_method_started_in_a_loop_on_one_receiver_writes_that_receivers_map_from_every_goroutine() {
    assertThat(checks("""
        func (t *Tally) add(word string) {
        	t.seen[word] = true
        }
        func fill(t *Tally, words []string) {
        	for _, w := range words {
        		go t.add(w)
        	}
        }
        type Tally struct {
        	seen map[string]bool
        }
        """)).contains(GoroutineChecks.MAP_WRITES + "@2");
  }

  @Test
  void a_receiver_that_locks_or_is_the_loops_own_variable_or_a_copy_is_not_shared_by_the_goroutines() {
    assertThat(checks("""
        func (t *Tally) add(word string) {
        	t.mu.Lock()
        	t.seen[word] = true
        	t.mu.Unlock()
        }
        func fill(t *Tally, words []string) {
        	for _, w := range words {
        		go t.add(w)
        	}
        }
        type Tally struct {
        	mu   sync.Mutex
        	seen map[string]bool
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.MAP_WRITES));
    assertThat(checks("""
        func (w *Worker) run() {
        	w.done++
        }
        func start(workers []*Worker) {
        	for _, w := range workers {
        		go w.run()
        	}
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SHARED_WRITES));
    assertThat(checks("""
        func (s Sample) mark() {
        	s.n++
        }
        func start(s Sample) {
        	for i := 0; i < 3; i++ {
        		go s.mark()
        	}
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SHARED_WRITES));
  }

  @Test
  void a_goroutine_started_once_writing_what_its_starter_reads_after_a_sleep_races_with_it() {
    assertThat(checks("""
        func main() {
        	ready := false
        	go func() {
        		prepare()
        		ready = true
        	}()
        	time.Sleep(100 * time.Millisecond)
        	if !ready {
        		fmt.Println("not ready")
        	}
        }
        """)).contains(GoroutineChecks.SHARED_WRITES + "@5");
  }

  @Test
  void the_starter_reading_after_a_wait_or_a_receive_or_never_reading_is_no_race() {
    assertThat(checks("""
        func main() {
        	ready := false
        	var wg sync.WaitGroup
        	wg.Add(1)
        	go func() {
        		defer wg.Done()
        		ready = true
        	}()
        	wg.Wait()
        	fmt.Println(ready)
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SHARED_WRITES));
    assertThat(checks("""
        func main() {
        	total := 0
        	done := make(chan struct{})
        	go func() {
        		total = sum()
        		close(done)
        	}()
        	<-done
        	fmt.Println(total)
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SHARED_WRITES));
    assertThat(checks("""
        func main() {
        	total := 0
        	go func() {
        		total = sum()
        	}()
        	time.Sleep(time.Second)
        }
        """)).noneMatch(c -> c.startsWith(GoroutineChecks.SHARED_WRITES));
  }
}
