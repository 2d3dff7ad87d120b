package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
