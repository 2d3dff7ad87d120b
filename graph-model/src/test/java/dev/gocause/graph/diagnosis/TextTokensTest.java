package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTokensTest {

  @Test
  void isCjk_agrees_with_the_unicode_script_for_every_code_point() {
    List<String> wrong = new ArrayList<>();
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      boolean want = s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
          || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
      if (TextTokens.isCjk(cp) != want && wrong.size() < 10) {
        wrong.add(Integer.toHexString(cp));
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void chinese_runs_become_character_pairs_and_english_words_are_stemmed() {
    assertThat(TextTokens.phrase("程序卡住 hanging goroutines")).containsExactly("程序", "序卡", "卡住", "hang", "goroutin");
  }

  @Test
  void chinese_tokens_are_the_characters_read_whatever_was_read_before() {
    // far more distinct pairs than the token cache has slots, so slots are taken over again and again
    Random random = new Random(7);
    List<String> wrong = new ArrayList<>();
    for (int n = 0; n < 50_000 && wrong.size() < 10; n++) {
      char a = (char) (0x4E00 + random.nextInt(0x5000));
      char b = (char) (0x4E00 + random.nextInt(0x5000));
      if (a == b) {
        continue; // "锁锁" is two tokens, not three
      }
      String pair = "" + a + b;
      List<String> want = List.of(pair, "" + a, "" + b);
      List<String> got = List.copyOf(TextTokens.input(pair));
      if (!got.equals(want)) {
        wrong.add(pair + " -> " + got);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(TextTokens.input("𠀀𠀁 锁")).containsExactly("𠀀𠀁", "𠀀", "𠀁", "锁"); // outside the BMP: not cached
  }

  @Test
  void a_lowered_text_gives_the_tokens_of_the_text() {
    String text = "WaitGroup 的 wg.Done() 没有调用, Close(ch) 之后 RWMutex 卡住 Hanging";
    Set<String> lowered = new LinkedHashSet<>();
    TextTokens.inputLowered(text.toLowerCase(Locale.ROOT), lowered);
    assertThat(lowered).containsExactlyElementsOf(TextTokens.input(text));
  }
}
