package dev.gocause.graph.diagnosis.code;

import static dev.gocause.graph.diagnosis.code.EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A buffered channel used as a semaphore loses a slot on every return between its send and its receive. */
class ASemaphoreTokenKeptOnAReturnIsFoundTest {

  private static List<String> kept(String src) {
    return findings(src).stream().filter(f -> f.check().equals(SemaphoreChecks.TOKEN_KEPT)).map(f -> "@" + f.line()).toList();
  }

  @Test
  void a_return_between_taking_and_giving_back_the_token_keeps_it() {
    assertThat(kept("""
        func crawl(pages []string) {
        	slots := make(chan bool, 4)
        	for _, p := range pages {
        		go func(p string) {
        			slots <- true
        			body, err := download(p)
        			if err != nil {
        				return
        			}
        			save(body)
        			<-slots
        		}(p)
        	}
        }
        """)).containsExactly("@8");
  }

  @Test
  void a_deferred_release_a_release_before_the_return_or_an_unbuffered_channel_is_fine() {
    assertThat(kept("""
        func crawl(pages []string) {
        	slots := make(chan bool, 4)
        	for _, p := range pages {
        		go func(p string) {
        			slots <- true
        			defer func() { <-slots }()
        			body, err := download(p)
        			if err != nil {
        				return
        			}
        			save(body)
        		}(p)
        	}
        }
        """)).isEmpty();
    assertThat(kept("""
        func crawl(pages []string) {
        	slots := make(chan bool, 4)
        	for _, p := range pages {
        		go func(p string) {
        			slots <- true
        			body, err := download(p)
        			if err != nil {
        				<-slots
        				return
        			}
        			save(body)
        			<-slots
        		}(p)
        	}
        }
        """)).isEmpty();
    assertThat(kept("""
        func relay(in chan int) {
        	ping := make(chan int)
        	ping <- 1
        	if len(in) == 0 {
        		return
        	}
        	<-ping
        }
        """)).isEmpty();
  }
}
