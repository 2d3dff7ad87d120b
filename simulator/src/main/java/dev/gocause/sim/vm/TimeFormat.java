package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;
import static dev.gocause.sim.vm.TimeNatives.DURATION;
import static dev.gocause.sim.vm.TimeNatives.TIME;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * time's text side: ParseDuration (Go's algorithm and error texts), Duration.Truncate/Round, Time.Truncate/Round and
 * Time.Format with Go's reference-time layouts (the layout constants included). Every time is in UTC, as on the
 * playground the virtual clock imitates. Registered from {@link TimeNatives}.
 */
final class TimeFormat {
  private TimeFormat() {}

  private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L,
      "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  static final class Fail extends RuntimeException {
    Fail(String msg) {
      super(msg, null, false, false);
    }
  }

  /** time.ParseDuration, ported from Go 1.19 (unsigned arithmetic on longs). */
  static long parseDuration(String s) {
    String orig = s;
    String invalid = "time: invalid duration " + Fmt.quote(orig);
    long d = 0;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) return 0;
    if (s.isEmpty()) throw new Fail(invalid);
    final long limit = Long.MIN_VALUE; // 1<<63 as unsigned
    while (!s.isEmpty()) {
      long v = 0, f = 0;
      double scale = 1;
      char c0 = s.charAt(0);
      if (!(c0 == '.' || '0' <= c0 && c0 <= '9')) throw new Fail(invalid);
      int i = 0;
      for (; i < s.length() && '0' <= s.charAt(i) && s.charAt(i) <= '9'; i++) {
        if (Long.compareUnsigned(v, Long.divideUnsigned(limit, 10)) > 0) throw new Fail(invalid);
        v = v * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(v, limit) > 0) throw new Fail(invalid);
      }
      boolean pre = i > 0;
      s = s.substring(i);
      boolean post = false;
      if (!s.isEmpty() && s.charAt(0) == '.') {
        s = s.substring(1);
        int k = 0;
        boolean overflow = false;
        for (; k < s.length() && '0' <= s.charAt(k) && s.charAt(k) <= '9'; k++) {
          if (overflow) continue;
          if (Long.compareUnsigned(f, Long.divideUnsigned(-1L >>> 1, 10)) > 0) {
            overflow = true;
            continue;
          }
          long y = f * 10 + (s.charAt(k) - '0');
          if (y < 0) {
            overflow = true;
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = k > 0;
        s = s.substring(k);
      }
      if (!pre && !post) throw new Fail(invalid);
      int u = 0;
      for (; u < s.length(); u++) {
        char c = s.charAt(u);
        if (c == '.' || '0' <= c && c <= '9') break;
      }
      if (u == 0) throw new Fail("time: missing unit in duration " + Fmt.quote(orig));
      String unitName = s.substring(0, u);
      s = s.substring(u);
      Long unit = UNITS.get(unitName);
      if (unit == null) throw new Fail("time: unknown unit " + Fmt.quote(unitName) + " in duration " + Fmt.quote(orig));
      if (Long.compareUnsigned(v, Long.divideUnsigned(limit, unit)) > 0) throw new Fail(invalid);
      v *= unit;
      if (f > 0) {
        v += (long) ((double) f * ((double) unit / scale));
        if (Long.compareUnsigned(v, limit) > 0) throw new Fail(invalid);
      }
      d += v;
      if (Long.compareUnsigned(d, limit) > 0) throw new Fail(invalid);
    }
    if (neg) return -d;
    if (d < 0) throw new Fail(invalid);
    return d;
  }

  static long truncate(long d, long m) {
    return m <= 0 ? d : d - d % m;
  }

  static long round(long d, long m) {
    if (m <= 0) return d;
    long r = d % m;
    if (d < 0) {
      r = -r;
      if (r + r < m) return d + r;
      long d1 = d - m + r;
      return d1 < d ? d1 : Long.MIN_VALUE;
    }
    if (r + r < m) return d - r;
    long d1 = d + m - r;
    return d1 > d ? d1 : Long.MAX_VALUE;
  }

  private static final String[] LAYOUT_TOKENS = {"January", "Jan", "Monday", "Mon", "MST", "2006", "Z07:00:00", "-07:00:00",
    "Z07:00", "-07:00", "Z0700", "-0700", "Z07", "-07", "002", "01", "02", "03", "04", "05", "06", "_2", "15", "1", "2", "3", "4", "5",
    "PM", "pm"};

  /** Time.Format: Go's layout, element by element, in UTC. */
  static String format(long unixNanos, String layout) {
    ZonedDateTime t = java.time.Instant.ofEpochSecond(Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L))
        .atZone(ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      // fractional seconds: .000 / ,000 (fixed) or .999 (trailing zeros dropped) right after a seconds field
      char c = layout.charAt(i);
      if ((c == '.' || c == ',') && i + 1 < layout.length() && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
        char digit = layout.charAt(i + 1);
        int j = i + 1;
        while (j < layout.length() && layout.charAt(j) == digit) j++;
        boolean afterSeconds = i >= 2 && (layout.startsWith("05", i - 2) || layout.startsWith("5", i - 1));
        if (afterSeconds && !(j < layout.length() && Character.isDigit(layout.charAt(j)))) {
          int n = j - i - 1;
          String frac = String.format("%09d", t.getNano()).substring(0, Math.min(n, 9));
          if (digit == '9') {
            frac = frac.replaceAll("0+$", "");
            if (!frac.isEmpty()) sb.append(c).append(frac);
          } else sb.append(c).append(frac);
          i = j;
          continue;
        }
      }
      for (String tok : LAYOUT_TOKENS) {
        if (!layout.startsWith(tok, i)) continue;
        // "Jan" must not be followed by a lower-case letter ("January" is matched first); Mon likewise
        String v = element(t, tok);
        if (v == null) continue;
        sb.append(v);
        i += tok.length();
        continue outer;
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  private static String element(ZonedDateTime t, String tok) {
    String month = t.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    String day = t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    int h12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    return switch (tok) {
      case "January" -> month;
      case "Jan" -> month.substring(0, 3);
      case "Monday" -> day;
      case "Mon" -> day.substring(0, 3);
      case "MST" -> "UTC";
      case "2006" -> String.format("%04d", t.getYear());
      case "06" -> String.format("%02d", t.getYear() % 100);
      case "Z07:00:00", "Z07:00", "Z0700", "Z07" -> "Z";
      case "-07:00:00" -> "+00:00:00";
      case "-07:00" -> "+00:00";
      case "-0700" -> "+0000";
      case "-07" -> "+00";
      case "002" -> String.format("%03d", t.getDayOfYear());
      case "01" -> String.format("%02d", t.getMonthValue());
      case "1" -> Integer.toString(t.getMonthValue());
      case "02" -> String.format("%02d", t.getDayOfMonth());
      case "_2" -> String.format("%2d", t.getDayOfMonth());
      case "2" -> Integer.toString(t.getDayOfMonth());
      case "15" -> String.format("%02d", t.getHour());
      case "03" -> String.format("%02d", h12);
      case "3" -> Integer.toString(h12);
      case "04" -> String.format("%02d", t.getMinute());
      case "4" -> Integer.toString(t.getMinute());
      case "05" -> String.format("%02d", t.getSecond());
      case "5" -> Integer.toString(t.getSecond());
      case "PM" -> t.getHour() >= 12 ? "PM" : "AM";
      case "pm" -> t.getHour() >= 12 ? "pm" : "am";
      default -> null;
    };
  }

  static void register() {
    String p = "time";
    String[][] layouts = {
      {"Layout", "01/02 03:04:05PM '06 -0700"}, {"ANSIC", "Mon Jan _2 15:04:05 2006"}, {"UnixDate", "Mon Jan _2 15:04:05 MST 2006"},
      {"RubyDate", "Mon Jan 02 15:04:05 -0700 2006"}, {"RFC822", "02 Jan 06 15:04 MST"}, {"RFC822Z", "02 Jan 06 15:04 -0700"},
      {"RFC850", "Monday, 02-Jan-06 15:04:05 MST"}, {"RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"},
      {"RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"}, {"RFC3339", "2006-01-02T15:04:05Z07:00"},
      {"RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"}, {"Kitchen", "3:04PM"}, {"Stamp", "Jan _2 15:04:05"},
      {"StampMilli", "Jan _2 15:04:05.000"}, {"StampMicro", "Jan _2 15:04:05.000000"}, {"StampNano", "Jan _2 15:04:05.000000000"},
    };
    for (String[] l : layouts) cnst(p, l[0], Type.UNTYPED_STRING, l[1]);
    fn(p, "ParseDuration", sig(List.of(Type.STRING), List.of(DURATION, ERROR)), pure((m, g, f, a) -> {
      try {
        f.push(parseDuration((String) a[0]));
        f.push(null);
      } catch (Fail e) {
        f.push(0L);
        f.push(newError(e.getMessage()));
      }
    }));
    method(DURATION, "Truncate", false, sig(List.of(DURATION), List.of(DURATION)), pure((m, g, f, a) -> f.push(truncate((Long) a[0], (Long) a[1]))));
    method(DURATION, "Round", false, sig(List.of(DURATION), List.of(DURATION)), pure((m, g, f, a) -> f.push(round((Long) a[0], (Long) a[1]))));
    // a Time's nanos count from 1970 (EPOCH is the playground's clock): Truncate/Round work on the absolute time as Go's
    // do for a zone-less time, which for d dividing a day is the same as rounding since year 1
    method(TIME, "Truncate", false, sig(List.of(DURATION), List.of(TIME)), pure((m, g, f, a) -> {
      long n = ((TimeNatives.TimeVal) a[0]).nanos, d = (Long) a[1];
      f.push(new TimeNatives.TimeVal(d <= 0 ? n : n - Math.floorMod(n, d)));
    }));
    method(TIME, "Round", false, sig(List.of(DURATION), List.of(TIME)), pure((m, g, f, a) -> {
      long n = ((TimeNatives.TimeVal) a[0]).nanos, d = (Long) a[1];
      if (d <= 0) {
        f.push(a[0]);
        return;
      }
      long r = Math.floorMod(n, d);
      f.push(new TimeNatives.TimeVal(r + r < d ? n - r : n + d - r));
    }));
    method(TIME, "Format", false, sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(format(((TimeNatives.TimeVal) a[0]).nanos, (String) a[1]))));
    // every time is in UTC already
    method(TIME, "UTC", false, sig(List.of(), List.of(TIME)), pure((m, g, f, a) -> f.push(a[0])));
    method(TIME, "Local", false, sig(List.of(), List.of(TIME)), pure((m, g, f, a) -> f.push(a[0])));
    method(TIME, "Year", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) utc(a[0]).getYear())));
    method(TIME, "Day", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) utc(a[0]).getDayOfMonth())));
    method(TIME, "Hour", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) utc(a[0]).getHour())));
    method(TIME, "Minute", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) utc(a[0]).getMinute())));
    method(TIME, "Second", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) utc(a[0]).getSecond())));
    method(TIME, "Nanosecond", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) utc(a[0]).getNano())));
    method(TIME, "YearDay", false, sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) utc(a[0]).getDayOfYear())));
  }

  static ZonedDateTime utc(Object t) {
    long n = ((TimeNatives.TimeVal) t).nanos;
    return java.time.Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L)).atZone(ZoneOffset.UTC);
  }
}
