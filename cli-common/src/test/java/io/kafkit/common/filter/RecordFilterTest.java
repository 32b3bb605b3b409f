package io.kafkit.common.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class RecordFilterTest {
  static byte[] b(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  static List<Header> headers(String... nameValues) {
    List<Header> list = new java.util.ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      list.add(new RecordHeader(nameValues[i], b(nameValues[i + 1])));
    }
    return list;
  }

  static RecordFilter filter(
      List<String> keys, List<String> values, List<String> hs, List<String> json) {
    return RecordFilter.of(keys, values, hs, json);
  }

  static RecordFilter values(String... p) {
    return filter(List.of(), List.of(p), List.of(), List.of());
  }

  @Test
  void aPatternIsFoundAnywhereAndAnchorsMatchTheWholeField() {
    assertTrue(values("47").matches(null, b("order 4711"), List.of()));
    assertFalse(values("^47").matches(null, b("order 4711"), List.of()));
    assertTrue(values("^order 4711$").matches(null, b("order 4711"), List.of()));
    assertFalse(values("^order 471$").matches(null, b("order 4711"), List.of()));
  }

  @Test
  void negationKeepsWhatTheRestDoesNotMatchAndNullFieldsMatchNothing() {
    assertFalse(values("!4711").matches(null, b("order 4711"), List.of()));
    assertTrue(values("!4711").matches(null, b("order 4712"), List.of()));
    assertFalse(values(".*").matches(null, null, List.of()));
    assertTrue(values("!.*").matches(null, null, List.of()));
    RecordFilter keys = filter(List.of("^k"), List.of(), List.of(), List.of());
    assertFalse(keys.matches(null, b("v"), List.of()));
    assertTrue(keys.matches(b("key"), b("v"), List.of()));
  }

  @Test
  void theSameFlagRepeatedIsOrAndDifferentFlagsAreAnd() {
    RecordFilter or = values("^a", "^b");
    assertTrue(or.matches(null, b("apple"), List.of()));
    assertTrue(or.matches(null, b("banana"), List.of()));
    assertFalse(or.matches(null, b("cherry"), List.of()));
    RecordFilter and = filter(List.of("^k1$"), List.of("^a"), List.of(), List.of());
    assertTrue(and.matches(b("k1"), b("apple"), List.of()));
    assertFalse(and.matches(b("k2"), b("apple"), List.of()));
    assertFalse(and.matches(b("k1"), b("banana"), List.of()));
  }

  @Test
  void bytesThatAreNotUtf8MatchOnlyDot() {
    byte[] binary = {'a', (byte) 0xff, 'b'};
    assertTrue(values("^a.b$").matches(null, binary, List.of()));
    assertFalse(values("^ab$").matches(null, binary, List.of()));
    assertFalse(values("^a\\xffb$").matches(null, binary, List.of()));
  }

  @Test
  void headersByPresenceAbsenceAndValue() {
    RecordFilter present = filter(List.of(), List.of(), List.of("trace"), List.of());
    assertTrue(present.matches(null, null, headers("trace", null)));
    assertFalse(present.matches(null, null, headers("other", "x")));
    RecordFilter absent = filter(List.of(), List.of(), List.of("!trace"), List.of());
    assertFalse(absent.matches(null, null, headers("trace", "1")));
    assertTrue(absent.matches(null, null, headers("other", "1")));
    RecordFilter value = filter(List.of(), List.of(), List.of("region=^eu-"), List.of());
    assertTrue(value.matches(null, null, headers("region", "us-1", "region", "eu-2")));
    assertFalse(value.matches(null, null, headers("region", "us-1")));
    assertFalse(value.matches(null, null, headers("region", null)));
    RecordFilter notValue = filter(List.of(), List.of(), List.of("region=!^eu-"), List.of());
    assertTrue(notValue.matches(null, null, headers("region", "us-1")));
    assertTrue(notValue.matches(null, null, headers()));
    assertFalse(notValue.matches(null, null, headers("region", "eu-1")));
  }

  @Test
  void jsonFieldsByPointer() {
    RecordFilter id = filter(List.of(), List.of(), List.of(), List.of("/order/id=^4711$"));
    assertTrue(id.matches(null, b("{\"order\":{\"id\":4711}}"), List.of()));
    assertTrue(id.matches(null, b("{\"order\":{\"id\":\"4711\"}}"), List.of()));
    assertFalse(id.matches(null, b("{\"order\":{\"id\":47110}}"), List.of()));
    assertFalse(id.matches(null, b("{\"order\":{}}"), List.of()));
    // not JSON: no match and no error, negated or not
    assertFalse(id.matches(null, b("order 4711"), List.of()));
    RecordFilter not = filter(List.of(), List.of(), List.of(), List.of("/order/id=!^4711$"));
    assertFalse(not.matches(null, b("order 4711"), List.of()));
    assertFalse(not.matches(null, null, List.of()));
    assertTrue(not.matches(null, b("{\"order\":{}}"), List.of()));
    // empty, blank, or JSON with text after it: not JSON
    assertFalse(not.matches(null, b(""), List.of()));
    assertFalse(not.matches(null, b("  "), List.of()));
    assertFalse(not.matches(null, b("{\"order\":{}} junk"), List.of()));
    RecordFilter object = filter(List.of(), List.of(), List.of(), List.of("/items=\"sku\":\"A1\""));
    assertTrue(object.matches(null, b("{\"items\":[{\"sku\":\"A1\"}]}"), List.of()));
    RecordFilter bool = filter(List.of(), List.of(), List.of(), List.of("/paid=^true$"));
    assertTrue(bool.matches(null, b("{\"paid\":true}"), List.of()));
  }

  @Test
  void badFiltersAreRefusedInOneLine() {
    assertEquals(
        "--filter-value 'a(' is not a valid regular expression: Unclosed group near index 2.",
        assertThrows(IllegalArgumentException.class, () -> values("a(")).getMessage());
    assertEquals(
        "--filter-json 'order/id=1' does not start with a JSON Pointer: give"
            + " /field/subfield=REGEX, such as /order/id=^4711$.",
        assertThrows(
                IllegalArgumentException.class,
                () -> filter(List.of(), List.of(), List.of(), List.of("order/id=1")))
            .getMessage());
    assertEquals(
        "--filter-json '/order/id' has no '=REGEX': give /field/subfield=REGEX.",
        assertThrows(
                IllegalArgumentException.class,
                () -> filter(List.of(), List.of(), List.of(), List.of("/order/id")))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> filter(List.of(), List.of(), List.of("=x"), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> filter(List.of(), List.of(), List.of("!region=eu"), List.of()));
    assertFalse(RecordFilter.none().active());
    assertTrue(RecordFilter.none().matches(null, null, List.of()));
  }
}
