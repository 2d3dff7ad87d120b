package dev.gocause.graph.diagnosis.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every static check with a program that has the mistake (the check fires, citing the line) and
 * the same program written right, including the classic traps that look alike: Add before
 * {@code go}, {@code defer wg.Done()} first thing, a ticker stopped by defer, a channel closed by
 * its only sender after the last send.
 */
class EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest {

  static List<CodeFinding> findings(String src) {
    GoCode.Found found = GoCode.find(src, line -> false);
    assertThat(found.units()).as("the program is read as code").isNotEmpty();
    return found.units().stream().flatMap(u -> u.findings().stream()).toList();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(GoroutineChecks.ADD_IN_GOROUTINE, 6, """
            func run(n int) {
            	var wg sync.WaitGroup
            	for i := 0; i < n; i++ {
            		go func(i int) {
            			// Add before go would be right
            			wg.Add(1)
            			defer wg.Done()
            			work(i)
            		}(i)
            	}
            	wg.Wait()
            }
            """, """
            func run(n int) {
            	var wg sync.WaitGroup
            	for i := 0; i < n; i++ {
            		wg.Add(1)
            		go func(i int) {
            			defer wg.Done()
            			work(i)
            		}(i)
            	}
            	wg.Wait()
            }
            """),
        Arguments.of(GoroutineChecks.DONE_SKIPPED, 5, """
            func worker(wg *sync.WaitGroup, jobs []int) {
            	for _, j := range jobs {
            		if err := do(j); err != nil {
            			log.Println(err)
            			return
            		}
            	}
            	wg.Done()
            }
            """, """
            func worker(wg *sync.WaitGroup, jobs []int) {
            	defer wg.Done()
            	for _, j := range jobs {
            		if err := do(j); err != nil {
            			return
            		}
            	}
            }
            """),
        Arguments.of(GoroutineChecks.LOOP_VAR, 3, """
            func main() {
            	for _, v := range []string{"a", "b"} {
            		go func() {
            			fmt.Println(v)
            		}()
            	}
            }
            """, """
            func main() {
            	for _, v := range []string{"a", "b"} {
            		go func(v string) {
            			fmt.Println(v)
            		}(v)
            	}
            }
            """),
        Arguments.of(GoroutineChecks.LOOP_VAR, 3, """
            func main() {
            	for _, v := range items {
            		go show(&v)
            	}
            }
            """, """
            func main() {
            	for i := range items {
            		go show(&items[i])
            	}
            }
            """),
        Arguments.of(ChannelChecks.RANGE_NEVER_CLOSED, 4, """
            func main() {
            	t := time.NewTicker(time.Second)
            	go func() {
            		for range t.C {
            			tick()
            		}
            		fmt.Println("done")
            	}()
            	time.Sleep(3 * time.Second)
            	t.Stop()
            }
            """, """
            func main() {
            	t := time.NewTicker(time.Second)
            	stop := make(chan struct{})
            	go func() {
            		for {
            			select {
            			case <-t.C:
            				tick()
            			case <-stop:
            				return
            			}
            		}
            	}()
            	time.Sleep(3 * time.Second)
            	t.Stop()
            	close(stop)
            }
            """),
        Arguments.of(GoroutineChecks.MAP_WRITES, 5, """
            func count(words []string) map[string]int {
            	seen := make(map[string]int)
            	for _, w := range words {
            		go func(w string) {
            			seen[w]++
            		}(w)
            	}
            	return seen
            }
            """, """
            func count(words []string) map[string]int {
            	var mu sync.Mutex
            	seen := make(map[string]int)
            	for _, w := range words {
            		go func(w string) {
            			mu.Lock()
            			seen[w]++
            			mu.Unlock()
            		}(w)
            	}
            	return seen
            }
            """),
        Arguments.of(GoroutineChecks.SHARED_WRITES, 5, """
            func main() {
            	total := 0
            	for i := 0; i < 10; i++ {
            		go func() {
            			total++
            		}()
            	}
            }
            """, """
            func main() {
            	var total int64
            	for i := 0; i < 10; i++ {
            		go func() {
            			atomic.AddInt64(&total, 1)
            		}()
            	}
            }
            """),
        Arguments.of(GoroutineChecks.SELECT_NO_EXIT, 4, """
            func (s *Server) start() {
            	go func() {
            		for {
            			select {
            			case m := <-s.in:
            				s.handle(m)
            			case <-s.tick:
            				s.flush()
            			}
            		}
            	}()
            }
            """, """
            func (s *Server) start(ctx context.Context) {
            	go func() {
            		for {
            			select {
            			case m := <-s.in:
            				s.handle(m)
            			case <-ctx.Done():
            				return
            			}
            		}
            	}()
            }
            """),
        Arguments.of(GoroutineChecks.COND_NO_LOOP, 5, """
            func (q *Queue) Pop() int {
            	q.mu.Lock()
            	defer q.mu.Unlock()
            	if len(q.items) == 0 {
            		q.cond.Wait()
            	}
            	return q.items[0]
            }
            func NewQueue() *Queue { q := &Queue{}; q.cond = sync.NewCond(&q.mu); return q }
            """, """
            func (q *Queue) Pop() int {
            	q.mu.Lock()
            	defer q.mu.Unlock()
            	for len(q.items) == 0 {
            		q.cond.Wait()
            	}
            	return q.items[0]
            }
            func NewQueue() *Queue { q := &Queue{}; q.cond = sync.NewCond(&q.mu); return q }
            """),
        Arguments.of(GoroutineChecks.ONCE_REENTERED, 4, """
            func (c *Config) load() {
            	c.once.Do(func() {
            		c.read()
            		c.once.Do(c.defaults)
            	})
            }
            """, """
            func (c *Config) load() {
            	c.once.Do(func() {
            		c.read()
            		c.defaults()
            	})
            }
            """),
        Arguments.of(GoroutineChecks.TIMER_IN_LOOP, 4, """
            func consume(ch <-chan int) {
            	for {
            		select {
            		case <-time.After(time.Minute):
            			return
            		case v := <-ch:
            			use(v)
            		}
            	}
            }
            """, """
            func consume(ch <-chan int) {
            	timeout := time.After(time.Minute)
            	for {
            		select {
            		case <-timeout:
            			return
            		case v := <-ch:
            			use(v)
            		}
            	}
            }
            """),
        Arguments.of(GoroutineChecks.TICKER_NOT_STOPPED, 2, """
            func poll(done chan struct{}) {
            	t := time.NewTicker(time.Second)
            	for {
            		select {
            		case <-t.C:
            			check()
            		case <-done:
            			return
            		}
            	}
            }
            """, """
            func poll(done chan struct{}) {
            	t := time.NewTicker(time.Second)
            	defer t.Stop()
            	for {
            		select {
            		case <-t.C:
            			check()
            		case <-done:
            			return
            		}
            	}
            }
            """),
        Arguments.of(ChannelChecks.RANGE_NEVER_CLOSED, 9, """
            func main() {
            	results := make(chan int)
            	go func() {
            		for i := 0; i < 3; i++ {
            			results <- i
            		}
            	}()
            	sum := 0
            	for r := range results {
            		sum += r
            	}
            }
            """, """
            func main() {
            	results := make(chan int)
            	go func() {
            		for i := 0; i < 3; i++ {
            			results <- i
            		}
            		close(results)
            	}()
            	sum := 0
            	for r := range results {
            		sum += r
            	}
            }
            """),
        Arguments.of(ChannelChecks.CLOSED_TWICE, 6, """
            func fanOut(out chan int, n int) {
            	for i := 0; i < n; i++ {
            		go func(i int) {
            			out <- i
            			// every worker closes
            			close(out)
            		}(i)
            	}
            }
            """, """
            func produce(out chan int) {
            	go func() {
            		defer close(out)
            		for i := 0; i < 3; i++ {
            			out <- i
            		}
            	}()
            }
            """),
        Arguments.of(ChannelChecks.SEND_AFTER_CLOSE, 9, """
            func main() {
            	ch := make(chan int, 10)
            	for i := 0; i < 3; i++ {
            		go func(i int) {
            			ch <- i
            		}(i)
            	}
            	<-ch
            	close(ch)
            }
            """, """
            func main() {
            	ch := make(chan int, 10)
            	var wg sync.WaitGroup
            	for i := 0; i < 3; i++ {
            		wg.Add(1)
            		go func(i int) {
            			defer wg.Done()
            			ch <- i
            		}(i)
            	}
            	wg.Wait()
            	close(ch)
            }
            """),
        Arguments.of(ChannelChecks.RESULT_OUTLIVES, 4, """
            func fetch(ctx context.Context) (string, error) {
            	ch := make(chan string)
            	go func() {
            		ch <- slowCall()
            	}()
            	select {
            	case v := <-ch:
            		return v, nil
            	case <-time.After(time.Second):
            		return "", errTimeout
            	}
            }
            """, """
            func fetch(ctx context.Context) (string, error) {
            	ch := make(chan string, 1)
            	go func() {
            		ch <- slowCall()
            	}()
            	select {
            	case v := <-ch:
            		return v, nil
            	case <-time.After(time.Second):
            		return "", errTimeout
            	}
            }
            """),
        Arguments.of(ChannelChecks.NIL_CHANNEL, 4, """
            func main() {
            	var done chan bool
            	go work(done)
            	<-done
            }
            """, """
            func main() {
            	var done chan bool
            	done = make(chan bool)
            	go work(done)
            	<-done
            }
            """),
        Arguments.of(ChannelChecks.NIL_CHANNEL_IN_SELECT, 5, """
            func relay(in <-chan int) {
            	var quit chan struct{}
            	for {
            		select {
            		case <-quit:
            			return
            		case v := <-in:
            			use(v)
            		}
            	}
            }
            """, """
            func relay(in <-chan int) {
            	quit := make(chan struct{})
            	go stopLater(quit)
            	for {
            		select {
            		case <-quit:
            			return
            		case v := <-in:
            			use(v)
            		}
            	}
            }
            """),
        Arguments.of(GoroutineChecks.DONE_SKIPPED, 3, """
            func handle(wg *sync.WaitGroup, req *Request) {
            	if req == nil {
            		panic("nil request")
            	}
            	serve(req)
            	wg.Done()
            }
            """, """
            func handle(wg *sync.WaitGroup, req *Request) {
            	defer wg.Done()
            	if req == nil {
            		panic("nil request")
            	}
            	serve(req)
            }
            """),
        Arguments.of(LockChecks.NOT_RELEASED, 5, """
            func (r *Ring) Push(v int) {
            	r.mu.Lock()
            	if len(r.buf) == cap(r.buf) {
            		log.Println("full")
            		panic("ring full")
            	}
            	r.buf = append(r.buf, v)
            	r.mu.Unlock()
            }
            """, """
            func (r *Ring) Push(v int) {
            	r.mu.Lock()
            	defer r.mu.Unlock()
            	if len(r.buf) == cap(r.buf) {
            		panic("ring full")
            	}
            	r.buf = append(r.buf, v)
            }
            """),
        Arguments.of(GoroutineChecks.TIMER_IN_LOOP, 3, """
            func pump(in <-chan int) {
            	for {
            		t := time.NewTimer(time.Minute)
            		select {
            		case v := <-in:
            			use(v)
            		case <-t.C:
            			return
            		}
            	}
            }
            """, """
            func pump(in <-chan int) {
            	t := time.NewTimer(time.Minute)
            	defer t.Stop()
            	for {
            		select {
            		case v := <-in:
            			use(v)
            			t.Reset(time.Minute)
            		case <-t.C:
            			return
            		}
            	}
            }
            """),
        Arguments.of(LockChecks.NOT_RELEASED, 5, """
            func (c *Cache) Get(k string) (string, error) {
            	c.mu.Lock()
            	v, ok := c.m[k]
            	if !ok {
            		return "", errMissing
            	}
            	c.mu.Unlock()
            	return v, nil
            }
            """, """
            func (c *Cache) Get(k string) (string, error) {
            	c.mu.Lock()
            	v, ok := c.m[k]
            	if !ok {
            		c.mu.Unlock()
            		return "", errMissing
            	}
            	c.mu.Unlock()
            	return v, nil
            }
            """),
        Arguments.of(LockChecks.HELD_ACROSS_BLOCKING, 4, """
            func (b *Bus) Publish(e Event) {
            	b.mu.Lock()
            	defer b.mu.Unlock()
            	b.events <- e
            }
            func (b *Bus) loop() {
            	for e := range b.events {
            		b.mu.Lock()
            		b.seen++
            		b.mu.Unlock()
            	}
            }
            """, """
            func (b *Bus) Publish(e Event) {
            	b.mu.Lock()
            	b.count++
            	b.mu.Unlock()
            	b.events <- e
            }
            func (b *Bus) loop() {
            	for e := range b.events {
            		b.mu.Lock()
            		b.seen++
            		b.mu.Unlock()
            	}
            }
            """),
        Arguments.of(LockChecks.REENTERED, 4, """
            func (a *Account) Deposit(n int) {
            	a.mu.Lock()
            	defer a.mu.Unlock()
            	a.balance = a.Balance() + n
            }
            func (a *Account) Balance() int {
            	a.mu.Lock()
            	defer a.mu.Unlock()
            	return a.balance
            }
            """, """
            func (a *Account) Deposit(n int) {
            	a.mu.Lock()
            	defer a.mu.Unlock()
            	a.balance = a.balanceLocked() + n
            }
            func (a *Account) balanceLocked() int {
            	return a.balance
            }
            """),
        Arguments.of(LockChecks.RLOCK_REENTERED, 4, """
            func (s *Store) Get(k string) string {
            	s.mu.RLock()
            	defer s.mu.RUnlock()
            	if s.has(k) {
            		return s.m[k]
            	}
            	return ""
            }
            func (s *Store) has(k string) bool {
            	s.mu.RLock()
            	defer s.mu.RUnlock()
            	_, ok := s.m[k]
            	return ok
            }
            """, """
            func (s *Store) Get(k string) string {
            	s.mu.RLock()
            	defer s.mu.RUnlock()
            	return s.m[k]
            }
            func (s *Store) has(k string) bool {
            	s.mu.RLock()
            	defer s.mu.RUnlock()
            	_, ok := s.m[k]
            	return ok
            }
            """),
        Arguments.of(LockChecks.UPGRADE, 6, """
            func (s *Store) GetOrCreate(k string) string {
            	s.mu.RLock()
            	defer s.mu.RUnlock()
            	v, ok := s.m[k]
            	if !ok {
            		s.mu.Lock()
            		s.m[k] = "new"
            		s.mu.Unlock()
            	}
            	return v
            }
            """, """
            func (s *Store) GetOrCreate(k string) string {
            	s.mu.RLock()
            	v, ok := s.m[k]
            	s.mu.RUnlock()
            	if !ok {
            		s.mu.Lock()
            		s.m[k] = "new"
            		s.mu.Unlock()
            	}
            	return v
            }
            """),
        Arguments.of(ChannelChecks.WAIT_BEFORE_DRAIN, 11, """
            func collect(jobs []int) int {
            	var wg sync.WaitGroup
            	results := make(chan int)
            	for _, j := range jobs {
            		wg.Add(1)
            		go func(j int) {
            			defer wg.Done()
            			results <- j * 2
            		}(j)
            	}
            	wg.Wait()
            	close(results)
            	sum := 0
            	for r := range results {
            		sum += r
            	}
            	return sum
            }
            """, """
            func collect(jobs []int) int {
            	var wg sync.WaitGroup
            	results := make(chan int)
            	for _, j := range jobs {
            		wg.Add(1)
            		go func(j int) {
            			defer wg.Done()
            			results <- j * 2
            		}(j)
            	}
            	go func() {
            		wg.Wait()
            		close(results)
            	}()
            	sum := 0
            	for r := range results {
            		sum += r
            	}
            	return sum
            }
            """),
        Arguments.of(CopyChecks.COPIED, 5, """
            type Counter struct {
            	mu sync.Mutex
            	n  int
            }
            func (c Counter) Inc() {
            	c.mu.Lock()
            	c.n++
            	c.mu.Unlock()
            }
            """, """
            type Counter struct {
            	mu sync.Mutex
            	n  int
            }
            func (c *Counter) Inc() {
            	c.mu.Lock()
            	c.n++
            	c.mu.Unlock()
            }
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void the_check_fires_on_the_mistake_citing_its_line_and_stays_quiet_on_the_fix(String check, int line, String bad, String good) {
    List<CodeFinding> onBad = findings(bad);
    assertThat(onBad).as("findings on the mistake").anySatisfy(f -> {
      assertThat(f.check()).isEqualTo(check);
      assertThat(f.line()).isEqualTo(line);
    });
    assertThat(findings(good)).as("findings on the fix").noneMatch(f -> f.check().equals(check));
  }
}
