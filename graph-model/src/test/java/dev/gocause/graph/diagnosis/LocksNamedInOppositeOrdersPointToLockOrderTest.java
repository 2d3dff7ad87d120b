package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two sentences of a report that take the same two locks, named by their calls, in opposite orders
 * tell an AB-BA cycle ({@link LockOrderInProse}); the same order twice, a type's method or another
 * method of a lock tells none.
 */
class LocksNamedInOppositeOrdersPointToLockOrderTest {

  private static boolean toldOppositeOrder(Diagnosis d) {
    return d.observedSymptoms().stream().anyMatch(s -> s.id().equals(LockOrderInProse.SYMPTOM));
  }

  @Test
  void twoGoroutinesTakingTwoLocksInOppositeOrdersRankLockOrderFirstInEitherLanguage() {
    DiagnosisService service = RealKnowledge.service();
    Diagnosis en = service.diagnose(DiagnosisRequest.of(
        "Worker goroutines take cache.mu.Lock() and then index.mu.Lock(), and hang there.\n"
            + "The refresher takes index.mu.Lock() and then cache.mu.Lock(); the service stops answering.\n"));
    assertThat(en.causes()).as(en.message()).isNotEmpty();
    assertThat(en.causes().get(0).id()).isEqualTo("ab-ba-lock-order");
    assertThat(en.causes().get(0).evidence()).anyMatch(e -> e.matched().equals("lock order cache.mu → index.mu and index.mu → cache.mu")
        && e.lines().equals(List.of(1, 2)));

    Diagnosis zh = service.diagnose(DiagnosisRequest.of(
        "同步协程先调用 a.mu.Lock() 再调用 b.mu.Lock()\n清理协程先调用 b.mu.Lock() 再调用 a.mu.Lock(),服务卡死\n"));
    assertThat(zh.causes()).as(zh.message()).isNotEmpty();
    assertThat(zh.causes().get(0).id()).isEqualTo("ab-ba-lock-order");
  }

  @Test
  void thingsToldAsLockedOneAfterTheOtherGiveTheOrderWhateverTheyAreCalled() {
    assertThat(LockOrderInProse.lockOrder("Checkout locks the cart first, then the wallet")).containsExactly("cart", "wallet");
    assertThat(LockOrderInProse.lockOrder("refund acquires the wallet lock before the cart")).containsExactly("wallet", "cart");
    assertThat(LockOrderInProse.lockOrder("下单流程先锁购物车再锁钱包")).containsExactly("购物车", "钱包");
    Diagnosis en = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "Under load the shop stops answering. Checkout locks the cart first and then the wallet; Refund locks the wallet and then the cart.\n"));
    assertThat(toldOppositeOrder(en)).as(en.message()).isTrue();
    assertThat(en.causes().get(0).id()).isEqualTo("ab-ba-lock-order");
    Diagnosis zh = RealKnowledge.service().diagnose(DiagnosisRequest.of("高峰期服务卡死。下单先锁购物车再锁钱包,退款先锁钱包再锁购物车。\n"));
    assertThat(toldOppositeOrder(zh)).as(zh.message()).isTrue();
    // the same order twice, or a service that "locks up and then restarts", is no cycle
    assertThat(LockOrderInProse.lockOrder("the pod locks up and then restarts")).isEmpty();
    Diagnosis same = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "Checkout locks the cart first and then the wallet. Refund also locks the cart and then the wallet.\n"));
    assertThat(toldOppositeOrder(same)).isFalse();
  }

  @Test
  void locksToldAsHeldAndWaitedForByTheirNamesGiveTheOrderToo() {
    assertThat(LockOrderInProse.lockOrder("one in (*Room).Add which holds room.mu and is waiting for player.mu,"))
        .containsExactly("room.mu", "player.mu");
    assertThat(LockOrderInProse.lockOrder("写协程持有 cacheMu,等待 s.indexLock")).containsExactly("cacheMu", "s.indexLock");
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "The sync goroutine holds store.mu and waits for queue.mu. The flusher holds queue.mu and is blocked on store.mu.\n"));
    assertThat(toldOppositeOrder(d)).as(d.message()).isTrue();
    // named without being held or waited for: what each lock guards is no order
    assertThat(LockOrderInProse.lockOrder("store.mu guards the map and queue.mu the slice")).isEmpty();
    Diagnosis guards = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "store.mu guards the map and queue.mu the slice. queue.mu is also used for the counter, store.mu for the names.\n"));
    assertThat(toldOppositeOrder(guards)).isFalse();
  }

  @Test
  void theSameOrderTwiceIsNoCycle() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(
        "Both handlers call cache.mu.Lock() and then index.mu.Lock().\n"
            + "The refresher also calls cache.mu.Lock() and then index.mu.Lock(); the service stops answering.\n"));
    assertThat(toldOppositeOrder(d)).isFalse();
  }

  @Test
  void oneSentenceTakingTheLocksAgainInTheSameOrderIsNoCycle() {
    assertThat(LockOrderInProse.lockOrder("a.Lock() then b.Lock(), later a.Lock() and b.Lock() again")).containsExactly("a", "b");
  }

  @Test
  void sentencesAndGoroutinesAreToldApart() {
    assertThat(LockOrderInProse.split("g1 holds a.Lock() and waits on b.RLock() while g2 holds b.Lock() and waits on a.Lock()"))
        .hasSize(2);
    assertThat(LockOrderInProse.inverted(List.of("a", "b"), List.of("b", "a"))).containsExactly("a", "b");
    assertThat(LockOrderInProse.inverted(List.of("a", "b"), List.of("a", "c", "b"))).isNull();
  }

  @Test
  void typesPackagesAndOtherMethodsNameNoLock() {
    assertThat(LockOrderInProse.lockOrder("blocked in sync.Mutex.Lock and then RWMutex.RLock")).isEmpty();
    assertThat(LockOrderInProse.lockOrder("runtime.LockOSThread() then l.Locker() then (*T).Lock")).isEmpty();
    assertThat(LockOrderInProse.lockOrder("先调用s.mu.Lock()再调用t.mu.RLock()")).containsExactly("s.mu", "t.mu");
    assertThat(LockOrderInProse.lockOrder("c.Mutex.Lock() and then d.RWMutex.RLock()")).containsExactly("c.Mutex", "d.RWMutex");
  }
}
